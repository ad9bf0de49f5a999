"""Turn a GGUF file into a safetensors cache that loads in about a second.

transformers can read GGUF, but it de-quantizes every tensor on every load (~15 s on two
cores) and `save_pretrained` refuses a GGUF-loaded model. So the first load writes the
state dict with safetensors (without the output head, which is tied to the embeddings),
the config and the tokenizer, plus a manifest used to notice damaged or edited files.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

from sim.core.generation import Progress
from sim.store.models import write_manifest

WEIGHTS = "model.safetensors"


@contextlib.contextmanager
def _tensor_progress(progress: Progress, start: float, end: float):
    """Report transformers' per-tensor GGUF progress through our callback."""
    try:
        from transformers import modeling_gguf_pytorch_utils as gguf_utils
    except ImportError:  # pragma: no cover - depends on the transformers version
        yield
        return
    original = getattr(gguf_utils, "tqdm", None)

    def reporting(iterable, *args, **kwargs):
        items = list(iterable)
        for index, item in enumerate(items):
            progress(start + (end - start) * index / max(1, len(items)), "de-quantizing weights")
            yield item

    gguf_utils.tqdm = reporting
    try:
        yield
    finally:
        gguf_utils.tqdm = original


def build_cache(gguf: Path, cache_dir: Path, progress: Progress) -> None:
    """Convert `gguf` into `cache_dir`, replacing whatever was there. Atomic: a killed
    conversion leaves no half-written cache behind."""
    import torch
    from safetensors.torch import save_file
    from transformers import AutoModelForCausalLM, AutoTokenizer

    progress(0.02, "reading the tokenizer")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        progress(0.10, "reading the GGUF file")
        with _tensor_progress(progress, 0.35, 0.85):
            model = AutoModelForCausalLM.from_pretrained(
                gguf.parent, gguf_file=gguf.name, dtype=torch.float32
            )
    progress(0.88, "writing the cache")
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=cache_dir.parent, prefix=".cache-"))
    try:
        tied = bool(getattr(model.config, "tie_word_embeddings", False))
        state = {
            name: tensor.detach().contiguous()
            for name, tensor in model.state_dict().items()
            if not (tied and name == "lm_head.weight")
        }
        save_file(state, str(scratch / WEIGHTS), metadata={"format": "pt"})
        config = model.config.to_dict()
        config.pop("quantization_config", None)  # the cache holds plain fp32 weights
        (scratch / "config.json").write_text(json.dumps(config, indent=1, default=str))
        tokenizer.save_pretrained(scratch)
        write_manifest(scratch, gguf)
        if cache_dir.exists():
            shutil.rmtree(cache_dir)
        os.replace(scratch, cache_dir)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    progress(0.95, "cache written")
