"""The persona editor's form: every persona field as a labelled widget, and the checks.

The form knows nothing about files. `PersonaForm.collect()` turns the widgets into the
plain data a persona file holds (lists from one item per line, numbers as typed), and
`check()` validates that data with the persona schema and says which field each problem
belongs to, in words an author can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from sim.core.persona import Intent, Persona
from sim.store.persona_toml import PLACEHOLDER

Kind = Literal["text", "prose", "list", "int", "float", "choice"]


@dataclass(frozen=True)
class Spec:
    key: str  # the field's path in the persona file, relative to its group
    label: str
    hint: str
    kind: Kind = "text"
    example: str = ""  # shown greyed in an empty single-line field


SECTIONS: list[tuple[str, list[Spec]]] = [
    ("Who they are", [
        Spec("id", "Id", "its file name in your folder: lowercase letters, digits, dashes"),
        Spec("name", "Name", "full name on one line, no ':'; they go by the first word",
             example="e.g. Theo Brandt"),
        Spec("role", "Role", "job title, or what they do at the event",
             example="e.g. volunteer who runs the speakers' green room"),
        Spec("organisation", "Organisation", "company or group; may stay empty",
             example="e.g. CloudScale Summit crew"),
        Spec("difficulty", "Difficulty", "how hard they are to connect with", "choice"),
        Spec("hook", "Hook", "one line on their card on the home screen",
             example="e.g. A volunteer nobody talks to, who talks to every keynote speaker."),
    ]),
    ("The scene", [
        Spec("event", "Event", "where the talk happens: the event and the spot in it",
             example="e.g. CloudScale Summit, the hallway outside the green room"),
        Spec("setting", "Setting", "what the user sees walking up; shown as the talk opens",
             "prose"),
        Spec("opening_lines", "Opening lines",
             "how they open the talk, one per line (one is picked)", "list"),
    ]),
    ("Character (read by the model, never shown)", [
        Spec("background", "Background", "who they are, in the third person", "prose"),
        Spec("personality", "Personality", "temperament; what makes them open up or close down",
             "prose"),
        Spec("speaking_style", "Speaking style", "how they talk: line length, pet words, tone",
             "prose"),
        Spec("goals", "Goals", "why they came to this event, one per line", "list"),
        Spec("interests", "Interests", "optional: what they light up about, one per line", "list"),
        Spec("pet_peeves", "Pet peeves", "optional: what annoys them, one per line", "list"),
        Spec("facts", "Facts", "what they say about themselves when asked, first person, in order",
             "list"),
    ]),
    ("Patience and trust", [
        Spec("patience", "Patience", "how many pitches they sit through before they leave, 1 to 10",
             "int"),
        Spec("initial_trust", "Initial trust",
             "0.0 to 1.0; listening raises it, pitching lowers it", "float"),
    ]),
]

CHALLENGE: list[Spec] = [
    Spec("summary", "Summary", "the problem in a few words; the grader uses it to judge offers",
         example="e.g. can't land a first internship without connections"),
    Spec("details", "Details",
         "first person, one per line, from least to most personal", "list"),
    Spec("needs", "Needs", "optional: kinds of help that would really fit, one per line", "list"),
]

OPPORTUNITY: list[Spec] = [
    Spec("opportunity.offer", "Offer",
         "what they can do for the user, third person; kept hidden", "prose"),
    Spec("opportunity.trust_needed", "Trust needed",
         "0.0 to 1.0 before they offer it; not below initial trust", "float"),
    Spec("opportunity.lines", "Lines", "how they offer it, unasked, in their own words", "list"),
]

EXAMPLE: list[Spec] = [
    Spec("them", "Them", "what another attendee said to them earlier",
         example="e.g. Can you grab me a coffee?"),
    Spec("persona", "Answer", "how the persona answered, in their own voice",
         example="e.g. Ah, the coffee's at the end of the hall, I'm stuck guarding this door."),
]

LINE_HINTS = {
    Intent.GREET: "a greeting once the conversation is under way",
    Intent.ANSWER_SELF: "a short answer about themselves",
    Intent.ASK_BACK: "a question about the user",
    Intent.ACCEPT_HELP: "thanks, accepting help the user offers",
    Intent.SMALL_TALK: "light talk about the event",
    Intent.DEFLECT_PITCH: "a polite no to a pitch (never 'sounds great')",
    Intent.EXIT: "a line that clearly ends the conversation",
}
LINES: list[Spec] = [
    Spec(f"lines.{intent.value}", intent.value.replace("_", " ").capitalize(), hint, "list")
    for intent, hint in LINE_HINTS.items()
]

DIFFICULTIES = [("easy", "easy"), ("medium", "medium"), ("hard", "hard")]


def starter(persona_id: str) -> dict[str, Any]:
    """The data of a new, empty persona: sensible numbers, everything else to write."""
    return {
        "id": persona_id, "name": "", "role": "", "organisation": "", "event": "", "setting": "",
        "hook": "", "difficulty": "medium", "background": "", "personality": "",
        "speaking_style": "", "goals": [], "interests": [], "pet_peeves": [], "facts": [],
        "challenges": [{"summary": "", "details": [], "needs": []}],
        "opportunity": {"offer": "", "trust_needed": 0.6, "lines": []},
        "patience": 4, "initial_trust": 0.3, "opening_lines": [], "examples": [],
        "lines": {spec.key.split(".")[1]: [] for spec in LINES},
    }


def _get(data: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        data = data.get(part, "") if isinstance(data, dict) else ""
    return data


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


# ---------------------------------------------------------------- one field


class Field(Vertical):
    """A label with its hint, the editing widget, and the field's problems."""

    def __init__(self, spec: Spec, value: Any, *, top_level: bool = True):
        dom_id = "field-" + spec.key.replace(".", "-").replace("_", "-")
        super().__init__(id=dom_id if top_level else None, classes=f"field -{spec.kind}")
        self.spec = spec
        self.problems: list[str] = []
        self.editor = self._make_editor(spec, value, dom_id[6:] if top_level else None)

    @staticmethod
    def _make_editor(spec: Spec, value: Any, name: str | None) -> Widget:
        dom_id = f"f-{name}" if name else None
        if spec.kind == "choice":
            return Select(DIFFICULTIES, value=value or "medium", allow_blank=False, compact=True,
                          id=dom_id)
        if spec.kind in ("prose", "list"):
            text = "\n".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
            area = TextArea(text, soft_wrap=True, tab_behavior="focus", compact=True, id=dom_id,
                            show_line_numbers=spec.kind == "list",
                            placeholder="one per line" if spec.kind == "list" else "")
            area.cursor_blink = False
            return area
        restrict = {"int": "integer", "float": "number"}.get(spec.kind, "text")
        return Input("" if value is None else str(value), type=restrict, compact=True, id=dom_id,
                     placeholder=spec.example, select_on_focus=False)

    def compose(self) -> ComposeResult:
        label = Text(self.spec.label, style="bold")
        label.append(f"  {self.spec.hint}", style="dim")
        yield Static(label, classes="field-label")
        yield self.editor
        yield Label("", classes="field-problem", markup=False)

    @property
    def value(self) -> Any:
        """What goes into the persona data: lists split by line, numbers as typed."""
        editor = self.editor
        if isinstance(editor, Select):
            return editor.value
        if isinstance(editor, TextArea):
            if self.spec.kind == "list":
                return [line.strip() for line in editor.text.splitlines() if line.strip()]
            return editor.text
        text = editor.value
        return text.strip() if self.spec.kind in ("int", "float") else text

    def show_problems(self, problems: list[str]) -> None:
        self.problems = problems
        label = self.query_one(".field-problem", Label)
        label.update("\n".join(f"✗ {p}" for p in problems))
        label.display = bool(problems)
        self.set_class(bool(problems), "-invalid")
        self.set_class(bool(problems) and all(p in MISSING for p in problems), "-missing")


