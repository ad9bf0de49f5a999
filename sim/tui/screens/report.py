"""The report at the end of a conversation: how it went, turn by turn, against the anchors."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from sim.app.report import best_and_worst, metric_rows, metrics_for, outcome
from sim.app.session import Session
from sim.core.grading.types import AXES
from sim.tui.literal import literal, shown_path
from sim.tui.widgets.lines import grade_chips

AXIS_COLOURS = {"listening": "green", "helpfulness": "cyan", "pitching": "red"}


def quoted_turn(title: str, turn, style: str) -> Text:
    text = Text()
    text.append(f"{title}\n", style=f"bold {style}")
    if turn is None:
        return text.append("(none)\n", style="dim")
    text.append(f"\u201c{literal(turn.text)}\u201d\n")
    text.append_text(grade_chips(turn.grade))
    if turn.grade.tip:
        text.append(f"\nTip: {literal(turn.grade.tip)}\n", style="italic")
    return text


class GradeChart(PlotextPlot):
    """The three axes over the user's turns."""

    def __init__(self, levels: dict[str, list[int | None]], **kwargs):
        super().__init__(**kwargs)
        self.levels = levels

    def on_mount(self) -> None:
        plt = self.plt
        turns = len(next(iter(self.levels.values()), []))
        plt.title("Your turns, graded 0-3")
        for axis in AXES:
            points = [(i + 1, v) for i, v in enumerate(self.levels.get(axis, [])) if v is not None]
            if points:
                plt.plot([p[0] for p in points], [p[1] for p in points], label=axis,
                         color=AXIS_COLOURS[axis], marker="braille")
        plt.ylim(-0.2, 3.2)
        plt.yticks([0, 1, 2, 3])
        if turns:
            plt.xticks(list(range(1, turns + 1)))
        plt.xlabel("turn")


class ReportScreen(Screen):
    BINDINGS = [
        Binding("r", "replay", "Replay", id="report.replay"),
        Binding("t", "again", "Talk again", id="report.again"),
        Binding("escape,h", "home", "Home", id="report.home"),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        branch = session.branch()
        metrics = metrics_for(branch)
        best, worst = best_and_worst(branch)
        yield Header()
        with VerticalScroll(id="report"):
            yield Static(Text(literal(outcome(session)), style="bold"), id="outcome")
            with Horizontal(id="report-top"):
                yield GradeChart(metrics.axes, id="chart")
                yield Static(self._metrics_table(metrics), id="metrics")
            yield Static(quoted_turn("Your best turn", best, "green"), classes="quoted")
            yield Static(quoted_turn("The turn to try again", worst, "red"), classes="quoted")
            where = shown_path(session.writer.path) if session.writer else "not saved"
            if session.save_problem:
                where = f"NOT SAVED: {shown_path(session.save_problem.message)}"
            yield Static(Text(literal(f"Transcript: {where}"), style="dim"), id="saved")
        yield Footer()

    def on_resize(self) -> None:
        # Under 100 columns the metrics go below the chart instead of off the edge.
        self.query_one("#report-top").set_class(self.size.width < 100, "narrow")

    def _metrics_table(self, metrics) -> Table:
        table = Table(title="This conversation", title_justify="left", show_edge=False, box=None,
                      padding=(0, 1))
        table.add_column("metric", style="dim")
        table.add_column("you")
        table.add_column("anchor", style="italic dim")
        for label, value, anchor in metric_rows(metrics):
            table.add_row(label, value, anchor)
        model = [t for t in self.session.branch() if t.speaker == "persona"]
        from_model = sum(1 for t in model if t.source == "lm")
        table.add_row("lines by the model", f"{from_model} of {len(model)}", "the rest are authored")
        return table

    def action_replay(self) -> None:
        if self.session.writer is None:
            self.notify("This session was not saved, so it cannot be replayed.", severity="warning")
            return
        self.app.open_replay(self.session.writer.path)

    def action_again(self) -> None:
        from sim.tui.screens.conversation import ConversationScreen

        self.app.switch_screen(ConversationScreen(self.session.persona))

    def action_home(self) -> None:
        self.app.pop_screen()
