"""Cut a growing completion at the first stop string, without ever showing part of one."""

from __future__ import annotations

from collections.abc import Sequence


class StopScanner:
    """Feed the whole text generated so far; get back the new text that is safe to show.

    Text that could be the start of a stop string is held back until it is clearly not
    one. Once a stop string appears, `stopped` is set and the text before it is final.
    """

    def __init__(self, stops: Sequence[str]):
        self.stops = tuple(s for s in stops if s)
        self.shown = ""
        self.stopped = False

    def _cut(self, text: str) -> tuple[str, bool]:
        first = min((i for i in (text.find(s) for s in self.stops) if i >= 0), default=-1)
        if first >= 0:
            return text[:first], True
        return text, False

    def feed(self, text: str) -> str:
        if self.stopped:
            return ""
        text, self.stopped = self._cut(text)
        if not self.stopped:
            # Hold back a tail that might grow into a stop string, and a half-decoded
            # character (the tokenizer shows it as U+FFFD until its bytes are complete).
            hold = 0
            for stop in self.stops:
                for size in range(min(len(stop) - 1, len(text)), 0, -1):
                    if text.endswith(stop[:size]):
                        hold = max(hold, size)
                        break
            if text.endswith("\ufffd"):
                hold = max(hold, 1)
            text = text[: len(text) - hold]
        if not text.startswith(self.shown):
            return ""  # the tokenizer revised earlier text; wait for it to settle
        delta = text[len(self.shown):]
        self.shown = text
        return delta

    def finish(self, text: str) -> str:
        """Generation has ended: release anything held back, cut at a stop string."""
        if self.stopped:
            return ""
        self.stopped = True
        text = self._cut(text)[0].rstrip("\ufffd")
        if not text.startswith(self.shown):
            return ""
        delta = text[len(self.shown):]
        self.shown = text
        return delta
