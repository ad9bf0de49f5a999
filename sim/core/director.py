"""The director: the persona's state of mind, and what it says next.

A 135M model cannot decide how a person reacts to being pitched at. The director does,
deterministically, from each graded user turn: pitching lowers trust and spends
patience; listening and fitting help raise trust. It then picks an intent for the next
line and the authored content that line must carry. The voice words it; the guard checks
it. Same persona, same grades: same directions.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from sim.core.grading.types import Grade, Signal
from sim.core.persona import Intent, Persona
from sim.core.grading.text import is_content, stem, tokens

# How much each kind of turn moves the persona. Kept together so they can be tuned
# against `sim eval persona`.
TRUST_FOR_LISTENING = {0: -0.03, 1: 0.0, 2: 0.08, 3: 0.14}
TRUST_FOR_HELP = {0: 0.0, 1: 0.02, 2: 0.08, 3: 0.14}
TRUST_FOR_PITCH = {2: -0.12, 3: -0.2}
PATIENCE_FOR_PITCH = 1.0
PATIENCE_FOR_IGNORING = 0.5  # a turn that ignores them without pitching
ASK_BACK_TRUST = 0.45
ASK_BACK_EVERY = 3  # user turns between two questions back
SHARE_TRUST = 0.4  # below this, a question gets facts about them, not their troubles
MIN_TURNS_BEFORE_REVEAL = 3
MIN_DETAILS_BEFORE_REVEAL = 2  # they open up about their troubles before they offer help

Event = str  # "persona_left" | "opportunity_revealed"


@dataclass
class DirectorState:
    trust: float
    patience: float
    turn: int = 0
    facts_told: list[int] = field(default_factory=list)
    details_shared: list[int] = field(default_factory=list)
    asked_back: int = 0
    last_ask_back_turn: int = -99
    interest_shown: bool = False
    revealed: bool = False
    left: bool = False
    pitches: int = 0
    helped: int = 0
    intents: list[str] = field(default_factory=list)
    #: How many authored variants of each intent have been used, to rotate them.
    variants_used: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # full precision: a rewind must restore exactly this state

    @classmethod
    def from_dict(cls, data: Any, persona: Persona | None = None) -> DirectorState:
        """A state saved by to_dict. A saved file may have been edited by hand, so every
        field's type is checked (and, given the persona, that its indexes fit it);
        anything else is a one-line ValueError."""
        if not isinstance(data, dict):
            raise ValueError("director state is not an object")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key, value in known.items():
            if not _STATE_TYPES.get(key, _any)(value):
                raise ValueError(f"director state field {key!r} has the wrong type")
        try:
            state = cls(**known)
        except TypeError:
            raise ValueError("director state lacks trust or patience") from None
        state.details_shared = list(state.details_shared)
        state.facts_told = list(state.facts_told)
        state.intents = list(state.intents)
        state.variants_used = dict(state.variants_used)
        if persona is not None:
            details = [len(c.details) for c in persona.challenges]
            if len(state.details_shared) != len(details) or not all(
                0 <= shared <= size for shared, size in zip(state.details_shared, details)
            ):
                raise ValueError("director state does not match the persona's challenges")
            if not all(0 <= told < len(persona.facts) for told in state.facts_told):
                raise ValueError("director state does not match the persona's facts")
        return state


def _number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def _integer(value: Any) -> bool:
    return type(value) is int


def _any(value: Any) -> bool:  # a field added without a check here (a test says so)
    return True


_STATE_TYPES = {
    "trust": _number,
    "patience": _number,
    "turn": _integer,
    "facts_told": lambda v: isinstance(v, list) and all(map(_integer, v)),
    "details_shared": lambda v: isinstance(v, list) and all(map(_integer, v)),
    "asked_back": _integer,
    "last_ask_back_turn": _integer,
    "interest_shown": lambda v: type(v) is bool,
    "revealed": lambda v: type(v) is bool,
    "left": lambda v: type(v) is bool,
    "pitches": _integer,
    "helped": _integer,
    "intents": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    "variants_used": lambda v: isinstance(v, dict) and all(map(_integer, v.values())),
}


@dataclass(frozen=True)
class Direction:
    """What the persona's next line must do, and the authored material for it."""

    intent: Intent
    #: The authored line whose content this line carries (a challenge detail, a fact,
    #: the reveal). The voice starts from its first words; the guard checks its terms.
    content: str
    #: Content words the spoken line must keep (empty: nothing specific to keep).
    key_terms: tuple[str, ...]
    #: Authored lines to say verbatim if every model candidate fails the guard.
    fallbacks: tuple[str, ...]
    #: warm / neutral / cool: how the persona feels, for the scene's stage direction.
    mood: str
    event: Event | None = None


