"""One short tip per turn: what a connector would have said or asked instead, using the
persona's name and what they just talked about."""

from __future__ import annotations

from dataclasses import dataclass

from sim.core.grading.helping import HelpSignals
from sim.core.grading.listening import ListenSignals
from sim.core.grading.pitching import PitchSignals
from sim.core.grading.text import LIGHT_WORDS, STOPWORDS, tokens

# Words that make poor topics even though they are not stopwords.
_WEAK_TOPIC = frozenset(
    """anyway enough sorry talking glad nice good great really basically literally probably
    definitely pretty dragged mostly everyone everybody here there today tonight keeps keeping
    lost said told asked talk talked happen happened guess hope start started least most""".split()
)


@dataclass(frozen=True)
class TipContext:
    first_name: str
    topic: str          # a phrase from their last line, or "" if there is none
    need: str           # the first need in the persona brief, or ""


def topic_of(line: str, persona_name: str) -> str:
    """The most specific short phrase in what they just said: the highest-scoring run of
    up to three consecutive content words."""
    name_words = {w.lower() for w in persona_name.split()}
    best, best_score = "", 0.0
    run: list = []

    def close_run() -> None:
        nonlocal best, best_score
        while run and run[-1].lower in LIGHT_WORDS:
            run.pop()
        while run and run[0].lower in LIGHT_WORDS:
            run.pop(0)
        if not run:
            return
        score = sum(len(t.text) for t in run if t.lower not in LIGHT_WORDS)
        score += 3 * sum(1 for t in run if any(ch.isdigit() for ch in t.text))
        score -= 3 * sum(1 for t in run if t.lower.endswith(("ing", "ed")))
        score += 2 if len(run) > 1 else 0
        if score > best_score:
            best, best_score = line[run[0].start : run[-1].end], score
        run.clear()

    previous_end = -1
    for token in tokens(line[:600]):
        low = token.lower
        usable = low not in STOPWORDS and low not in _WEAK_TOPIC and low not in name_words and len(low) > 2
        joined = previous_end >= 0 and line[previous_end : token.start].strip(" -") == ""
        if usable and (not run or joined) and len(run) < 3:
            run.append(token)
        else:
            close_run()
            if usable:
                run.append(token)
        previous_end = token.end
    close_run()
    return best.strip()


def _about(ctx: TipContext) -> str:
    return ctx.topic if ctx.topic else "what they just said"


def write_tip(
    ctx: TipContext,
    levels: tuple[int, int, int],
    listen: ListenSignals,
    help_: HelpSignals,
    pitch: PitchSignals,
) -> str:
    listening, helpfulness, pitching = levels
    who, about = ctx.first_name, _about(ctx)
    if pitching >= 3 and helpfulness >= 2:
        return (
            "Keep the help and drop the ask: the favour you want back cancels it out. "
            f"Ask {who} whether it fits what they need with {about}."
        )
    if pitching >= 3:
        return (
            f"Drop the ask for now. Ask {who} about {about} and what has been hardest about it, "
            "and offer help before you ask for anything."
        )
    if help_.strings:
        return f"Offer the help with nothing in return; {who} will remember the help, not the trade."
    if pitching == 2:
        return (
            f"Park your own pitch. Ask {who} about {about} first; people tune out once the talk "
            "turns to what you sell."
        )
    if listening == 0:
        return f"Stay with what {who} just said about {about}: ask what has been hardest about it before changing the subject."
    if listen.minimal:
        return f"Go past the reaction: pick up {about} and ask {who} an open question about it, like \"How did that happen?\""
    if listen.generic_questions and not listen.follow_ups:
        return f"Skip the stock question; {who} just told you about {about}. Ask what that has been like for them."
    if listen.answers_question and listening <= 1:
        return f"Answer in a sentence, then turn it back to {who}: ask about {about}."
    if listening == 1:
        return f"Show {who} you heard them: reflect their point about {about} in your own words, then ask an open question."
    if helpfulness >= 3:
        return f"That is connecting: specific help with nothing asked back. Check with {who} that it fits what they need."
    if listening == 3 and helpfulness == 0:
        need = f" (say, for {ctx.need})" if ctx.need else ""
        return f"Great listening. Once you know what {who} needs, offer one concrete thing{need}: a person, a resource or a next step."
    if helpfulness == 1:
        return f"Make the offer concrete: name the person or resource that fits {about}, and say when you will send it."
    if helpfulness == 2:
        return f"Turn the idea into a next step: offer to send it, or to introduce {who} to someone who has dealt with {about}."
    if listen.reflections and not listen.follow_ups:
        return f"Good reflection. Now invite {who} to say more with an open question, like \"What has that been like for you?\""
    if listen.follow_ups and not listen.reflections:
        return f"Good follow-up. Reflect what you heard about {about} first, so {who} feels heard, then ask."
    return f"Keep building on what {who} says about {about}, and listen for a need you could help with."
