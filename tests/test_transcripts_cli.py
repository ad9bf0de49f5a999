"""`sim export`, `sim history`, `sim progress` through the real command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import transcript_samples as samples
from click.testing import CliRunner

from sim.cli import cli
from sim.core.transcript import SessionEvent, Turn
from sim.store.transcripts import TranscriptWriter


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def save(sim_home, started_at: str, levels: list[tuple[int, int, int]], end: str | None = "ended", **extra) -> Path:
    """A session with one user turn per level triple, on a single branch."""
    session_id = extra.pop("session_id", started_at[:10])
    writer = TranscriptWriter.create(samples.header(started_at, session_id=session_id, **extra), home=sim_home)
    parent = None
    for n, (lis, hlp, pit) in enumerate(levels, 1):
        writer.append(Turn(f"p{n}", parent, "persona", "Tell me more.", started_at, source="lm", intent="small_talk"))
        writer.append(Turn(f"u{n}", f"p{n}", "user", f"turn {n}", started_at, grade=samples.grade(lis, hlp, pit)))
        parent = f"u{n}"
    if end:
        writer.append(SessionEvent("end", parent, end, started_at))
    writer.close()
    return writer.path


def three_sessions(sim_home) -> list[Path]:
    return [
        save(sim_home, "2026-11-01T10:00:00+00:00", [(0, 0, 3), (1, 0, 2)], "persona_left"),
        save(sim_home, "2026-11-10T10:00:00+00:00", [(2, 1, 1), (2, 1, 0)]),
        save(sim_home, "2026-11-20T10:00:00+00:00", [(3, 2, 0), (3, 3, 0), (2, 2, 0)], "opportunity_revealed"),
    ]


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ------------------------------------------------------------------ export


def test_export_markdown_to_stdout(sim_home):
    path = save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0)])
    result = run("export", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith("# Conversation with Theo Brandt")
    assert "listening 2 · helpfulness 1 · pitching 0" in result.stdout


def test_export_html_to_a_private_file(sim_home, tmp_path):
    path = save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0)])
    out = tmp_path / "for-coach.html"
    result = run("export", str(path), "--out", str(out))  # the format follows the suffix
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith("<!doctype html>") and "<svg" in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = run("export", str(path), "--format", "html", "--out", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("export", str(path), "--format", "html", "--out", str(out), "--force").exit_code == 0


def test_export_a_branch(sim_home, tmp_path):
    path = tmp_path / "s.jsonl"
    with TranscriptWriter.create(samples.header(), path=path) as writer:
        for event in samples.events():
            writer.append(event)
    assert "That sounds exhausting" in run("export", str(path), "--branch", "1").stdout
    assert "That sounds exhausting" not in run("export", str(path)).stdout
    result = run("export", str(path), "--branch", "3")
    assert result.exit_code == 2 and result.stderr.strip().endswith("no branch 3: this transcript has 2")


def test_export_never_writes_over_its_source(sim_home):
    path = save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0)])
    before = snapshot(path)
    result = run("export", str(path), "--out", str(path), "--force")
    assert result.exit_code == 2 and "the transcript itself" in result.stderr
    assert snapshot(path) == before


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"hello\nworld\n", "line 1: not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    ],
)
def test_export_of_a_missing_or_corrupt_file_is_one_line(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    if content is not None:
        path.write_bytes(content)
        before = snapshot(path)
    result = run("export", str(path), "--format", "html")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("sim: ") and message in result.stderr
    if content is not None:
        assert snapshot(path) == before


def test_a_torn_file_exports_with_a_warning(sim_home):
    path = save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0)], end=None)
    with open(path, "ab") as file:
        file.write(b'{"type": "tu')
    result = run("export", str(path))
    assert result.exit_code == 0 and "warning" in result.stderr and "incomplete" in result.stderr


# ------------------------------------------------------------------ history


def test_history_with_no_sessions(sim_home):
    result = run("history")
    assert result.exit_code == 0 and "No saved conversations yet" in result.stdout
    assert json.loads(run("history", "--json").stdout) == []


def test_history_with_one_session(sim_home):
    path = save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0), (3, 2, 0)], "opportunity_revealed")
    lines = run("history").stdout.splitlines()
    assert lines[0].split() == ["DATE", "PERSONA", "OUTCOME", "TURNS", "LIS", "HLP", "PIT"]
    assert "Theo Brandt" in lines[1] and "opportunity revealed" in lines[1]
    assert lines[1].split()[-4:] == ["2", "2.5", "1.5", "0.0"]
    assert lines[2].strip() == path.name


def test_history_newest_first_with_outcomes_and_an_unreadable_file(sim_home):
    paths = three_sessions(sim_home)
    (sim_home.transcripts / "broken.jsonl").write_text("{}\n")
    out = run("history").stdout
    assert all(len(line) <= 80 for line in out.splitlines() if "Files:" not in line)
    rows = [line for line in out.splitlines() if line.startswith("2026")]
    assert [r.split()[0] for r in rows] == ["2026-11-20", "2026-11-10", "2026-11-01"]
    assert "opportunity revealed" in rows[0] and "persona left" in rows[2]
    assert "?                 unreadable         line 1: not a sim transcript" in out
    assert "                  broken.jsonl" in out
    data = json.loads(run("history", "--json").stdout)
    readable = [d for d in data if d["problem"] is None]
    assert [d["path"] for d in readable] == [str(p) for p in reversed(paths)]
    assert readable[0]["averages"] == {"listening": 2.67, "helpfulness": 2.33, "pitching": 0.0}
    assert readable[1]["outcome"] == "ended" and readable[1]["user_turns"] == 2


# ------------------------------------------------------------------ progress


def test_progress_with_no_sessions(sim_home):
    result = run("progress")
    assert result.exit_code == 0 and "No graded sessions yet" in result.stdout


def test_progress_with_one_session(sim_home):
    save(sim_home, "2026-11-01T10:00:00+00:00", [(2, 1, 0)])
    result = run("progress")
    assert result.exit_code == 0 and "Only one graded session so far" in result.stdout
    assert "at least two" in result.stdout
    data = json.loads(run("progress", "--json").stdout)
    assert len(data["sessions"]) == 1 and data["trend"] == {}


def test_progress_with_three_sessions(sim_home):
    three_sessions(sim_home)
    out = run("progress").stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "3 sessions" in out
    assert "Listening (higher is better): 0.5 -> 2.7, improving" in out
    assert "Pitching (lower is better): 2.5 -> 0.0, improving" in out
    chart = out.splitlines()
    top = chart.index(next(line for line in chart if line.startswith("Listening"))) + 1
    # rows 3, 2, 1 then the axis; oldest on the left: the last bar is the tallest
    assert [line[:5] for line in chart[top: top + 4]] == ["  3 ┤", "  2 ┤", "  1 ┤", "  0 ┼"]
    assert chart[top + 2] == "  1 ┤▄▄ ██ ██"  # 0.5, then full for 2.0 and 2.67
    assert chart[top].endswith("▅▅")  # 2.67: two thirds of the top level
    data = json.loads(run("progress", "--json").stdout)
    assert [s["started_at"][:10] for s in data["sessions"]] == ["2026-11-01", "2026-11-10", "2026-11-20"]
    assert data["trend"]["pitching"]["verdict"] == "improving" and data["trend"]["pitching"]["slope"] < 0


def test_progress_skips_ungraded_and_unreadable_sessions(sim_home):
    three_sessions(sim_home)
    save(sim_home, "2026-11-25T10:00:00+00:00", [])  # nothing graded yet
    (sim_home.transcripts / "broken.jsonl").write_bytes(b"\x00")
    out = run("progress").stdout
    assert "3 sessions" in out and "1 unreadable file skipped" in out


def test_progress_shows_the_last_sessions_when_there_are_many(sim_home):
    for day in range(1, 31):
        save(sim_home, f"2026-10-{day:02d}T10:00:00+00:00", [(day % 4, 1, 0)], session_id=f"s{day}")
    out = run("progress").stdout
    assert "30 sessions, showing the last 24" in out
    assert all(len(line) <= 80 for line in out.splitlines())
