"""Hostile files, through the real entry point (`python -m sim ...` in a subprocess) and
through the functions: each is refused with one line on stderr starting `sim:`, the
documented exit status, no traceback, no hang, and nothing written outside SIM_HOME and
the named output (checked by snapshotting the whole temporary tree before and after).

Function-level cases that already have tests elsewhere (test_cards.py for PNG and JSON
cards, test_personas.py for persona folders, test_transcripts_store.py for transcripts)
are not repeated here; this file adds the CLI view and the file-system tricks.
"""

from __future__ import annotations

import base64
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import transcript_samples as samples

from sim.core.cards import MAX_TEXT_CHUNK, PNG_SIGNATURE
from sim.core.tomlfile import FileProblems
from sim.core.transcript import TranscriptError
from sim.store.config import Config, load_config
from sim.store.paths import Home, builtin_personas_dir
from sim.store.personas import load_catalog
from sim.store.transcripts import TranscriptWriter, list_transcripts, read_transcript

THEO = builtin_personas_dir() / "theo-green-room.toml"
TIMEOUT = 60  # a reader that blocks on a FIFO or reads /dev/zero would hit this


# ---------------------------------------------------------------- the sandbox


def tree(root: Path) -> dict[str, tuple]:
    """Every path under root (links not followed): kind, size, content hash, mode."""
    found = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path)] = ("file", info.st_size, zlib.crc32(path.read_bytes()), info.st_mode)
            else:
                found[str(path)] = ("other", info.st_mode)
    return found