def _key_terms(line: str, limit: int = 24) -> tuple[str, ...]:
    """The content words of an authored line, in order, without repeats."""
    seen: dict[str, None] = {}
    for token in tokens(line):
        if is_content(token):
            seen.setdefault(token.lower, None)
    return tuple(seen)[:limit]


def overlap(a: str, b: str) -> int:
    """Shared content words (stemmed): how much two lines are about the same thing."""

    def stems(text: str) -> set[str]:
        return {stem(t.lower) for t in tokens(text) if is_content(t)}

    return len(stems(a) & stems(b))


class Director:
    def __init__(self, persona: Persona, state: DirectorState | None = None):
        self.persona = persona
        self.state = state or DirectorState(
            trust=persona.initial_trust,
            patience=float(persona.patience),
            details_shared=[0] * len(persona.challenges),
        )

    # ------------------------------------------------------------ choosing lines

    def _pick(self, intent: Intent, lines: list[str]) -> tuple[str, tuple[str, ...]]:
        """The next unused variant for this intent (then round again), plus the rest as
        fallbacks in order. Deterministic, and never the same line twice in a row."""
        used = self.state.variants_used.get(intent.value, 0)
        self.state.variants_used[intent.value] = used + 1
        index = used % len(lines)
        ordered = lines[index:] + lines[:index]
        return ordered[0], tuple(ordered)

    def _mood(self) -> str:
        if self.state.trust >= 0.55:
            return "warm"
        if self.state.trust < 0.25 or self.state.patience <= 1:
            return "cool"
        return "neutral"

    def _direct(self, intent: Intent, content: str | None = None, keep: bool = False,
                event: Event | None = None) -> Direction:
        lines = self.persona.lines_for(intent)
        chosen, fallbacks = self._pick(intent, lines)
        if content is not None:
            fallbacks = (content, *[line for line in fallbacks if line != content])
            chosen = content
        self.state.intents.append(intent.value)
        return Direction(
            intent=intent,
            content=chosen,
            key_terms=_key_terms(chosen) if keep else (),
            fallbacks=fallbacks,
            mood=self._mood(),
            event=event,
        )

    def opening(self) -> Direction:
        opening, fallbacks = self._pick(Intent.GREET, list(self.persona.opening_lines))
        self.state.intents.append(Intent.GREET.value)
        return Direction(Intent.GREET, opening, (), fallbacks, self._mood())

    def _next_detail(self, topic: str) -> str | None:
        """The next untold detail of one challenge: the one closest to what the user
        just said, else the least-told challenge. Details within a challenge stay in
        order (least to most personal)."""
        shared = self.state.details_shared
        candidates = [
            (i, self.persona.challenges[i].details[shared[i]])
            for i in range(len(shared))
            if shared[i] < len(self.persona.challenges[i].details)
        ]
        if not candidates:
            return None
        challenges = self.persona.challenges

        def relevance(candidate: tuple[int, str]) -> tuple[int, int, int]:
            index, detail = candidate
            about = f"{detail} {challenges[index].summary}"  # the challenge's topic counts too
            return overlap(topic, about), -shared[index], -index

        index, detail = max(candidates, key=relevance)
        shared[index] += 1
        return detail

    def _next_fact(self, topic: str) -> str | None:
        """The untold fact about themselves closest to what the user asked, else the next."""
        told = self.state.facts_told
        untold = [(i, f) for i, f in enumerate(self.persona.facts) if i not in told]
        if not untold:
            return None
        index, fact = max(untold, key=lambda c: (overlap(topic, c[1]), -c[0]))
        told.append(index)
        return fact

    # ------------------------------------------------------------ reacting

    def _update(self, grade: Grade) -> None:
        state = self.state
        state.turn += 1
        if grade.pitching >= 2:
            state.pitches += 1
            state.trust += TRUST_FOR_PITCH[min(grade.pitching, 3)]
            state.patience -= PATIENCE_FOR_PITCH
        else:
            state.trust += TRUST_FOR_LISTENING[grade.listening]
            if grade.helpfulness >= 2 and Signal.STRINGS_ATTACHED not in grade.signals:
                state.helped += 1
            state.trust += TRUST_FOR_HELP[grade.helpfulness]
            if grade.listening == 0:
                state.patience -= PATIENCE_FOR_IGNORING
            # Interest in *them* means showing you heard something they said: a generic
            # question, however polite, is an interview, not interest.
            attentive = {Signal.REFLECTION, Signal.EMPATHY, Signal.SPECIFIC_REFERENCE}
            if grade.listening >= 2 and attentive & grade.signals:
                state.interest_shown = True
        state.trust = min(1.0, max(0.0, state.trust))

    def react(self, grade: Grade, text: str = "") -> Direction:
        """Take in the user's graded turn (and its words, to pick what to talk about);
        return what the persona says next."""
        self._update(grade)
        state, persona = self.state, self.persona
        if state.patience <= 0:
            state.left = True
            return self._direct(Intent.EXIT, event="persona_left")
        if grade.pitching >= 2:
            return self._direct(Intent.DEFLECT_PITCH)
        if (not state.revealed and state.interest_shown and state.turn >= MIN_TURNS_BEFORE_REVEAL
                and sum(state.details_shared) >= MIN_DETAILS_BEFORE_REVEAL
                and state.trust >= persona.opportunity.trust_needed):
            state.revealed = True
            return self._direct(Intent.REVEAL_OPPORTUNITY, keep=True, event="opportunity_revealed")
        if grade.helpfulness >= 2:
            return self._direct(Intent.ACCEPT_HELP)
        asked = Signal.QUESTION in grade.signals
        if (asked and state.asked_back == 0 and state.trust >= ASK_BACK_TRUST + 0.1
                and sum(state.details_shared) >= 2):
            # Having opened up to someone who keeps listening, people turn it around.
            state.asked_back += 1
            state.last_ask_back_turn = state.turn
            return self._direct(Intent.ASK_BACK)
        if asked:
            # A question deserves an answer: their troubles once they trust you (or the
            # question builds on what they said), else facts about themselves.
            opens_up = state.trust >= SHARE_TRUST or Signal.FOLLOW_UP in grade.signals
            order = (self._share, self._answer) if opens_up else (self._answer, self._share)
            for speak in order:
                direction = speak(text)
                if direction is not None:
                    return direction
            return self._small_talk(text)
        if grade.listening >= 2:
            if (state.trust >= ASK_BACK_TRUST and sum(state.details_shared) >= 1
                    and state.turn - state.last_ask_back_turn >= ASK_BACK_EVERY):
                state.asked_back += 1
                state.last_ask_back_turn = state.turn
                return self._direct(Intent.ASK_BACK)
            direction = self._share(text)  # feeling heard, they open up
            if direction is not None:
                return direction
        return self._small_talk(text)

    def _small_talk(self, topic: str) -> Direction:
        """Light talk while it lasts; then they talk about themselves; when even that has
        run dry, they drift off, as people do when a conversation goes nowhere."""
        if self.state.variants_used.get(Intent.SMALL_TALK.value, 0) < len(self.persona.lines.small_talk):
            return self._direct(Intent.SMALL_TALK)
        direction = self._answer(topic) or self._share(topic)
        if direction is not None:
            return direction
        self.state.left = True
        return self._direct(Intent.EXIT, event="persona_left")

    def _share(self, topic: str) -> Direction | None:
        detail = self._next_detail(topic)
        return self._direct(Intent.SHARE_CHALLENGE, detail, keep=True) if detail else None

    def _answer(self, topic: str) -> Direction | None:
        fact = self._next_fact(topic)
        return self._direct(Intent.ANSWER_SELF, fact, keep=True) if fact else None
