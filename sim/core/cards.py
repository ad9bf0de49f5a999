"""Character cards (the V2 and V3 formats of SillyTavern and friends) in and out.

Import maps what a card has (name, description, personality, scenario, greetings,
example messages) onto a persona, fills what a card has no notion of (patience, the
hidden opportunity, authored lines...) with defaults it names, and keeps the rest as
notes for a comment block. A card exported by sim carries the whole persona under
data.extensions.sim, so importing it gives back exactly that persona.

Cards come from strangers: every failure is a one-line CardError, sizes are checked
before anything is decoded or decompressed, and JSON nesting is limited.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from sim.core.persona import Persona
from sim.core.png_text import SIGNATURE as PNG_SIGNATURE
from sim.core.png_text import PngError, text_chunks

MAX_CARD_BYTES = 64 * 1024 * 1024  # a PNG with a large portrait; callers read no more
MAX_TEXT_CHUNK = 10 * 1024 * 1024  # a card's text, before and after decompression
MAX_JSON_DEPTH = 64  # real cards nest about six deep
SIM_FORMAT = 1

_CARD_KEYWORDS = ("ccv3", "chara")  # V3 wins when a PNG carries both


class CardError(Exception):
    """Why a card cannot be read, as one line."""


@dataclass(frozen=True)
class ImportedCard:
    persona: Persona
    spec: str  # "chara_card_v2", "chara_card_v3" or "v1"
    exact: bool  # restored from sim's own extension, not mapped
    defaulted: tuple[str, ...] = ()  # fields the card had nothing for
    notes: tuple[str, ...] = field(default=())  # what the card had that sim has no field for

    def header(self, source: str) -> str:
        """The comment block for the top of the written TOML."""
        lines = [f"Imported from {source} ({self.spec}) by `sim personas import`."]
        if self.defaulted:
            lines.append("Fields marked DEFAULT had nothing in the card: rewrite them before playing.")
        if self.notes:
            lines.append("")
            lines.append("From the card, with no place in a sim persona:")
            lines.extend(self.notes)
        return _comment_safe("\n".join(lines))

    def field_notes(self) -> dict[str, str]:
        """A comment for each defaulted field, for persona_to_toml."""
        return {key: _DEFAULT_NOTE for key in self.defaulted}


# ---------------------------------------------------------------- reading bytes


def read_card(data: bytes, source: str = "card") -> ImportedCard:
    """A card from the bytes of a .png or .json file."""
    if len(data) > MAX_CARD_BYTES:
        raise CardError(f"{source}: larger than {MAX_CARD_BYTES >> 20} MB; not a character card")
    try:
        if data.startswith(PNG_SIGNATURE):
            text = png_card_text(data)
        else:
            text = _decode_utf8(data, "file")
        return card_from_json(text)
    except CardError as error:
        raise CardError(f"{source}: {error}") from None


def _decode_utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError(f"{what} is neither a PNG nor UTF-8 JSON") from None


def png_card_text(data: bytes) -> str:
    """The card JSON carried in a PNG's text chunks."""
    try:
        found = text_chunks(data, _CARD_KEYWORDS, MAX_TEXT_CHUNK)
    except PngError as error:
        raise CardError(str(error)) from None
    for keyword in _CARD_KEYWORDS:
        if keyword in found:
            return _unbase64(found[keyword], keyword)
    raise CardError("PNG carries no character card (no 'chara' or 'ccv3' text chunk)")


def _unbase64(text: str, keyword: str) -> str:
    if text.lstrip().startswith("{"):  # some tools store the JSON itself
        return text
    stripped = "".join(text.split())
    try:
        raw = base64.b64decode(stripped, validate=True)
    except (binascii.Error, ValueError):
        raise CardError(f"'{keyword}' chunk is not valid base64") from None
    return _decode_utf8(raw, f"'{keyword}' chunk")


# ---------------------------------------------------------------- JSON


