"""The language model engine: the only layer that imports torch or transformers.

`load_generator(files, progress)` returns a `sim.core.generation.Generator`. It is the
one place that knows which backend serves a profile, so a second backend (for example an
OpenAI-compatible HTTP server) is added here without touching core or the UI.

Importing this package is cheap; torch is imported when a model is loaded.
"""

from __future__ import annotations

import os

from sim.core.generation import Generator, Progress
from sim.store.models import ModelFiles


def _quiet_offline() -> None:
    # Never reach for a model hub, and keep library progress bars and warnings off the
    # terminal (they would tear the TUI): progress is reported through our callback.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def load_generator(files: ModelFiles, progress: Progress | None = None) -> Generator:
    """Load the profile's model, converting a GGUF to the cache first if needed.

    Raises sim.store.models.ModelError (one line, naming the fix) when files are missing.
    """
    _quiet_offline()
    from sim.engine.loader import load_local

    return load_local(files, progress or (lambda fraction, what: None))
