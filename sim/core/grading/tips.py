"""One short tip per turn: what a connector would have said or asked instead, using the
persona's name and what they just talked about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sim.core.grading.helping import HelpSignals
from sim.core.grading.listening import ListenSignals
from sim.core.grading.pitching import PitchSignals
from sim.core.grading.text import LIGHT_WORDS, STOPWORDS, sentences, stem, tokens

# Words that make poor topics even though they are not stopwords.
_WEAK_TOPIC = frozenset(
    """anyway enough sorry talking glad nice good great really basically literally probably
    definitely pretty dragged mostly everyone everybody here there today tonight keeps keeping
    lost said told asked talk talked happen happened guess hope start started least most love
    loved want wanted used brings brought making doing getting trying going feel feels thing
    couple few lot lots bit kind sort bunch""".split()  # amounts: "a couple of beers" is about the beers
)
_TRIMMED_ENDINGS = ("ed", "ly")  # "doubled", "basically": never the point of a topic
_COMMON_VERBS = frozenset(
    "leave leaves send sends go goes come comes get gets keep keeps make makes take takes say says do does need needs".split()
)


@dataclass(frozen=True)
class TipContext:
    first_name: str     # their first name, or "them" when no persona is chosen
    topic: str          # a short phrase from what they said, or "" if there is none
    need: str           # the first need in the persona brief, or ""

    @property
    def subject(self) -> str:
        """Their name as the subject of a sentence: "they", not "them", when unnamed.
        Tips that use it keep the verb in a tense that agrees with both ("just said")."""
        return "they" if self.first_name == "them" else self.first_name


def topic_of(persona_lines: Sequence[str], persona_name: str, profile: str = "") -> str:
    """The most specific short phrase in what they said most recently about themselves.
    Questions (like their 'What brings you here?') are skipped for an earlier line."""
    name_words = {w.lower() for w in persona_name.split()}
    salient = {stem(t.lower) for t in tokens(profile[:2000])}
    for line in reversed(list(persona_lines)[-3:]):
        statements = " ".join(s.text for s in sentences(line[:600]) if not s.is_question)
        phrase = _best_phrase(statements, name_words, salient, profile)
        if phrase:
            return phrase
    return _best_phrase(profile[:600], name_words, salient, profile)  # nothing said yet: their card


def _best_phrase(line: str, name_words: set[str], salient: set[str], profile: str) -> str:
    """The highest-scoring run of up to three consecutive content words: long, topical
    (also in their card) and noun-like (not ending in -ed/-ing/-ly)."""
    best, best_score = "", 0.0
    run: list = []

    def close_run() -> None:
        nonlocal best, best_score
        while run and (
            run[-1].lower in LIGHT_WORDS or run[-1].lower in _COMMON_VERBS
            or run[-1].lower.endswith(_TRIMMED_ENDINGS) or _is_number(run[-1].lower)
        ):
            run.pop()
        while run and (run[0].lower in LIGHT_WORDS or run[0].lower.endswith(_TRIMMED_ENDINGS)):
            run.pop(0)
        if run:
            score = sum(len(t.text) for t in run) + 4 * sum(1 for t in run if stem(t.lower) in salient)
            score += 2 if len(run) > 1 else 0
            score -= 3 * sum(1 for t in run if t.lower.endswith("ing") or _is_number(t.lower))
            if score > best_score:
                best, best_score = _as_phrase(line, run, profile), score
        run.clear()

    previous_end = -1
    for token in tokens(line):
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


def _is_number(word: str) -> bool:
    return word.replace(",", "").isdigit() or stem(word).isdigit()


def _as_phrase(line: str, run: list, profile: str) -> str:
    """The run as written, with a sentence-initial capital lowered ('Nights' -> 'nights')
    unless the word is capitalised mid-sentence in their card too (a name, 'Instagram')."""
    phrase = line[run[0].start : run[-1].end]
    first = run[0].text
    sentence_start = line[: run[0].start].rstrip().endswith((".", "!", "?")) or not line[: run[0].start].strip()
    a_name = re.search(r"[^.!?\s]\s+" + re.escape(first) + r"\b", profile)
    if sentence_start and first[:1].isupper() and first[1:].islower() and not a_name:
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def about_what_they_said(ctx: TipContext) -> str:
    """'what they said ("conveyor booth")': their words quoted, so any phrase reads right."""
    return f"what they said{_quote(ctx)}" if ctx.topic else "what they just said"


def _quote(ctx: TipContext) -> str:
    return f' ("{ctx.topic}")' if ctx.topic else ""


def write_tip(
    ctx: TipContext,
    levels: tuple[int, int, int],
    listen: ListenSignals,
    help_: HelpSignals,
    pitch: PitchSignals,
) -> str:
    listening, helpfulness, pitching = levels
    who, they, about, quote = ctx.first_name, ctx.subject, about_what_they_said(ctx), _quote(ctx)
    if pitching >= 3 and helpfulness >= 2:
        return (
            "Keep the help and drop the ask: the favour you want back cancels it out. "
            f"Ask {who} whether the help fits what they need."
        )
    if pitching >= 3:
        return (
            f"Drop the ask for now. Ask {who} about {about} and what has been hardest about it, "
            "and offer help before you ask for anything."
        )
    if help_.strings:
        return f"Offer the help with nothing in return; {they} will remember the help, not the trade."
    if pitching == 2 and (listen.follow_ups or listen.reflections):
        # they listened, then sold: say which part to keep
        kept = "question" if listen.follow_ups else "reflection"
        return (
            f"Cut the plug and keep the rest: your {kept} was the connecting part, and people tune out "
            "once the talk turns to what you sell."
        )
    if pitching == 2:
        return (
            f"Park your own pitch. Ask {who} about {about} first; people tune out once the talk "
            "turns to what you sell."
        )
    if listening == 0:
        return f"Stay with what {they} just said{quote}: ask what has been hardest about it before changing the subject."
    if listen.minimal:
        return f"Go past the reaction: pick up {about} and ask {who} an open question about it, like \"How did that happen?\""
    if listen.generic_questions and not listen.follow_ups:
        return f"Skip the stock question and pick up what {they} just told you{quote}: ask what that has been like for them."
    if listen.answers_question and listening <= 1:
        return f"Answer in a sentence, then turn it back to {who}: ask about {about}."
    if listening == 1:
        return f"Show {who} you heard: put their point{quote} in your own words, then ask an open question."
    if helpfulness >= 3:
        return f"That is connecting: specific help with nothing asked back. Check with {who} that it fits what they need."
    if listening == 3 and helpfulness == 0:
        need = f' that fits a need of theirs ("{ctx.need}")' if ctx.need else ""
        return f"Great listening. Once you know what would help {who}, offer one concrete thing{need}: a person, a resource or a next step."
    if helpfulness == 1:
        return f"Make the offer concrete: name the person or resource that fits {about}, and say when you will send it."
    if helpfulness == 2:
        return f"Turn the idea into a next step: offer to send it, or to introduce {who} to someone who has been through the same."
    if listen.reflections and not listen.follow_ups:
        return f"Good reflection. Now invite {who} to say more with an open question, like \"What has that been like for you?\""
    if listen.follow_ups and not listen.reflections:
        return f"Good follow-up. Reflect what you heard{quote} first, to show {who} you were listening, then ask."
    return f"Keep building on what you hear from {who}{quote}, and listen for a need you could help with."
