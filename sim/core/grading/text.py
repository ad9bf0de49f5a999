"""Text helpers for the grader: safe cleaning, sentences and tokens with offsets into the
original turn, light stemming for overlap, and a cheap "is this English" check.

Everything here keeps character offsets intact, so evidence quotes can always be cut
from the user's own text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Long turns are analysed in two windows (head and tail) so grading stays fast; a CTA
#: at the end of a long monologue is still seen. Offsets stay those of the full turn.
HEAD_CHARS = 1200
TAIL_CHARS = 400
CONTEXT_CHARS = 2000

_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int

    @property
    def is_question(self) -> bool:
        return self.text.rstrip(" \"'”’)]").endswith("?")


def clean(text: str) -> str:
    """Same length as `text`: control and format characters become spaces (newlines
    stay), curly quotes straight and accented Latin letters plain, so patterns never
    trip on NUL, RTL marks or 'résumé', and offsets do not move."""
    if not text:
        return ""
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch in "’‘ʼ":
            out.append("'")
        elif ch in "“”":
            out.append('"')
        elif ch > "\x7f" and ch.isalpha():
            out.append(_fold(ch))
        elif ch in "\t\r" or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _fold(ch: str) -> str:
    """'é' -> 'e' so 'résumé' meets 'resume'; other letters stay as they are."""
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


def windows(text: str) -> list[tuple[int, str]]:
    """(offset, text) pieces to analyse: the whole turn, or its head and tail."""
    if len(text) <= HEAD_CHARS + TAIL_CHARS:
        return [(0, text)]
    head_end = text.rfind(" ", 0, HEAD_CHARS)
    head_end = head_end if head_end > HEAD_CHARS // 2 else HEAD_CHARS
    tail_start = text.find(" ", len(text) - TAIL_CHARS)
    tail_start = tail_start if 0 <= tail_start < len(text) else len(text) - TAIL_CHARS
    return [(0, text[:head_end]), (tail_start, text[tail_start:])]


_ABBREVIATION = re.compile(r"(?:^|\s)(?:dr|mr|mrs|ms|prof|st|vs|etc|e\.g|i\.e|a\.m|p\.m|approx|no|inc|jr|sr)\.$", re.IGNORECASE)


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split into sentences; leading/trailing spaces are trimmed from each span. A period
    after a title or abbreviation ('Dr. Lisa Park') does not end a sentence."""
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[max(start, match.start() - 6) : match.start() + 1]):
            continue
        _append_sentence(found, text, start, match.end(), offset)
        start = match.end()
    _append_sentence(found, text, start, len(text), offset)
    return found


def _append_sentence(found: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    found.append(Sentence(stripped, offset + s, offset + s + len(stripped)))


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]


