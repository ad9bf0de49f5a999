"""Write personas as TOML, and the commented template behind `sim personas new`.

No TOML writer is installed (tomllib only reads), and a persona needs very little of
TOML: strings, numbers, lists of strings, one table and two arrays of tables. So this is
a small writer by hand. Its output always round-trips: parse_persona(persona_to_toml(p))
== p, which the tests check for every built-in persona.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

# Placeholders in the template look like this; a persona still holding one is refused.
PLACEHOLDER = "<TODO"
_INLINE_LIMIT = 88  # a list of strings shorter than this stays on one line


def toml_string(value: str) -> str:
    """A TOML basic string. Control characters are escaped, everything else kept as is."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # always has a '.' or an exponent, as TOML wants
    if isinstance(value, str):
        return toml_string(value)
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _value(value: Any) -> str:
    if isinstance(value, list):
        items = [_scalar(item) for item in value]
        inline = "[" + ", ".join(items) + "]"
        if len(inline) <= _INLINE_LIMIT and all(len(item) < 40 for item in items):
            return inline
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    return _scalar(value)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines()]


def _emit(out: list[str], path: str, data: dict[str, Any], notes: dict[str, str]) -> None:
    """Keys first, then tables, then arrays of tables: TOML needs a table's own keys
    before any sub-table header."""
    for key, value in data.items():
        if isinstance(value, dict) or _is_table_list(value):
            continue
        dotted = f"{path}.{key}" if path else key
        if dotted in notes:
            out.extend(_comment(notes[dotted]))
        out.append(f"{key} = {_value(value)}")
    for key, value in data.items():
        dotted = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            out.append("")
            out.extend(_comment(notes[dotted]) if dotted in notes else [])
            out.append(f"[{dotted}]")
            _emit(out, dotted, value, notes)
        elif _is_table_list(value):
            out.append("")
            out.extend(_comment(notes[dotted]) if dotted in notes else [])
            for number, item in enumerate(value):
                out.extend([""] if number else [])
                out.append(f"[[{dotted}]]")
                _emit(out, dotted, item, notes)


def model_to_toml(model: BaseModel, header: str = "", notes: dict[str, str] | None = None) -> str:
    """Any model made of the types above. `header` becomes a comment block at the top;
    `notes` maps dotted field names ("lines.greet") to a comment above that field."""
    out = _comment(header) if header else []
    if out:
        out.append("")
    _emit(out, "", model.model_dump(mode="python"), notes or {})
    return "\n".join(out) + "\n"


def persona_to_toml(persona: BaseModel, header: str = "", notes: dict[str, str] | None = None) -> str:
    return model_to_toml(persona, header, notes)


TEMPLATE = """\
# A sim persona: one attendee at a professional event. Replace every <TODO ...>
# placeholder (`sim personas check` lists the ones left), then delete these comments if
# you like. docs/personas.md explains every field; personas/theo-green-room.toml in the
# sim repository is a finished example.
#
# Every line the persona speaks (facts, challenge details, opportunity lines, opening
# lines, examples and the [lines] table) is in the persona's own voice, first person,
# one to three short sentences, no lists or markdown, never the user's name.

# The persona's id: lowercase letters, digits and dashes. The file must be named <id>.toml.
id = "{id}"
# Full name, one line, no ':'.
name = "<TODO full name, e.g. Theo Brandt>"
# Job title or what they do here.
role = "<TODO role, e.g. volunteer who runs the speakers' green room>"
# Company or group (may be left empty: "").
organisation = "<TODO organisation>"
# Where the conversation happens: the event and the spot.
event = "<TODO event and place, e.g. CloudScale Summit, the hallway outside the green room>"
# What the user sees as they walk up, one or two sentences.
setting = "<TODO what the user sees as they walk up>"
# One line for the persona's card on the home screen.
hook = "<TODO one-line hook>"
# easy, medium or hard.
difficulty = "medium"
# Who they are, in the third person. The model reads this; the user never sees it.
background = "<TODO background, two or three sentences>"
# Temperament, and what makes them open up or close down.
personality = "<TODO personality>"
# How they talk: length of lines, pet words, tone.
speaking_style = "<TODO speaking style>"
# Why they came to the event (one or more).
goals = ["<TODO a goal>"]
# Optional: things they light up about.
interests = []
# Optional: things that annoy them.
pet_peeves = []
# What they say about themselves when asked, in order, first person.
facts = [
    "<TODO a first-person line about themselves>",
]
# How many pitches they sit through before they leave (1 to 10).
patience = 4
# Trust at the start (0.0 to 1.0). Listening and helping raise it; pitching lowers it.
initial_trust = 0.3
# How they start the conversation (two read better than one).
opening_lines = [
    "<TODO an opening line>",
]

# A problem they have. Add a second [[challenges]] block for another one.
[[challenges]]
# What the problem is, in a few words.
summary = "<TODO the problem in a few words>"
# What they say about it, revealed one per turn, from least to most personal.
details = [
    "<TODO a first-person line about the problem>",
]
# Kinds of help that would really fit (the grader uses these to judge offers).
needs = ["<TODO a kind of help that would fit>"]

# The hidden opportunity: what they offer, unasked, once they trust the user enough.
[opportunity]
# What they can do for the user, stated plainly.
offer = "<TODO what they can offer>"
# Trust needed before they offer it: not below initial_trust (0.2 above it works well).
trust_needed = 0.6
# How they offer it, in their own words.
lines = [
    "<TODO how they offer it, first person>",
]

# Optional exchanges with someone else at the event, to set the voice. Add more blocks.
[[examples]]
them = "<TODO something another attendee says>"
persona = "<TODO how the persona answers>"

# Authored lines for every intent, said word for word when the model's lines break
# character. At least one each; two or three variants read better.
[lines]
# A greeting once the conversation is under way.
greet = ["<TODO a greeting>"]
# A short answer about themselves.
answer_self = ["<TODO a line about themselves>"]
# A question about the user.
ask_back = ["<TODO a question about the user>"]
# Thanks for help the user offers, accepting it.
accept_help = ["<TODO thanks, accepting help>"]
# Light small talk about the event.
small_talk = ["<TODO small talk>"]
# A polite no to a pitch (never "sounds great").
deflect_pitch = ["<TODO a polite no to a pitch>"]
# A line that clearly ends the conversation.
exit = ["<TODO a line that ends the conversation>"]
"""


def template(persona_id: str) -> str:
    """The commented template with its id filled in."""
    return TEMPLATE.replace("{id}", persona_id)
