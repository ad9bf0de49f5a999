"""Faults in the middle of a conversation: the disk fills up or turns read-only, the
model raises, the process is killed. The conversation is never lost: it stays in memory
and can be saved elsewhere, and a killed process loses at most the turn in flight.

The writer's own fault tests (partial writes, fsync errors, a folder that refuses files)
are in test_transcripts_store.py and the TUI's in test_tui_flows.py; these drive a whole
`Session` (grade, director, voice, guard, transcript) and the real `sim play`.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fakes import ScriptedGenerator

import sim.store.transcripts as store
from sim.app.services import new_session
from sim.core.guard import tidy
from sim.core.transcript import SessionEvent
from sim.store.personas import find_persona
from sim.store.transcripts import TranscriptWriteError, read_transcript

USER_TURNS = [
    "Hi! You look like you're holding this whole hallway together. How's the day going?",
    "That sounds like a lot. What's been the hardest part for you lately?",
    "Forty applications and nothing back, that sounds exhausting. What roles are you going for?",
    "So you built a real cluster at home. How did you get into that?",
    "What would make today a good day for you?",
]


class WritesFailAfter:
    """os.write for the transcript store: `good` calls succeed, then every call fails
    with `error` (ENOSPC: the disk is full; EROFS: the folder went read-only) until
    `heal()` is called. The failing call writes half its bytes first, as a real one may."""

    def __init__(self, good: int, error: int):
        self.good, self.error, self.real, self.healed = good, error, os.write, False

    def __call__(self, fd, data):
        if self.healed or self.good > 0:
            self.good -= 1
            return self.real(fd, data)
        self.real(fd, bytes(data[: len(data) // 2]))
        raise OSError(self.error, os.strerror(self.error))

    def heal(self) -> None:
        self.healed = True


def talk(session, turns) -> int:
    """Say each turn and hear the reply; how many exchanges happened."""
    done = 0
    for text in turns:
        if session.finished:
            break
        session.say(text)
        session.reply()
        done += 1
    return done


def shown(session) -> list[tuple[str, str]]:
    return [(t.speaker, t.text) for t in session.branch()]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO], ids=["disk full", "read-only", "I/O error"])
def test_a_disk_that_fails_mid_session_keeps_the_conversation_and_saves_elsewhere(sim_home, tmp_path, monkeypatch, code):
    persona = find_persona("theo-green-room", sim_home).persona
    session = new_session(persona, ScriptedGenerator(), None, seed=1, home=sim_home)
    first_file = session.writer.path
    session.open()
    exchanges = talk(session, USER_TURNS[:2])
    assert session.save_problem is None
    saved_before = len(read_transcript(first_file)[0].events)

    failing = WritesFailAfter(0, code)
    monkeypatch.setattr(store.os, "write", failing)
    exchanges += talk(session, USER_TURNS[2:4])  # the conversation goes on: nothing raises
    assert exchanges == 4
    assert session.save_problem is not None
    message = session.save_problem.message
    assert os.strerror(code) in message and "kept in memory, save elsewhere" in message
    assert "\n" not in message
    assert len(shown(session)) == 1 + 2 * exchanges  # every turn, in memory
    # what is on disk stayed a readable prefix: cut back to its last complete line
    on_disk, warnings = read_transcript(first_file)
    assert warnings == [] and len(on_disk.events) == saved_before

    elsewhere = tmp_path / "rescued" / "conversation.jsonl"
    elsewhere.parent.mkdir()
    failing.heal()  # the new place has room; the old disk may stay full
    assert session.save_as(elsewhere) == str(elsewhere)
    assert session.save_problem is None
    rescued, warnings = read_transcript(elsewhere)
    assert warnings == [] and rescued.events == session.transcript.events
    assert [(t.speaker, t.text) for t in rescued.branch()] == shown(session)
    assert all(t.grade is not None for t in rescued.branch() if t.speaker == "user")

    talk(session, USER_TURNS[4:])  # later turns go to the new file
    session.end()
    session.writer.close()
    final, _ = read_transcript(elsewhere)
    assert [(t.speaker, t.text) for t in final.branch()] == shown(session)
    assert any(isinstance(e, SessionEvent) and e.kind == "ended" for e in final.events)


def test_save_as_refuses_an_existing_file_and_keeps_the_problem(sim_home, tmp_path, monkeypatch):
    persona = find_persona("theo-green-room", sim_home).persona
    session = new_session(persona, ScriptedGenerator(), None, home=sim_home)
    session.open()
    monkeypatch.setattr(store.os, "write", WritesFailAfter(0, errno.ENOSPC))
    talk(session, USER_TURNS[:1])
    monkeypatch.undo()
    taken = tmp_path / "taken.jsonl"
    taken.write_text("someone else's file\n")
    with pytest.raises(TranscriptWriteError, match="cannot create .*taken.jsonl: File exists"):
        session.save_as(taken)
    assert taken.read_text() == "someone else's file\n" and session.save_problem is not None
    saved = Path(session.save_as(tmp_path))  # a folder: a safe name inside it
    assert saved.parent == tmp_path and read_transcript(saved)[0].events == session.transcript.events


def test_the_disk_clearing_by_itself_saves_the_backlog(sim_home, monkeypatch):
    persona = find_persona("theo-green-room", sim_home).persona
    session = new_session(persona, ScriptedGenerator(), None, home=sim_home)
    session.open()
    failing = WritesFailAfter(0, errno.ENOSPC)
    monkeypatch.setattr(store.os, "write", failing)
    talk(session, USER_TURNS[:2])
    assert session.save_problem is not None and session.writer.unsaved > 0
    failing.heal()
    talk(session, USER_TURNS[2:3])  # the next line saves everything still pending
    assert session.save_problem is None and session.writer.unsaved == 0
    session.writer.close()
    on_disk, _ = read_transcript(session.writer.path)
    assert [(t.speaker, t.text) for t in on_disk.branch()] == shown(session)


def test_a_model_that_raises_mid_generation_leaves_the_session_usable(sim_home):
    persona = find_persona("theo-green-room", sim_home).persona
    generator = ScriptedGenerator(fail=RuntimeError("CUDA out of memory [bold]x[/]"))
    session = new_session(persona, generator, None, seed=2, home=sim_home)
    session.open()
    session.say(USER_TURNS[0])
    line = session.reply()  # does not raise
    assert line.turn.source == "authored"
    assert line.turn.text in [tidy(f) for f in line.direction.fallbacks]  # the persona's own words
    errors = [e for e in line.events if e.kind == "error"]
    assert len(errors) == 1 and "RuntimeError: CUDA out of memory [bold]x[/]" in errors[0].detail

    generator.fail = None  # the model recovers
    session.say(USER_TURNS[1])
    line = session.reply()
    assert not any(e.kind == "error" for e in line.events) and len(generator.prompts) == 2
    assert line.turn.text and line.turn.intent

    generator.fail = MemoryError()  # not only RuntimeError
    session.say(USER_TURNS[2])
    assert session.reply().turn.source == "authored"
    session.writer.close()
    saved, _ = read_transcript(session.writer.path)
    assert [e.kind for e in saved.events if isinstance(e, SessionEvent)].count("error") == 2
    assert len(saved.turns) == 1 + 2 * 3


PITCHES = [
    "Hi! I'm with Cloudwise, we cut logistics costs by thirty percent with our platform.",
    "Can I get fifteen minutes on your calendar next week for a demo?",
    "Here's my card. Could you introduce me to whoever buys software at your company?",
    "Sign up for our free trial today, it takes two minutes.",
]


def test_a_model_failing_on_the_line_where_the_persona_leaves_records_both_events(sim_home):
    """The error and the persona leaving happen on the same line: two events, two ids
    (they once shared one, and the writer refused the second mid-conversation)."""
    persona = find_persona("ruth-freight-coo", sim_home).persona
    session = new_session(persona, ScriptedGenerator(fail=RuntimeError("boom")), None, home=sim_home)
    session.open()
    talk(session, PITCHES)
    assert session.left and session.save_problem is None
    last = session.head
    kinds = [e.kind for e in session.transcript.events if isinstance(e, SessionEvent) and e.parent == last.id]
    assert kinds == ["error", "persona_left"]
    session.writer.close()
    saved, warnings = read_transcript(session.writer.path)
    assert warnings == [] and saved.events == session.transcript.events


def test_a_model_stopped_mid_generation_says_an_authored_line_at_once(sim_home):
    persona = find_persona("theo-green-room", sim_home).persona
    generator = ScriptedGenerator()
    generator.gate = threading.Event()  # sample() blocks until released or stopped
    session = new_session(persona, generator, None, home=sim_home)
    session.open()
    session.say(USER_TURNS[0])
    stop = threading.Event()
    result = []
    worker = threading.Thread(target=lambda: result.append(session.reply(stop)))
    worker.start()
    time.sleep(0.1)
    stop.set()  # Esc
    worker.join(timeout=5)
    assert not worker.is_alive() and result[0].turn.source == "authored"
    session.say(USER_TURNS[1])  # and the conversation carries on
    generator.gate.set()
    line = session.reply()
    assert line.turn.text and not line.events and len(generator.prompts) == 2


# ---------------------------------------------------------------- SIGKILL, with the real model

CONNECTOR = "\n".join(USER_TURNS * 2) + "\n"


def run_and_kill(home, tmp_path: Path, name: str, when) -> tuple[list[dict], Path]:
    """Run `sim play --json --save`, read its events, SIGKILL it when `when(seen)` says so."""
    path = tmp_path / name
    script = tmp_path / "script.txt"
    script.write_text(CONNECTOR)
    env = {**os.environ, "SIM_HOME": str(home.root)}
    process = subprocess.Popen(
        [sys.executable, "-m", "sim", "play", "--persona", "theo-green-room", "--json", "--seed", "4",
         "--script", str(script), "--save", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    seen: list[dict] = []
    try:
        if not when(seen):
            for line in process.stdout:
                seen.append(json.loads(line))
                if when(seen):
                    break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the play finished before it could be killed"
    return seen, path


def check_nothing_lost(seen: list[dict], path: Path) -> None:
    """Every event printed was on disk first; at most the turn in flight is missing."""
    printed = [e for e in seen if e["type"] in ("user_turn", "persona_line")]
    if not path.exists():
        assert printed == []  # killed before the session began: nothing to lose
        return
    transcript, warnings = read_transcript(path)  # readable (a torn last line only warns)
    saved = {t.id: t.text for t in transcript.turns}
    for event in printed:
        assert saved[event["id"]] == event["text"]
    assert len(saved) - len(printed) <= 1  # the turn in flight, recorded but not yet shown


def persona_lines(seen) -> int:
    return sum(1 for e in seen if e["type"] == "persona_line")


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_at_any_point_loses_at_most_the_turn_in_flight(home_with_model, tmp_path):
    """Killed while the model loads, right after the opening line, mid-reply (after a
    user turn was printed, while the persona's line is being generated), and after a
    few turns."""
    points = {
        "during start-up and model load": lambda seen: time.sleep(3.0) or True,
        "after the opening line": lambda seen: persona_lines(seen) == 1,
        "mid-reply": lambda seen: bool(seen) and seen[-1]["type"] == "user_turn" and persona_lines(seen) == 2,
        "after three replies": lambda seen: persona_lines(seen) == 4,
    }
    for name, when in points.items():
        seen, path = run_and_kill(home_with_model, tmp_path, f"{name.replace(' ', '-')}.jsonl", when)
        check_nothing_lost(seen, path)
        if name == "mid-reply":
            transcript, _ = read_transcript(path)
            # the user's turn was saved before the reply was generated
            assert transcript.turns[-1].speaker == "user" and transcript.turns[-1].id == seen[-1]["id"]
