"""Save the whole conversation somewhere else, after the transcript folder refused it."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from sim.app.session import Session
from sim.core.transcript import TranscriptError
from sim.tui.literal import shown_path


class SaveAsScreen(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="save.cancel")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box"):
            yield Label("Save the conversation to a file or folder (Enter saves, Esc cancels):",
                        markup=False)
            yield Input(value="~/", id="save-path")
            problem = self.session.save_problem
            yield Label(shown_path(problem.message) if problem else "", id="save-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            saved = self.session.save_as(Path(event.value).expanduser())
        except (TranscriptError, OSError) as error:
            self.query_one("#save-error", Label).update(str(error))
            return
        self.app.notify(f"Saved to {shown_path(saved)}; new turns go there too.", title="Saved")
        self.dismiss()
