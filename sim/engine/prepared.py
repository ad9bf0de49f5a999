"""Weights saved already converted (bf16, or int8 with scales), next to the fp32 cache.

Converting 135M fp32 weights to int8 takes about a second on two cores, every start.
Saving the result once and assigning it into a model built on the meta device makes the
weights part of a warm load take a few hundredths of a second.
"""

from __future__ import annotations

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoConfig, AutoModelForCausalLM

from sim.engine import quantize
from sim.store.models import ModelFiles

PREPARED_MODES = frozenset({"bf16", "int8-weight"})
#: Bump when the layout of a prepared file changes, so old files are rebuilt.
PREPARED_FORMAT = 2


def prepared_name(mode: str) -> str:
    return f"prepared-{mode}-v{PREPARED_FORMAT}.safetensors"


def _non_persistent(model: torch.nn.Module) -> set[str]:
    return {name for name, _ in model.named_buffers()} - set(model.state_dict())


def save_prepared(files: ModelFiles, model: torch.nn.Module, mode: str) -> None:
    tied = bool(getattr(model.config, "tie_word_embeddings", False)) and mode == "bf16"
    tensors = {
        name: tensor.detach().contiguous()
        for name, tensor in model.state_dict().items()
        if not (tied and name == "lm_head.weight")  # safetensors refuses shared storage
    }
    # Buffers like rotary frequencies are not in the state dict; keep them so nothing is
    # left on the meta device after loading.
    buffers = dict(model.named_buffers())
    for name in _non_persistent(model):
        tensors[name] = buffers[name].detach().contiguous()
    path = files.cache_dir / prepared_name(mode)
    for stale in files.cache_dir.glob(f"prepared-{mode}-*.safetensors"):
        if stale != path:
            stale.unlink(missing_ok=True)  # written by an older layout
    partial = path.with_suffix(".partial")
    save_file(tensors, str(partial), metadata={"mode": mode})
    partial.replace(path)
    files.record_cache_file(path.name)


def load_prepared(files: ModelFiles, mode: str) -> torch.nn.Module | None:
    """The prepared model, or None when there is no intact prepared file for `mode`."""
    name = prepared_name(mode)
    if mode not in PREPARED_MODES or not files.cache_file_intact(name):
        return None
    config = AutoConfig.from_pretrained(files.cache_dir)
    with torch.device("meta"):
        dtype = torch.bfloat16 if mode == "bf16" else torch.float32
        model = AutoModelForCausalLM.from_config(config, dtype=dtype)
        quantize.empty_shell(model, mode)
    state = load_file(str(files.cache_dir / name))
    extra = _non_persistent(model)
    model.load_state_dict({k: v for k, v in state.items() if k not in extra}, assign=True, strict=False)
    for name in extra:
        owner, _, leaf = name.rpartition(".")
        model.get_submodule(owner)._buffers[leaf] = state[name]
    if getattr(config, "tie_word_embeddings", False) and mode == "bf16":
        model.tie_weights()
    if any(t.is_meta for t in (*model.parameters(), *model.buffers())):
        return None  # an older or partial file: rebuild it from the fp32 cache
    return model
