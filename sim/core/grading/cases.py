"""The case format for labeled turns (one JSON object per line):

    {"id", "persona": {"name", "role", "event", "card"}, "context": [{"speaker", "text"}],
     "user_turn", "labels": {"listening", "helpfulness", "pitching"}, "why"}

`labels` and `why` are optional. Problems are reported as `file:line: problem`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sim.core.grading.types import AXES, ContextLine, PersonaBrief


class CaseError(ValueError):
    """A malformed case file; str() is one line naming the file and line."""


@dataclass(frozen=True)
class Case:
    id: str
    persona: PersonaBrief
    context: tuple[ContextLine, ...]
    user_turn: str
    labels: dict[str, int] | None = None
    why: str = ""


def parse_case(data: object, where: str) -> Case:
    if not isinstance(data, dict):
        raise CaseError(f"{where}: expected a JSON object")
    case_id = data.get("id")
    if not isinstance(case_id, (str, int)) or str(case_id) == "":
        raise CaseError(f"{where}: missing 'id'")
    persona = data.get("persona")
    if not isinstance(persona, dict) or not isinstance(persona.get("name"), str):
        raise CaseError(f"{where}: 'persona' must be an object with a 'name'")
    for key in ("role", "event", "card"):
        if not isinstance(persona.get(key, ""), str):
            raise CaseError(f"{where}: persona.{key} must be a string")
    needs = persona.get("needs", [])
    if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
        raise CaseError(f"{where}: persona.needs must be a list of strings")
    context = data.get("context", [])
    if not isinstance(context, list):
        raise CaseError(f"{where}: 'context' must be a list")
    lines = []
    for i, line in enumerate(context):
        if not isinstance(line, dict) or line.get("speaker") not in ("persona", "user") or not isinstance(line.get("text"), str):
            raise CaseError(f"{where}: context[{i}] needs 'speaker' (persona|user) and 'text'")
        lines.append(ContextLine(speaker=line["speaker"], text=line["text"]))
    user_turn = data.get("user_turn")
    if not isinstance(user_turn, str):
        raise CaseError(f"{where}: 'user_turn' must be a string")
    labels = data.get("labels")
    if labels is not None:
        if not isinstance(labels, dict):
            raise CaseError(f"{where}: 'labels' must be an object")
        for axis in AXES:
            value = labels.get(axis)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
                raise CaseError(f"{where}: labels.{axis} must be an integer 0-3")
        labels = {axis: int(labels[axis]) for axis in AXES}
    return Case(
        id=str(case_id),
        persona=PersonaBrief(
            name=persona["name"],
            role=persona.get("role", ""),
            event=persona.get("event", ""),
            card=persona.get("card", ""),
            needs=tuple(needs),
        ),
        context=tuple(lines),
        user_turn=user_turn,
        labels=labels,
        why=str(data.get("why", "")),
    )


MAX_CASE_FILE_BYTES = 64 * 2**20


def load_cases(path: Path | str) -> list[Case]:
    """Read a JSONL case file. Blank lines are skipped; ids must be unique."""
    path = Path(path)
    try:
        # A FIFO would block and /dev/zero never ends: only regular files, of sane size.
        if path.exists() and not path.is_file():
            raise CaseError(f"{path}: not a regular file")
        if path.exists() and path.stat().st_size > MAX_CASE_FILE_BYTES:
            raise CaseError(f"{path}: larger than {MAX_CASE_FILE_BYTES // 2**20} MB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CaseError(f"{path}: cannot read: {error}") from None
    cases: list[Case] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CaseError(f"{where}: not valid JSON ({error.msg})") from None
        case = parse_case(data, where)
        if case.id in seen:
            raise CaseError(f"{where}: duplicate id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    if not cases:
        raise CaseError(f"{path}: no cases")
    return cases
