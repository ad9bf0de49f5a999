"""Re-grading a saved session with the current grader, to see where levels changed.

Every user turn on every branch is graded again in the context it had (the turns on its
own path), and compared with the grade stored in the file. `sim grade FILE` shows the
result with one of the formatters below.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sim.core.export import md_escape
from sim.core.grading.types import AXES, ContextLine, Grade, PersonaBrief
from sim.core.transcript import Header, Transcript

GradeFn = Callable[[PersonaBrief, Sequence[ContextLine], str], Grade]
SHORT = {"listening": "L", "helpfulness": "H", "pitching": "P"}


@dataclass(frozen=True)
class RegradeRow:
    turn_id: str
    number: int  # the user's turn number along its own branch, from 1
    branches: tuple[int, ...]  # the branches (1-based, as `branches()` lists them) it is on
    text: str
    old: Grade | None  # as stored; None if the turn was never graded
    new: Grade

    @property
    def changed(self) -> tuple[str, ...]:
        """The axes whose level differs (every axis when there was no stored grade)."""
        if self.old is None:
            return AXES
        return tuple(a for a in AXES if self.old.level(a) != self.new.level(a))

    def to_dict(self) -> dict:
        return {
            "turn_id": self.turn_id,
            "number": self.number,
            "branches": list(self.branches),
            "text": self.text,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict(),
            "changed": list(self.changed),
        }


def persona_brief(header: Header) -> PersonaBrief:
    """The grader's view of the persona as played, from the header's snapshot. Tolerant:
    a persona written by an older sim may lack fields."""
    persona = header.persona
    name = str(persona.get("name") or "the persona")
    role = str(persona.get("role") or "")
    where = f" at {persona['organisation']}" if persona.get("organisation") else ""
    challenges = [c for c in _list(persona.get("challenges")) if isinstance(c, dict)]
    summaries = [str(c["summary"]) for c in challenges if c.get("summary")]
    needs = [str(n) for c in challenges for n in _list(c.get("needs"))]
    card = f"{name}, {role}{where}." if role else f"{name}."
    if persona.get("background"):
        card += f" {persona['background']}"
    if summaries:
        card += f" Currently dealing with: {'; '.join(summaries)}."
    return PersonaBrief(
        name=name,
        role=role,
        event=str(persona.get("event") or ""),
        card=card,
        needs=tuple(summaries + needs),
    )


def _list(value) -> list:
    """A header field that should be a list, or nothing: a hand-edited transcript may hold
    any JSON value there (true, a number, a string)."""
    return value if isinstance(value, list) else []


def regrade(transcript: Transcript, grade_fn: GradeFn) -> list[RegradeRow]:
    """Grade every user turn again (each once, even when several branches share it)."""
    brief = persona_brief(transcript.header)
    on_branches: dict[str, list[int]] = {}
    for number, branch in enumerate(transcript.branches(), 1):
        for turn in branch:
            on_branches.setdefault(turn.id, []).append(number)
    rows = []
    for turn in transcript.turns:
        if turn.speaker != "user":
            continue
        path = transcript.path_to(turn.id)
        context = [ContextLine(t.speaker, t.text) for t in path[:-1]]
        rows.append(
            RegradeRow(
                turn_id=turn.id,
                number=sum(1 for t in path if t.speaker == "user"),
                branches=tuple(on_branches.get(turn.id, ())),
                text=turn.text,
                old=turn.grade,
                new=grade_fn(brief, context, turn.text),
            )
        )
    return rows


# ------------------------------------------------------------------ formatters


def _levels(row: RegradeRow, arrow: str = "→") -> list[str]:
    cells = []
    for axis in AXES:
        new = row.new.level(axis)
        if row.old is None:
            cells.append(f"{SHORT[axis]} {new} (new)")
        elif axis in row.changed:
            cells.append(f"{SHORT[axis]} {row.old.level(axis)}{arrow}{new}")
        else:
            cells.append(f"{SHORT[axis]} {new}")
    return cells


def _summary(rows: Sequence[RegradeRow]) -> str:
    changed = sum(1 for r in rows if r.changed)
    stored = sorted({r.old.grader_version for r in rows if r.old and r.old.grader_version})
    current = sorted({r.new.grader_version for r in rows if r.new.grader_version})
    versions = ""
    if stored or current:
        versions = f" (stored grader {', '.join(stored) or 'unknown'}; now {', '.join(current) or 'unknown'})"
    return f"{changed} of {len(rows)} user turns changed{versions}"


def format_text(rows: Sequence[RegradeRow], width: int = 80) -> str:
    """One line per user turn, `*` marking changes, plus the new tip where it changed."""
    if not rows:
        return "No user turns to grade.\n"
    lines = []
    for row in rows:
        mark = "*" if row.changed else " "
        where = ",".join(map(str, row.branches))
        head = f"{mark} turn {row.number:<2} branch {where:<4} {'  '.join(_levels(row, '->'))}"
        room = max(10, width - len(head) - 4)
        text = " ".join(row.text.split())
        text = text if len(text) <= room else text[: room - 3] + "..."
        lines.append(f'{head}  "{text}"')
        if row.changed and row.new.tip:
            lines.append(textwrap.fill(row.new.tip, width, initial_indent="    tip: ", subsequent_indent=" " * 9))
    return "\n".join([*lines, "", _summary(rows)]) + "\n"


def format_markdown(rows: Sequence[RegradeRow]) -> str:
    out = ["# Re-graded turns", "", _summary(rows), ""]
    if not rows:
        return "\n".join(out) + "\n"
    out += ["| Turn | Branch | Levels | Changed | What you said |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        text = md_escape(" ".join(row.text.split()))
        changed = ", ".join(row.changed) or "-"
        branches = ", ".join(map(str, row.branches))
        out.append(f"| {row.number} | {branches} | {' · '.join(_levels(row))} | {changed} | {text} |")
    return "\n".join(out) + "\n"


def format_json(rows: Sequence[RegradeRow]) -> str:
    data = {
        "changed": sum(1 for r in rows if r.changed),
        "total": len(rows),
        "rows": [r.to_dict() for r in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
