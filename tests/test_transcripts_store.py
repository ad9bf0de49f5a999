"""Transcripts on disk: round trips, branches, torn lines, hostile files, failing disks."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import transcript_samples as samples

from sim.core import transcript as core
from sim.core.transcript import SessionEvent, TranscriptError, Turn
from sim.store import transcripts as store
from sim.store.transcripts import (
    TranscriptWriteError,
    TranscriptWriter,
    list_transcripts,
    read_transcript,
    safe_name,
)

FIXTURE = Path(__file__).parent / "data" / "transcripts" / "v1_session.jsonl"


def write_sample(path: Path | None = None, sim_home=None) -> TranscriptWriter:
    writer = TranscriptWriter.create(samples.header(), path=path, home=sim_home)
    for event in samples.events():
        writer.append(event)
    writer.close()
    return writer


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ------------------------------------------------------------------ round trip


def test_every_event_type_round_trips(sim_home):
    writer = write_sample(sim_home=sim_home)
    loaded, warnings = read_transcript(writer.path)
    assert warnings == []
    assert loaded.header == samples.header()
    assert loaded.events == samples.events()
    kinds = {e.kind for e in loaded.events if isinstance(e, SessionEvent)}
    assert kinds == {"persona_left", "opportunity_revealed", "ended", "error"}
    t2, t3 = loaded.by_id()["t2"], loaded.by_id()["t3"]
    assert t2.grade.evidence[0].quote == "How is the green room today?"
    assert t2.grade.tip == "Build on a detail they gave."
    assert (t3.source, t3.intent, t3.director["trust"]) == ("lm", "share_challenge", 0.5)
    assert t3.rejected == ({"text": "As an AI, I can't.", "reason": "claims to be an AI"},)
    assert loaded.by_id()["t8"].copied and not t3.copied


def test_header_is_the_first_line_and_every_line_is_json(sim_home):
    writer = write_sample(sim_home=sim_home)
    lines = writer.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["type"] == "header"
    assert len(lines) == 1 + len(samples.events())
    assert all(json.loads(line)["type"] in ("turn", "event") for line in lines[1:])


def test_branches_survive_the_round_trip(sim_home):
    loaded, _ = read_transcript(write_sample(sim_home=sim_home).path)
    branches = loaded.branches()
    assert [[t.id for t in b] for b in branches] == [["t1", "t2", "t3", "t4", "t5"], ["t1", "t2", "t3", "t7", "t8"]]
    assert loaded.branch()[-1].id == "t8"  # the head is the last turn written


def test_the_v1_fixture_keeps_loading():
    """Checked in as written by format version 1: later versions must read it."""
    before = snapshot(FIXTURE)
    loaded, warnings = read_transcript(FIXTURE)
    assert warnings == []
    assert json.loads(FIXTURE.read_text().splitlines()[0])["version"] == 1
    assert loaded.header.persona["name"] == "Theo Brandt"
    assert len(loaded.turns) == 7 and len(loaded.branches()) == 2
    assert loaded.by_id()["t7"].grade.pitching == 3
    assert loaded.by_id()["e6"].kind == "opportunity_revealed"
    assert snapshot(FIXTURE) == before


def test_an_upgrade_step_maps_old_lines(monkeypatch):
    """The migration hook: pretend the current version is 2 and v1 lines need a step."""
    for module in (core, store):
        monkeypatch.setattr(module, "VERSION", 2)
        monkeypatch.setattr(module, "READABLE_VERSIONS", frozenset({1, 2}))

    def v1_to_v2(line: dict) -> dict:
        if line.get("type") == "turn":
            line["text"] = line["text"].upper()
        return line

    monkeypatch.setattr(store, "UPGRADES", {1: v1_to_v2})
    loaded, _ = read_transcript(FIXTURE)
    assert loaded.header.version == 2
    assert loaded.by_id()["t1"].text == "OH, SORRY, ARE YOU A SPEAKER? NO? OKAY GOOD."
    with pytest.raises(TranscriptError, match="format version 1"):
        TranscriptWriter.open_existing(FIXTURE)  # never mix versions in one file


# ------------------------------------------------------------------ files and names


def test_files_are_private(sim_home):
    writer = write_sample(sim_home=sim_home)
    assert stat.S_IMODE(writer.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(sim_home.transcripts.stat().st_mode) == 0o700
    assert writer.path.parent == sim_home.transcripts


@pytest.mark.parametrize(
    "persona_id",
    ["../../x", "/etc/passwd", "..", "Zoë 🎉 ünïcode", "a" * 5000, "", "\x00\n\t", "CON", "x/../../y\\z"],
)
def test_safe_names_for_hostile_persona_ids(sim_home, persona_id):
    header = samples.header(persona={"id": persona_id, "name": persona_id}, session_id="../../s\x00")
    writer = TranscriptWriter.create(header, home=sim_home)
    writer.close()
    assert writer.path.parent == sim_home.transcripts
    assert re.fullmatch(r"[a-z0-9\-_T.]+", writer.path.name), writer.path.name
    assert len(writer.path.name) < 100
    assert not writer.path.name.startswith(".")
    assert read_transcript(writer.path)[0].header.persona["id"] == persona_id


def test_name_shape():
    assert safe_name(samples.header()) == "2026-11-26T14-03-12_theo-green-room_5f1c9a7e.jsonl"


def test_the_same_name_twice_never_clobbers(sim_home):
    first = write_sample(sim_home=sim_home).path
    second = write_sample(sim_home=sim_home).path
    assert first != second and first.exists() and second.exists()


def test_an_explicit_path_is_never_clobbered(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text("precious\n")
    with pytest.raises(TranscriptWriteError) as caught:
        TranscriptWriter.create(samples.header(), path=path)
    assert path.read_text() == "precious\n"
    assert caught.value.writer.transcript.header == samples.header()


# ------------------------------------------------------------------ torn and broken files


def test_a_torn_last_line_loads_with_a_warning(sim_home):
    path = write_sample(sim_home=sim_home).path
    with open(path, "ab") as file:
        file.write(b'{"type": "turn", "id": "t12", "parent": "t8", "spea')
    before = snapshot(path)
    loaded, warnings = read_transcript(path)
    assert len(loaded.events) == len(samples.events())
    assert len(warnings) == 1 and "line 13" in warnings[0] and "incomplete" in warnings[0]
    assert snapshot(path) == before


def test_a_complete_last_line_without_its_newline_loads(sim_home):
    path = write_sample(sim_home=sim_home).path
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    loaded, warnings = read_transcript(path)
    assert warnings == [] and len(loaded.events) == len(samples.events())


def _corrupt_middle(path: Path) -> None:
    lines = path.read_bytes().splitlines(keepends=True)
    lines[3] = b'{"type": "turn", oops\n'
    path.write_bytes(b"".join(lines))


def _replace_line(number: int, data: dict):
    def change(path: Path) -> None:
        lines = path.read_bytes().splitlines(keepends=True)
        lines[number - 1] = json.dumps(data).encode() + b"\n"
        path.write_bytes(b"".join(lines))

    return change


def _header_with(**changes):
    return _replace_line(1, {**samples.header().to_dict(), **changes})


BROKEN = {
    "corrupt middle line": (_corrupt_middle, "line 4: not valid JSON"),
    "not a sim transcript": (_header_with(format="something-else"), "line 1: not a sim transcript"),
    "future version": (_header_with(version=99), "line 1: written by a newer sim"),
    "unknown version": (_header_with(version=0), "line 1: unknown format version 0"),
    "unknown line type": (_replace_line(3, {"type": "poll", "id": "x"}), "line 3: unknown line type 'poll'"),
    "unknown event kind": (
        _replace_line(3, {"type": "event", "id": "x", "parent": "t1", "kind": "party", "time": ""}),
        "line 3: unknown session event 'party'",
    ),
    "a second header": (_replace_line(4, samples.header().to_dict()), "line 4: unknown line type 'header'"),
    "duplicate id": (
        _replace_line(3, {"type": "event", "id": "t1", "parent": None, "kind": "ended", "time": ""}),
        "line 3: duplicate id 't1'",
    ),
    "unknown parent": (
        _replace_line(3, {"type": "event", "id": "z", "parent": "t99", "kind": "ended", "time": ""}),
        "line 3: parent 't99'",
    ),
    "empty line": (lambda p: p.write_bytes(p.read_bytes().replace(b"\n", b"\n\n", 1)), "line 2: empty line"),
    "binary garbage": (lambda p: p.write_bytes(os.urandom(512) + b"\0\n"), "binary file"),
    "empty file": (lambda p: p.write_bytes(b""), "empty file"),
    "not utf-8": (lambda p: p.write_bytes(p.read_bytes() + b'{"x": "\xff\xfe"}\n'), "line 13: not valid JSON"),
    "deep nesting": (lambda p: p.write_bytes(p.read_bytes() + b"[" * 200_000 + b"\n"), "line 13: not valid JSON"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_files_are_one_line_errors_and_untouched(sim_home, case):
    breaker, message = BROKEN[case]
    path = write_sample(sim_home=sim_home).path
    breaker(path)
    before = snapshot(path)
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    text = str(caught.value)
    assert "\n" not in text and len(text) < 400
    assert str(path) in text and message in text
    with pytest.raises(TranscriptError):
        TranscriptWriter.open_existing(path)
    assert snapshot(path) == before


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(TranscriptError, match="no such file"):
        read_transcript(tmp_path / "nope.jsonl")
    with pytest.raises(TranscriptError, match="is a folder"):
        read_transcript(tmp_path)


def test_size_limits(sim_home, monkeypatch):
    path = write_sample(sim_home=sim_home).path
    monkeypatch.setattr(store, "MAX_LINE_BYTES", 600)
    with pytest.raises(TranscriptError, match=r"line 1: line longer than 600 bytes"):
        read_transcript(path)
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    with pytest.raises(TranscriptError, match="too large"):
        read_transcript(path)


def test_error_messages_stay_on_one_line_for_odd_paths(tmp_path):
    path = tmp_path / "bad\nname.jsonl"
    path.write_bytes(b"not json\n")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert "\n" not in str(caught.value) and "bad\\nname" in str(caught.value)


# ------------------------------------------------------------------ failing disks


def _turn(n: int, parent: str | None) -> Turn:
    return Turn(f"x{n}", parent, "user", f"line {n}", "2026-11-26T15:00:00+00:00")


class FailingWrites:
    """os.write that fails with a full disk after `good` successful calls; the failing
    call first writes half its bytes, as a real partial write would."""

    def __init__(self, good: int = 0, error: int = errno.ENOSPC):
        self.good, self.error, self.real = good, error, os.write

    def __call__(self, fd, data):
        if self.good > 0:
            self.good -= 1
            return self.real(fd, data)
        self.real(fd, bytes(data[: len(data) // 2]))
        raise OSError(self.error, os.strerror(self.error))


def test_a_full_disk_keeps_everything_in_memory_and_save_as_works(sim_home, tmp_path, monkeypatch):
    writer = TranscriptWriter.create(samples.header(), home=sim_home)
    writer.append(_turn(1, None))
    monkeypatch.setattr(store.os, "write", FailingWrites())
    with pytest.raises(TranscriptWriteError) as caught:
        writer.append(_turn(2, "x1"))
    message = str(caught.value)
    assert "\n" not in message and "No space left" in message and "1 unsaved line" in message
    with pytest.raises(TranscriptWriteError, match="2 unsaved lines"):
        writer.append(_turn(3, "x2"))
    assert [e.id for e in writer.transcript.events] == ["x1", "x2", "x3"]
    # the file was cut back to its last complete line: still readable, no torn tail
    on_disk, warnings = read_transcript(writer.path)
    assert [e.id for e in on_disk.events] == ["x1"] and warnings == []
    monkeypatch.undo()
    elsewhere = writer.save_as(tmp_path / "rescued.jsonl")
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o600
    assert read_transcript(elsewhere)[0].events == writer.transcript.events
    writer.append(_turn(4, "x3"))  # carries on in the new file
    writer.close()
    assert [e.id for e in read_transcript(elsewhere)[0].events] == ["x1", "x2", "x3", "x4"]


def test_writing_resumes_when_the_disk_clears(sim_home, monkeypatch):
    writer = TranscriptWriter.create(samples.header(), home=sim_home)
    monkeypatch.setattr(store.os, "write", FailingWrites())
    with pytest.raises(TranscriptWriteError):
        writer.append(_turn(1, None))
    monkeypatch.undo()
    writer.append(_turn(2, "x1"))  # writes both pending lines
    assert writer.error is None and writer.unsaved == 0
    writer.close()
    assert [e.id for e in read_transcript(writer.path)[0].events] == ["x1", "x2"]


def test_a_failing_fsync_is_a_write_error(sim_home, monkeypatch):
    writer = TranscriptWriter.create(samples.header(), home=sim_home)

    def no_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(store.os, "fsync", no_fsync)
    with pytest.raises(TranscriptWriteError, match="Input/output error"):
        writer.append(_turn(1, None))
    assert writer.transcript.events == [_turn(1, None)]


def test_every_line_is_fsynced(sim_home, monkeypatch):
    calls = []
    real = os.fsync
    monkeypatch.setattr(store.os, "fsync", lambda fd: (calls.append(fd), real(fd)))
    write_sample(sim_home=sim_home)
    assert len(calls) == 1 + len(samples.events())


def test_a_folder_that_refuses_files_still_keeps_the_session(sim_home, tmp_path, monkeypatch):
    """A read-only folder (simulated: tests may run as root, where modes do not stop writes)."""
    real_open = os.open

    def refuse(path, flags, mode=0o777):
        if flags & os.O_CREAT and Path(path).parent == sim_home.transcripts:
            raise PermissionError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(store.os, "open", refuse)
    with pytest.raises(TranscriptWriteError, match="Read-only file system") as caught:
        TranscriptWriter.create(samples.header(), home=sim_home)
    writer = caught.value.writer
    with pytest.raises(TranscriptWriteError):
        writer.append(_turn(1, None))
    assert writer.transcript.events == [_turn(1, None)]
    saved = writer.save_as(tmp_path)  # a folder: a safe name inside
    assert saved.parent == tmp_path
    assert read_transcript(saved)[0].events == [_turn(1, None)]


def test_save_as_never_overwrites(sim_home, tmp_path):
    writer = write_sample(sim_home=sim_home)
    target = tmp_path / "taken.jsonl"
    target.write_text("keep me")
    with pytest.raises(TranscriptWriteError, match="File exists"):
        writer.save_as(target)
    assert target.read_text() == "keep me"


def test_the_writer_refuses_events_the_reader_would_refuse(sim_home):
    writer = TranscriptWriter.create(samples.header(), home=sim_home)
    writer.append(_turn(1, None))
    with pytest.raises(TranscriptError, match="duplicate"):
        writer.append(_turn(1, None))
    with pytest.raises(TranscriptError, match="parent"):
        writer.append(_turn(2, "nope"))
    writer.close()
    assert len(read_transcript(writer.path)[0].events) == 1


# ------------------------------------------------------------------ continuing a file


def test_open_existing_appends_a_new_branch(sim_home):
    path = write_sample(sim_home=sim_home).path
    with TranscriptWriter.open_existing(path) as writer:
        writer.append(Turn("t12", "t2", "user", "Different line this time.", "2026-11-27T09:00:00+00:00"))
    loaded, _ = read_transcript(path)
    assert len(loaded.branches()) == 3 and loaded.head.id == "t12"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_open_existing_cuts_a_torn_tail_before_appending(sim_home):
    path = write_sample(sim_home=sim_home).path
    with open(path, "ab") as file:
        file.write(b'{"type": "tu')
    with TranscriptWriter.open_existing(path) as writer:
        assert "incomplete" in writer.warnings[0]
        writer.append(_turn(1, "t8"))
    loaded, warnings = read_transcript(path)
    assert warnings == [] and loaded.head.id == "x1"


def test_open_existing_restores_a_missing_final_newline(sim_home):
    path = write_sample(sim_home=sim_home).path
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    with TranscriptWriter.open_existing(path) as writer:
        writer.append(_turn(1, "t8"))
    assert read_transcript(path)[0].head.id == "x1"


CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    import transcript_samples as samples
    from sim.core.transcript import Turn
    from sim.store.transcripts import TranscriptWriter

    writer = TranscriptWriter.create(samples.header())
    print(writer.path, flush=True)
    parent = None
    for n in range(1, 100000):
        writer.append(Turn(f"x{{n}}", parent, "user", "word " * 200, "2026-11-26T15:00:00"))
        parent = f"x{{n}}"
        print(n, flush=True)
    """
)