# Function words and conversational filler: never evidence of listening by themselves.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each even ever every few for from further get gets got
    had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
    himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
    like me more most much must my myself no nor not now of off on once only or other ought our
    ours ourselves out over own really same she she'd she'll she's should shouldn't so some such
    than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd
    we'll we're we've were weren't what what's when when's where where's which while who who's
    whom why why's will with won't would wouldn't yeah yes you you'd you'll you're you've your
    yours yourself yourselves oh ok okay well still already maybe actually honestly basically
    literally kind sort lot lots thing things stuff way something anything everything nothing
    one ones anyway though yet ha haha hey wow um uh hmm sure right said say says saying think
    know knew go going gone went come came make made take took want wanted see seen look looking
    tell told keep kept give gave put us s t re ve ll d m""".split()
)

# Content words too common at events to show that someone was listened to.
LIGHT_WORDS = frozenset(
    """people person year years time times day days week weeks month months work working job
    good great bad big little new old much many last first next really pretty quite whole
    everyone everybody someone somebody anyone nobody part hard""".split()
)

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "half": 50,
}


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'schedules'/'scheduling', 'nurses'/'nurse'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace(",", "")
    if w.isdigit():
        return w
    if w in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[w])
    if "-" in w:
        parts = w.split("-")
        if all(p in _NUMBER_WORDS for p in parts):
            return str(sum(_NUMBER_WORDS[p] for p in parts))
    if len(w) >= 5 and w.endswith(("ies", "ied")):
        return w[:-3] + "y"  # "cried" and "cries" meet "cry"
    if len(w) >= 6 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) >= 5 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) >= 6 and w.endswith("ly"):
        w = w[:-2]
    elif len(w) >= 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) >= 4 and w.endswith("e"):
        w = w[:-1]
    return w


# Words that talk about the same thing at a professional event. Sharing a concept counts
# as picking up what they said ("boss" after "leadership", "interns" after "internships").
_CONCEPT_WORDS = {
    "leadership": "boss leadership leader leaders manager management executive exec execs ceo cto cfo coo vp "
    "director directors board provost dean principal superintendent higher-ups c-suite owner founder",
    "money": "budget budgets money cost costs costing funding fund funds cash price prices pricing expensive "
    "afford pay paid salary wage wages revenue dollars dollar spend spending cheap overhead invoice invoices rate rates "
    "sell selling sold sales margin margins profit",
    "hiring": "hr hire hiring hires hired recruit recruiting recruiter job jobs role roles position opening openings "
    "internship internships intern interns application applications apply applying interview interviews resume cv offer offers candidate candidates",
    "leaving": "turnover quit quits quitting leave leaving left retention retain attrition churn walk gone resign resigned",
    "stress": "exhausted exhausting tired burnout burned burnt overwhelmed stress stressed stressful drained draining dread dreading",
    "schedule": "schedule schedules scheduling shift shifts overtime night nights weekend weekends hours deadline deadlines calendar rotation",
    "learning": "training train trained orientation onboarding onboard mentorship mentor mentors mentoring preceptor coaching coach teach teaching",
    "talks": "talk talks keynote keynotes session sessions panel panels speaker speakers presentation slides recording recordings",
    "customers": "customer customers client clients buyer buyers donor donors users user patients patient",
    "data": "data spreadsheet spreadsheets excel report reports reporting dashboard dashboards numbers metrics warehouse analytics",
    "safety": "safety safe accident accidents injury injuries incident incidents near-miss hazard osha",
    "supply": "part parts component components controller controllers driver drivers chip chips supplier suppliers "
    "supply sourcing vendor vendors lead-time shipment shipments inventory stock",
    "giving": "charity charities donate donated donation donations donor donors give giving nonprofit nonprofits cause causes fundraising",
    "growth": "grow growth expand expansion scale scaling location locations",
    "marketing": "marketing wishlist wishlists visibility audience launch promotion press publicity",
}
CONCEPTS: dict[str, str] = {}


def content_stems(toks: list[Token]) -> set[str]:
    """Stems of the content words, with hyphenated words also split into their parts,
    plus '#concept' markers for words in the same topic family."""
    found: set[str] = set()
    for token in toks:
        if not is_content(token):
            continue
        low = token.lower
        pieces = [low] + (low.split("-") if "-" in low and not low[0].isdigit() else [])
        acronym = len(token.text) == 2 and token.text.isupper()
        for piece in pieces:
            if piece in STOPWORDS or (len(piece) < 3 and not acronym):
                continue
            stemmed = stem(piece)
            found.add(stemmed)
            concept = CONCEPTS.get(stemmed)
            if concept:
                found.add(concept)
    return found


def is_content(token: Token) -> bool:
    if len(token.text) == 2 and token.text.isupper():
        return True  # acronyms: CV, HR, UX, ER
    low = token.lower
    if low in STOPWORDS or low in LIGHT_WORDS:
        return False
    return len(low) > 2 or low.isdigit()


_ENGLISH_MARKERS = frozenset(
    "the a an and to of is are was it you your i my we that this what how why for with in on"
    " at do does did have has can not be so but about just".split()
)
_OTHER_MARKERS = frozenset(
    """el la los las que de y en es un una por para con del se lo le su mas pero como muy
    le les des et est une du pour pas qui dans sur avec je tu vous nous ce cette
    der die das und ist nicht ein eine ich du sie wir mit auf den dem zu auch wie warum
    o os um uma não com para é eu você voce muito il che di non per sono ho""".split()
)


for _concept, _words in _CONCEPT_WORDS.items():
    for _word in _words.split():
        CONCEPTS[stem(_word)] = "#" + _concept


def looks_english(text: str, toks: list[Token]) -> bool:
    """False for text in another script or with more non-English than English function
    words. Short English fragments ('Ouch.', 'Subs, man.') pass."""
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch < "\u0250")
    if latin / len(letters) < 0.7:
        return False
    if len(toks) < 4:
        return True
    sample = [t.lower for t in toks[:300]]
    english = sum(1 for w in sample if w in _ENGLISH_MARKERS)
    other = sum(1 for w in sample if w in _OTHER_MARKERS and w not in _ENGLISH_MARKERS)
    return english >= other