# ---------------------------------------------------------------- repeatable groups


class Group(Vertical):
    """One challenge or one example, with a button to remove it."""

    def __init__(self, kind: Literal["challenge", "example"], values: dict[str, Any]):
        super().__init__(classes=f"group -{kind}")
        self.kind = kind
        specs = CHALLENGE if kind == "challenge" else EXAMPLE
        self.fields = [Field(spec, values.get(spec.key, ""), top_level=False) for spec in specs]

    def compose(self) -> ComposeResult:
        with Horizontal(classes="group-head"):
            yield Label("", classes="group-title", markup=False)
            yield Button(f"✕ Remove this {self.kind}", classes="remove", compact=True)
        yield from self.fields

    def number(self, index: int) -> None:
        self.query_one(".group-title", Label).update(f"{self.kind.capitalize()} {index + 1}")

    @property
    def value(self) -> dict[str, Any]:
        return {field.spec.key: field.value for field in self.fields}


class SectionProblem(Label):
    """Problems with a whole list of groups (e.g. no challenge at all)."""

    def __init__(self, key: str):
        super().__init__("", id=f"problem-{key}", classes="field-problem", markup=False)
        self.key = key
        self.problems: list[str] = []

    def show_problems(self, problems: list[str]) -> None:
        self.problems = problems
        self.update("\n".join(f"✗ {p}" for p in problems))
        self.display = bool(problems)
        self.set_class(bool(problems) and all(p in MISSING for p in problems), "-missing")


