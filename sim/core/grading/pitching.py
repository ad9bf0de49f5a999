"""Pitching signals: asks for the user's own benefit, promotion, and plain self-disclosure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sim.core.grading import lexicon as lx
from sim.core.grading.analysis import Turn
from sim.core.grading.text import content_stems, tokens
from sim.core.grading.types import Signal


@dataclass
class PitchSignals:
    asks: int = 0            # calls to action for the user's own benefit
    promotion: int = 0       # unsolicited promotion of product, company, skills
    steering: int = 0        # fishing for budget or buyer
    disclosure: int = 0      # plain talk about the user's own work
    pitch_questions: int = 0
    #: indexes of sentences that sell or ask: their questions are not follow-ups
    pitch_parts: set[int] = field(default_factory=set)

    @property
    def any_pitch(self) -> bool:
        return bool(self.asks or self.promotion or self.steering)


def detect_pitching(turn: Turn) -> PitchSignals:
    found = PitchSignals()
    helping_them = turn.has(lx.OFFER_COMMIT)
    # "You'd be a good fit" answering "do you hire?" answers their question; unasked, it recruits
    asked_about_hiring = _asked_about_hiring(turn)
    gift = _gift(turn, asked_about_hiring)
    for index, part in enumerate(turn.parts):
        ask = lx.CALL_TO_ACTION.search(part.text) or lx.COMMIT_ASK.search(part.text)
        if ask and _their_stance(turn, part, ask):
            ask = None  # "It sounds like you'd rather not get shown a demo" reflects them
        contact = lx.CONTACT_ASK.search(part.text)
        recruit = None if asked_about_hiring else lx.RECRUITING.search(part.text)
        promo = lx.PROMOTION.search(part.text) or recruit or _claim(turn, part) or _brag(part)
        if promo is None and not turn.asked_about_user:
            promo = lx.SELF_PROMOTION.search(part.text) or _unasked_business(turn, part)
        steer = lx.STEERING.search(part.text)
        if steer and (_their_topic(turn, steer.group()) or _OWN_BUDGET.search(part.text[: steer.start()])):
            steer = None  # "Who approves the budget?" after they raised it is a follow-up; "our budget line" is ours
        if gift and not lx.PRODUCT_OF_OURS.search(part.text):
            promo = steer = None  # their need met from the user's side: the user's, not a pitch
        if ask:
            found.asks += 1
            turn.add_match(Signal.CALL_TO_ACTION, "pitching", part, ask, whole=True)
        if promo:
            found.promotion += 1
            turn.add_match(Signal.PROMOTION, "pitching", part, promo, whole=True)
        if steer:
            found.steering += 1
            turn.add_match(Signal.PROMOTION, "pitching", part, steer, whole=True)
        if ask or promo or steer:
            found.pitch_parts.add(index)
        elif contact:
            # Asking for their email to send them help is fine; to follow up on a sale is not.
            if not (helping_them or _DELIVERY.search(part.text)) or found.promotion:
                found.pitch_parts.add(index)
                found.asks += 1
                turn.add_match(Signal.CALL_TO_ACTION, "pitching", part, contact, whole=True)
        if not (ask or promo or steer):
            disclosed = lx.SELF_DISCLOSURE.search(part.text) or lx.SELF_PROMOTION.search(part.text)
            if disclosed and not lx.OFFER_COMMIT.search(part.text[: disclosed.start()]):
                found.disclosure += 1
                turn.add_match(Signal.SELF_FOCUS, "pitching", part, disclosed)

    # A contact ask or "let's chat more" after a promotion is a sales follow-up.
    if found.promotion or found.steering:
        for index, part in enumerate(turn.parts):
            follow = lx.CONTACT_ASK.search(part.text) or lx.PROMO_FOLLOW_UP.search(part.text)
            if follow and not lx.CALL_TO_ACTION.search(part.text):
                found.pitch_parts.add(index)
                found.asks += 1
                turn.add_match(Signal.CALL_TO_ACTION, "pitching", part, follow, whole=True)

    if found.any_pitch:
        for index, part in enumerate(turn.parts):
            if not part.is_question:
                continue
            if index in found.pitch_parts or lx.PITCH_QUESTION_OPENER.search(part.text):
                found.pitch_questions += 1
                found.pitch_parts.add(index)
                turn.add_part(Signal.PITCH_QUESTION, "pitching", part)
    return found


# Words that give their side of an ask: what they avoid or are tired of.
_AVERSION = re.compile(
    r"\b(?:rather not|(?:do|does|did)(?: not|n't) (?:want|need|like)|not (?:keen|interested|looking|in the market)|"
    r"tired of|sick of|fed up|hate|hated|dread\w*|last thing|had enough|avoid\w*|burned by|burnt by|no more|"
    r"never want|wary of|skeptical of|sceptical of)\b",
    re.IGNORECASE,
)


def _their_stance(turn: Turn, part, ask) -> bool:
    """A sentence that reflects the persona's own stance on the thing an ask names ("you'd
    rather not get shown a demo", "so the free trial burned you"): their words, not a
    request by the user. Never when the user speaks for themselves (I, we, our) in it."""
    if part.first_person:
        return False
    lead = part.text[: ask.start()]
    averse = _AVERSION.search(part.text)
    if lx.REFLECTION.search(lead) or lx.REFLECTIVE_SO.search(lead):
        return bool(averse or content_stems(tokens(ask.group())) & turn.last_stems)
    # "You don't want another trial": a you-statement of their stance, not advice
    return bool(averse and re.match(r"\W*you(?:'d|'re| would| are| do| don't| really)?\b(?! should| could| need| must| have to)", lead, re.I))


# "Can I get your email so I can loop you in?": the contact is for sending them help.
_DELIVERY = re.compile(
    r"\bso (?:i|we) can (?:send|loop|introduce|intro|connect|forward|copy|cc|share|get (?:that|it|this|them) to)", re.I
)


def _brag(part):
    """Achievements, records and hype said of the user's own side (I, we, my, our)."""
    return lx.BRAG.search(part.text) if part.first_person else None


