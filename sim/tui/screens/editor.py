"""The persona editor: a form over every field, live checks, a preview, try it, save it.

Built-in personas are never written: saving one writes the user's copy into their own
persona folder (a user persona with a built-in's id replaces it in their list). The form
is checked against the persona schema a moment after every change; nothing typed into it
can crash the screen, and every piece of text is shown literally.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, TextArea

from sim.core.persona import Persona
from sim.store.paths import builtin_personas_dir
from sim.store.personas import (
    MAX_PERSONA_BYTES,
    PersonaStoreError,
    find_persona,
    new_persona_id,
    persona_to_toml,
    save_user_persona,
)
from sim.tui.widgets.persona_form import MISSING, Field, PersonaForm, check, starter

DEBOUNCE = 0.3  # seconds between the last keystroke and the check


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question. The safe answer has the focus; Esc means no."""

    BINDINGS = [Binding("escape", "answer(False)", "Cancel", id="confirm.cancel")]

    def __init__(self, question: str, yes: str, no: str):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.no, id="confirm-no", variant="primary")
                yield Button(self.yes, id="confirm-yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def leading_comments(path: Path) -> str:
    """The comment block at the top of a persona file, kept when the file is saved again."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    block = []
    for line in lines:
        if not line.startswith("#"):
            break
        block.append(line[1:].removeprefix(" "))
    return "\n".join(block).strip("\n")


def preview(data: dict[str, Any], compact: bool = False) -> RenderableType:
    """The opening of a conversation with this persona, as the user will see it, and
    (unless compact) its card on the home screen."""

    def text(key: str) -> str:
        value = data.get(key)
        return value.strip() if isinstance(value, str) else ""

    name = text("name")
    first = name.split()[0] if name.split() else "?"
    who = Text(no_wrap=compact, overflow="ellipsis")
    who.append(name or "(no name yet)", style="bold")
    who.append(f" · {text('role') or '(no role)'} · {text('event') or '(no event)'}", style="dim")
    scene = Text(text("setting") or "(no setting yet)", style="italic")
    openings = [line for line in data.get("opening_lines") or [] if isinstance(line, str)]
    said = Text()
    if not openings:
        said.append("(no opening line yet)", style="dim")
    for number, line in enumerate(openings[:1] if compact else openings):
        said.append("\n" if number else "")
        said.append(f"{first}: ", style="bold")
        said.append(line)
    if len(openings) > 1:
        more = (f" (+{len(openings) - 1} more)" if compact
                else f"\n(one of these {len(openings)} opens each conversation)")
        said.append(more, style="dim")
    if compact:
        return Group(who, scene, said)
    card = Text()
    card.append(name or "(no name yet)", style="bold")
    card.append(" · ", style="dim")
    card.append(str(data.get("difficulty") or "medium"))
    card.append(f"\n{text('role') or '(no role yet)'}", style="dim")
    card.append(f"\n{text('hook') or '(no hook yet)'}")
    return Group(Text("Opening a conversation", style="bold underline"), who, scene, Text(), said,
                 Text(), Text("On the home screen", style="bold underline"), card)


class EditorScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save", priority=True),
        Binding("ctrl+t", "try_it", "Try it now", id="editor.try", priority=True),
        Binding("f8", "next_problem", "Next problem", id="editor.next_problem"),
        Binding("escape", "close", "Close", id="editor.close"),
    ]

    def __init__(self, persona_id: str | None = None):
        super().__init__()
        self.persona_id = persona_id  # None: a new persona
        self.origin = "new"  # "new" | "built-in" | "user"
        self.own_id: str | None = None  # the id of the user file this editor writes to
        self.builtin_id: str | None = None  # the built-in being edited, if any
        self.header = ""  # the file's comment block, kept on save
        self.load_problem = ""
        self.baseline: dict[str, Any] | None = None  # the data as last loaded or saved
        self.persona: Persona | None = None  # the form as a valid persona, if it is one
        self.problems: dict[str, list[str]] = {}
        self._timer: Timer | None = None
        self._data: dict[str, Any] = {}  # the form's data at the last check

    @classmethod
    def for_persona(cls, persona_id: str) -> EditorScreen:
        """Edit a persona from the catalog (a built-in is saved as the user's copy)."""
        return cls(persona_id)

    @classmethod
    def new(cls) -> EditorScreen:
        """Write a new persona, starting from an empty form with a fresh id."""
        return cls(None)

    # ------------------------------------------------------------ loading and layout

    def _load(self) -> dict[str, Any]:
        home = self.app.home
        if self.persona_id is not None:
            try:
                stored = find_persona(self.persona_id, home)
            except PersonaStoreError as error:
                self.load_problem = str(error)
            else:
                self.origin = stored.origin
                if stored.origin == "user":
                    self.own_id = stored.persona.id
                else:
                    self.builtin_id = stored.persona.id
                self.header = leading_comments(stored.path)
                return stored.persona.model_dump(mode="python")
        return starter(new_persona_id(home))

    def _status(self) -> Text:
        if self.origin == "built-in":
            what = ("Built-in persona", "Ctrl+S saves your own copy; the original stays as it is")
        elif self.origin == "user":
            what = ("Your persona", f"Ctrl+S saves it as {self.own_id}.toml in your persona folder")
        else:
            what = ("New persona", "fill in each field; Ctrl+S saves it in your persona folder")
        return Text.assemble((what[0], "bold"), (" · ", "dim"), (what[1], "dim"))

    def compose(self) -> ComposeResult:
        data = self._load()
        self.sub_title = "persona editor"
        yield Header()
        yield Static(self._status(), id="editor-status")
        yield Static("", id="editor-summary")
        with Horizontal(id="editor-body"):
            yield PersonaForm(data, id="editor-form")
            with VerticalScroll(id="editor-preview-box"):
                yield Static("", id="editor-preview")
        yield Footer()

    def on_mount(self) -> None:
        if self.load_problem:
            self._notify(self.load_problem, title="Cannot edit", severity="error")
            self.app.pop_screen()
            return
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self.baseline = self.form.collect()
        self.validate_now()
        first = self.form.query(Field).first()
        first.editor.focus()
        self.form.scroll_home(animate=False)

    def on_resize(self) -> None:
        self.query_one("#editor-body").set_class(self.size.width < 100, "narrow")
        self._show_preview()

    def _notify(self, message: str, **options: Any) -> None:
        """Messages carry paths, ids and error text: never read them as markup."""
        self.notify(message, markup=False, **options)

    @property
    def form(self) -> PersonaForm:
        return self.query_one("#editor-form", PersonaForm)

    # ------------------------------------------------------------ checking

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(PersonaForm.Edited)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.validate_now)

    @property
    def dirty(self) -> bool:
        return self.baseline is not None and self.form.collect() != self.baseline

    def validate_now(self) -> Persona | None:
        """Check the form, show every problem beside its field, refresh the preview."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        form = self.form
        data = form.collect()
        persona, problems = check(data, set(form.fields()))
        form.show(problems)
        self.persona, self.problems = persona, problems
        self.query_one("#editor-summary", Static).update(self._summary(problems, data))
        self._data = data
        self._show_preview()
        return persona

    def _show_preview(self) -> None:
        narrow = self.query_one("#editor-body").has_class("narrow")
        self.query_one("#editor-preview", Static).update(preview(self._data, compact=narrow))

    @property
    def problem_count(self) -> int:
        return sum(len(messages) for messages in self.problems.values())

    def _summary(self, problems: dict[str, list[str]], data: dict[str, Any]) -> Text:
        messages = [message for found in problems.values() for message in found]
        empty = sum(1 for message in messages if message in MISSING)
        wrong = len(messages) - empty
        out = Text()
        if wrong:
            out.append(f"✗ {wrong} problem{'s' if wrong != 1 else ''}", style="bold red")
        if empty:
            out.append(" · " if wrong else "")
            out.append(f"{empty} field{'s' if empty != 1 else ''} to fill in", style="bold yellow")
        if messages:
            out.append(" · F8 jumps to the next", style="dim")
            for message in problems.get("", []):
                out.append(f" · {message}", style="red")
        else:
            out.append("✓ Ready", style="bold green")
            out.append(" · Ctrl+T tries it now", style="dim")
        if self.baseline is not None and data != self.baseline:
            out.append(" · unsaved changes", style="bold cyan")
        return out

    def action_next_problem(self) -> None:
        self.validate_now()
        places = [w for w in self.form.query("Field, SectionProblem") if w.problems]
        if not places:
            self._notify("No problems: the persona is ready to save and try.")
            return
        focused = self.focused
        current = next((i for i, w in enumerate(places)
                        if focused is not None and (focused is w or w in focused.ancestors)), -1)
        target = places[(current + 1) % len(places)]
        if isinstance(target, Field):
            target.editor.focus()
        else:  # a whole list is wrong (no challenge at all): the "add" button fixes it
            kind = target.key.removesuffix("s")
            self.form.query_one(f"#add-{kind}", Button).focus()
        self.form.scroll_to_widget(target, animate=False, top=True)

    # ------------------------------------------------------------ saving

    def _refuse(self, doing: str) -> None:
        count = self.problem_count
        self._notify(f"Fix the {count} problem{'s' if count != 1 else ''} first (F8 jumps to the next).",
                    title=f"Cannot {doing} yet", severity="error")

    def action_save(self) -> None:
        persona = self.validate_now()
        if persona is None:
            self._refuse("save")
            return
        question = None
        if persona.id != self.own_id:
            target = self.app.home.personas / f"{persona.id}.toml"
            builtin = builtin_personas_dir() / f"{persona.id}.toml"
            if target.exists() or target.is_symlink():
                question = (f"You already have a persona saved as {persona.id}.toml. "
                            "Replace it with this one?")
            elif builtin.is_file() and persona.id != self.builtin_id:
                question = (f"{persona.id!r} is the id of a built-in persona. Saving under it puts "
                            "yours in its place in your list (the built-in file stays). Save anyway?")
        if question is None:
            self._write(persona)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(persona)

        self.app.push_screen(ConfirmScreen(question, "Replace", "Cancel"), answered)

    def _write(self, persona: Persona) -> None:
        data = self.form.collect()
        try:
            size = len(persona_to_toml(persona, self.header).encode("utf-8"))
            if size > MAX_PERSONA_BYTES:
                raise PersonaStoreError(f"the persona would be {size // 1024} KB; a persona file "
                                        f"can be at most {MAX_PERSONA_BYTES // 1024} KB")
            path = save_user_persona(persona, self.app.home, header=self.header)
        except (PersonaStoreError, OSError, ValueError) as error:
            self._notify(_one_line(error), title="Not saved (your edits are still here)",
                        severity="error", timeout=10)
            return
        if self.origin == "built-in":
            message = f"Your copy is saved to {path}. The built-in persona is unchanged."
        elif self.own_id and self.own_id != persona.id:
            message = f"Saved as {path}. The file {self.own_id}.toml is still there."
        else:
            message = f"Saved to {path}."
        self.origin, self.own_id, self.baseline = "user", persona.id, data
        self.query_one("#editor-status", Static).update(self._status())
        self.validate_now()
        self._notify(message, title="Saved", timeout=8)

    # ------------------------------------------------------------ trying and closing

    def action_try_it(self) -> None:
        from sim.tui.screens.conversation import ConversationScreen

        persona = self.validate_now()
        if persona is None:
            self._refuse("try it")
            return
        self.app.push_screen(ConversationScreen(persona))

    def action_close(self) -> None:
        if not self.dirty:
            self._leave()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._leave()

        self.app.push_screen(ConfirmScreen("You have unsaved changes. Close the editor and lose them?",
                                           "Discard changes", "Keep editing"), answered)

    def _leave(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    async def action_add_group(self, kind: str) -> None:
        if kind in ("challenge", "example"):
            await self.form.add_group(kind)
            self._changed()

    def screen_commands(self):
        yield SystemCommand("Save the persona", "Write it to your persona folder (Ctrl+S)",
                            self.action_save)
        yield SystemCommand("Try the persona now", "Talk to it as edited, saved or not (Ctrl+T)",
                            self.action_try_it)
        yield SystemCommand("Next problem", "Jump to the next field with a problem (F8)",
                            self.action_next_problem)
        yield SystemCommand("Add a challenge", "Another problem on the persona's mind",
                            partial(self.action_add_group, "challenge"))
        yield SystemCommand("Add an example", "An earlier exchange that sets the voice",
                            partial(self.action_add_group, "example"))
        yield SystemCommand("Close the editor", "Back to the previous screen (Esc)", self.action_close)


__all__ = ["ConfirmScreen", "EditorScreen", "leading_comments", "preview"]
