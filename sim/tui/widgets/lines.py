"""The lines of a conversation as list items: user turns with their grade, persona lines
with where they came from, and session events. Every text is shown literally."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import ListItem, Static

from sim.core.grading.types import AXES, Grade
from sim.core.transcript import SessionEvent, Turn
from sim.tui.literal import literal

AXIS_LABEL = {"listening": "listening", "helpfulness": "help", "pitching": "pitching"}
AXIS_STYLE = {"listening": "green", "helpfulness": "cyan", "pitching": "red"}


def level_style(axis: str, level: int) -> str:
    good = level >= 2 if axis != "pitching" else level == 0
    bad = level == 0 if axis != "pitching" else level >= 2
    return "bold green" if good else "bold red" if bad else "bold yellow"


def grade_chips(grade: Grade) -> Text:
    chips = Text()
    for axis in AXES:
        level = grade.level(axis)
        chips.append(f" {AXIS_LABEL[axis]} {level} ", style=f"{level_style(axis, level)} reverse")
        chips.append(" ")
    if grade.confidence < 0.5:
        chips.append("low confidence", style="dim italic")
    return chips


def highlighted_turn(text: str, grade: Grade) -> Text:
    """The user's words with each evidence span marked in its axis colour."""
    rendered = Text(literal(text))
    for evidence in grade.evidence:
        if 0 <= evidence.start < evidence.end <= len(text):
            rendered.stylize(f"underline {AXIS_STYLE.get(evidence.axis, 'bold')}", evidence.start, evidence.end)
    return rendered


def evidence_text(grade: Grade) -> Text:
    """One bullet per quoted span, with every signal it triggered, grouped by axis:
    • "What made you come tonight?"  follow up, open question (listening)"""
    spans: dict[tuple[int, int, str], dict[str, list[str]]] = {}
    for evidence in grade.evidence:
        axes = spans.setdefault((evidence.start, evidence.end, evidence.quote), {})
        axes.setdefault(evidence.axis, []).append(literal(evidence.signal).replace("_", " "))
    out = Text()
    for (_start, _end, quote), axes in spans.items():
        out.append("• ", style="dim")
        out.append(f"\u201c{literal(quote)}\u201d", style=AXIS_STYLE.get(next(iter(axes)), ""))
        signals = "; ".join(f"{', '.join(names)} ({AXIS_LABEL.get(axis, literal(axis))})"
                            for axis, names in axes.items())
        out.append(f"  {signals}\n", style="dim")
    if not grade.evidence:
        out.append("No evidence spans: nothing in this turn triggered a signal.\n", style="dim")
    if grade.tip:
        out.append("Tip: ", style="bold")
        out.append(literal(grade.tip))
    return out


class UserLine(ListItem):
    """A user turn. Highlighting it shows the evidence and the tip."""

    def __init__(self, turn: Turn, user_name: str):
        super().__init__(classes="user-line")
        self.turn = turn
        self.user_name = user_name

    def compose(self) -> ComposeResult:
        grade = self.turn.grade
        head = Text(f"{literal(self.user_name)}: ", style="bold")
        head.append_text(highlighted_turn(self.turn.text, grade) if grade else Text(literal(self.turn.text)))
        yield Static(head, classes="line-text")
        if grade is not None:
            yield Static(grade_chips(grade), classes="chips")
            yield Static(evidence_text(grade), classes="details")


class PersonaLine(ListItem):
    def __init__(self, turn: Turn, name: str):
        super().__init__(classes="persona-line")
        self.turn = turn
        self.persona_name = name

    def compose(self) -> ComposeResult:
        text = Text(f"{literal(self.persona_name)}: ", style="bold")
        text.append(literal(self.turn.text))
        yield Static(text, classes="line-text")
        yield Static(self._source(), classes="details")

    def _source(self) -> Text:
        turn = self.turn
        if turn.source == "lm":
            what = "written by the model" + (" (close to an authored line)" if turn.copied else "")
        else:
            what = "an authored line (no model candidate passed the guard)"
        info = Text(f"{what} · intent: {literal(turn.intent or '').replace('_', ' ')}", style="dim")
        if turn.rejected:
            info.append(f" · {len(turn.rejected)} candidate(s) rejected", style="dim")
        return info


class EventLine(ListItem):
    MESSAGES = {
        "persona_left": "{name} has left the conversation.",
        "opportunity_revealed": "{name} offered you something you never asked for.",
        "ended": "You ended the conversation.",
        "error": "{detail}",
    }

    def __init__(self, event: SessionEvent, name: str):
        super().__init__(classes=f"event-line -{event.kind.replace('_', '-')}")
        self.event = event
        self.persona_name = name

    def compose(self) -> ComposeResult:
        message = self.MESSAGES.get(self.event.kind, "{detail}").format(
            name=self.persona_name, detail=self.event.detail
        )
        text = Text(literal(message), style="bold")
        if self.event.kind == "opportunity_revealed" and self.event.detail:
            text.append(f"\n{literal(self.event.detail)}", style="")
        yield Static(text, classes="line-text")
