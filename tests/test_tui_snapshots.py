"""SVG snapshots of every screen at 80x24 and 120x40 (pytest-textual-snapshot).

Deterministic by construction: the stand-in generator with fixed answers, seed 0, a
frozen session clock and session ids, UTC, HOME set so paths show as "~/sim-home/...",
no cursor blink. Update with `pytest tests/test_tui_snapshots.py --snapshot-update`,
then look at the SVGs before committing them.
"""

from __future__ import annotations

import itertools
import re
import time
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from fakes import ScriptedGenerator
from tui_helpers import CONNECTING, GatedLoader, make_app, open_persona, say, wait_until

import sim.app.session as session_module
from sim.app.services import Grader, new_session
from sim.core.grading.types import Evidence, Grade
from sim.store.personas import find_persona

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
JOAN = "joan-bakery-owner"
REPLY = " the register keeps every sale since 2009, and nobody asks it anything."
STARTED = datetime(2026, 3, 14, 18, 30, tzinfo=timezone.utc)


PITCH = re.compile(r"\b(demo|card|buy|sign up)\b", re.IGNORECASE)


def fixed_grader(persona, context, text: str) -> Grade:
    """A stand-in for the grader with the same kinds of output (levels, evidence spans,
    a tip), so these snapshots test the layout and stay put while the real grader is
    tuned. Pitch words make a pitch; otherwise the last question is a follow-up and the
    sentence before it a reflection."""
    pitch = PITCH.search(text)
    if pitch:
        evidence = (Evidence(pitch.group(0), pitch.start(), pitch.end(), "call_to_action", "pitching"),)
        return Grade(0, 0, 3, evidence, "Drop the ask for now: ask about what they just told you.",
                     frozenset({"call_to_action", "promotion"}), 0.9, "snapshot")
    sentences = [m for m in re.finditer(r"[^.?!]+[.?!]?", text) if m.group(0).strip()]
    evidence = []
    for match, signal in zip(reversed(sentences), ("follow_up", "reflection")):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        evidence.append(Evidence(text[start:match.end()], start, match.end(), signal, "listening"))
    return Grade(3, 1, 0, tuple(reversed(evidence)),
                 "Good follow-up. Offer one concrete thing that fits what they need.",
                 frozenset({"question", "open_question", "follow_up", "reflection", "interest_in_them"}),
                 0.9, "snapshot")


SNAPSHOT_GRADER = Grader(fixed_grader, "snapshot")


@pytest.fixture
def frozen(sim_home, tmp_path, monkeypatch):
    """Same times, ids, grades, time zone and home folder on every run and machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("HOME", str(tmp_path))
    ticks = itertools.count()
    monkeypatch.setattr(session_module, "now", lambda: (STARTED + timedelta(seconds=next(ticks)))
                        .isoformat(timespec="milliseconds"))
    ids = itertools.count(1)
    monkeypatch.setattr(session_module, "secrets",
                        SimpleNamespace(token_hex=lambda n: f"{next(ids):0{2 * n}x}"))
    yield sim_home
    monkeypatch.undo()
    time.tzset()


def saved_sessions(home) -> None:
    """Two finished sessions for Home's recent list and for replay (one with two branches)."""
    joan = find_persona(JOAN, home).persona
    session = new_session(joan, None, None, home=home, grader=SNAPSHOT_GRADER)
    session.open()
    first = session.say("What brings you here tonight?")
    session.reply()
    session.rewind(first.id)
    for turn in CONNECTING:
        session.say(turn)
        session.reply()
    session.end()
    kyle = find_persona("kyle-saas-mixer", home).persona
    session = new_session(kyle, None, None, home=home, grader=SNAPSHOT_GRADER)
    session.open()
    session.say("Can I book a demo with you next week? Here's my card.")
    session.reply()
    session.end()


def app_for(home, **kwargs):
    return make_app(home, ScriptedGenerator([[REPLY]] * 3), grader=SNAPSHOT_GRADER, **kwargs)


async def settle(pilot) -> None:
    """No blinking cursors, the model status settled, nothing animating."""
    await wait_until(pilot, lambda: pilot.app.model_state.phase != "loading", what="the model")
    for widget in pilot.app.screen.query("ChatInput, Input"):
        widget.cursor_blink = False
    await pilot.pause()


async def conversation(pilot) -> None:
    await settle(pilot)
    await open_persona(pilot, JOAN)
    await say(pilot, CONNECTING[0])
    await pilot.press("ctrl+t", "up")  # the user line: its evidence and tip open
    await settle(pilot)


async def report(pilot) -> None:
    await conversation(pilot)
    await say(pilot, "I sell a CRM, want a demo? Here's my card.")
    await pilot.press("ctrl+g")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "ReportScreen")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, frozen, size):
    saved_sessions(frozen)
    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_home_when_the_model_failed(snap_compare, frozen, size):
    loader = GatedLoader(fail=RuntimeError("model files missing: run `sim model install`"))
    loader.release()
    assert snap_compare(app_for(frozen, loader=loader), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_conversation_with_a_highlighted_user_line(snap_compare, frozen, size):
    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=conversation)


@pytest.mark.parametrize("size", SIZES)
def test_report(snap_compare, frozen, size):
    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=report)


@pytest.mark.parametrize("size", SIZES)
def test_replay(snap_compare, frozen, size):
    saved_sessions(frozen)

    async def replay(pilot):
        await settle(pilot)
        await pilot.press("tab", "down", "enter")  # the older session: Joan, two branches
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "ReplayScreen")
        await pilot.press("down", "down", "down")  # her second turn, graded
        await settle(pilot)

    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=replay)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, frozen, size):
    async def help_screen(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "HelpScreen")
        await settle(pilot)

    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=help_screen)


@pytest.mark.parametrize("size", SIZES)
def test_save_as_dialog_after_a_failed_save(snap_compare, frozen, size, monkeypatch):
    import sim.store.transcripts as store

    def disk_full(fd, data):
        raise OSError(28, "No space left on device")

    async def save_as(pilot):
        await settle(pilot)
        await open_persona(pilot, JOAN)
        monkeypatch.setattr(store, "_write_all", disk_full)
        await say(pilot, "What made you come tonight?")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "SaveAsScreen")
        await settle(pilot)

    assert snap_compare(app_for(frozen), terminal_size=SIZES[size], run_before=save_as)
