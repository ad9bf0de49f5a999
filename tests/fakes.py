"""A deterministic stand-in for the language model, for UI and loop tests.

It answers every `sample` with queued candidates (or, when the queue is empty, with a
continuation that passes the guard for most intents), and can be told to be slow, to
fail, or to block until released, so tests can check the UI stays responsive. The app
itself never uses it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence

from sim.core.generation import GenerationOptions, Message, ModelInfo

DEFAULT_CONTINUATION = " that is really something I have been thinking about lately."


class ScriptedGenerator:
    info = ModelInfo(id="scripted", name="Scripted stand-in", context_length=4096, prompt_style="scene")

    def __init__(self, answers: Sequence[Sequence[str]] = (), *, delay: float = 0.0,
                 fail: BaseException | None = None):
        self.answers: deque[list[str]] = deque(list(a) for a in answers)
        self.delay = delay
        self.fail = fail
        self.prompts: list[str] = []  # what the model saw, in order
        self.prefilled: list[str] = []  # what was read into the cache ahead of time
        self.gate: threading.Event | None = None  # when set, sample() waits for it

    def _wait(self, stop_event: threading.Event | None) -> bool:
        """Wait for the delay or the gate; False if stopped first."""
        deadline = time.monotonic() + self.delay
        while True:
            if stop_event is not None and stop_event.is_set():
                return False
            gate_open = self.gate is None or self.gate.is_set()
            if gate_open and time.monotonic() >= deadline:
                return True
            time.sleep(0.005)

    def sample(self, messages: Sequence[Message], options: GenerationOptions, n: int,
               stop_event: threading.Event | None = None) -> list[str]:
        self.prompts.append("".join(m.content for m in messages))
        if self.fail is not None:
            raise self.fail
        if not self._wait(stop_event):
            return [""] * n
        answers = self.answers.popleft() if self.answers else [DEFAULT_CONTINUATION]
        return (answers * n)[:n]

    def stream(self, messages: Sequence[Message], options: GenerationOptions,
               stop_event: threading.Event | None = None) -> Iterator[str]:
        for word in self.sample(messages, options, 1, stop_event)[0].split(" "):
            if stop_event is not None and stop_event.is_set():
                return
            yield word + " "

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def prefill(self, messages: Sequence[Message]) -> None:
        self.prefilled.append("".join(m.content for m in messages))
