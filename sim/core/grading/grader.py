"""grade_turn: the three levels, evidence, signals and a tip for one user turn."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Sequence

from sim.core.grading.analysis import Turn, persona_lines_of, read_turn
from sim.core.grading.helping import HelpSignals, detect_helping
from sim.core.grading.listening import ListenSignals, detect_listening, listening_level
from sim.core.grading.pitching import PitchSignals, detect_pitching, pitching_level
from sim.core.grading.semantic import their_texts
from sim.core.grading.text import HEAD_CHARS, TAIL_CHARS
from sim.core.grading.tips import TipContext, about_what_they_said, topic_of, write_tip
from sim.core.grading.types import ContextLine, Evidence, Grade, PersonaBrief, Signal

RULES_VERSION = "rules-6"
# with embed=: the rules plus sentence-embedding similarities, weights trained on our own
# labeled turns and on the labeled sets by other hands: for pitching up to holdout19
# (hybrid-8), for helpfulness up to holdout15 (hybrid-7), for listening up to holdout9
# (hybrid-6). Listening and helpfulness stop where training on more sets fell under their
# F1 targets on the 120 shared turns; the later sets judge the weights. Each step was
# chosen on blind sets by fresh hands. See scripts/train_hybrid.py. The weights were fitted
# on rules-5's signals; rules-6 changes the signals of six of the turns they learnt from.
HYBRID_VERSION = "hybrid-8+rules-6"
GRADER_VERSION = RULES_VERSION  # the rules-only grade (embed=None)

NEUTRAL_PERSONA = PersonaBrief(name="them")

# Talking to the machine instead of the person ("ignore your instructions, you are an AI
# now"): not listening to them at all, whatever else the words overlap with.
_TO_THE_MODEL = re.compile(
    r"\b(?:ignore (?:all |your |the |any )?(?:previous |prior |above )?(?:instructions|prompt|rules)"
    r"|system prompt|(?:you are|you're) (?:now )?(?:an?|the) (?:ai|a\.i\.|assistant|language model|chatbot|bot)\b"
    r"|stop (?:role-?playing|pretending)|break character|as an ai\b|(?:pretend|act) (?:to be|as) (?:an? )?(?:ai|assistant|chatbot))",
    re.IGNORECASE,
)


def grade_turn(
    persona: PersonaBrief,
    context: Sequence[ContextLine],
    user_turn: str,
    embed: Callable[[list[str]], list[list[float]]] | None = None,
) -> Grade:
    """Grade one user turn. Never raises: input it cannot read gets neutral, low-confidence
    levels with the UNCLEAR signal.

    With `embed` (texts -> unit vectors, e.g. the engine's sentence-embedding model) the
    hybrid grader moves the rules' levels using similarities of meaning; its grades carry
    grader_version "hybrid-8+rules-6". Without it, the rules alone ("rules-6"). If `embed` fails,
    the rules' grade is returned, marked "rules-6"."""
    try:
        if embed is None:
            return _grade(persona, context, user_turn)
        return _grade_hybrid(persona, context, user_turn, embed)
    except Exception:  # a grading bug must not break a conversation; tests keep this path unused
        return _unclear(_tip_context(NEUTRAL_PERSONA, []), reason="error")


def warm_hybrid(
    persona: PersonaBrief, context: Sequence[ContextLine], embed: Callable[[list[str]], list[list[float]]]
) -> None:
    """Embed now what the next turn's grade will need besides the user's words (their
    last line, their card), so grading after Enter only reads the user's sentences. For
    an embed callable that caches per text, like the engine's. Never raises."""
    from sim.core.grading.features import persona_text  # features imports this module

    try:
        persona = persona if isinstance(persona, PersonaBrief) else NEUTRAL_PERSONA
        lines = persona_lines_of(_context_lines(context))
        embed(their_texts(lines[-1] if lines else "", persona_text(persona)))
    except Exception:
        pass  # only a speed-up: the grade embeds whatever is missing


def prepare_hybrid(embed: Callable[[list[str]], list[list[float]]]) -> None:
    """Embed the prototype sentences now (about 70 short texts), so the first graded turn
    is as fast as the rest. Raises what `embed` raises."""
    from sim.core.grading.semantic import prototype_vectors

    prototype_vectors(embed)


def _grade_hybrid(persona, context, user_turn, embed) -> Grade:
    from sim.core.grading.hybrid import explain, hybrid_levels

    found = analyse(persona, context, user_turn)
    if isinstance(found, Grade):
        return found
    try:
        levels, reasons = hybrid_levels(found, embed)
    except Exception:  # the embedder failed on this turn: the rules' grade, said so
        return finish(found, found.levels, RULES_VERSION)
    explain(found, reasons)
    return finish(found, levels, HYBRID_VERSION)


@dataclass
class Analysis:
    """The rules' reading of one turn: the parsed turn, the three detectors' signals and
    the levels the rules give. The hybrid grader moves levels from here."""

    turn: Turn
    listen: ListenSignals
    help: HelpSignals
    pitch: PitchSignals
    levels: tuple[int, int, int]
    tip_ctx: TipContext
    persona: PersonaBrief
    lines: list[ContextLine]


def analyse(persona: PersonaBrief, context: Sequence[ContextLine], user_turn: str) -> Analysis | Grade:
    """The rules' analysis, or an UNCLEAR grade for empty or non-English input."""
    persona = persona if isinstance(persona, PersonaBrief) else NEUTRAL_PERSONA
    lines = _context_lines(context)
    turn = read_turn(persona, lines, user_turn if isinstance(user_turn, str) else "")
    tip_ctx = _tip_context(persona, [line.text for line in lines if line.speaker == "persona"])
    if not turn.tokens:
        return _unclear(tip_ctx, reason="empty")
    if not turn.english:
        return _unclear(tip_ctx, reason="language")
    talking_to_model = _TO_THE_MODEL.search(user_turn[:HEAD_CHARS])
    if talking_to_model:
        return _to_the_model(tip_ctx, user_turn, talking_to_model)

    pitch = detect_pitching(turn)
    help_ = detect_helping(turn, pitch)
    listen = detect_listening(turn, pitch)
    pitching = pitching_level(pitch, listen.answers_question, help_.strings)
    helpfulness = help_.level
    listening = listening_level(listen, pitching, helpfulness)
    return Analysis(turn, listen, help_, pitch, (listening, helpfulness, pitching), tip_ctx, persona, lines)


def _grade(persona: PersonaBrief, context: Sequence[ContextLine], user_turn: str) -> Grade:
    found = analyse(persona, context, user_turn)
    if isinstance(found, Grade):
        return found
    return finish(found, found.levels, RULES_VERSION)


def finish(found: Analysis, levels: tuple[int, int, int], version: str) -> Grade:
    """The grade for these levels: evidence and signals from the analysis, the tip for
    the final levels."""
    turn = found.turn
    listening, helpfulness, pitching = levels
    evidence = tuple(sorted(turn.evidence, key=lambda e: (e.start, e.end, e.signal)))
    return Grade(
        listening=listening,
        helpfulness=helpfulness,
        pitching=pitching,
        evidence=evidence,
        tip=write_tip(found.tip_ctx, levels, found.listen, found.help, found.pitch),
        signals=frozenset(turn.signals),
        confidence=_confidence(turn, pitching, helpfulness),
        grader_version=version,
    )


def _context_lines(context: Any) -> list[ContextLine]:
    """Accept ContextLine objects or plain mappings; skip anything else."""
    lines: list[ContextLine] = []
    for item in list(context or [])[-12:]:
        if isinstance(item, ContextLine):
            lines.append(item)
        elif isinstance(item, Mapping) and item.get("speaker") in ("persona", "user"):
            lines.append(ContextLine(speaker=item["speaker"], text=str(item.get("text", ""))))
    return lines


def _tip_context(persona: PersonaBrief, persona_lines: list[str]) -> TipContext:
    name = str(persona.name or "").strip()
    # "the other person" (no persona chosen) is "them", not "the"
    generic = name.lower().startswith(("the ", "a ", "an "))
    first = name.split()[0] if name.split() and not generic else "them"
    needs = [str(n) for n in (persona.needs or ()) if str(n).strip()]
    profile = " ".join([str(persona.card or ""), *needs])
    topic = topic_of(persona_lines, name, profile)
    return TipContext(first_name=first, topic=topic, need=needs[0] if needs else "")


def _unclear(ctx: TipContext, reason: str) -> Grade:
    about = about_what_they_said(ctx)
    if reason == "language":
        tip = f"The grader reads English only. Try it in English: ask {ctx.first_name} about {about}."
    else:
        tip = f"Say something to {ctx.first_name} in words: pick up {about} and ask about it."
    return Grade(
        listening=0,
        helpfulness=0,
        pitching=0,
        evidence=(),
        tip=tip,
        signals=frozenset({Signal.UNCLEAR}),
        confidence=0.1,
        grader_version=GRADER_VERSION,
    )


def _to_the_model(ctx: TipContext, text: str, match: re.Match) -> Grade:
    about = about_what_they_said(ctx)
    return Grade(
        listening=0,
        helpfulness=0,
        pitching=0,
        evidence=(Evidence(match.group(0), match.start(), match.end(), Signal.TOPIC_CHANGE, "listening"),),
        tip=f"You are talking to {ctx.first_name}, a person at this event, not a program: pick up {about} and ask about it.",
        signals=frozenset({Signal.TOPIC_CHANGE}),
        confidence=0.9,
        grader_version=GRADER_VERSION,
    )


def _confidence(turn: Turn, pitching: int, helpfulness: int) -> float:
    confidence = 0.85
    if len(turn.tokens) < 3:
        confidence -= 0.25
    if len(turn.raw) > HEAD_CHARS + TAIL_CHARS:
        confidence -= 0.15  # only the head and tail were read
    if pitching >= 2 and helpfulness >= 2:
        confidence -= 0.1  # mixed turns are where people disagree most
    return round(max(0.05, min(1.0, confidence)), 3)

