"""Helpfulness signals: offers, introductions, resources and tips, how specific they are,
whether they fit what the persona said, and whether strings are attached."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.core.grading import lexicon as lx
from sim.core.grading.analysis import Part, Turn
from sim.core.grading.pitching import PitchSignals
from sim.core.grading.types import Signal


@dataclass
class HelpSignals:
    level: int = 0            # 0..3 after caps
    offered: bool = False     # some offer, tip or resource at all
    generic: bool = False     # only vague help ("let me know if...")
    fitting: bool = False     # aimed at what they said or need
    strings: bool = False     # help traded for something
    committed: bool = False   # the user commits to act (send, introduce, walk over)
    named_contact: bool = False


_FIRST_PERSON_OPENERS = frozenset("i i'm i've i'd my we we're we've our".split())

# "You should look at our sensors": advice that points at the user's own product.
_PUSH_OWN = re.compile(r"\b(?:look at|check out|try|use|get|buy|need|want) (?:our|my)\b", re.IGNORECASE)


def named_people(turn: Turn, part: Part) -> list[str]:
    """Names of people the user mentions (not the persona, not brands or months)."""
    names = []
    for match in lx.NAMED_CONTACT.finditer(part.text):
        name = next((g for g in match.groups() if g), "")
        words = name.replace(".", " ").split()
        words = [w for w in words if w not in ("Dr", "Prof", "Ms", "Mr", "Mrs")]
        if not words or words[0] in lx.NOT_A_PERSON or (len(words) > 1 and words[1] in lx.NOT_A_PERSON):
            continue
        if turn.persona_name and words[0] in turn.persona_name.split():
            continue
        names.append(name)
    return names


def _proper_nouns(part: Part) -> int:
    """Capitalised words that are not the first word: names, places, programmes."""
    count = 0
    for i, token in enumerate(part.tokens):
        if token.text in ("I", "I'm", "I'll", "I've", "I'd"):
            continue
        if i == 0 and not any(ch.isupper() for ch in token.text[1:]):
            continue  # a capital that only starts the sentence; "GiveWell" or "CISA" still count
        if token.text[:1].isupper():
            count += 1
    return count


def detect_helping(turn: Turn, pitch: PitchSignals) -> HelpSignals:
    found = HelpSignals()
    has_commit = has_named = has_specific = has_help = only_generic = product_help = False
    help_indexes: list[int] = []
    for index, part in enumerate(turn.parts):
        text = part.text
        commit = lx.OFFER_COMMIT.search(text)
        if index in pitch.pitch_parts:
            # Help traded for something, or bundled with promotion, is still help (capped
            # below); "I can get you a free pilot" is the user's product offered as help.
            selling = lx.CALL_TO_ACTION.search(text) or _PUSH_OWN.search(text) or lx.PRODUCT_AS_HELP.search(text)
            if (selling and not (commit and lx.STRINGS.search(text))) or (part.is_question and not commit):
                product_help = product_help or bool(lx.PRODUCT_AS_HELP.search(text))
                continue
        if part.is_question:
            advice = lx.ADVICE_QUESTION.search(text)
        else:
            advice = lx.ADVICE.search(text) or lx.IMPERATIVE_START.search(text)
        if advice and index in pitch.pitch_parts and advice.group().lower().startswith("you"):
            advice = None  # "you could be your own boss" inside a pitch sells, it does not advise
        generic = lx.GENERIC_OFFER.search(text) or lx.LECTURE.search(text)
        story = not part.is_question and lx.ANECDOTE.search(text)
        # "I'm a school counselor...", "My marketing team is huge...": about the user, not a tip
        own_story = lx.SELF_DISCLOSURE.match(text) or (part.tokens and part.tokens[0].lower in _FIRST_PERSON_OPENERS)
        following = turn.parts[index + 1].text if index + 1 < len(turn.parts) else ""
        anecdote = story and (
            lx.RESULT.search(text) or lx.RESULT.search(following)
            or (len(part.tokens) >= 10 and part.stems & turn.persona_stems and not own_story)
        )
        resource = lx.RESOURCE.search(text)
        names = named_people(turn, part) or [m.group() for m in lx.CONTACT_MENTION.finditer(text)]
        info = resource and lx.INFO_FRAME.search(text) and not part.is_question
        if not (commit or advice or generic or anecdote or names or info):
            continue
        specific = bool(
            names or info or anecdote or (commit and resource) or lx.TIME_COMMIT.search(text)
            or (advice and len(part.tokens) >= 8)
            or any(s.isdigit() for s in part.stems) or _proper_nouns(part)
        )
        concrete_commit = commit and (lx.TIME_COMMIT.search(text) or resource)
        if generic and not (names or info or (resource and _proper_nouns(part)) or concrete_commit):
            only_generic = True
            turn.add_match(Signal.GENERIC_OFFER, "helpfulness", part, generic, whole=True)
            continue
        has_help = True
        has_commit = has_commit or bool(commit)
        has_named = has_named or bool(names)
        has_specific = has_specific or specific
        help_indexes.append(index)

    # Fit: the turn's non-pitch sentences share words or topics with what they said or
    # need. Generic advice ("you should raise wages") shares nothing.
    fitting = any(
        p.stems & turn.persona_stems
        for i, p in enumerate(turn.parts)
        if i not in pitch.pitch_parts or i in help_indexes
    )

    level = 0
    if has_help:
        found.offered = True
        if has_commit and (has_named or has_specific) and fitting:
            level = 3
        elif (has_specific or has_named or has_commit) and fitting:
            level = 2
        else:
            level = 1
        signal = Signal.FITTING_OFFER if level >= 2 else Signal.OFFER
        for index in help_indexes:
            turn.add_part(signal, "helpfulness", turn.parts[index])
    elif only_generic or product_help:
        level = 1
        found.generic = True
        turn.signals.add(Signal.GENERIC_OFFER)

    strings = next((m for m in (lx.STRINGS.search(p.text) for p in turn.parts) if m), None)
    if level >= 3 and pitch.any_pitch and not (strings or pitch.asks):
        level = 2  # help bundled with promotion is not help without strings
    if level >= 2 and (strings or pitch.asks):
        found.strings = True
        level = 2
        for part in turn.parts:
            match = lx.STRINGS.search(part.text)
            if match:
                turn.add_match(Signal.STRINGS_ATTACHED, "helpfulness", part, match, whole=True)
        if not strings:
            turn.signals.add(Signal.STRINGS_ATTACHED)

    found.level = level
    found.fitting = fitting and level >= 2
    found.committed = has_commit
    found.named_contact = has_named
    if level >= 1:
        turn.signals.add(Signal.OFFER)
    return found
