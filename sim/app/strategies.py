"""Scripted users for `sim eval persona`: five ways people approach someone at an event.

They are programs, not fixed scripts, so one strategy works against any persona: the
connector reflects a phrase from what the persona just said and offers help that fits a
need the persona has talked about; the pitcher, the interviewer and the minimal replier
ignore what was said, as such people do.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sim.core.grading.text import is_content, tokens
from sim.core.persona import Persona

#: (persona, the persona's last line, the user's turn number from 0) -> the user's turn
Strategy = Callable[[Persona, str, int], str]


_FLIP = {
    "i": "you", "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "me": "you",
    "my": "your", "mine": "yours", "myself": "yourself", "we": "you", "we're": "you're",
    "we've": "you've", "our": "your", "ours": "yours", "us": "you", "am": "are",
}
_FILLER = {"honestly", "well", "oh", "so", "and", "but", "um", "uh", "like", "anyway", "yeah", "okay"}


def key_phrase(line: str) -> str:
    """The clause of a line with the most content, in the listener's words ("I've sent
    forty applications" becomes "you've sent forty applications"), to reflect back."""
    clauses = [c.strip() for c in re.split(r"[,;:.!?]+", line) if c.strip()]
    if not clauses:
        return "all that"
    def weight(clause: str) -> int:
        words = [t.lower for t in tokens(clause)]
        second_person = any(w in ("you", "your", "you're", "you'll") for w in words)
        return sum(1 for t in tokens(clause) if is_content(t)) - 3 * second_person

    best = max(reversed(clauses), key=weight)
    words = [t.text for t in tokens(best)]
    while words and words[0].lower() in _FILLER:
        words.pop(0)
    flipped = [_FLIP.get(w.lower().replace("’", "'"), w) for w in words[:10]]
    return " ".join(flipped) or "all that"


def connector(persona: Persona, last: str, turn: int) -> str:
    phrase = key_phrase(last)
    need = persona.challenges[0].summary
    lines = [
        f"Hi, I'm glad I caught you. It sounds like {phrase}. How has the day been for you so far?",
        f"So {phrase}, that sounds like a lot to carry. What has been the hardest part of it for you?",
        f"That must be frustrating, {phrase}. What have you tried so far, and what got in the way?",
        f"I might be able to help with {need}: I know someone who solved exactly that, and I'd be "
        "glad to introduce you, no strings attached.",
        f"It sounds like {phrase} matters a lot to you. What would a good outcome look like?",
        f"I hear you on {phrase}. What made you want to come to this event in the first place?",
        f"That makes sense, {phrase}. How are you feeling about it now?",
        "Thank you for telling me all this. What else is on your mind today?",
    ]
    return lines[turn % len(lines)]


def pitcher(persona: Persona, last: str, turn: int) -> str:
    lines = [
        "Hi! I'm with Cloudwise. We help companies like yours cut costs by thirty percent with our platform.",
        "Can I get fifteen minutes on your calendar next week for a quick demo of Cloudwise?",
        "Here's my card. Who makes the purchasing decisions on your side? Could you introduce me to your boss?",
        "Honestly our product pays for itself in a month. Can I sign you up for a free trial today?",
        "Let me just send you our deck. What's your email? We could book a call on Thursday.",
        "We're running a promotion this week only, so if you sign up now you get twenty percent off.",
        "Would you refer me to whoever handles vendors? I only need ten minutes with them.",
    ]
    return lines[turn % len(lines)]


def interviewer(persona: Persona, last: str, turn: int) -> str:
    lines = [
        "What do you do?",
        "Where are you based?",
        "How big is your team?",
        "How long have you been there?",
        "What tools do you use?",
        "Where did you go to school?",
        "Is this your first time at this event?",
        "What's next for you after this?",
    ]
    return lines[turn % len(lines)]


def minimal(persona: Persona, last: str, turn: int) -> str:
    return ["Cool.", "Nice.", "Interesting.", "Oh okay.", "Yeah.", "Huh.", "Right.", "Cool, cool."][turn % 8]


def mixed(persona: Persona, last: str, turn: int) -> str:
    """Starts well, slips into a pitch, notices, and goes back to listening."""
    if turn == 2:
        return pitcher(persona, last, 1)
    if turn == 3:
        return f"Sorry, that was pushy of me. You said {key_phrase(last)}. What's that been like?"
    return connector(persona, last, turn if turn < 2 else turn - 2)


STRATEGIES: dict[str, Strategy] = {
    "connector": connector,
    "pitcher": pitcher,
    "interviewer": interviewer,
    "minimal": minimal,
    "mixed": mixed,
}

#: How many user turns each strategy gets (the conversation may end earlier).
TURNS = {"connector": 8, "pitcher": 8, "interviewer": 8, "minimal": 6, "mixed": 8}
