"""The side panel of a conversation: how the persona feels, and your session metrics."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sim.app.report import metric_rows, metrics_for
from sim.app.session import Session
from sim.tui.literal import literal


def meter(value: float, width: int = 16) -> Text:
    filled = round(max(0.0, min(1.0, value)) * width)
    style = "green" if value >= 0.55 else "yellow" if value >= 0.3 else "red"
    bar = Text("█" * filled, style=style)
    bar.append("░" * (width - filled), style="dim")
    return bar


class SidePanel(Static):
    """Re-rendered after every turn from the session (the only source of truth)."""

    def show(self, session: Session) -> None:
        state = session.director.state
        persona = session.persona
        out = Text()
        if session.save_problem:  # stays in view after the notification has gone
            out.append("NOT SAVED", style="bold reverse red")
            out.append(" Ctrl+S saves elsewhere\n\n", style="red")
        out.append(f"{literal(persona.first_name)}'s trust\n", style="bold")
        out.append_text(meter(state.trust))
        out.append(f" {state.trust:.2f}\n")
        out.append("patience ", style="dim")
        patience = max(0.0, state.patience)
        out.append("●" * int(patience + 0.5) + "○" * max(0, persona.patience - int(patience + 0.5)))
        if state.left:
            out.append("\nhas left", style="bold red")
        elif state.revealed:
            out.append("\nopened a door for you", style="bold green")
        out.append("\n")
        for label, value, anchor in metric_rows(metrics_for(session.branch())):
            out.append(f"\n{label} ", style="dim")
            out.append(value, style="bold")
            if anchor:
                out.append(f"\n  {anchor}", style="dim italic")
        self.update(out)
