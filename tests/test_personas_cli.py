"""`sim personas list | show | check | new | import | export`."""

from __future__ import annotations

import base64
import json
import re
import stat
import struct
import zlib
from pathlib import Path

from click.testing import CliRunner

from sim.cli import cli
from sim.core.persona import parse_persona
from sim.store.paths import Home, builtin_personas_dir

THEO = builtin_personas_dir() / "theo-green-room.toml"
CARD = {
    "spec": "chara_card_v2",
    "spec_version": "2.0",
    "data": {"name": "Ines Carvalho", "description": "{{char}} restores pianos.", "first_mes": "Hello, {{user}}."},
}


def run(*args: str):
    return CliRunner().invoke(cli, ["personas", *args], catch_exceptions=False)


def png_card(card: dict) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    text = b"chara\0" + base64.b64encode(json.dumps(card).encode())
    return b"\x89PNG\r\n\x1a\n" + chunk(b"tEXt", text) + chunk(b"IEND", b"")


def test_group_is_registered():
    result = CliRunner().invoke(cli, ["--help"])
    assert "personas" in result.output


def test_list_shows_aligned_columns():
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "ROLE", "DIFFICULTY", "SOURCE"]
    assert len(lines) == 11
    name_column = lines[0].index("NAME")
    assert all(line[name_column - 2 : name_column] == "  " and line[name_column] != " " for line in lines)
    assert any(line.startswith("theo-green-room ") and line.endswith("built-in") for line in lines)


def test_list_marks_user_personas_and_reports_broken_files(sim_home: Home):
    sim_home.ensure(sim_home.personas)
    (sim_home.personas / "theo-green-room.toml").write_text(THEO.read_text())
    (sim_home.personas / "broken.toml").write_text("id = ")
    result = run("list")
    assert result.exit_code == 0
    assert re.search(r"^theo-green-room .*user \(replaces built-in\)$", result.stdout, re.M)
    assert result.stderr.strip() == "sim: 1 persona file(s) did not load; run `sim personas check`"


def test_show_is_a_readable_summary_that_keeps_the_secret():
    result = run("show", "ruth-freight-coo")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Ruth Halvorsen (ruth-freight-coo), built-in\n")
    assert "Difficulty: hard   patience 2" in out and "Challenge 1: losing drivers" in out
    assert "speaking_style =" not in out and "[[challenges]]" not in out
    assert "dispatch floor" not in out.split("Hidden opportunity")[1].split("Opening lines")[0]
    assert "(hidden; add --spoilers to see it)" in out
    spoiled = run("show", "ruth-freight-coo", "--spoilers").stdout
    assert "Columbus dispatch floor" in spoiled


def test_show_escapes_terminal_control_and_markup(sim_home: Home):
    hostile = THEO.read_text().replace('id = "theo-green-room"', 'id = "hostile"')
    hostile = hostile.replace("Theo is a second-year", "[bold red]Theo[/] \\u001b[2J is a second-year")
    sim_home.ensure(sim_home.personas)
    (sim_home.personas / "hostile.toml").write_text(hostile)
    result = run("show", "hostile")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout
    assert "[bold red]Theo[/]" in result.stdout


def test_show_refuses_bad_and_unknown_ids():
    for bad in ("../../x", "nobody"):
        result = run("show", bad)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("sim: ")


def test_check_defaults_to_every_persona(sim_home: Home):
    result = run("check")
    assert result.exit_code == 0 and result.stdout == ""
    assert "10 persona file(s) valid" in result.stderr
    sim_home.ensure(sim_home.personas)
    (sim_home.personas / "mine.toml").write_text(THEO.read_text().replace('id = "theo-green-room"', 'id = "mine"\nmood = 3'))
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("mine.toml:4: mood: unknown field")


