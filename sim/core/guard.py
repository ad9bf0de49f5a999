"""The guard: keeps the persona in character by rejecting lines that break it.

Every candidate the model writes is checked against the persona, the conversation and
the director's intent. The best survivor is spoken; if none survives, the persona says
an authored line instead. Each rejection carries a reason, so `sim eval persona` can
show what the model gets wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sim.core.director import Direction
from sim.core.grading.text import sentences, stem, tokens
from sim.core.persona import Intent, Persona

MAX_SENTENCES = 3
MAX_WORDS = 60
MIN_WORDS = 3

REASONS = (
    "empty", "speaks_as_user", "claims_ai", "wrong_name", "list_or_markup", "too_long",
    "repeats", "unfinished", "drops_content", "off_intent", "meta",
)

_AI = re.compile(
    r"\b(?:language model|chat ?bot|smol ?lm|hugging ?face|openai|artificial intelligence|"
    r"(?:i am|i'm|as)\s+(?:an?\s+)?(?:ai|a\.i\.|assistant|bot|virtual assistant|model)\b)",
    re.IGNORECASE,
)
_BARE_AI = re.compile(r"\bAI\b")
_SELF_NAME = re.compile(r"\b(?:I'm|I am|my name is|my name's|name's|call me)\s+([A-Z][a-z]+)")
_SPEAKER_TAG = re.compile(r"(?:^|\s)[A-Z][\w.'-]{0,20}(?: [A-Z][\w.'-]{0,20})?:\s")
_MARKUP = re.compile(r"(^\s*(?:[-*•#>]|\d+[.)])\s)|\*\*|__|`|\||https?://|[<>\[\]{}]")
_META = re.compile(r"\b(?:role-?play|the user|this conversation|the scene|my character|the prompt)\b", re.I)
_FINISHED = re.compile(r"[.!?…][\"'”’)]*$")

_EXIT_MARKERS = re.compile(
    r"\b(?:go|get back|head|heading|catch|run|running|excuse me|off to|nice (?:meeting|talking|to meet)|"
    r"good luck|see you|take care|bye|gotta|have to|should (?:go|get|find|head))\b",
    re.IGNORECASE,
)
_FAREWELL = re.compile(r"\b(?:goodbye|bye|nice meeting you|nice talking to you|see you around|take care)\b", re.I)
_ACCEPTS = re.compile(
    r"\b(?:sounds (?:great|good|amazing|interesting)|i'?d love|love to|sign me up|let'?s do it|"
    r"let'?s set|send (?:me|it)|i'?m (?:very |really )?interested|tell me more|count me in|"
    r"that would be (?:great|amazing|perfect)|great idea|deal\b|i'?ll take)",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"\b(?:thank|thanks|appreciate|grateful|kind of you|that would (?:really |honestly )?help|"
    r"really help|means a lot|amazing|wow|oh|great|helpful|generous|lifesaver)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    text: str
    reasons: tuple[str, ...]
    score: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.reasons


def tidy(text: str) -> str:
    """One line, single spaces, no wrapping or stray closing quotes, no trailing '...'
    after a finished sentence (the model echoes the stage direction's punctuation)."""
    text = " ".join(text.split())
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    # The stage direction ends "...something like: <line>)"; the model often copies the ")".
    while text.endswith(('"', ")")) and (text.count('"') % 2 == 1 or text.count(")") > text.count("(")):
        text = text[:-1].rstrip()
    text = re.sub(r"([.!?])\.{2,}$", r"\1", text)
    return text


def _stems(text: str) -> set[str]:
    return {stem(t.lower) for t in tokens(text)}


def whole_sentences(line: str) -> str:
    """Drop an unfinished tail after the last complete sentence. The model often says
    the line it was asked for, then rambles until the token budget cuts it off."""
    if _FINISHED.search(line):
        return line
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'”’)]*(?=\s)", line)]
    return line[: ends[-1]].rstrip() if ends else line


def similar(a: str, b: str) -> float:
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _loops(line: str, size: int = 4) -> bool:
    """A small model stuck in a loop repeats itself inside one line: the same sentence,
    or the same run of four words twice."""
    words = [t.lower for t in tokens(line)]
    runs = [tuple(words[i:i + size]) for i in range(len(words) - size + 1)]
    return len(set(runs)) < len(runs)


def _missing_content(line: str, direction: Direction, prefix: str) -> bool:
    """The line must keep some of what the director asked it to say, beyond the words
    the voice already put in the persona's mouth."""
    wanted = [t for t in direction.key_terms if stem(t) not in _stems(prefix)]
    if not wanted:
        return False
    present = _stems(line)
    hits = sum(1 for term in wanted if stem(term) in present)
    if direction.intent is Intent.REVEAL_OPPORTUNITY:
        return hits < max(2, (3 * len(wanted) + 3) // 4)  # the offer itself must survive
    return hits < min(2, len(wanted))


def _off_intent(line: str, intent: Intent) -> bool:
    if intent is Intent.EXIT:
        return not _EXIT_MARKERS.search(line)
    if _FAREWELL.search(line):
        return True  # only an exit may say goodbye
    if intent is Intent.ASK_BACK:
        questions = [s.text for s in sentences(line) if s.text.endswith("?")]
        about_them = [q for q in questions if re.search(r"\byou(?:r)?\b", q, re.I)
                      and not re.search(r"\b(?:me|my)\?$", q, re.I) and len(q.split()) >= 3]
        return not about_them
    if intent is Intent.DEFLECT_PITCH:
        return bool(_ACCEPTS.search(line))
    if intent is Intent.ACCEPT_HELP:
        return not _THANKS.search(line) or bool(re.search(r"\bno,? thanks\b|not interested", line, re.I))
    return False


def identity_problems(line: str, persona: Persona, user_name: str, *, added: str | None = None,
                      last_user_line: str = "") -> list[str]:
    """Ways a line breaks who is speaking: as the user, as an AI, or under another name.
    `sim eval persona` runs this on every line shown, authored ones included."""
    problems = []
    user = re.escape(user_name)
    if (_SPEAKER_TAG.search(" " + (line if added is None else added)) or re.search(rf"\b{user}\s*:", line)
            or re.search(rf"\b{user}(?:'s| is| was| has)\b", line)  # talks about them, not to them
            or (last_user_line and similar(line, last_user_line) >= 0.6)):
        problems.append("speaks_as_user")
    if _AI.search(line) or _BARE_AI.search(line):
        problems.append("claims_ai")
    names = {n.lower() for n in _SELF_NAME.findall(line)}
    if names - {persona.first_name.lower(), *(p.lower() for p in persona.name.split())}:
        problems.append("wrong_name")
    return problems


def check(
    candidate: str,
    *,
    direction: Direction,
    persona: Persona,
    user_name: str,
    earlier: Sequence[str],
    last_user_line: str = "",
    prefix: str = "",
    truncated: bool = False,
) -> Verdict:
    """Judge one candidate line (the prefix the voice gave plus what the model wrote)."""
    line = tidy(whole_sentences(tidy(candidate)))
    added = tidy(candidate[len(prefix):]) if candidate.startswith(prefix) else line
    reasons: list[str] = []
    words = line.split()
    if len(words) < MIN_WORDS or len(added.split()) < 2:
        reasons.append("empty")
    reasons += identity_problems(line, persona, user_name, added=added, last_user_line=last_user_line)
    if _MARKUP.search(line):
        reasons.append("list_or_markup")
    spoken = sentences(line)
    if len(spoken) > MAX_SENTENCES or len(words) > MAX_WORDS:
        reasons.append("too_long")
    if _loops(line) or any(similar(line, old) >= 0.6 for old in earlier):
        reasons.append("repeats")
    if truncated or not _FINISHED.search(line):
        reasons.append("unfinished")
    if _missing_content(line, direction, prefix):
        reasons.append("drops_content")
    if _off_intent(line, direction.intent):
        reasons.append("off_intent")
    if _META.search(line):
        reasons.append("meta")
    return Verdict(line, tuple(dict.fromkeys(reasons)), _score(line, direction) if not reasons else 0.0)


def _score(line: str, direction: Direction) -> float:
    """Prefer lines that carry more of the content, at a natural length."""
    present = _stems(line)
    coverage = sum(1 for t in direction.key_terms if stem(t) in present) / max(1, len(direction.key_terms))
    words = len(line.split())
    length = 1.0 if 8 <= words <= 28 else 0.6
    hedging = 0.7 if re.search(r"\bI'?m not sure\b|\bI don'?t know\b", line, re.I) else 1.0
    return round((0.5 + coverage) * length * hedging, 4)


def choose(verdicts: Sequence[Verdict]) -> Verdict | None:
    """The best candidate that passed, or None. Ties go to the earliest (deterministic)."""
    passed = [v for v in verdicts if v.ok]
    if not passed:
        return None
    return max(passed, key=lambda v: v.score)