def test_a_killed_writer_leaves_every_completed_line(sim_home):
    """SIGKILL a process mid-stream: every line it reported as written is there."""
    code = CHILD.format(tests=str(Path(__file__).parent))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    path = Path(child.stdout.readline().strip())
    acknowledged = 0
    deadline = time.monotonic() + 30
    while acknowledged < 25 and time.monotonic() < deadline:
        acknowledged = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    loaded, _ = read_transcript(path)
    assert acknowledged >= 25
    assert len(loaded.events) >= acknowledged
    assert [e.id for e in loaded.events[:acknowledged]] == [f"x{n}" for n in range(1, acknowledged + 1)]


# ------------------------------------------------------------------ history


def test_list_transcripts_newest_first_and_unreadable_listed(sim_home):
    assert list_transcripts(sim_home) == []
    older = TranscriptWriter.create(samples.header("2026-11-01T09:00:00+00:00", session_id="a1"), home=sim_home)
    older.append(_turn(1, None))
    older.close()
    newer = write_sample(sim_home=sim_home)
    (sim_home.transcripts / "junk.jsonl").write_bytes(b"\x00\x01 not a transcript")
    os.utime(sim_home.transcripts / "junk.jsonl", (0, 0))  # unreadable: sorted by file time
    summaries = list_transcripts(sim_home)
    assert [s.path.name for s in summaries] == [newer.path.name, older.path.name, "junk.jsonl"]
    newest, oldest, junk = summaries
    # the current branch is the second one (t2, then the pitch t7), not the first
    assert newest.outcome == "persona left" and newest.user_turns == 2
    assert newest.averages == {"listening": 1.0, "helpfulness": 0.0, "pitching": 1.5}
    assert oldest.outcome == "unfinished" and oldest.averages is None and oldest.user_turns == 1
    assert not junk.readable and "binary" in junk.problem and junk.outcome == "unreadable"


def test_text_that_is_not_valid_unicode_is_escaped_not_lost(sim_home):
    writer = TranscriptWriter.create(samples.header(), home=sim_home)
    writer.append(Turn("x1", None, "user", "broken paste \udc80 and café", "2026"))
    writer.append(_turn(2, "x1"))
    writer.close()
    loaded, _ = read_transcript(writer.path)
    assert loaded.events[0].text == "broken paste \udc80 and café"
    assert [e.id for e in loaded.events] == ["x1", "x2"] and writer.error is None
