"""Helpers for the terminal-app tests: build the app around the scripted stand-in
generator, drive it with the keyboard, and read what is actually on the screen."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fakes import ScriptedGenerator
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from sim.store.paths import Home
from sim.app.services import RULES, Grader
from sim.tui.app import SimApp

BUILT_IN_PERSONAS = 10
#: A line the guard accepts for most intents when queued as the model's answer.
GOOD_LINE = " that is really something I have been thinking about lately."

# Scripts checked against the real grader and director (see test_tui_flows).
CONNECTING = (  # Joan: good listening, she opens up twice, then offers the workshop
    "Ha, not silly at all. A pipeline is just the path your sales data takes from the "
    "register to a report. What made you come tonight?",
    "Eleven percent every day, that sounds painful. What kinds of bread end up thrown out most?",
    "So the register has years of sales but it's hard to ask it questions. "
    "What would you most want to know from it?",
)
PITCHING = (  # Kyle (patience 3): three hard pitches and he walks away
    "Hi, I run a startup that does CRM automation. Can I book a demo with you next week?",
    "Our platform will triple your pipeline, let me send you a link to sign up for a free trial.",
    "Here's my card. Buy our enterprise plan today and get 20% off, let's set up a call.",
)


@dataclass
class Notice:
    message: str
    title: str
    severity: str


def make_app(home: Home, generator: ScriptedGenerator | None = None, *,
             loader: Callable | None = None, replay: Path | None = None,
             grader: Grader = RULES) -> SimApp:
    """The app with the stand-in generator (loaded at once unless `loader` is given).
    Every notification is also recorded in `app.notices`."""
    generator = generator or ScriptedGenerator()
    # The rules grader: deterministic and instant (the hybrid one is tested on its own and
    # in the end-to-end test with the real models).
    app = SimApp(home, loader=loader or (lambda progress: (generator, None)),
                 grader_loader=lambda progress: grader, replay=replay, seed=0)
    app.notices = []  # type: ignore[attr-defined]
    original = app.notify

    def notify(message, *, title="", severity="information", timeout=None, markup=True):
        app.notices.append(Notice(str(message), title, severity))  # type: ignore[attr-defined]
        if timeout is None:
            return original(message, title=title, severity=severity, markup=markup)
        return original(message, title=title, severity=severity, timeout=timeout, markup=markup)

    app.notify = notify  # type: ignore[method-assign]
    return app


class GatedLoader:
    """A model load that reports progress, then waits until `release()`."""

    def __init__(self, generator: ScriptedGenerator | None = None, fail: Exception | None = None):
        self.generator = generator or ScriptedGenerator()
        self.fail = fail
        self.gate = threading.Event()

    def __call__(self, progress):
        progress(0.25, "reading weights")
        self.gate.wait(timeout=30)  # never hang a test run for good
        progress(0.9, "warming up")
        if self.fail is not None:
            raise self.fail
        return self.generator, None

    def release(self) -> None:
        self.gate.set()


async def wait_until(pilot: Pilot, condition: Callable[[], object], timeout: float = 5.0,
                     what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.02)


def notices(app: SimApp, text: str = "") -> list[Notice]:
    """Recorded notifications whose message or title holds `text`."""
    return [n for n in app.notices if text in n.message or text in n.title]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ reading the screen


def screen_lines(app: SimApp) -> list[str]:
    """The screen as painted: one string a row (what the terminal would show)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: SimApp) -> str:
    return "\n".join(screen_lines(app))


def widget_text(app: SimApp, widget: Widget) -> str:
    """The painted text inside one widget (inside its border and padding), as far as it
    is visible on the screen, rows joined by newlines."""
    region = widget.content_region.intersection(app.screen.region)
    rows = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join(strip.crop(region.x, region.right).text.rstrip() for strip in rows)


def flat(text: str) -> str:
    """Rows joined into one line (for text that wraps), whitespace collapsed."""
    return " ".join(text.split())


# ------------------------------------------------------------------ driving it


async def open_persona(pilot: Pilot, persona_id: str) -> None:
    """On Home: move the highlight to the persona with the arrow keys and press Enter."""
    people = pilot.app.screen.query_one("#personas", OptionList)
    people.focus()
    await pilot.pause()
    ids = [people.get_option_at_index(i).id for i in range(people.option_count)]
    target = ids.index(persona_id)
    await pilot.press("home", *(["down"] * target))
    assert people.highlighted == target
    await pilot.press("enter")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "ConversationScreen",
                     what="the conversation screen")
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Paste text into the focused widget, as the terminal would (fast, and keeps every
    character, control characters included)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def replying(app: SimApp) -> bool:
    screen = app.screen
    return bool(getattr(screen, "busy", False) or getattr(screen, "waiting_for_model", False))


async def say(pilot: Pilot, text: str, wait: bool = True) -> None:
    """Type a turn into the conversation's input, press Enter, wait for the reply."""
    composer = pilot.app.screen.query_one("#input")
    composer.focus()
    composer.text = ""
    await type_text(pilot, text)
    await pilot.press("enter")
    if wait:
        await wait_until(pilot, lambda: not replying(pilot.app), what="the persona's reply")
        await pilot.pause()


def transcript_items(app: SimApp) -> list:
    return list(app.screen.query_one("#transcript").children)


def kinds(app: SimApp) -> list[str]:
    return [type(item).__name__ for item in transcript_items(app)]
