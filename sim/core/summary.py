"""What a saved session adds up to: its outcome and average levels. Pure: history,
progress and the exports share it, and the store fills in where the file lives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sim.core.grading.types import AXES
from sim.core.transcript import Transcript, Turn

OUTCOMES = ("opportunity revealed", "persona left", "ended", "unfinished", "unreadable")


@dataclass(frozen=True)
class TranscriptSummary:
    """One saved session, as history and progress show it."""

    path: Path
    started_at: str = ""
    persona_id: str = ""
    persona_name: str = ""
    outcome: str = "unreadable"  # one of OUTCOMES
    user_turns: int = 0
    #: mean level per axis over the graded user turns of the current branch
    averages: dict[str, float] | None = None
    problem: str = ""  # why the file is unreadable
    warnings: tuple[str, ...] = field(default=())

    @property
    def readable(self) -> bool:
        return not self.problem

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "started_at": self.started_at,
            "persona_id": self.persona_id,
            "persona_name": self.persona_name,
            "outcome": self.outcome,
            "user_turns": self.user_turns,
            "averages": self.averages,
            "problem": self.problem or None,
            "warnings": list(self.warnings),
        }


def outcome(transcript: Transcript, branch: list[Turn] | None = None) -> str:
    """How a branch (the current one by default) ended. A revealed opportunity is the
    news, even if the persona left afterwards."""
    kinds = {e.kind for e in transcript.events_on(transcript.branch() if branch is None else branch)}
    for kind, label in (
        ("opportunity_revealed", "opportunity revealed"),
        ("persona_left", "persona left"),
        ("ended", "ended"),
    ):
        if kind in kinds:
            return label
    return "unfinished"


def averages(branch: Sequence[Turn]) -> dict[str, float] | None:
    """Mean level per axis over the graded user turns, or None if none is graded."""
    grades = [t.grade for t in branch if t.speaker == "user" and t.grade is not None]
    if not grades:
        return None
    return {axis: round(sum(g.level(axis) for g in grades) / len(grades), 2) for axis in AXES}


def summarize(path: Path, transcript: Transcript, warnings: Sequence[str] = ()) -> TranscriptSummary:
    branch = transcript.branch()
    persona = transcript.header.persona
    return TranscriptSummary(
        path=path,
        started_at=transcript.header.started_at,
        persona_id=str(persona.get("id", "")),
        persona_name=str(persona.get("name", "")),
        outcome=outcome(transcript, branch),
        user_turns=sum(1 for t in branch if t.speaker == "user"),
        averages=averages(branch),
        warnings=tuple(warnings),
    )
