"""The transcript model: one session as a header and a tree of events.

On disk (see sim.store.transcripts) a transcript is JSON Lines: line 1 is the header,
every later line one event. Events carry ids and parent ids, so rewinding to an earlier
user turn and saying something else adds a branch instead of erasing anything. This
module is pure: it turns dicts into objects and back, and walks the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sim.core.director import DirectorState
from sim.core.grading.types import AXES, Grade

FORMAT = "sim-transcript"
VERSION = 1
#: Every format version this code can read (older ones are migrated on load).
READABLE_VERSIONS = frozenset({1})

Source = Literal["lm", "authored"]
EventKind = Literal["persona_left", "opportunity_revealed", "ended", "error"]


class TranscriptError(ValueError):
    """The data is not a transcript this version can read. str() is one line."""


@dataclass(frozen=True)
class Header:
    session_id: str
    started_at: str
    app_version: str
    persona: dict[str, Any]
    model: dict[str, Any]
    seed: int | None
    grader_version: str
    user_name: str = "You"
    version: int = VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "header",
            "format": FORMAT,
            "version": self.version,
            "app_version": self.app_version,
            "session_id": self.session_id,
            "started_at": self.started_at,
            "user_name": self.user_name,
            "persona": self.persona,
            "model": self.model,
            "seed": self.seed,
            "grader_version": self.grader_version,
        }


@dataclass(frozen=True)
class Turn:
    id: str
    parent: str | None
    speaker: Literal["user", "persona"]
    text: str
    time: str
    grade: Grade | None = None  # user turns
    source: Source | None = None  # persona turns: who wrote the line
    intent: str | None = None  # persona turns: what the director asked for
    director: dict[str, Any] | None = None  # persona turns: director state after the line
    #: persona turns: candidates the guard rejected, with reasons (what the model saw).
    rejected: tuple[dict[str, str], ...] = ()
    #: persona turns from the model that are near-verbatim an authored line.
    copied: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": "turn",
            "id": self.id,
            "parent": self.parent,
            "speaker": self.speaker,
            "text": self.text,
            "time": self.time,
        }
        if self.grade is not None:
            data["grade"] = self.grade.to_dict()
        if self.speaker == "persona":
            data["source"] = self.source
            data["intent"] = self.intent
            data["director"] = self.director
            if self.rejected:
                data["rejected"] = list(self.rejected)
            if self.copied:
                data["copied"] = True
        return data


@dataclass(frozen=True)
class SessionEvent:
    id: str
    parent: str | None
    kind: EventKind
    time: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "event",
            "id": self.id,
            "parent": self.parent,
            "kind": self.kind,
            "time": self.time,
            "detail": self.detail,
        }


Event = Turn | SessionEvent


def _text(data: dict, key: str, *, optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TranscriptError(f"field {key!r} must be text")
    return value


def header_from_dict(data: Any) -> Header:
    if not isinstance(data, dict) or data.get("type") != "header" or data.get("format") != FORMAT:
        raise TranscriptError("not a sim transcript (the first line is not a sim-transcript header)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TranscriptError("the header has no format version")
    if version > VERSION:
        raise TranscriptError(
            f"written by a newer sim (format version {version}; this one reads up to {VERSION})"
        )
    if version not in READABLE_VERSIONS:
        raise TranscriptError(f"unknown format version {version}")
    persona = data.get("persona")
    model = data.get("model", {})
    if not isinstance(persona, dict) or not isinstance(model, dict):
        raise TranscriptError("the header's persona or model is not an object")
    seed = data.get("seed")
    return Header(
        session_id=_text(data, "session_id") or "",
        started_at=_text(data, "started_at") or "",
        app_version=str(data.get("app_version", "")),
        persona=persona,
        model=model,
        seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else None,
        grader_version=str(data.get("grader_version", "")),
        user_name=str(data.get("user_name") or "You"),
        version=version,
    )


def _grade(data: dict) -> Grade:
    """A saved grade; levels outside 0-3 are not something sim wrote."""
    grade = Grade.from_dict(data)
    for axis in AXES:
        if not 0 <= grade.level(axis) <= 3:
            raise TranscriptError(f"grade level {axis} {grade.level(axis)} is not 0 to 3")
    return grade


def event_from_dict(data: Any) -> Event:
    if not isinstance(data, dict):
        raise TranscriptError("an event line is not an object")
    kind = data.get("type")
    try:
        if kind == "turn":
            speaker = data.get("speaker")
            if speaker not in ("user", "persona"):
                raise TranscriptError(f"unknown speaker {speaker!r}")
            grade = data.get("grade")
            source = data.get("source")
            if source not in (None, "lm", "authored"):
                raise TranscriptError(f"unknown line source {source!r}")
            director = data.get("director")
            if isinstance(director, dict) and "state" in director:
                DirectorState.from_dict(director["state"])  # a ValueError says what is wrong
            return Turn(
                id=_text(data, "id"),
                parent=_text(data, "parent", optional=True),
                speaker=speaker,
                text=_text(data, "text"),
                time=_text(data, "time"),
                grade=_grade(grade) if isinstance(grade, dict) else None,
                source=source,
                intent=_text(data, "intent", optional=True),
                director=director if isinstance(director, dict) else None,
                rejected=tuple(r for r in data.get("rejected", []) if isinstance(r, dict)),
                copied=data.get("copied") is True,
            )
        if kind == "event":
            event_kind = data.get("kind")
            if event_kind not in ("persona_left", "opportunity_revealed", "ended", "error"):
                raise TranscriptError(f"unknown session event {event_kind!r}")
            return SessionEvent(
                id=_text(data, "id"),
                parent=_text(data, "parent", optional=True),
                kind=event_kind,
                time=_text(data, "time"),
                detail=str(data.get("detail", "")),
            )
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:  # int(Infinity)
        if isinstance(error, TranscriptError):
            raise
        raise TranscriptError(f"malformed {kind} line: {error}") from None
    raise TranscriptError(f"unknown line type {kind!r}")


@dataclass
class Transcript:
    header: Header
    events: list[Event] = field(default_factory=list)

    # ------------------------------------------------------------ the tree

    @property
    def turns(self) -> list[Turn]:
        return [e for e in self.events if isinstance(e, Turn)]

    def by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def children(self, parent: str | None) -> list[Turn]:
        return [t for t in self.turns if t.parent == parent]

    def leaves(self) -> list[Turn]:
        """The last turn of every branch, in the order the branches were written."""
        parents = {t.parent for t in self.turns}
        return [t for t in self.turns if t.id not in parents]

    @property
    def head(self) -> Turn | None:
        """The turn the conversation carries on from: the last turn written."""
        turns = self.turns
        return turns[-1] if turns else None

    def path_to(self, turn_id: str | None) -> list[Turn]:
        """The turns from the start of the conversation to `turn_id`, in order."""
        index = {t.id: t for t in self.turns}
        path: list[Turn] = []
        seen: set[str] = set()
        current = index.get(turn_id) if turn_id else None
        while current is not None and current.id not in seen:
            seen.add(current.id)
            path.append(current)
            current = index.get(current.parent) if current.parent else None
        return list(reversed(path))

    def branch(self, leaf_id: str | None = None) -> list[Turn]:
        """One branch from the start to a leaf (the current branch by default)."""
        if leaf_id is None:
            head = self.head
            leaf_id = head.id if head else None
        return self.path_to(leaf_id)

    def branches(self) -> list[list[Turn]]:
        return [self.path_to(leaf.id) for leaf in self.leaves()]

    def events_on(self, branch: list[Turn]) -> list[SessionEvent]:
        ids = {t.id for t in branch}
        return [e for e in self.events if isinstance(e, SessionEvent) and e.parent in ids]

    def next_id(self, prefix: str = "t") -> str:
        return f"{prefix}{len(self.events) + 1}"
