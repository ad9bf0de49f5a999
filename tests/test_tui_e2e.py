"""End to end with the real default model: the app loads it in the background, a persona
answers a typed turn, the turn is graded, the report shows, and the session replays."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList
from tui_helpers import (
    kinds,
    open_persona,
    replying,
    screen_text,
    transcript_items,
    type_text,
    wait_until,
    widget_text,
)

from sim.store.transcripts import read_transcript
from sim.tui.app import SimApp

pytestmark = pytest.mark.model

LOAD = 180.0  # seconds: a cold cache converts the GGUF first
REPLY = 120.0
TURN = "That sounds like a long day. What made you come tonight?"


async def test_talk_to_a_persona_with_the_real_model_then_replay(home_with_model):
    app = SimApp(home_with_model)  # the default loader: the real model, in a worker
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.model_state.phase != "loading", timeout=LOAD,
                         what="the model to load")
        assert app.model_state.ready, app.model_state
        assert "Model ready" in screen_text(app)
        await open_persona(pilot, "theo-green-room")
        opening = transcript_items(app)[0].turn.text
        # pasted: Pilot waits for the process to go idle after each key, and torch's
        # thread pool keeps a core busy for a while after every load or generation
        await type_text(pilot, TURN)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not replying(app), timeout=REPLY, what="the persona's reply")
        await pilot.pause()
        assert kinds(app)[:3] == ["PersonaLine", "UserLine", "PersonaLine"]
        user, reply = transcript_items(app)[1:3]
        assert user.turn.grade is not None and user.turn.grade.listening >= 1
        chips = widget_text(app, user.query_one(".chips"))
        assert "listening" in chips and "help" in chips and "pitching" in chips
        assert reply.turn.text and reply.turn.text != opening
        assert reply.turn.source in ("lm", "authored")
        path = app.screen.session.writer.path

        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReportScreen")
        await pilot.pause()
        assert "you ended the conversation" in screen_text(app)
        await pilot.press("escape")  # home: the session is the newest one listed
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        sessions = app.screen.query_one("#sessions", OptionList)
        assert sessions.get_option_at_index(0).id == str(path)
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReplayScreen", what="replay")
        await pilot.pause()
        shown = screen_text(app)
        assert TURN in " ".join(shown.split()) or TURN[:40] in shown
        assert "ended" in widget_text(app, app.screen.query_one("#replay-bar"))
        await pilot.press("down")
        assert "Graded then" in widget_text(app, app.screen.query_one("#replay-detail"))

    transcript, warnings = read_transcript(path)
    assert not warnings
    assert [t.speaker for t in transcript.branch()] == ["persona", "user", "persona"]
    assert transcript.header.model.get("profile", {}).get("id")
