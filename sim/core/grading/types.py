"""What a grade is. Shared by the grader, the director, transcripts and the UI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Axis = Literal["listening", "helpfulness", "pitching"]
AXES: tuple[Axis, ...] = ("listening", "helpfulness", "pitching")

Speaker = Literal["persona", "user"]


class Signal:
    """Names of the signals a grade can carry. The director reacts to these, so they
    are a fixed vocabulary rather than free text."""

    QUESTION = "question"                      # the turn asks something
    OPEN_QUESTION = "open_question"            # how/what/why..., invites them to say more
    FOLLOW_UP = "follow_up"                    # the question builds on what they just said
    GENERIC_QUESTION = "generic_question"      # a question that ignores what they said
    REFLECTION = "reflection"                  # paraphrases their point or feeling
    EMPATHY = "empathy"                        # names or validates their feeling
    SPECIFIC_REFERENCE = "specific_reference"  # mentions a detail they gave
    MINIMAL = "minimal"                        # "cool", "nice", "interesting"
    INTEREST_IN_THEM = "interest_in_them"      # attends to them as a person
    SELF_FOCUS = "self_focus"                  # talks about the user
    ANSWERS_THEIR_QUESTION = "answers_their_question"
    TOPIC_CHANGE = "topic_change"
    OFFER = "offer"                            # offers help or information
    GENERIC_OFFER = "generic_offer"            # "let me know if I can help"
    FITTING_OFFER = "fitting_offer"            # aimed at a need they stated
    STRINGS_ATTACHED = "strings_attached"      # help in exchange for something
    PROMOTION = "promotion"                    # promotes the user's product/skills
    CALL_TO_ACTION = "call_to_action"          # demo, meeting, buy, refer me, my card
    PITCH_QUESTION = "pitch_question"          # a pitch phrased as a question
    UNCLEAR = "unclear"                        # empty or unreadable input
    # The hybrid grader (with sentence embeddings): a level moved because a sentence came
    # close in meaning to the prototypes of a behaviour, or to what the persona said.
    SEMANTIC_REFLECTION = "semantic_reflection"
    SEMANTIC_EMPATHY = "semantic_empathy"
    SEMANTIC_FOLLOW_UP = "semantic_follow_up"
    SEMANTIC_GENERIC_QUESTION = "semantic_generic_question"
    SEMANTIC_MINIMAL = "semantic_minimal"
    SEMANTIC_SPECIFIC_HELP = "semantic_specific_help"
    SEMANTIC_ADVICE_STORY = "semantic_advice_story"  # help told as experience
    SEMANTIC_VAGUE_HELP = "semantic_vague_help"
    SEMANTIC_PROMOTION = "semantic_promotion"
    SEMANTIC_BRAG = "semantic_brag"            # showing off achievements or credentials
    SEMANTIC_CALL_TO_ACTION = "semantic_call_to_action"
    SEMANTIC_SELF_STORY = "semantic_self_story"
    SEMANTIC_ABOUT_ME = "semantic_about_me"
    SEMANTIC_UPTAKE = "semantic_uptake"        # close in meaning to what they just said
    HYBRID_ADJUSTED = "hybrid_adjusted"        # the hybrid model moved a level from the rules'

    ALL: frozenset[str] = frozenset()


Signal.ALL = frozenset(
    value for name, value in vars(Signal).items() if name.isupper() and isinstance(value, str)
)


@dataclass(frozen=True)
class Evidence:
    """A span of the user's own words and the signal it triggered."""

    quote: str
    start: int
    end: int
    signal: str
    axis: Axis

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Evidence:
        return cls(
            quote=str(data["quote"]),
            start=int(data["start"]),
            end=int(data["end"]),
            signal=str(data["signal"]),
            axis=data["axis"],
        )


@dataclass(frozen=True)
class Grade:
    listening: int
    helpfulness: int
    pitching: int
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    signals: frozenset[str] = field(default_factory=frozenset)
    #: 0..1; low for input the grader cannot read well (empty, another language...).
    confidence: float = 1.0
    grader_version: str = ""

    def level(self, axis: Axis) -> int:
        return int(getattr(self, axis))

    @property
    def is_pitch(self) -> bool:
        return self.pitching >= 2

    def to_dict(self) -> dict:
        return {
            "listening": self.listening,
            "helpfulness": self.helpfulness,
            "pitching": self.pitching,
            "evidence": [e.to_dict() for e in self.evidence],
            "tip": self.tip,
            "signals": sorted(self.signals),
            "confidence": round(self.confidence, 3),
            "grader_version": self.grader_version,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Grade:
        return cls(
            listening=int(data["listening"]),
            helpfulness=int(data["helpfulness"]),
            pitching=int(data["pitching"]),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", [])),
            tip=str(data.get("tip", "")),
            signals=frozenset(data.get("signals", [])),
            confidence=float(data.get("confidence", 1.0)),
            grader_version=str(data.get("grader_version", "")),
        )


@dataclass(frozen=True)
class ContextLine:
    speaker: Speaker
    text: str


@dataclass(frozen=True)
class PersonaBrief:
    """What the grader knows about the persona: the case format's persona, optionally
    with the needs a full persona file lists (to judge how well an offer fits)."""

    name: str
    role: str = ""
    event: str = ""
    card: str = ""
    needs: tuple[str, ...] = ()
