"""Listening signals: questions and whether they build on what the persona said,
reflections, empathy, uptake of their details, and the ways a turn ignores them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.core.grading import lexicon as lx
from sim.core.grading.analysis import ANAPHORA, Part, Turn, question_words
from sim.core.grading.pitching import PitchSignals
from sim.core.grading.text import is_content, stem
from sim.core.grading.types import Signal

# Self-talk that relates to their situation: "we have the same night-shift problem".
_RELATING = re.compile(r"\b(?:same|too|also|similar|as well|like yours|like you)\b", re.IGNORECASE)

_QUESTION_OPENERS = frozenset(
    "what what's how how's why which where when who do does did is are was were have has can could would will should".split()
)


@dataclass
class ListenSignals:
    minimal: bool = False
    questions: int = 0
    follow_ups: int = 0
    open_follow_ups: int = 0
    generic_questions: int = 0
    reflections: int = 0
    empathy: int = 0           # names or validates their feeling
    soft_empathy: int = 0      # "I hear you", "I get it"
    uptake: int = 0            # their words picked up outside pitches, self-talk and stock questions
    line_uptake: int = 0       # their words anywhere in the turn (not in stock questions)
    selling_uptake: int = 0    # their topic touched in order to sell ("how much of that is...? We fix it.")
    context_uptake: int = 0    # their words or topics, or words from their card
    generalising: bool = False  # "budgets are brutal everywhere"
    topic_change: bool = False
    answers_question: bool = False
    self_focus: bool = False
    lecture: bool = False      # "You have to stop.": telling, not listening
    first_person: int = 0
    second_person: int = 0


def _is_minimal(turn: Turn) -> bool:
    """'Cool.', 'Oh wow.', 'Twenty-three percent.': a reaction with nothing added."""
    if len(turn.tokens) > 5 or "?" in turn.text or not turn.tokens:
        return False
    words = [t.lower for t in turn.tokens]
    if all(w in lx.MINIMAL_WORDS for w in words):
        return True
    new_words = [t for t in turn.tokens if t.lower not in lx.MINIMAL_WORDS and is_content(t)]
    echoed = all(p.overlap_last for p in turn.parts if p.stems)
    return len(turn.tokens) <= 3 and echoed and len(new_words) <= 2


def _reflects(turn: Turn, part: Part) -> bool:
    so_start = lx.REFLECTIVE_SO.search(part.text)
    match = lx.REFLECTION.search(part.text)
    if part.is_question:
        # "How do you feel about it?" is a question; "So you already know why?" checks a reflection.
        match = so_start if so_start and part.second_person else None
    elif match is None:
        match = so_start or _YOU_STATEMENT.match(part.text)
    if match is None:
        return False
    if (lx.OFFER_COMMIT.search(part.text) or lx.ADVICE.search(part.text) or lx.LECTURE.search(part.text)
            or lx.IMPERATIVE_START.search(part.text)):
        return False  # "sounds like you should try X", "Ask your GP": advice; "you're going to..." a warning
    # "Sounds like it was never about the gear" reflects them; "I think so too" does not.
    grounded = part.overlap or lx.FEELING.search(part.text) or part.second_person or part.first_person == 0
    if grounded:
        turn.add_match(Signal.REFLECTION, "listening", part, match, whole=True)
    return bool(grounded)


# "Three times shows how much you want this": a statement about them, not advice.
_YOU_STATEMENT = re.compile(
    r"^(?!.*\b(?:i|i'm|i've|i'd|me|my|we|our)\b)(?!you (?:should|could|might|need|must|have to|can|may|just need|'ll|will)\b)"
    r"(?!you know\b|you guys\b)(?=.*\b(?:you|your|you're|you've|yourself)\b).{8,}$",
    re.IGNORECASE,
)


def _paraphrases(part: Part) -> bool:
    """A statement built from their words, adding some of the user's own, and not about
    the user: 'Four thousand cans with someone else's logo on them'. In a question, the
    lead-in before a dash counts: 'All three through the branches — is that...?'"""
    text, stems = part.text, part.stems
    if part.is_question:
        cut = max(text.rfind(" — "), text.rfind(" – "), text.rfind(" - "), text.rfind("; "))
        if cut <= 0:
            return False
        lead = text[:cut]
        if lead.split()[0].lower() in _QUESTION_OPENERS:
            return False  # "What's driving the spend — ...?" is all question
        stems = {s for s in stems if any(w.lower().startswith(s[:4]) for w in lead.split())}
        text = lead
    shared = {s for s in stems & part.overlap_last if not s.startswith("#")}
    own = {s for s in stems - part.overlap_last if not s.startswith("#")}
    return (
        len(shared) >= 2
        and len(own) >= 1
        and part.first_person == 0
        and not lx.GENERALISING.search(text)
        and not lx.ADVICE.search(text)
        and not lx.IMPERATIVE_START.search(text)
        and not lx.LECTURE.search(text)
    )


def _empathy(turn: Turn, part: Part, signals: ListenSignals) -> None:
    if part.is_question:
        return  # "Which findings worry you?" asks; it does not name their feeling
    feeling = lx.FEELING.search(part.text)
    if feeling and len(part.tokens) >= 2:
        before = part.text[: feeling.start()]
        if not lx.SELF_FEELING.search(before) and not lx.GENERALISING.search(part.text):
            signals.empathy += 1
            turn.add_match(Signal.EMPATHY, "listening", part, feeling, whole=True)
            return
    soft = lx.EMPATHY_FROM_ME.search(part.text)
    if soft:
        signals.soft_empathy += 1
        turn.add_match(Signal.EMPATHY, "listening", part, soft, whole=True)


def detect_listening(turn: Turn, pitch: PitchSignals) -> ListenSignals:
    found = ListenSignals()
    found.minimal = _is_minimal(turn)
    if found.minimal:
        turn.add(Signal.MINIMAL, "listening", 0, len(turn.raw))
    _read_statements(turn, pitch, found)
    _read_questions(turn, pitch, found)

    if turn.asked_about_user and turn.parts:
        first = turn.parts[0]
        if first.first_person or first.second_person == 0:
            found.answers_question = True
            turn.add_part(Signal.ANSWERS_THEIR_QUESTION, "listening", first)
    mostly_me = found.first_person >= 3 and found.first_person > 2 * found.second_person
    statements = [p for i, p in enumerate(turn.parts) if not p.is_question and i not in pitch.pitch_parts and p.tokens]
    all_about_me = bool(statements) and all(_about_the_user(p) for p in statements)
    if mostly_me or all_about_me or (found.first_person >= 2 and found.second_person == 0):
        found.self_focus = True
        turn.signals.add(Signal.SELF_FOCUS)
    if found.reflections or found.empathy:
        turn.signals.add(Signal.INTEREST_IN_THEM)
    return found


def _read_statements(turn: Turn, pitch: PitchSignals, found: ListenSignals) -> None:
    """Uptake of their words, reflections, empathy, generic sympathy and topic changes."""
    uptake: set[str] = set()
    line_uptake: set[str] = set()
    context_uptake: set[str] = set()
    best_reference: Part | None = None
    for index, part in enumerate(turn.parts):
        found.first_person += part.first_person
        found.second_person += part.second_person
        stock = lx.GENERIC_QUESTION.search(part.text) if part.is_question else None
        if not stock:
            line_uptake |= part.literal_overlap
        # Touches their topic, even to sell ("We're a backup provider..."); their words
        # inside the ask itself ("walk you through the deck") do not count.
        found.selling_uptake += len(_outside(part, part.overlap, lx.CALL_TO_ACTION.search(part.text)))
        context_uptake |= part.overlap | part.overlap_profile
        if lx.GENERALISING.search(part.text):
            found.generalising = True
        if lx.LECTURE.search(part.text):
            found.lecture = True
        topic = lx.TOPIC_CHANGE.search(part.text)
        if topic and not part.overlap:
            found.topic_change = True
            turn.add_match(Signal.TOPIC_CHANGE, "listening", part, topic)
        if index in pitch.pitch_parts:
            continue
        if not _about_the_user(part) and not stock:
            uptake |= part.literal_overlap
            if part.overlap_last and (best_reference is None or len(part.overlap_last) > len(best_reference.overlap_last)):
                best_reference = part
        if not found.minimal:
            _empathy(turn, part, found)
        if _reflects(turn, part):
            found.reflections += 1
        elif _paraphrases(part):
            found.reflections += 1
            turn.add_part(Signal.REFLECTION, "listening", part)
    found.uptake = len(uptake)
    found.line_uptake = len(line_uptake)
    found.context_uptake = len(context_uptake)
    if best_reference is not None:
        _add_reference(turn, best_reference)


def _read_questions(turn: Turn, pitch: PitchSignals, found: ListenSignals) -> None:
    """Each question (or 'tell me more' invitation): a follow-up on them, a stock
    question, advice in question form, a pitch, or a change of topic."""
    relating = any(
        _about_the_user(p) and (_RELATING.search(p.text) or len(p.literal_overlap) >= 2) for p in turn.parts
    )
    engaged = bool(found.uptake or found.reflections or found.empathy or (found.line_uptake and relating))
    # An open question tacked onto talk about oneself ("...I just got back from Lisbon.
    # Have you been?") steers to the user's topic; it does not follow theirs.
    self_parts = [p for i, p in enumerate(turn.parts) if i not in pitch.pitch_parts and _about_the_user(p)]
    self_talk = bool(self_parts)
    own_topic = {s for p in self_parts for s in p.stems if not s.startswith("#")}
    agenda = next((m for m in (lx.AGENDA.search(p.text) for p in turn.parts) if m), None)
    if agenda:
        found.topic_change = True
    for index, part in enumerate(turn.parts):
        invitation = not part.is_question and lx.INVITATION.search(part.text)
        if not part.is_question and not invitation:
            continue
        found.questions += 1
        turn.add_part(Signal.QUESTION, "listening", part)
        if index in pitch.pitch_parts or lx.OFFER_COMMIT.search(part.text):
            continue  # a pitch, or an offer put as a question ("Want me to introduce you?")
        _, is_open = question_words(part)
        is_open = is_open or bool(invitation)
        about_them = part.second_person > 0
        lows = {t.lower for t in part.tokens}
        anaphoric = bool(lows & ANAPHORA) and (about_them or len(part.tokens) <= 8)
        # Their words outside a stock phrase: "What do you do at Transline?" builds on nothing.
        generic = lx.GENERIC_QUESTION.search(part.text)
        advice = lx.ADVICE_QUESTION.search(part.text)
        builds = _outside(part, part.overlap | part.overlap_profile, generic, advice)
        if is_open:
            turn.add_part(Signal.OPEN_QUESTION, "listening", part)
        if (lx.TOPIC_CHANGE.search(part.text) and not part.overlap) or agenda:
            found.topic_change = True
            turn.add_part(Signal.TOPIC_CHANGE, "listening", part)
        elif advice and not builds:
            pass  # "Have you tried meditation?": advice, graded under helpfulness
        elif generic and not builds:
            found.generic_questions += 1
            turn.add_part(Signal.GENERIC_QUESTION, "listening", part)
        elif is_open and not (builds or anaphoric or engaged or part.stems & own_topic) and _own_topic(part):
            # "How big is your team?" after a line about something else: a stock question
            found.generic_questions += 1
            turn.add_part(Signal.GENERIC_QUESTION, "listening", part)
        elif builds or anaphoric or (engaged and about_them) or (
            is_open and turn.last_line and not self_talk and not part.first_person
        ):
            # An open question right after they spoke, not a stock one, builds on them.
            found.follow_ups += 1
            found.open_follow_ups += int(is_open)
            turn.add_part(Signal.FOLLOW_UP, "listening", part)
        elif part.stems & own_topic:
            # "...switched to running. What do you think of trail running?": the user's topic
            found.topic_change = True
            turn.add_part(Signal.TOPIC_CHANGE, "listening", part)
        else:
            found.generic_questions += 1
            turn.add_part(Signal.GENERIC_QUESTION, "listening", part)
        if about_them:
            turn.signals.add(Signal.INTEREST_IN_THEM)


# Words of a question that ask about what happened to them rather than bring a topic.
_PROCESS = frozenset(
    stem(w)
    for w in """happen happened change changed help helps helped mean meant feel felt differ difference
    biggest matter hardest worst best stop stopped start started surprise surprised worry worried
    frustrate frustrating next then after before since end ended turn turned react reacted
    decide decided learn learned expect expected wish hope like liked""".split()
)


def _own_topic(part: Part) -> bool:
    """A short question that shares no word with anything they said or their card and
    brings a topic of its own ("What tools do you use?", "Where did you go to school?")."""
    if len(part.tokens) > 7 or part.overlap or part.overlap_profile or lx.FEELING.search(part.text):
        return False  # "What kind of cases worry you most?" asks about them
    own = {s for s in part.stems if not s.startswith("#")} - _PROCESS
    return bool(own)


def _outside(part: Part, stems: set[str], *matches) -> set[str]:
    """The stems that occur outside the matched spans of the sentence (all of them when
    nothing matched)."""
    spans = [m for m in matches if m is not None]
    if not spans:
        return stems
    text = part.text
    for match in spans:
        text = text.replace(match.group(), " ")
    lower = text.lower()
    return {s for s in stems if s[:4] in lower}


def _about_the_user(part: Part) -> bool:
    """A sentence about the user's own life: their words in it are not uptake."""
    if part.is_question:
        return False
    first = part.tokens[0].lower if part.tokens else ""
    starts_with_me = first in ("i", "i'm", "i've", "i'd", "my", "we", "we're", "our")
    return (starts_with_me and part.second_person == 0) or part.first_person > part.second_person + 1