# ---------------------------------------------------------------- the form


class PersonaForm(VerticalScroll):
    """Every persona field, in the order an author fills them in."""

    class Edited(Message):
        """A challenge or an example was added or removed."""

    def __init__(self, data: dict[str, Any], **kwargs):
        super().__init__(**kwargs)
        self.data = data

    def compose(self) -> ComposeResult:
        data = self.data
        for title, specs in SECTIONS:
            yield Label(title, classes="form-section", markup=False)
            for spec in specs:
                yield Field(spec, _get(data, spec.key))
        yield Label("Challenges: what is on their mind (one or two)", classes="form-section")
        yield SectionProblem("challenges")
        for values in data.get("challenges") or []:
            yield Group("challenge", values)
        yield Button("+ Add a challenge", id="add-challenge", compact=True)
        yield Label("Hidden opportunity: what they offer once they trust you", classes="form-section")
        for spec in OPPORTUNITY:
            yield Field(spec, _get(data, spec.key))
        yield Label("Examples: earlier exchanges that set their voice (optional)",
                    classes="form-section")
        yield SectionProblem("examples")
        for values in data.get("examples") or []:
            yield Group("example", values)
        yield Button("+ Add an example", id="add-example", compact=True)
        yield Label("Authored lines: said word for word when the model's lines fail the guard; "
                    "one per line, two or three read better", classes="form-section")
        for spec in LINES:
            yield Field(spec, _get(data, spec.key))

    def on_mount(self) -> None:
        self.renumber()

    def on_descendant_focus(self, event) -> None:
        """Keep the focused field's label in view, not just its editing widget."""
        field = next((a for a in event.widget.ancestors_with_self if isinstance(a, Field)), None)
        if field is not None:
            self.scroll_to_widget(field, animate=False)

    def groups(self, kind: str) -> list[Group]:
        return [group for group in self.query(Group) if group.kind == kind]

    def renumber(self) -> None:
        for kind in ("challenge", "example"):
            for index, group in enumerate(self.groups(kind)):
                group.number(index)

    async def add_group(self, kind: Literal["challenge", "example"]) -> Group:
        group = Group(kind, {})
        await self.mount(group, before=self.query_one(f"#add-{kind}"))
        self.renumber()
        group.fields[0].editor.focus()
        return group

    async def remove_group(self, group: Group) -> None:
        kind = group.kind
        button = self.query_one(f"#add-{kind}")
        await group.remove()
        self.renumber()
        button.focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add-challenge":
            await self.add_group("challenge")
        elif event.button.id == "add-example":
            await self.add_group("example")
        elif event.button.has_class("remove"):
            group = next((a for a in event.button.ancestors if isinstance(a, Group)), None)
            if group is not None:
                await self.remove_group(group)
        self.post_message(self.Edited())

    def fields(self) -> dict[str, Field | SectionProblem]:
        """Every place a problem can be shown, by its full key ("challenges.0.summary")."""
        out: dict[str, Field | SectionProblem] = {}
        for field in self.query(Field):
            group = next((a for a in field.ancestors if isinstance(a, Group)), None)
            if group is None:
                out[field.spec.key] = field
            else:
                index = self.groups(group.kind).index(group)
                out[f"{group.kind}s.{index}.{field.spec.key}"] = field
        for problem in self.query(SectionProblem):
            out[problem.key] = problem
        return out

    def collect(self) -> dict[str, Any]:
        """The persona data as the form holds it now."""
        data: dict[str, Any] = {}
        for field in self.query(Field):
            if not any(isinstance(a, Group) for a in field.ancestors):
                _put(data, field.spec.key, field.value)
        data["challenges"] = [group.value for group in self.groups("challenge")]
        data["examples"] = [group.value for group in self.groups("example")]
        return data

    def show(self, problems: dict[str, list[str]]) -> None:
        for key, widget in self.fields().items():
            widget.show_problems(problems.get(key, []))


