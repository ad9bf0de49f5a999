"""Session metrics over a conversation, each shown beside a published anchor.

- talk share: the user's words over all words. Gong's analysis of sales calls found top
  performers talk about 43% of the time.
- questions per user turn, and reflections per question. MITI 4 (Motivational
  Interviewing Treatment Integrity) treats a reflection-to-question ratio of 1:1 as fair
  and 2:1 as good.
- longest user monologue in words (consecutive user lines count as one stretch).
- pitches (turns graded pitching >= 2) and the user turn of the first one.
- the three axes for every user turn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sim.core.grading.text import sentences, tokens
from sim.core.grading.types import AXES, Grade, Signal

TALK_SHARE_ANCHOR = 0.43
TALK_SHARE_SOURCE = "about 43% for top performers (Gong call data)"
REFLECTIONS_FAIR = 1.0
REFLECTIONS_GOOD = 2.0
REFLECTIONS_SOURCE = "MITI 4: 1:1 fair, 2:1 good"
PITCH_LEVEL = 2
_MAX_COUNT_CHARS = 200_000  # words beyond this are estimated by whitespace


@dataclass(frozen=True)
class SessionMetrics:
    user_turns: int
    persona_turns: int
    user_words: int
    total_words: int
    questions: int
    reflections: int
    longest_monologue: int
    pitch_count: int
    first_pitch_turn: int | None  # 1-based among user turns; None if no pitch
    #: per user turn, in order; None where the turn was not graded
    axes: dict[str, list[int | None]] = field(default_factory=dict)

    @property
    def talk_share(self) -> float | None:
        return self.user_words / self.total_words if self.total_words else None

    @property
    def questions_per_turn(self) -> float | None:
        return self.questions / self.user_turns if self.user_turns else None

    @property
    def reflections_per_question(self) -> float | None:
        return self.reflections / self.questions if self.questions else None

    @property
    def reflection_band(self) -> str | None:
        """Where the reflection-to-question ratio sits against MITI 4."""
        ratio = self.reflections_per_question
        if ratio is None:
            return None
        if ratio >= REFLECTIONS_GOOD:
            return "good"
        if ratio >= REFLECTIONS_FAIR:
            return "fair"
        return "below fair"

    def to_dict(self) -> dict[str, Any]:
        """Flat, display-ready values; each metric with an anchor has a `_anchor` twin."""
        return {
            "user_turns": self.user_turns,
            "talk_share": _round(self.talk_share),
            "talk_share_anchor": TALK_SHARE_SOURCE,
            "questions_per_turn": _round(self.questions_per_turn),
            "reflections_per_question": _round(self.reflections_per_question),
            "reflections_per_question_band": self.reflection_band,
            "reflections_per_question_anchor": REFLECTIONS_SOURCE,
            "longest_monologue_words": self.longest_monologue,
            "pitch_count": self.pitch_count,
            "first_pitch_turn": self.first_pitch_turn,
            "axes_per_turn": {axis: list(levels) for axis, levels in self.axes.items()},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def count_words(text: str) -> int:
    if len(text) > _MAX_COUNT_CHARS:
        return len(text.split())
    return len(tokens(text))


def _as_grade(value: Any) -> Grade | None:
    if isinstance(value, Grade):
        return value
    if isinstance(value, Mapping):
        try:
            return Grade.from_dict(dict(value))
        except (KeyError, TypeError, ValueError):
            return None
    return None


def _questions_in(text: str, grade: Grade | None) -> int:
    if grade is not None:
        return len({(e.start, e.end) for e in grade.evidence if e.signal == Signal.QUESTION})
    return sum(1 for s in sentences(text[:_MAX_COUNT_CHARS]) if s.is_question)


def _reflections_in(grade: Grade | None) -> int:
    if grade is None:
        return 0
    return len({(e.start, e.end) for e in grade.evidence if e.signal == Signal.REFLECTION})


def session_metrics(turns: Sequence[tuple[str, str, Any]]) -> SessionMetrics:
    """`turns` is the conversation in order: (speaker, text, grade or None). Speaker is
    "user" or "persona"; a grade may be a Grade or its dict form."""
    user_turns = persona_turns = user_words = total_words = 0
    questions = reflections = pitch_count = 0
    longest = current_run = 0
    first_pitch: int | None = None
    axes: dict[str, list[int | None]] = {axis: [] for axis in AXES}
    for speaker, text, raw_grade in turns:
        text = text if isinstance(text, str) else str(text or "")
        words = count_words(text)
        total_words += words
        if speaker != "user":
            persona_turns += 1
            current_run = 0
            continue
        user_turns += 1
        user_words += words
        current_run += words
        longest = max(longest, current_run)
        grade = _as_grade(raw_grade)
        questions += _questions_in(text, grade)
        reflections += _reflections_in(grade)
        for axis in AXES:
            axes[axis].append(grade.level(axis) if grade is not None else None)
        if grade is not None and grade.pitching >= PITCH_LEVEL:
            pitch_count += 1
            if first_pitch is None:
                first_pitch = user_turns
    return SessionMetrics(
        user_turns=user_turns,
        persona_turns=persona_turns,
        user_words=user_words,
        total_words=total_words,
        questions=questions,
        reflections=reflections,
        longest_monologue=longest,
        pitch_count=pitch_count,
        first_pitch_turn=first_pitch,
        axes=axes,
    )
