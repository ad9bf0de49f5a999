"""The persona file format: one TOML file per attendee, validated with pydantic.

A persona is written for three readers: the director (facts, challenge details, the
hidden opportunity, patience and trust), the voice (setting, background, personality,
speaking style, example exchanges) and the guard's fallback (authored lines for every
intent, said verbatim when the model's candidates break character).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sim.core.grading.types import PersonaBrief
from sim.core.tomlfile import load_model

PERSONA_ID = r"^[a-z0-9][a-z0-9-]{0,47}$"


class Intent(StrEnum):
    """What the persona's next line is for. Chosen by the director."""

    GREET = "greet"
    ANSWER_SELF = "answer_self"
    SHARE_CHALLENGE = "share_challenge"
    ASK_BACK = "ask_back"
    ACCEPT_HELP = "accept_help"
    SMALL_TALK = "small_talk"
    DEFLECT_PITCH = "deflect_pitch"
    EXIT = "exit"
    REVEAL_OPPORTUNITY = "reveal_opportunity"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Line = str  # one spoken line, in the persona's voice, one to three sentences


class Challenge(_Strict):
    summary: str = Field(min_length=3, description="what the problem is, in a few words")
    details: list[Line] = Field(
        min_length=1,
        description="lines the persona says about it, revealed one per turn, least to most personal",
    )
    needs: list[str] = Field(
        default_factory=list,
        description="kinds of help that would really fit (used to judge offers)",
    )


class Opportunity(_Strict):
    offer: str = Field(min_length=3, description="what they can do for the user, plainly stated")
    trust_needed: float = Field(default=0.65, ge=0.0, le=1.0)
    lines: list[Line] = Field(min_length=1, description="how they offer it, unprompted")


class Example(_Strict):
    """An exchange with someone else earlier at the event, to set the voice."""

    them: str
    persona: Line


class Lines(_Strict):
    """Authored variants for every intent. At least one each; two or three read better."""

    greet: list[Line] = Field(min_length=1)
    answer_self: list[Line] = Field(min_length=1)
    ask_back: list[Line] = Field(min_length=1)
    accept_help: list[Line] = Field(min_length=1)
    small_talk: list[Line] = Field(min_length=1)
    deflect_pitch: list[Line] = Field(min_length=1)
    exit: list[Line] = Field(min_length=1)

    def for_intent(self, intent: Intent) -> list[Line]:
        return list(getattr(self, intent.value))


class Persona(_Strict):
    id: str = Field(pattern=PERSONA_ID)
    name: str = Field(min_length=1, max_length=60)
    role: str = Field(min_length=1)
    organisation: str = ""
    event: str = Field(min_length=1, description="where the conversation happens")
    setting: str = Field(min_length=1, description="what the user sees as they walk up")
    hook: str = Field(min_length=1, description="one line for the persona card on the home screen")
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    background: str = Field(min_length=1)
    personality: str = Field(min_length=1)
    speaking_style: str = Field(min_length=1)
    goals: list[str] = Field(min_length=1, description="why they came to this event")
    interests: list[str] = Field(default_factory=list)
    pet_peeves: list[str] = Field(default_factory=list)
    facts: list[Line] = Field(
        min_length=1, description="what they say about themselves when asked, in order"
    )
    challenges: list[Challenge] = Field(min_length=1)
    opportunity: Opportunity
    patience: int = Field(default=4, ge=1, le=10, description="how many pitches before they leave")
    initial_trust: float = Field(default=0.3, ge=0.0, le=1.0)
    opening_lines: list[Line] = Field(min_length=1)
    examples: list[Example] = Field(default_factory=list)
    lines: Lines

    @field_validator("name")
    @classmethod
    def _single_line(cls, value: str) -> str:
        if "\n" in value or ":" in value:
            raise ValueError("must be one line without ':'")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> Persona:
        if self.opportunity.trust_needed < self.initial_trust:
            raise ValueError("opportunity.trust_needed must not be below initial_trust")
        return self

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def card(self) -> str:
        """A short free-text description, the form the grader and card exports use."""
        needs = "; ".join(c.summary for c in self.challenges)
        where = f" at {self.organisation}" if self.organisation else ""
        return f"{self.name}, {self.role}{where}. {self.background} Currently dealing with: {needs}."

    def lines_for(self, intent: Intent) -> list[Line]:
        if intent is Intent.GREET:
            return list(self.opening_lines) + self.lines.greet
        if intent is Intent.REVEAL_OPPORTUNITY:
            return list(self.opportunity.lines)
        if intent is Intent.SHARE_CHALLENGE:
            return [d for c in self.challenges for d in c.details]
        return self.lines.for_intent(intent)


def parse_persona(text: str, source: str = "<persona>") -> Persona:
    """Validate persona TOML text; raises sim.core.tomlfile.FileProblems."""
    return load_model(text, Persona, source)


def brief(persona: Persona) -> PersonaBrief:
    """The grader's view of a persona."""
    return PersonaBrief(
        name=persona.name,
        role=persona.role,
        event=persona.event,
        card=persona.card,
        needs=tuple(need for c in persona.challenges for need in (c.summary, *c.needs)),
    )
