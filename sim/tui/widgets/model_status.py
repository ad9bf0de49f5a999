"""One line that says what the model is doing: loading (with a bar), ready, or failed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from sim.tui.literal import literal


class ModelStatus(Horizontal):
    def compose(self) -> ComposeResult:
        yield Label("", id="model-label", markup=False)
        yield ProgressBar(total=100, show_eta=False, id="model-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "model_state", self._show)

    def _show(self, state) -> None:
        label = self.query_one("#model-label", Label)
        bar = self.query_one("#model-bar", ProgressBar)
        bar.display = state.phase == "loading"
        if state.phase == "loading":
            label.update(literal(f"Model loading: {state.detail}"))
            bar.update(progress=round(state.fraction * 100))
        elif state.phase == "ready":
            label.update(literal(f"Model ready: {state.detail}"))
        else:
            label.update(literal(f"Model failed: {state.detail}"))
        self.set_class(state.phase == "failed", "-failed")
        self.set_class(state.phase == "ready", "-ready")
