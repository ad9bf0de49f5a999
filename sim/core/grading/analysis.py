"""Read one turn: its sentences, the words it shares with what the persona said, and an
evidence list to which the detectors add spans of the user's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from sim.core.grading import lexicon as lx
from sim.core.grading.text import (
    CONTEXT_CHARS,
    Sentence,
    Token,
    clean,
    content_stems,
    looks_english,
    sentences,
    stem,
    tokens,
    windows,
)
from sim.core.grading.types import Axis, ContextLine, Evidence, PersonaBrief

FIRST_PERSON = frozenset("i i'm i've i'd i'll me my mine myself we we're we've we'd we'll our ours us".split())
SECOND_PERSON = frozenset("you you're you've you'd you'll your yours yourself yourselves".split())
WH_WORDS = frozenset("what what's whats how how's hows why which where when who who's whose".split())
AUX_WORDS = frozenset(
    """do does did is are was were have has had can could would will should may might shall am
    isn't aren't wasn't weren't don't doesn't didn't haven't hasn't can't couldn't wouldn't won't
    shouldn't ever any anything""".split()
)
DISCOURSE = frozenset(
    """so and but ok okay well oh ha hey wow yeah then now also actually honestly just quick
    question out of curiosity curious right hmm ah um uh i mean like""".split()
)
ANAPHORA = frozenset("that it those them one ones".split())
MAX_QUOTE = 160
#: Sentences beyond this are not analysed (the first and last ones are kept): a wall of
#: text is graded on its opening and its ending.
MAX_PARTS = 80


@dataclass
class Part:
    """One sentence of the turn with the persona words it picks up."""

    sentence: Sentence
    tokens: list[Token]
    stems: set[str]
    overlap_last: set[str]
    overlap_earlier: set[str]
    overlap_profile: set[str]
    first_person: int
    second_person: int

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def is_question(self) -> bool:
        return self.sentence.is_question

    @property
    def overlap(self) -> set[str]:
        return self.overlap_last | self.overlap_earlier

    @property
    def literal_overlap(self) -> set[str]:
        """Shared words, not just shared topic families."""
        return {s for s in self.overlap if not s.startswith("#")}


@dataclass
class Turn:
    """Everything the detectors need, plus the evidence they collect."""

    raw: str
    text: str  # the analysed windows of the turn, cleaned, joined by a newline
    parts: list[Part]
    tokens: list[Token]
    n_words: int
    english: bool
    persona_name: str
    last_line: str
    last_stems: set[str]
    persona_stems: set[str]
    asked_about_user: bool
    evidence: list[Evidence] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    _seen: set[tuple[str, int, int]] = field(default_factory=set)
    _found: dict[re.Pattern[str], bool] = field(default_factory=dict)

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether the pattern occurs anywhere in the analysed turn (searched once)."""
        if pattern not in self._found:
            self._found[pattern] = pattern.search(self.text) is not None
        return self._found[pattern]

    def add(self, signal: str, axis: Axis, start: int, end: int) -> None:
        """Record a span of the user's words as evidence for `signal` (offsets into the
        original turn). Spaces and trailing commas are trimmed; long spans are shortened."""
        self.signals.add(signal)
        start, end = _trim(self.raw, start, end)
        if end - start > MAX_QUOTE:
            cut = self.raw.rfind(" ", start, start + MAX_QUOTE)
            end = cut if cut > start else start + MAX_QUOTE
            start, end = _trim(self.raw, start, end)
        if end <= start:
            return
        if (signal, start, end) not in self._seen:
            self._seen.add((signal, start, end))
            self.evidence.append(Evidence(quote=self.raw[start:end], start=start, end=end, signal=signal, axis=axis))

    def add_match(self, signal: str, axis: Axis, part: Part, match: re.Match[str], whole: bool = False) -> None:
        """Evidence for a pattern match: the sentence if asked (and short), else the match."""
        base = part.sentence.start
        if whole and len(part.text) <= MAX_QUOTE:
            self.add(signal, axis, part.sentence.start, part.sentence.end)
        else:
            self.add(signal, axis, base + match.start(), base + match.end())

    def add_part(self, signal: str, axis: Axis, part: Part) -> None:
        self.add(signal, axis, part.sentence.start, part.sentence.end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in ",;:-—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-—–"):
        end -= 1
    return start, end


def persona_lines_of(context: Sequence[ContextLine]) -> list[str]:
    """The persona's lines, cleaned as the grader reads them."""
    return [clean(str(c.text)[:CONTEXT_CHARS]) for c in context if c.speaker == "persona"]