# ---------------------------------------------------------------- checking


#: Problems that only mean "still empty": shown in a calmer colour than real mistakes.
MISSING = ("required", "write at least one, one per line", "add at least one challenge")


def _message(error: dict[str, Any]) -> str:
    kind, context = error.get("type", ""), error.get("ctx") or {}
    empty = error.get("input") in ("", [])
    if kind == "missing" or (kind == "string_too_short" and empty):
        return "required"
    if kind == "too_short":
        return MISSING[1] if empty else f"write at least {context.get('min_length')}, one per line"
    if kind == "string_too_short":
        return f"at least {context.get('min_length')} characters"
    if kind == "string_too_long":
        return f"at most {context.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return "use 1 to 48 lowercase letters, digits and dashes, starting with a letter or digit"
    if kind == "int_parsing":
        return "write a whole number"
    if kind in ("float_parsing", "int_from_float"):
        return "write a number such as 0.4" if kind == "float_parsing" else "write a whole number"
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = context.get("le", context.get("ge"))
        return f"must be {'at most' if kind == 'less_than_equal' else 'at least'} {bound}"
    message = str(error.get("msg", "invalid"))
    return message.removeprefix("Value error, ")


def _placeholders(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [loc] if PLACEHOLDER in value else []
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _placeholders(item, (*loc, key))]
    if isinstance(value, list):
        return [hit for i, item in enumerate(value) for hit in _placeholders(item, (*loc, i))]
    return []


def _place(loc: tuple[Any, ...], keys: set[str], message: str) -> tuple[str, str]:
    """The key of the field a problem belongs to, and the message (a list item's problem
    names its line)."""
    if not loc:  # the whole persona: the only such rule is about the opportunity's trust
        return "opportunity.trust_needed", message
    for size in range(len(loc), 0, -1):
        key = ".".join(str(part) for part in loc[:size])
        if key in keys:
            rest = loc[size:]
            if rest and isinstance(rest[0], int):
                message = f"line {rest[0] + 1}: {message}"
            return key, message
    return "", f"{'.'.join(str(p) for p in loc)}: {message}"


def check(data: dict[str, Any], keys: set[str]) -> tuple[Persona | None, dict[str, list[str]]]:
    """Validate the form data. Returns the persona (None if invalid) and the problems by
    field key; key "" holds problems no field owns. Never raises."""
    problems: dict[str, list[str]] = {}

    def add(loc: tuple[Any, ...], message: str) -> None:
        key, text = _place(loc, keys, message)
        if text not in problems.setdefault(key, []):
            problems[key].append(text)

    persona: Persona | None = None
    try:
        persona = Persona.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(item.get("loc", ()))
            if loc == ("challenges",) and item.get("type") == "too_short":
                add(loc, "add at least one challenge")
            elif not loc:  # the one rule across fields
                add(loc, f"must not be below initial trust ({data.get('initial_trust')})")
            else:
                add(loc, _message(item))
    except (ValueError, TypeError, RecursionError) as error:  # never expected; never fatal
        add(("id",), f"cannot check this persona: {error}")
    for loc in _placeholders(data):
        add(loc, "placeholder not replaced")
    return (persona if not problems else None), problems