def _add_reference(turn: Turn, part: Part) -> None:
    """Quote the stretch of the sentence that carries their words."""
    hits = [t for t in part.tokens if is_content(t) and stem(t.lower) in part.overlap_last]
    if not hits:
        return
    start, end = hits[0].start, hits[-1].end
    if end - start > 80:
        end = hits[0].end
    turn.add(Signal.SPECIFIC_REFERENCE, "listening", start, end)


def listening_level(listen: ListenSignals, pitch_level: int, help_level: int) -> int:
    if listen.minimal:
        return 1
    deep = listen.reflections or listen.empathy
    if deep and listen.follow_ups:
        level = 3
    elif listen.reflections or listen.follow_ups or listen.empathy:
        level = 2
    elif listen.uptake and not listen.generalising:
        level = 2
    elif listen.soft_empathy and listen.uptake:
        level = 2
    elif help_level >= 2:
        level = 2 if listen.context_uptake else 1
    elif help_level == 1:
        level = 1
    elif listen.topic_change:
        level = 0
    elif listen.answers_question or listen.generic_questions or listen.generalising or listen.soft_empathy:
        level = 1
    elif listen.context_uptake:
        level = 1
    elif listen.self_focus:
        level = 0  # talk about oneself that touches nothing they said
    else:
        level = 1  # a short reaction to them: minimal uptake

    if listen.generalising and not (listen.follow_ups or listen.reflections):
        level = min(level, 1)  # "budgets are brutal everywhere": sympathy for no one in particular
    if listen.lecture and not listen.follow_ups:
        level = min(level, 1)  # a warning or an order, however much of their detail it quotes
    if pitch_level >= 2:
        if listen.topic_change or listen.generalising:
            cap = 0
        elif help_level >= 2:
            cap = 2
        else:
            touched = listen.uptake or listen.selling_uptake or listen.follow_ups or listen.reflections
            cap = 1 if touched or listen.answers_question else 0
        level = min(level, cap)
    return level
