"""What the rest of the app needs to know about a text generator, without torch.

The engine (sim.engine) implements `Generator` with a local model; tests implement it
with a scripted stand-in. Core code only ever sees this protocol.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol, runtime_checkable

Role = Literal["system", "user", "assistant", "text"]

#: How prompts are laid out for a model. "scene": one plain-text scene transcript the
#: model continues (small models stay in voice far better this way). "chat": the
#: model's own chat template, for larger instruction-tuned models.
PromptStyle = Literal["scene", "chat"]


@dataclass(frozen=True)
class Message:
    """One piece of a prompt.

    role "text" is raw text, used as is, with no chat template around it. A prompt made
    only of "text" messages is a plain completion prompt. A final "assistant" message is
    a prefix the model continues.
    """

    role: Role
    content: str


@dataclass(frozen=True)
class GenerationOptions:
    max_new_tokens: int = 30
    temperature: float = 0.5
    top_p: float = 0.9
    top_k: int = 50
    repetition_penalty: float = 1.0
    seed: int | None = None
    #: Generation ends at the first of these strings (not included in the output).
    stop: tuple[str, ...] = ("\n",)

    def with_(self, **changes) -> GenerationOptions:
        return replace(self, **changes)


@dataclass(frozen=True)
class ModelInfo:
    id: str
    name: str
    context_length: int
    prompt_style: PromptStyle
    details: dict[str, str] = field(default_factory=dict)


#: Progress callback: (fraction 0..1, what is happening).
Progress = Callable[[float, str], None]


@runtime_checkable
class Generator(Protocol):
    """A loaded text generator. Implementations must be safe to call from one worker
    thread at a time; they never touch the UI."""

    info: ModelInfo

    def stream(
        self,
        messages: Sequence[Message],
        options: GenerationOptions,
        stop_event: threading.Event | None = None,
    ) -> Iterator[str]:
        """Yield text deltas of one completion. Setting stop_event ends it within one
        decoding step."""
        ...

    def sample(
        self,
        messages: Sequence[Message],
        options: GenerationOptions,
        n: int,
        stop_event: threading.Event | None = None,
    ) -> list[str]:
        """Return n independent completions of the same prompt, generated together."""
        ...

    def count_tokens(self, text: str) -> int:
        """How many tokens the text costs in this model's context window."""
        ...

    def prefill(self, messages: Sequence[Message]) -> None:
        """Read a prompt into the model's cache without generating, so a later call that
        starts with it only reads what is new. A speed-up; doing nothing is correct."""
        ...
