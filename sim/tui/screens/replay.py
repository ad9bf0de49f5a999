"""Replay a saved conversation: step through it, switch branches, re-grade, try again."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, ListView, Static

from sim.core.regrade import RegradeRow, regrade
from sim.core.summary import averages, outcome
from sim.core.transcript import Transcript, TranscriptError, Turn
from sim.store.transcripts import read_transcript
from sim.tui.literal import literal
from sim.tui.widgets.lines import EventLine, PersonaLine, UserLine, evidence_text, grade_chips


class ReplayScreen(Screen):
    BINDINGS = [
        Binding("b", "next_branch", "Next branch", id="replay.branch"),
        Binding("g", "regrade", "Re-grade", id="replay.regrade"),
        Binding("t", "try_again", "Try again", id="replay.try"),
        Binding("c", "compare", "Compare", id="replay.compare"),
        Binding("escape", "app.pop_screen", "Back", id="replay.back"),
    ]

    def __init__(self, transcript: Transcript, path: Path | None = None, warnings: list[str] | None = None):
        super().__init__()
        self.transcript = transcript
        self.path = path
        self.warnings = warnings or []
        branches = transcript.branches()
        self.branch_number = len(branches)  # start on the latest branch
        self.regraded: dict[str, RegradeRow] = {}

    @classmethod
    def from_file(cls, path: Path) -> ReplayScreen:
        transcript, warnings = read_transcript(path)
        return cls(transcript, path, warnings)

    @property
    def names(self) -> tuple[str, str]:
        persona = str(self.transcript.header.persona.get("name") or "Persona").split()[0]
        return persona, self.transcript.header.user_name

    def branch(self) -> list[Turn]:
        branches = self.transcript.branches()
        if not branches:
            return []
        return branches[min(self.branch_number, len(branches)) - 1]

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="replay-bar")
        with Horizontal(id="replay-body"):
            yield ListView(id="replay-turns")
            yield Static("", id="replay-detail")
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.warnings:
            self.notify(warning, title="Loaded with a warning", severity="warning", timeout=10)
        self.show_branch()
        self.query_one("#replay-turns", ListView).focus()

    def show_branch(self) -> None:
        persona, user = self.names
        branch = self.branch()
        view = self.query_one("#replay-turns", ListView)
        view.clear()
        events = self.transcript.events_on(branch)
        for turn in branch:
            view.append(UserLine(turn, user) if turn.speaker == "user" else PersonaLine(turn, persona))
            for event in events:
                if event.parent == turn.id:
                    view.append(EventLine(event, persona))
        if len(view):
            view.index = 0
        total = len(self.transcript.branches())
        levels = averages(branch)
        summary = Text(literal(f"{self.transcript.header.persona.get('name', '?')} · "), style="bold")
        summary.append(f"branch {self.branch_number} of {total} · {outcome(self.transcript, branch)}")
        if levels:
            summary.append(f" · avg listening {levels['listening']:.1f} help {levels['helpfulness']:.1f}"
                           f" pitching {levels['pitching']:.1f}", style="dim")
        self.query_one("#replay-bar", Static).update(summary)
        self._show_detail(view.highlighted_child)

    # ------------------------------------------------------------ detail

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        self._show_detail(event.item)

    def _show_detail(self, item) -> None:
        detail = self.query_one("#replay-detail", Static)
        if isinstance(item, UserLine) and item.turn.grade is not None:
            parts = [Text("Graded then", style="bold"), grade_chips(item.turn.grade),
                     evidence_text(item.turn.grade)]
            row = self.regraded.get(item.turn.id)
            if row is not None:
                changed = ", ".join(row.changed) or "no change"
                parts += [Text(f"\nRe-graded now ({changed})", style="bold"), grade_chips(row.new),
                          evidence_text(row.new)]
            detail.update(Group(*parts))
        elif isinstance(item, PersonaLine):
            turn = item.turn
            info = Text(literal(f"source: {turn.source}") + (" (close to an authored line)" if turn.copied else ""))
            info.append(f"\nintent: {literal(turn.intent or '').replace('_', ' ')}")
            state = (turn.director or {}).get("state", {})
            if state:
                info.append(f"\ntrust after: {float(state.get('trust', 0)):.2f}")
            for rejected in turn.rejected:
                info.append(literal(f"\nrejected ({rejected.get('reasons', '')}): "), style="dim")
                info.append(literal(rejected.get("text", "")), style="dim italic")
            detail.update(info)
        else:
            detail.update("")

    # ------------------------------------------------------------ actions

    def action_next_branch(self) -> None:
        total = len(self.transcript.branches())
        if total < 2:
            self.notify("This conversation has one branch. Rewind a turn (t) to make another.")
            return
        self.branch_number = self.branch_number % total + 1
        self.show_branch()

    def action_regrade(self) -> None:
        rows = regrade(self.transcript, self.app.grader.grade)
        self.regraded = {row.turn_id: row for row in rows}
        changed = sum(1 for row in rows if row.changed)
        self.notify(f"Re-graded {len(rows)} turns with the current grader: {changed} changed.")
        self._show_detail(self.query_one("#replay-turns", ListView).highlighted_child)

    def action_compare(self) -> None:
        table = Table(box=None, padding=(0, 1))
        for column in ("branch", "turns", "outcome", "listening", "help", "pitching"):
            table.add_column(column)
        for number, branch in enumerate(self.transcript.branches(), 1):
            levels = averages(branch) or {}
            table.add_row(str(number), str(sum(1 for t in branch if t.speaker == "user")),
                          outcome(self.transcript, branch),
                          *(f"{levels[a]:.1f}" if a in levels else "-"
                            for a in ("listening", "helpfulness", "pitching")))
        self.query_one("#replay-detail", Static).update(table)

    def action_try_again(self) -> None:
        """Continue the saved conversation from just before the selected user turn."""
        from pydantic import ValidationError

        from sim.app.services import resume_session
        from sim.core.persona import Persona
        from sim.tui.screens.conversation import ConversationScreen

        item = self.query_one("#replay-turns", ListView).highlighted_child
        if not isinstance(item, UserLine) or self.path is None:
            self.notify("Select one of your turns to try it again.")
            return
        try:
            persona = Persona.model_validate(self.transcript.header.persona)
            session = resume_session(self.path, persona, self.app.generator, self.app.profile,
                                     user_name=self.transcript.header.user_name, grader=self.app.grader)
            session.rewind(item.turn.id)  # a hand-edited state may not fit the persona
        except (ValidationError, TranscriptError) as error:
            self.notify(str(error).splitlines()[0], title="Cannot continue this conversation",
                        severity="error")
            return
        screen = ConversationScreen(persona, session)
        self.app.switch_screen(screen)
        screen.call_after_refresh(lambda: screen.prefill(item.turn.text))

    def screen_commands(self):
        yield SystemCommand("Re-grade with the current grader", "Replay (g)", self.action_regrade)
        yield SystemCommand("Next branch", "Replay (b)", self.action_next_branch)
        yield SystemCommand("Compare branches", "Replay (c)", self.action_compare)
        yield SystemCommand("Try the selected turn again", "Replay (t)", self.action_try_again)