class Sandbox:
    """A temporary tree: SIM_HOME, a folder of hostile files, and an 'outside' folder
    that links point into and that must never change."""

    def __init__(self, root: Path, home: Home):
        self.root, self.home = root, home
        self.files = root / "files"
        self.outside = root / "outside"
        for folder in (self.files, self.outside, home.personas, home.transcripts):
            folder.mkdir(parents=True, exist_ok=True)
        (self.outside / "secret.toml").write_text(THEO.read_text())
        (self.outside / "precious.txt").write_text("do not touch\n")

    def file(self, name: str, data: bytes | str) -> Path:
        path = self.files / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    def sim(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
        env = {**os.environ, "SIM_HOME": str(self.home.root)}
        return subprocess.run([sys.executable, "-m", "sim", *args], input=stdin, capture_output=True,
                              text=True, env=env, cwd=self.files, timeout=TIMEOUT)

    def refused(self, args: list[str], status: int, reason: str, *, output: Path | None = None,
                stdin: str = "") -> str:
        """Run a command that must be refused; return its one line."""
        before = tree(self.root)
        result = self.sim(*args, stdin=stdin)
        assert result.returncode == status, (result.returncode, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("sim: "), result.stderr
        assert reason in lines[0]
        assert tree(self.root) == before, "a refused command changed the file tree"
        assert output is None or not output.exists()
        return lines[0]

    def changes(self, before: dict) -> set[str]:
        after = tree(self.root)
        return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@pytest.fixture
def box(tmp_path, sim_home) -> Sandbox:
    return Sandbox(tmp_path, sim_home)


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(*chunks: bytes) -> bytes:
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    return PNG_SIGNATURE + header + b"".join(chunks) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def card_bytes(**fields) -> bytes:
    data = {"name": "Ines Carvalho", "description": "{{char}} restores pianos.", "first_mes": "Hello."}
    return json.dumps({"spec": "chara_card_v2", "spec_version": "2.0", "data": {**data, **fields}}).encode()


def transcript_file(box: Sandbox, name: str, **header_changes) -> Path:
    path = box.files / name
    writer = TranscriptWriter.create(samples.header(), path=path)
    for event in samples.events():
        writer.append(event)
    writer.close()
    if header_changes:
        lines = path.read_text().splitlines()
        lines[0] = json.dumps({**json.loads(lines[0]), **header_changes})
        path.write_text("\n".join(lines) + "\n")
    return path


# ---------------------------------------------------------------- cards


GOOD_PNG = png(chunk(b"tEXt", b"chara\0" + base64.b64encode(card_bytes())))

CARDS = {
    "tEXt chunk over 10 MB": (png(chunk(b"tEXt", b"chara\0" + b"A" * (MAX_TEXT_CHUNK + 1))), "over the 10 MB limit"),
    "truncated PNG": (GOOD_PNG[: len(GOOD_PNG) // 2], "truncated PNG"),
    "base64 garbage": (png(chunk(b"tEXt", b"chara\0!!!%%%not*base64")), "not valid base64"),
    "JSON garbage": (b'{"spec": "chara_card_v2", "data": {"name": ', "not valid JSON"),
    "JSON garbage in a PNG": (png(chunk(b"tEXt", b"chara\0" + base64.b64encode(b"{nope"))), "not valid JSON"),
    "deeply nested JSON": (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "nested more than 64 levels"),
    "a JPEG": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "neither a PNG nor UTF-8"),
}


@pytest.mark.parametrize("case", CARDS)
def test_hostile_cards_are_refused_by_sim_personas_import(box, case):
    data, reason = CARDS[case]
    card = box.file("card.png", data)
    out = box.files / "out.toml"
    box.refused(["personas", "import", str(card)], 2, reason)
    box.refused(["personas", "import", str(card), "--out", str(out)], 2, reason, output=out)


def test_a_card_whose_persona_id_is_a_path_imports_inside_sim_home(box):
    """The card's own persona (extensions.sim) says id '../../x': it is not a valid
    persona, so the card is mapped instead, under an id made from its name."""
    from sim.store.personas import load_persona_file

    stored = load_persona_file(THEO).model_dump(mode="json")
    card = box.file("card.json", card_bytes(name="../../x", extensions={"sim": {"persona": {**stored, "id": "../../x"}}}))
    before = tree(box.root)
    result = box.sim("personas", "import", str(card))
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written == box.home.personas / "x.toml"
    assert box.changes(before) == {str(written)}


# ---------------------------------------------------------------- persona ids and folders


def test_a_persona_id_like_a_path_is_refused_everywhere(box):
    script = box.file("script.txt", "Hi, how is the day going?\n")
    out = box.files / "card.json"
    box.refused(["personas", "export", "../../x"], 2, "invalid persona id '../../x'")
    box.refused(["personas", "export", "../../x", "--out", str(out)], 2, "invalid persona id", output=out)
    box.refused(["play", "--persona", "../../x", "--script", str(script)], 2, "invalid persona id")
    box.refused(["grade", "--text", "Hi", "--persona", "../../x"], 2, "invalid persona id")


def test_a_persona_file_whose_id_is_a_path_is_reported_not_loaded(box):
    text = THEO.read_text().replace('id = "theo-green-room"', 'id = "../../x"')
    (box.home.personas / "x.toml").write_text(text)
    before = tree(box.root)
    listed = box.sim("personas", "list")
    assert listed.returncode == 0 and "../../x" not in listed.stdout
    assert listed.stderr.startswith("sim: 1 persona file(s) did not load")
    checked = box.sim("personas", "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert f"{box.home.personas / 'x.toml'}:3: id: String should match pattern" in checked.stdout
    assert box.changes(before) == set()


def test_symlinks_in_the_persona_folder_are_refused_and_never_written_through(box):
    target = box.outside / "secret.toml"
    (box.home.personas / "theo-green-room.toml").symlink_to(target)
    (box.home.personas / "ines-carvalho.toml").symlink_to(box.outside / "precious.txt")
    before = tree(box.root)
    listed = box.sim("personas", "list")
    assert listed.returncode == 0 and "did not load" in listed.stderr
    checked = box.sim("personas", "check")
    assert checked.returncode == 1 and checked.stdout.count("is a symbolic link") == 2
    card = box.file("ines.json", card_bytes())
    box.refused(["personas", "import", str(card), "--force"], 2, "is a symbolic link; refusing to write")
    export_out = box.files / "link.json"
    export_out.symlink_to(box.outside / "precious.txt")
    box.refused(["personas", "export", "dana-career-fair", "--out", str(export_out), "--force"], 2,
                "symbolic link")
    assert box.changes(before) == {str(card), str(export_out)}  # made by this test, not by sim
    assert (box.outside / "precious.txt").read_text() == "do not touch\n"


def test_a_persona_file_with_a_5000_digit_number_is_a_problem_not_a_crash(box):
    (box.home.personas / "big.toml").write_text(THEO.read_text().replace("patience = ", "patience = " + "9" * 5000 + "#"))
    listed = box.sim("personas", "list")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr and "did not load" in listed.stderr
    checked = box.sim("personas", "check", str(box.home.personas / "big.toml"))
    assert checked.returncode == 1 and "a number is too long" in checked.stdout


# ---------------------------------------------------------------- transcripts


def test_a_transcript_from_a_newer_sim_is_refused(box):
    path = transcript_file(box, "future.jsonl", version=99)
    out = box.files / "future.html"
    reason = "line 1: written by a newer sim (format version 99; this one reads up to 1)"
    box.refused(["export", str(path)], 2, reason)
    box.refused(["export", str(path), "--format", "html", "--out", str(out)], 2, reason, output=out)
    box.refused(["replay", str(path)], 2, reason)
    with pytest.raises(TranscriptError, match="newer sim"):
        TranscriptWriter.open_existing(path)


def special_paths(box: Sandbox) -> dict[str, Path]:
    fifo = box.files / "fifo.jsonl"
    os.mkfifo(fifo)
    zero = box.files / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    folder = box.files / "folder.jsonl"
    folder.mkdir()
    to_folder = box.files / "to-folder.jsonl"
    to_folder.symlink_to(box.outside)
    return {"a FIFO": fifo, "a link to /dev/zero": zero, "a folder": folder, "a link to a folder": to_folder}


REASONS = {"a FIFO": "not a regular file", "a link to /dev/zero": "not a regular file",
           "a folder": "is a folder", "a link to a folder": "is a folder"}


def test_a_transcript_path_that_is_a_fifo_a_device_or_a_folder_never_hangs(box):
    for kind, path in special_paths(box).items():
        out = box.files / "out.html"
        box.refused(["export", str(path)], 2, REASONS[kind])
        box.refused(["export", str(path), "--out", str(out)], 2, REASONS[kind], output=out)
        box.refused(["replay", str(path)], 2, REASONS[kind])
        with pytest.raises(TranscriptError, match=REASONS[kind]):
            read_transcript(path)
        with pytest.raises(TranscriptError):
            TranscriptWriter.open_existing(path)


def test_special_files_in_the_transcripts_folder_are_listed_as_unreadable(box):
    good = transcript_file(box, "good.jsonl")
    os.replace(good, box.home.transcripts / "good.jsonl")
    os.mkfifo(box.home.transcripts / "fifo.jsonl")
    (box.home.transcripts / "zero.jsonl").symlink_to("/dev/zero")
    (box.home.transcripts / "dir.jsonl").mkdir()
    summaries = {s.path.name: s for s in list_transcripts(box.home)}
    assert summaries["good.jsonl"].readable
    for name in ("fifo.jsonl", "zero.jsonl", "dir.jsonl"):
        assert not summaries[name].readable and summaries[name].problem
    before = tree(box.root)
    result = box.sim("history")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.count("unreadable") == 3
    assert box.changes(before) == set()


def test_export_never_writes_through_a_link_it_was_given_as_output(box):
    path = transcript_file(box, "good.jsonl")
    link = box.files / "link.md"
    link.symlink_to(box.outside / "precious.txt")
    box.refused(["export", str(path), "--out", str(link)], 2, "already exists")
    before = tree(box.root)
    result = box.sim("export", str(path), "--out", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert box.changes(before) == {str(link)}  # the link became the named file
    assert not link.is_symlink() and "Theo" in link.read_text()
    assert (box.outside / "precious.txt").read_text() == "do not touch\n"


# ---------------------------------------------------------------- scripts and config


def test_a_script_that_never_ends_is_refused(box):
    zero = box.files / "zero.txt"
    zero.symlink_to("/dev/zero")
    box.refused(["play", "--persona", "theo-green-room", "--script", str(zero)], 2, "larger than 1 MB")
    box.refused(["play", "--persona", "theo-green-room", "--script", "-"], 2, "larger than 1 MB",
                stdin="Hello there\n" * 100_000)


@pytest.mark.parametrize("kind", ["a FIFO", "a link to /dev/zero", "a folder", "a binary file"])
def test_a_config_file_that_is_not_a_file_gives_defaults_and_a_reason(box, kind):
    config = box.home.config_file
    if kind == "a FIFO":
        os.mkfifo(config)
    elif kind == "a link to /dev/zero":
        config.symlink_to("/dev/zero")
    elif kind == "a folder":
        config.mkdir()
    else:
        config.write_bytes(os.urandom(2000) + b"\0")
    settings, problem = load_config(box.home)  # returns at once: no blocking, no endless read
    assert settings == Config() and problem and "\n" not in problem and "using defaults" in problem


def test_a_persona_folder_of_special_files_loads_the_rest(box):
    os.mkfifo(box.home.personas / "fifo.toml")
    (box.home.personas / "zero.toml").symlink_to("/dev/zero")
    (box.home.personas / "dir.toml").mkdir()
    (box.home.personas / "binary.toml").write_bytes(os.urandom(3000))
    catalog = load_catalog(box.home)
    assert len(catalog.broken) == 4 and "theo-green-room" in catalog.personas
    assert all("\n" not in problem for problem in catalog.problems)
    with pytest.raises(FileProblems):
        from sim.store.personas import load_persona_file

        load_persona_file(box.home.personas / "zero.toml")