def read_turn(persona: PersonaBrief, context: Sequence[ContextLine], user_turn: str) -> Turn:
    raw = user_turn if isinstance(user_turn, str) else str(user_turn)
    # Cleaning keeps lengths, so offsets into the cleaned windows are offsets into `raw`.
    pieces = [(offset, clean(piece)) for offset, piece in windows(raw)]
    toks = [t for offset, piece in pieces for t in tokens(piece, offset)]

    persona_lines = persona_lines_of(context)
    last_line = persona_lines[-1] if persona_lines else ""
    name_stems = {stem(t.lower) for t in tokens(str(persona.name or ""))}
    last_stems = content_stems(tokens(last_line)) - name_stems
    earlier_stems = content_stems(tokens(" ".join(persona_lines[-4:-1]))) - name_stems - last_stems
    profile_text = " ".join([str(persona.role or ""), str(persona.card or ""), *map(str, persona.needs or ())])
    profile_stems = content_stems(tokens(clean(profile_text[:CONTEXT_CHARS]))) - name_stems

    parts = []
    found = [s for offset, piece in pieces for s in sentences(piece, offset)]
    if len(found) > MAX_PARTS:
        found = found[: MAX_PARTS // 2] + found[-MAX_PARTS // 2 :]
    for sentence in found:
        stoks = tokens(sentence.text, sentence.start)
        stems = content_stems(stoks)
        lows = [t.lower for t in stoks]
        parts.append(
            Part(
                sentence=sentence,
                tokens=stoks,
                stems=stems,
                overlap_last=stems & last_stems,
                overlap_earlier=stems & earlier_stems,
                overlap_profile=stems & profile_stems,
                first_person=sum(1 for w in lows if w in FIRST_PERSON),
                second_person=sum(1 for w in lows if w in SECOND_PERSON),
            )
        )
    last_questions = " ".join(s.text for s in sentences(last_line) if s.is_question) or last_line[-200:]
    text = "\n".join(piece for _, piece in pieces)
    return Turn(
        raw=raw,
        text=text,
        parts=parts,
        tokens=toks,
        n_words=len(raw.split()) if len(raw) < 200_000 else len(toks),
        english=looks_english(text, toks),
        persona_name=str(persona.name or "").strip(),
        last_line=last_line,
        last_stems=last_stems,
        persona_stems=last_stems | earlier_stems | profile_stems,
        asked_about_user=bool(lx.ASKED_ABOUT_USER.search(last_questions)) and "?" in last_line,
    )


def question_words(part: Part) -> tuple[str | None, bool]:
    """(first interrogative word, is_open) for a question sentence. Open questions start
    with a wh-word (after discourse fillers like 'so' or 'quick question')."""
    lows = [t.lower for t in part.tokens]
    for i, word in enumerate(lows[:12]):
        if word in DISCOURSE:
            continue
        if word in WH_WORDS:
            return word, True
        if word in AUX_WORDS:
            # "Is it the pay, or the hours?" is closed; "and how do you..." later is open.
            later = next((w for w in lows[i + 1 : i + 12] if w in WH_WORDS), None)
            return word, later is not None and later not in ("which",)
        break
    wh = next((w for w in lows if w in WH_WORDS), None)
    return wh, wh is not None
