"""Home: who is at the event, your recent sessions, and what the model is doing."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from sim.core.summary import TranscriptSummary
from sim.store.personas import StoredPersona, load_catalog
from sim.store.transcripts import list_transcripts
from sim.tui.literal import literal
from sim.tui.widgets.model_status import ModelStatus

DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}
OUTCOME_STYLE = {"opportunity revealed": "green", "persona left": "red", "ended": "", "unfinished": "dim"}


def persona_option(stored: StoredPersona) -> Option:
    persona = stored.persona
    text = Text(no_wrap=False, overflow="ellipsis")
    text.append(literal(persona.name), style="bold")
    text.append(" · ", style="dim")
    text.append(persona.difficulty, style=DIFFICULTY_STYLE[persona.difficulty])
    if stored.origin == "user":
        text.append(" · yours", style="italic cyan")
    text.append(f"\n{literal(persona.role)}", style="dim")
    text.append(f"\n{literal(persona.hook)}")
    return Option(text, id=persona.id)


def _turns(count: int) -> str:
    return f"{count} turn" if count == 1 else f"{count} turns"


def session_option(summary: TranscriptSummary) -> Option:
    text = Text(overflow="ellipsis")
    if not summary.readable:
        text.append(literal(summary.path.name), style="dim")
        text.append(f"\nunreadable: {literal(summary.problem)}", style="red")
        return Option(text, id=str(summary.path), disabled=True)
    try:
        when = datetime.fromisoformat(summary.started_at).astimezone().strftime("%b %d %H:%M")
    except ValueError:
        when = "?"
    text.append(f"{when}  ", style="dim")
    text.append(literal(summary.persona_name or summary.persona_id), style="bold")
    text.append(f"  {summary.outcome}", style=OUTCOME_STYLE.get(summary.outcome, ""))
    averages = summary.averages
    if averages:
        text.append(
            f"\n{_turns(summary.user_turns)} · listening {averages['listening']:.1f}"
            f" · help {averages['helpfulness']:.1f} · pitching {averages['pitching']:.1f}",
            style="dim",
        )
    else:
        text.append(f"\n{_turns(summary.user_turns)}", style="dim")
    return Option(text, id=str(summary.path))


class HomeScreen(Screen):
    BINDINGS = [
        # priority: otherwise the list's own Enter hides this one from the footer
        Binding("enter", "open", "Talk / replay", id="home.open", show=True, priority=True),
        Binding("e", "edit", "Edit persona", id="home.edit"),
        Binding("n", "new_persona", "New persona", id="home.new"),
        Binding("tab", "app.focus_next", "Switch list", id="home.switch", show=False),
        Binding("f5", "refresh", "Refresh", id="home.refresh", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-lists"):
            with Vertical(id="people"):
                yield Label("Who's here · pick someone and say hello", classes="section-title")
                yield OptionList(id="personas")
                yield Label("", id="persona-problems", markup=False)
            with Vertical(id="history"):
                yield Label("Your recent sessions", classes="section-title")
                yield OptionList(id="sessions")
        yield ModelStatus(id="model-status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_lists()
        self.query_one("#personas", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    def on_resize(self) -> None:
        self.query_one("#home-lists").set_class(self.size.width < 100, "narrow")

    def refresh_lists(self) -> None:
        catalog = load_catalog(self.app.home)
        people = self.query_one("#personas", OptionList)
        highlighted = people.highlighted
        people.clear_options()
        order = {"easy": 0, "medium": 1, "hard": 2}
        ranked = sorted(catalog.personas.values(),
                        key=lambda s: (order[s.persona.difficulty], s.persona.name))
        people.add_options([persona_option(s) for s in ranked])
        if catalog.personas:
            people.highlighted = min(highlighted or 0, len(catalog.personas) - 1)
        problems = self.query_one("#persona-problems", Label)
        problems.update(
            f"{len(catalog.problems)} persona file(s) have problems: run `sim personas check`"
            if catalog.problems else ""
        )
        problems.display = bool(catalog.problems)
        sessions = self.query_one("#sessions", OptionList)
        was = sessions.highlighted
        sessions.clear_options()
        summaries = list_transcripts(self.app.home)[:50]
        if summaries:
            sessions.add_options([session_option(s) for s in summaries])
            # Tab then Enter opens the newest session (a list with no highlight ignores Enter).
            readable = [i for i, s in enumerate(summaries) if s.readable]
            if readable:
                sessions.highlighted = was if was in readable else readable[0]
        else:
            sessions.add_option(Option(Text("No sessions yet. Pick someone and say hello.", style="dim"),
                                       disabled=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "personas" and event.option.id:
            self.app.start_conversation(event.option.id)
        elif event.option_list.id == "sessions" and event.option.id:
            from pathlib import Path

            self.app.open_replay(Path(event.option.id))

    def action_open(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            focused.action_select()

    def _highlighted_persona(self) -> str | None:
        people = self.query_one("#personas", OptionList)
        if people.highlighted is None:
            return None
        return people.get_option_at_index(people.highlighted).id

    def action_edit(self) -> None:
        from sim.tui.screens.editor import EditorScreen

        persona_id = self._highlighted_persona()
        if persona_id:
            self.app.push_screen(EditorScreen.for_persona(persona_id))

    def action_new_persona(self) -> None:
        from sim.tui.screens.editor import EditorScreen

        self.app.push_screen(EditorScreen.new())

    def action_refresh(self) -> None:
        self.refresh_lists()
