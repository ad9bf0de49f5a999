"""`sim play`: the whole loop from a script, with the real model, as a coach would run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from sim.store.transcripts import read_transcript

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "docs" / "play-events.schema.json").read_text())

PITCHER = """\
# a networker who only pitches
Hi! I'm with Cloudwise, we cut logistics costs by thirty percent with our platform.
Can I get fifteen minutes on your calendar next week for a demo?
Here's my card. Could you introduce me to whoever buys software at Meridian?
Sign up for our free trial today, it takes two minutes.
Let me send you our deck, what's your email?
We have a promotion this week only, twenty percent off if you sign today.
"""

CONNECTOR = """\
Hi! You look like you're holding this whole hallway together. How's the day going?
That sounds like a lot. What's been the hardest part for you lately?
Forty applications and nothing back, that sounds exhausting. What kind of roles are you going for?
So you have a real Kubernetes cluster at home but nobody reads that far on a resume. How did you build it?
I know someone who hires platform interns at Northwind. I could introduce you, no strings attached.
What would make today a good day for you?
"""


def run_play(home, *args: str, script: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "SIM_HOME": str(home.root)}
    return subprocess.run([sys.executable, "-m", "sim", "play", *args, "--script", "-"], input=script,
                          capture_output=True, text=True, env=env, timeout=timeout)


def events(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.model
def test_pitching_script_ends_with_the_persona_leaving(home_with_model):
    stream = events(run_play(home_with_model, "--persona", "ruth-freight-coo", "--json", script=PITCHER))
    kinds = [e.get("kind") for e in stream if e["type"] == "event"]
    assert "persona_left" in kinds
    summary = stream[-1]
    assert summary["type"] == "summary" and summary["left"] and summary["stopped_early"]
    users = [e for e in stream if e["type"] == "user_turn"]
    assert len(users) <= 2 + 1  # Ruth's patience is 2: gone within patience + 1 turns
    assert all(e["grade"]["pitching"] >= 2 for e in users[1:])


@pytest.mark.model
def test_connecting_script_reveals_the_opportunity(home_with_model):
    stream = events(run_play(home_with_model, "--persona", "theo-green-room", "--json", script=CONNECTOR))
    assert any(e["type"] == "event" and e["kind"] == "opportunity_revealed" for e in stream)
    assert stream[-1]["revealed"] and not stream[-1]["left"]


@pytest.mark.model
def test_json_stream_validates_against_the_documented_schema(home_with_model):
    stream = events(run_play(home_with_model, "--persona", "theo-green-room", "--json",
                             script=CONNECTOR + PITCHER))
    for event in stream:
        jsonschema.validate(event, SCHEMA)
    assert stream[0]["type"] == "persona_line" and stream[-1]["type"] == "summary"


@pytest.mark.model
def test_same_seed_and_script_give_the_same_transcript(home_with_model, tmp_path):
    def conversation(name: str) -> list[tuple]:
        path = tmp_path / name
        run_play(home_with_model, "--persona", "theo-green-room", "--seed", "5", "--save", str(path),
                 script=CONNECTOR)
        transcript, _ = read_transcript(path)
        return [(t.speaker, t.text, t.source, t.grade.to_dict() if t.grade else None)
                for t in transcript.turns]

    first, second = conversation("a.jsonl"), conversation("b.jsonl")
    assert first == second
    assert len(first) == 1 + 2 * len(CONNECTOR.strip().splitlines())


@pytest.mark.model
def test_human_readable_output_and_saved_transcript(home_with_model):
    result = run_play(home_with_model, "--persona", "ruth-freight-coo", script=PITCHER)
    assert result.returncode == 0, result.stderr
    assert "Stopped early" in result.stdout
    assert "pitching 3" in result.stdout
    path = Path(result.stdout.strip().splitlines()[-1].removeprefix("Transcript: "))
    transcript, warnings = read_transcript(path)
    assert not warnings and any(e.kind == "persona_left" for e in transcript.events if hasattr(e, "kind"))


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_mid_conversation_keeps_every_completed_turn(home_with_model, tmp_path):
    path = tmp_path / "killed.jsonl"
    script = tmp_path / "script.txt"
    script.write_text(CONNECTOR * 3)
    env = {**os.environ, "SIM_HOME": str(home_with_model.root)}
    process = subprocess.Popen(
        [sys.executable, "-m", "sim", "play", "--persona", "theo-green-room", "--json",
         "--script", str(script), "--save", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    seen = []
    for line in process.stdout:
        seen.append(json.loads(line))
        if sum(1 for e in seen if e["type"] == "persona_line") == 4:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    transcript, _ = read_transcript(path)
    saved = {t.id: t.text for t in transcript.turns}
    for event in seen:
        if event["type"] in ("user_turn", "persona_line"):
            assert saved[event["id"]] == event["text"]  # every turn printed was on disk first


def test_missing_persona_and_empty_script_are_one_line_errors(sim_home):
    result = run_play(sim_home, "--persona", "nobody-here", script="Hi!\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no persona" in result.stderr.strip().splitlines()[-1]
    result = run_play(sim_home, "--persona", "theo-green-room", script="# only a comment\n\n")
    assert result.returncode == 2 and "no user turns" in result.stderr
