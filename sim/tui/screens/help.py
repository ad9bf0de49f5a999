"""Every key, screen by screen, as currently bound (remapped keys included)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from sim.tui.literal import literal, shown_path

SCREENS = (
    ("Everywhere", "sim.tui.app", "SimApp"),
    ("Home", "sim.tui.screens.home", "HomeScreen"),
    ("Conversation", "sim.tui.screens.conversation", "ConversationScreen"),
    ("Typing a turn", "sim.tui.widgets.chat_input", "ChatInput"),
    ("Report", "sim.tui.screens.report", "ReportScreen"),
    ("Replay", "sim.tui.screens.replay", "ReplayScreen"),
    ("Persona editor", "sim.tui.screens.editor", "EditorScreen"),
)


def key_table(keymap: dict[str, str]) -> Table:
    """Screen by screen: a title row, then key, what it does, and the id to remap it by.
    Every cell is a Text: "[keys]" and friends are shown, not read as markup."""
    import importlib

    table = Table(box=None, show_header=True, padding=(0, 2, 0, 0))
    table.add_column(Text("key"))
    table.add_column(Text("what it does"))
    table.add_column(Text("id for [keys]"), style="dim")
    for number, (title, module, name) in enumerate(SCREENS):
        if number:
            table.add_row("", "", "")
        table.add_row(Text(title, style="bold"), "", "")
        cls = getattr(importlib.import_module(module), name)
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            key = keymap.get(binding.id, binding.key) if binding.id else binding.key
            table.add_row(Text(literal(key), style="cyan"), Text(binding.description or binding.action),
                          Text(binding.id or ""))
    table.add_row("", "", "")
    table.add_row(Text("ctrl+p", style="cyan"), Text("command palette: every action by name"), "")
    return table


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="help.close")]

    def __init__(self, under: Screen | None = None):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        intro = Text.assemble(
            ("Keys\n", "bold"),
            ("Remap any key in ", "dim"), (shown_path(self.app.home.config_file), "dim italic"),
            (" under [keys] by id, e.g. newline = \"ctrl+n\" or \"conversation.end\" = \"f9\".\n", "dim"),
        )
        with VerticalScroll(id="help-box"):
            yield Static(intro)
            yield Static(key_table(dict(getattr(self.app, "_keymap", {}))))