def _parse_json(text: str) -> Any:
    if len(text) > MAX_TEXT_CHUNK:
        raise CardError(f"card JSON is over {MAX_TEXT_CHUNK >> 20} MB")
    try:
        value = json.loads(text)
    except RecursionError:
        raise CardError(f"card JSON is nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError as error:  # JSONDecodeError, and over-long integers
        message = getattr(error, "msg", None) or str(error).split("\n")[0]
        line = getattr(error, "lineno", None)
        raise CardError(f"not valid JSON: {message}" + (f" (line {line})" if line else "")) from None
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise CardError(f"card JSON is nested more than {MAX_JSON_DEPTH} levels deep")
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return value


def card_from_json(text: str) -> ImportedCard:
    card = _parse_json(text)
    if not isinstance(card, dict):
        raise CardError("card JSON is not an object")
    spec = card.get("spec")
    if spec in ("chara_card_v2", "chara_card_v3"):
        data = card.get("data")
        if not isinstance(data, dict):
            raise CardError(f"{spec} card has no 'data' object")
    elif spec is None and "name" in card:
        spec, data = "v1", card  # the original flat format
    else:
        raise CardError(f"not a character card (spec {repr(spec)[:40]}; expected chara_card_v2 or chara_card_v3)")
    return persona_from_card_data(spec, data)


# ---------------------------------------------------------------- mapping

# Card fields that become persona fields; every other field is kept as a note.
_MAPPED = {"name", "nickname", "description", "personality", "scenario", "first_mes", "alternate_greetings", "mes_example"}
_USER = r"(?:\{\{user\}\}|<USER>)"
_CHAR = r"(?:\{\{char\}\}|<BOT>)"
_IS_WORDS = "back|here|there|right|not|so|always|never|going|been|a|an|the|very|really|just|finally|late|early|fine|okay"
_NOTE_CHARS = 1500
_MAX_NOTES = 40
_DEFAULT_NOTE = "DEFAULT (the card had nothing for this): rewrite or tune it."

# What a card has no notion of. Plain and believable, so the persona plays at once.
_DEFAULTS: dict[str, Any] = {
    "role": "attendee",
    "event": "an evening mixer for people in the industry",
    "speaking_style": "Short, natural spoken lines, one or two sentences at a time.",
    "goals": ["meet a few people worth talking to again"],
    "challenges": [{
        "summary": "a busy stretch at work",
        "details": ["Honestly, it's been a long week, and I'm glad of a quiet minute."],
        "needs": ["someone to listen"],
    }],
    "opportunity": {
        "offer": "knows someone the user should meet and can introduce them",
        "trust_needed": 0.6,
        "lines": ["You know, there's someone here you should meet. I'd be happy to introduce you."],
    },
    "lines": {
        "greet": ["Hi there, nice to meet you."],
        "answer_self": ["Oh, there's not much to tell, I'm just here to meet people."],
        "ask_back": ["What about you, what brings you here?"],
        "accept_help": ["That's kind of you, thank you."],
        "small_talk": ["It's a busy one tonight, isn't it?"],
        "deflect_pitch": ["Thanks, but I'm not really looking for anything like that."],
        "exit": ["I should go find my colleague. Nice meeting you."],
    },
}


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return kinds.get(type(value), "a number")


def _clean(text: str) -> str:
    """One line of text: lone surrogates (from JSON escapes) replaced, spaces collapsed."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return " ".join(text.split())


def _sanitize(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_sanitize(k): _sanitize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v) for v in value]
    return value


def _fill(text: str, name: str) -> str:
    """Replace {{char}} with the name and {{user}} with a sensible 'you'."""
    text = re.sub(_CHAR, lambda _: name, text, flags=re.I)  # a name is text, not a pattern
    text = re.sub(r",\s*" + _USER + r"(?=\s*(?:[.!?,;]|$))", "", text, flags=re.I)  # "Hi, {{user}}!"
    text = re.sub(r"^\s*" + _USER + r"\s*,\s*", "", text, flags=re.I)
    # "{{user}}'s back" is "you're", "{{user}}'s hand" is "your"
    text = re.sub(_USER + r"'s(?=\s+(?:" + _IS_WORDS + r")\b)", "you're", text, flags=re.I)
    text = re.sub(_USER + r"'s\b", "your", text, flags=re.I)
    return re.sub(_USER, "you", text, flags=re.I)


def _spoken(text: str, name: str) -> str:
    """A line the persona says: no *roleplay actions*, no wrapping quotes, at most three
    sentences (the voice's guard allows no more)."""
    line = _clean(re.sub(r"\*[^*]*\*", " ", _fill(text, name)))
    line = re.sub(r"\s+([,.!?])", r"\1", line).strip()
    if len(line) > 1 and line[0] == line[-1] == '"':
        line = line[1:-1].strip()
    line = " ".join(re.split(r"(?<=[.!?])\s+", line)[:3])
    return line[:1].upper() + line[1:]


def _brief(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = _clean(text)
    return text if len(text) <= _NOTE_CHARS else text[:_NOTE_CHARS] + " [...]"


class _Card:
    """Typed access to a card's data object: wrong types are CardErrors."""

    def __init__(self, data: dict[str, Any]):
        self.data = data

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise CardError(f"card field '{key}' should be text, not {_kind(value)}")
        return value

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CardError(f"card field '{key}' should be a list of texts")
        return value

    def sim_persona(self) -> Any:
        extensions = self.data.get("extensions")
        sim = extensions.get("sim") if isinstance(extensions, dict) else None
        return sim.get("persona") if isinstance(sim, dict) else None


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return slug or "imported-card"


def _examples(text: str, name: str) -> tuple[list[dict[str, str]], list[str]]:
    """Split mes_example at <START> into (them, persona) pairs; unpaired blocks are notes."""
    names = {name.lower(), name.split()[0].lower()} if name.split() else {name.lower()}
    examples, leftovers = [], []
    for block in re.split(r"<START>", text, flags=re.I):
        turns: list[list[str]] = []
        for raw in block.splitlines():
            match = re.match(r"\s*([^:\s][^:]{0,59}):\s*(.*)$", raw)
            who = match.group(1).strip() if match else ""
            speaker = ""
            if re.fullmatch(_USER, who, re.I):
                speaker = "user"
            elif re.fullmatch(_CHAR, who, re.I) or who.lower() in names:
                speaker = "char"
            if speaker:
                turns.append([speaker, match.group(2)])
            elif turns and raw.strip():
                turns[-1][1] += " " + raw.strip()
        paired, index = 0, 0
        while index + 1 < len(turns):
            (first, them), (second, said) = turns[index], turns[index + 1]
            if first == "user" and second == "char" and _spoken(said, name):
                examples.append({"them": _clean(_fill(them, name)), "persona": _spoken(said, name)})
                paired, index = paired + 1, index + 2
            else:
                index += 1
        if block.strip() and not paired:
            leftovers.append("mes_example block: " + _brief(block))
    return examples, leftovers


def persona_from_card_data(spec: str, data: dict[str, Any]) -> ImportedCard:
    card = _Card(data)
    notes: list[str] = []
    stored = card.sim_persona()
    if stored is not None:
        try:
            return ImportedCard(Persona.model_validate(_sanitize(stored)), spec, exact=True)
        except ValidationError as error:
            notes.append(f"extensions.sim was ignored, it is not a valid persona: {validation_reason(error)}")

    name = _clean(card.text("name").replace(":", " -"))[:60].strip()
    if not name:
        raise CardError("card has no name")
    speaker = _clean(card.text("nickname")) or name  # V3: {{char}} means the nickname
    description = _clean(_fill(card.text("description"), speaker))
    greetings = []
    for greeting in [card.text("first_mes"), *card.texts("alternate_greetings")]:
        greetings.append(_spoken(greeting, speaker))
        if greetings[-1] != _clean(_fill(greeting, speaker)):
            notes.append(f"greeting in full (shortened for sim): {_brief(_fill(greeting, speaker))}")
    examples, leftovers = _examples(card.text("mes_example"), speaker)
    values: dict[str, Any] = {
        "id": _slug(name),
        "name": name,
        "background": description,
        "hook": re.split(r"(?<=[.!?])\s+", description)[0][:160] if description else "",
        "personality": _clean(_fill(card.text("personality"), speaker)),
        "setting": _clean(_fill(card.text("scenario"), speaker)),
        "opening_lines": [g for g in greetings if g],
        "facts": [f"I'm {speaker.split()[0]}, nice to meet you."],
        "examples": examples,
    }
    fallbacks = {
        "background": f"{name} was imported from a character card that had no description.",
        "hook": f"{name}, imported from a character card.",
        "personality": "Friendly and curious, a little reserved with strangers at first.",
        "setting": "Someone stands near the coffee table, looking around for a familiar face.",
        "opening_lines": ["Hi there, nice to meet you."],
    }
    defaulted = [key for key in fallbacks if not values[key]]
    values.update({key: fallbacks[key] for key in defaulted})
    values.update(_DEFAULTS)
    defaulted += [*_DEFAULTS, "facts", "difficulty", "patience", "initial_trust"]

    for key, value in data.items():
        if key in _MAPPED or value in (None, "", [], {}):
            continue
        if key == "extensions" and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "sim"}
            if not value:
                continue
        notes.append(f"{key}: {_brief(value)}")
    notes += leftovers
    try:
        persona = Persona.model_validate(values)
    except ValidationError as error:
        raise CardError(f"card does not map onto a persona: {validation_reason(error)}") from None
    return ImportedCard(persona, spec, exact=False, defaulted=tuple(defaulted), notes=tuple(notes[:_MAX_NOTES]))


# ---------------------------------------------------------------- export


def export_ccv2(persona: Persona) -> dict[str, Any]:
    """A Character Card V2 that other tools can read, carrying the full persona."""
    examples = "\n".join(
        f"<START>\n{{{{user}}}}: {example.them}\n{{{{char}}}}: {example.persona}" for example in persona.examples
    )
    where = f" at {persona.organisation}" if persona.organisation else ""
    return {
        "spec": "chara_card_v2",
        "spec_version": "2.0",
        "data": {
            "name": persona.name,
            "description": f"{persona.name}, {persona.role}{where}. {persona.background}",
            "personality": f"{persona.personality} {persona.speaking_style}",
            "scenario": f"{persona.event}. {persona.setting}",
            "first_mes": persona.opening_lines[0],
            "mes_example": examples,
            "creator_notes": persona.hook,
            "system_prompt": "",
            "post_history_instructions": "",
            "alternate_greetings": list(persona.opening_lines[1:]),
            "tags": ["sim", persona.difficulty],
            "creator": "sim",
            "character_version": "1",
            "extensions": {"sim": {"format": SIM_FORMAT, "persona": persona.model_dump(mode="json")}},
        },
    }


def export_ccv2_json(persona: Persona) -> str:
    return json.dumps(export_ccv2(persona), indent=2, ensure_ascii=False) + "\n"


def _comment_safe(text: str) -> str:
    """TOML comments may not hold control characters other than tab."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


def validation_reason(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "persona"
    return f"{where}: {first.get('msg', 'invalid')}"