def test_check_paths_lists_every_problem(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text(THEO.read_text().replace("patience = 5", "patience = 50\ncolour = 1"))
    good = tmp_path / "good.toml"
    good.write_text(THEO.read_text())
    missing = tmp_path / "missing.toml"
    result = run("check", str(bad), str(good), str(missing))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(re.fullmatch(rf"{re.escape(str(bad))}:\d+: colour: unknown field", line) for line in lines)
    assert any(re.fullmatch(rf"{re.escape(str(bad))}:\d+: patience: .*10.*", line) for line in lines)
    assert any(line.startswith(f"{missing}:1: cannot read") for line in lines)
    assert not any(str(good) in line for line in lines)
    assert run("check", str(good)).exit_code == 0
    assert run("check", str(builtin_personas_dir())).exit_code == 0


def test_new_writes_a_private_template_with_a_fresh_id(sim_home: Home):
    first = run("new")
    second = run("new")
    assert first.exit_code == second.exit_code == 0
    path1, path2 = Path(first.stdout.strip()), Path(second.stdout.strip())
    assert path1 == sim_home.personas / "my-persona.toml" and path2 == sim_home.personas / "my-persona-2.toml"
    assert stat.S_IMODE(path1.stat().st_mode) == 0o600
    check = run("check", str(path1))
    assert check.exit_code == 1
    assert all(line.endswith(": placeholder not replaced") for line in check.stdout.splitlines())
    path1.write_text(re.sub(r"<TODO[^>]*>", "Plain words", path1.read_text()))
    assert run("check", str(path1)).exit_code == 0


def test_new_with_out(tmp_path: Path):
    out = tmp_path / "market-stall.toml"
    assert run("new", "--out", str(out)).exit_code == 0
    assert 'id = "market-stall"' in out.read_text()
    again = run("new", "--out", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("new", "--out", str(out), "--force").exit_code == 0


def test_import_json_and_png_cards(sim_home: Home, tmp_path: Path):
    card = tmp_path / "ines.json"
    card.write_text(json.dumps(CARD))
    result = run("import", str(card))
    assert result.exit_code == 0
    path = Path(result.stdout.strip())
    assert path == sim_home.personas / "ines-carvalho.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert parse_persona(path.read_text()).background == "Ines Carvalho restores pianos."
    assert "filled with defaults" in result.stderr
    assert re.search(r"^ines-carvalho .* user$", run("list").stdout, re.M)
    again = run("import", str(card))
    assert again.exit_code == 2 and "already have a persona" in again.stderr
    picture = tmp_path / "ines.png"
    picture.write_bytes(png_card(CARD))
    assert run("import", str(picture), "--force").exit_code == 0
    out = tmp_path / "copy.toml"
    assert run("import", str(picture), "--out", str(out)).exit_code == 0
    assert parse_persona(out.read_text()).name == "Ines Carvalho"


def test_import_hostile_card_is_one_line(tmp_path: Path):
    for name, data in (("a.png", b"\x89PNG\r\n\x1a\n\x00\x00"), ("b.json", b"[" * 50_000), ("c.json", b"\xff")):
        card = tmp_path / name
        card.write_bytes(data)
        result = run("import", str(card))
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(f"sim: {name}: ")
    assert run("import", str(tmp_path / "absent.json")).exit_code == 2


def test_export_prints_or_writes_a_v2_card(tmp_path: Path):
    result = run("export", "dana-career-fair")
    assert result.exit_code == 0
    card = json.loads(result.stdout)
    assert card["spec"] == "chara_card_v2" and card["data"]["extensions"]["sim"]["persona"]["id"] == "dana-career-fair"
    out = tmp_path / "dana.json"
    written = run("export", "dana-career-fair", "--format", "ccv2", "--out", str(out))
    assert written.exit_code == 0 and json.loads(out.read_text()) == card
    assert run("export", "dana-career-fair", "--format", "ccv9").exit_code == 2
    assert run("export", "../../x").exit_code == 2


def test_export_import_round_trip_through_the_cli(tmp_path: Path):
    for source in sorted(builtin_personas_dir().glob("*.toml")):
        card, toml = tmp_path / f"{source.stem}.json", tmp_path / f"{source.stem}.toml"
        assert run("export", source.stem, "--out", str(card)).exit_code == 0
        assert run("import", str(card), "--out", str(toml)).exit_code == 0
        assert parse_persona(toml.read_text()) == parse_persona(source.read_text())