def _gift(turn: Turn, asked_about_hiring: bool) -> bool:
    """The user's own side offered for a need the persona stated, with nothing wanted back:
    "Our data team takes two interns every summer; email Rosa and say I sent you." The
    guidelines count promotion and asks for the user's own benefit; this is neither. Any
    ask, strings or product offered as help in the turn rules it out."""
    if not turn.has(lx.OWN_SIDE_GIVES):
        return False  # checked first: almost no turn offers anything of the user's side
    if any(turn.has(p) for p in (lx.CALL_TO_ACTION, lx.COMMIT_ASK, lx.STRINGS, lx.PRODUCT_AS_HELP)):
        return False
    if turn.has(lx.RECRUITING) and not asked_about_hiring:
        return False  # recruiting them is what the user wants
    if not (turn.has(lx.OFFER_COMMIT) or turn.has(lx.GIFT_ROUTE) or turn.has(lx.NAMED_CONTACT)):
        return False
    return any(lx.OWN_SIDE_GIVES.search(part.text) and (part.overlap or part.overlap_profile) for part in turn.parts)


def _asked_about_hiring(turn: Turn) -> bool:
    """Their last line asks whether the user's side hires ("Do you guys ever hire coders?")."""
    return "?" in turn.last_line and bool(lx.HIRING_WORD.search(turn.last_line))


# "Our club has a budget line for that": the user's own budget, not fishing for theirs.
_OWN_BUDGET = re.compile(r"\b(?:(?:our|my) (?:[\w-]+ ){0,4}?(?:has|have|had|got|with)|we(?:'ve| have| got| had)?) (?:an? |the |some )?$", re.I)


def _their_topic(turn: Turn, phrase: str) -> bool:
    return bool(content_stems(tokens(phrase)) & turn.last_stems)


def _unasked_business(turn: Turn, part):
    """'I run a consultancy that...' when nobody asked, outside an offer of help: the
    talk turns to what the user sells."""
    business = lx.BUSINESS_SELF.search(part.text)
    if business is None and (turn.has(lx.PRODUCT_AS_HELP) or turn.has(lx.CALL_TO_ACTION)):
        business = lx.SERVICE_ROLE.search(part.text)
    text = part.text
    if business is None or lx.OFFER_COMMIT.search(text) or lx.NAMED_CONTACT.search(text) or lx.ADVICE.search(text):
        return None
    return business


def _claim(turn: Turn, part):
    """'It cuts overnight pages by 70%' said on behalf of a 'we' or an 'our': a product
    claim. Past-tense stories ("we cut pages by half") are experience, not claims."""
    claim = lx.CLAIM.search(part.text)
    if claim is None:
        return None
    index = turn.parts.index(part)
    nearby = " ".join(p.text for p in turn.parts[max(0, index - 1) : index + 1])
    return claim if lx.WE.search(nearby) else None


def pitching_level(pitch: PitchSignals, answered_their_question: bool, strings: bool) -> int:
    if pitch.asks or strings:  # help traded for a favour is an ask for the user's benefit
        return 3
    if pitch.promotion or pitch.steering:
        return 2
    if pitch.disclosure or answered_their_question:
        return 1
    return 0
