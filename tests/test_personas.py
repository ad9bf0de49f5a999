"""The built-in personas, the persona store and the TOML writer."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.core.persona import Persona, parse_persona
from sim.core.tomlfile import FileProblems
from sim.store.paths import Home, builtin_personas_dir
from sim.store.persona_toml import persona_to_toml, template, toml_string
from sim.store.personas import (
    PersonaStoreError,
    check_id,
    copy_builtin_for_editing,
    find_persona,
    load_catalog,
    load_persona_file,
    load_persona_text,
    new_persona_id,
    save_user_persona,
)

BUILTIN_FILES = sorted(builtin_personas_dir().glob("*.toml"))
THEO = builtin_personas_dir() / "theo-green-room.toml"

# The archetypes the issue asks for, by id.
ARCHETYPES = {
    "way down the food chain": "theo-green-room",
    "sceptical senior executive": "ruth-freight-coo",
    "shy first-timer": "mina-first-meetup",
    "talker who monopolises": "dale-expo-talker",
    "pitches at the user": "kyle-saas-mixer",
    "recruiter": "dana-career-fair",
    "founder": "sofia-bookshop-founder",
    "non-technical in a technical crowd": "joan-bakery-owner",
}

FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll)\b|\b(?i:me|my|we|we're|we've|our|us)\b")
# Even "an AI strategy" would trip the guard, which rejects any bare "AI".
AI_TALK = re.compile(r"\bAI\b|\b(?i:assistant|language model|chat ?bot)\b")
SELF_NAME = re.compile(r"\b(?:I'm|I am|my name is|call me)\s+([A-Z][a-z]+)")


def builtins() -> list[Persona]:
    return [load_persona_file(path, expect_id=True) for path in BUILTIN_FILES]


def spoken(p: Persona) -> list[str]:
    """Every line the persona may say word for word."""
    lines = [*p.facts, *p.opening_lines, *p.opportunity.lines, *(e.persona for e in p.examples)]
    lines += [d for c in p.challenges for d in c.details]
    return lines + [line for variants in p.lines.model_dump().values() for line in variants]


def sentences(line: str) -> int:
    return len(re.findall(r"[.!?]+(?=\s|$)", line))


def words(lines: list[str]) -> float:
    return sum(len(line.split()) for line in lines) / len(lines)


# ---------------------------------------------------------------- the built-ins


def test_ten_builtins_with_distinct_ids_matching_file_names():
    personas = builtins()
    assert len(personas) == 10
    assert len({p.id for p in personas}) == 10
    assert {p.id for p in personas} >= set(ARCHETYPES.values())
    for path, persona in zip(BUILTIN_FILES, personas):
        assert path.stem == persona.id


def test_builtins_are_varied():
    personas = builtins()
    assert {p.difficulty for p in personas} == {"easy", "medium", "hard"}
    assert len({p.organisation for p in personas}) == 10
    assert len({p.opportunity.offer for p in personas}) == 10
    events = " ".join(p.event.lower() for p in personas)
    for kind in ("mixer", "break", "meetup", "career fair", "hallway", "expo", "poster"):
        assert kind in events, kind
    assert len({p.patience for p in personas}) >= 3


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: p.stem)
def test_builtin_shape(path: Path):
    p = load_persona_file(path, expect_id=True)
    assert 2 <= len(p.facts) <= 4
    assert len(p.challenges) == 2
    for challenge in p.challenges:
        assert 2 <= len(challenge.details) <= 4
        assert challenge.needs
    assert len(p.opening_lines) == 2
    assert len(p.examples) == 2
    assert p.initial_trust + 0.2 - 1e-9 <= p.opportunity.trust_needed <= 0.8
    minimum = 1 if p.id == "theo-green-room" else 2  # Theo predates this set; one greet
    for intent, variants in p.lines.model_dump().items():
        assert minimum <= len(variants) <= 3, intent


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: p.stem)
def test_builtin_lines_are_speakable(path: Path):
    p = load_persona_file(path)
    for line in spoken(p):
        assert 1 <= sentences(line) <= 3, line
        assert line.isascii() and "\n" not in line, line
        assert not re.search(r"[*#`_\[\]]|^\s*-\s", line), line
        assert not AI_TALK.search(line), line
        assert set(SELF_NAME.findall(line)) <= set(p.name.split()), line
    for line in [*p.facts, *p.opportunity.lines, *(d for c in p.challenges for d in c.details)]:
        assert FIRST_PERSON.search(line), f"not first person: {line}"
    for line in p.lines.deflect_pitch:
        assert not re.search(r"sounds great|love (that|to)|I'd love", line, re.I), line
    for line in p.lines.ask_back:
        assert "?" in line and re.search(r"\byou", line, re.I), line
    for line in p.lines.exit:
        assert re.search(r"\b(go|going|get back|find|catch|stand by|excuse me|take care|take it easy|nice|good|good luck|lovely)\b", line, re.I), line
    for line in p.lines.accept_help:
        assert re.search(r"thank|appreciate|kind|I'll take", line, re.I), line


def test_archetypes_behave_like_themselves():
    by_id = {p.id: p for p in builtins()}
    boss = by_id[ARCHETYPES["sceptical senior executive"]]
    assert boss.patience <= 3 and boss.initial_trust <= 0.2 and boss.difficulty == "hard"
    shy, talker = by_id[ARCHETYPES["shy first-timer"]], by_id[ARCHETYPES["talker who monopolises"]]
    assert words(spoken(shy)) < 15 and max(len(line.split()) for line in spoken(shy)) <= 25
    assert words(spoken(talker)) > 25
    assert talker.patience >= 5
    pitcher = by_id[ARCHETYPES["pitches at the user"]]
    product = pitcher.organisation
    assert all(product in line or "follow-up" in line for line in pitcher.opening_lines)
    assert all(product in line for line in pitcher.lines.answer_self)


# ---------------------------------------------------------------- the TOML writer


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: p.stem)
def test_persona_to_toml_round_trips(path: Path):
    p = load_persona_file(path)
    text = persona_to_toml(p, header="A header\nover two lines", notes={"patience": "tuned", "lines": "say it"})
    assert parse_persona(text) == p
    assert text.startswith("# A header\n# over two lines\n")
    assert "# tuned\npatience = " in text


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_toml_string_round_trips_any_text(value: str):
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_unknown_key_is_rejected_with_its_line():
    lines = THEO.read_text().splitlines()
    lines.insert(5, 'mood = "grumpy"')
    with pytest.raises(FileProblems) as caught:
        load_persona_text("\n".join(lines), "theo.toml")
    assert str(caught.value) == "theo.toml:6: mood: unknown field"


def test_a_problem_inside_a_table_points_at_its_line():
    text = THEO.read_text().replace("trust_needed = 0.6", "trust_needed = 7")
    with pytest.raises(FileProblems) as caught:
        load_persona_text(text, "t.toml")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("trust_needed"))
    assert str(caught.value).startswith(f"t.toml:{line}: opportunity.trust_needed: ")


# ---------------------------------------------------------------- the template


def test_untouched_template_fails_only_on_placeholders():
    text = template("draft")
    with pytest.raises(FileProblems) as caught:
        load_persona_text(text, "draft.toml")
    problems = caught.value.problems
    assert {p.message for p in problems} == {"placeholder not replaced"}
    todo_lines = {n for n, line in enumerate(text.splitlines(), 1) if "<TODO" in line and not line.lstrip().startswith("#")}
    assert {p.line for p in problems} == todo_lines


def test_template_is_valid_once_placeholders_are_replaced():
    text = re.sub(r"<TODO[^>]*>", "Something true and specific", template("draft"))
    persona = load_persona_text(text, "draft.toml")
    assert persona.id == "draft" and persona.name == "Something true and specific"


def test_every_field_is_explained_in_the_template():
    text = template("draft")
    for name in Persona.model_fields:
        line = next(n for n, s in enumerate(text.splitlines()) if re.match(rf"(\[\[)?\[?{name}\b", s))
        assert text.splitlines()[line - 1].startswith("#"), name


# ---------------------------------------------------------------- the store


def user_file(home: Home, name: str, text: str) -> Path:
    home.ensure(home.personas)
    path = home.personas / name
    path.write_text(text, encoding="utf-8")
    return path


def test_catalog_loads_builtins(sim_home: Home):
    catalog = load_catalog(sim_home)
    assert len(catalog.personas) == 10 and not catalog.problems
    assert all(s.origin == "built-in" for s in catalog.personas.values())


def test_user_persona_overrides_builtin_and_is_marked(sim_home: Home):
    user_file(sim_home, "theo-green-room.toml", THEO.read_text().replace("Theo Brandt", "Theo Mine"))
    stored = load_catalog(sim_home).personas["theo-green-room"]
    assert stored.origin == "user" and stored.overrides_builtin
    assert stored.persona.name == "Theo Mine"
    assert find_persona("theo-green-room", sim_home).persona.name == "Theo Mine"


def test_bad_files_are_reported_without_stopping_the_others(sim_home: Home):
    user_file(sim_home, "broken.toml", "id = [")
    user_file(sim_home, "wrong-name.toml", THEO.read_text())
    user_file(sim_home, "deep.toml", "a = " + "[" * 5000)
    user_file(sim_home, "binary.toml", "").write_bytes(b"\xff\xfe\x00garbage")
    catalog = load_catalog(sim_home)
    assert len(catalog.personas) == 10
    text = "\n".join(catalog.problems)
    assert "broken.toml:1: not valid TOML" in text
    assert "wrong-name.toml:3: id: 'theo-green-room' does not match the file name" in text
    assert "deep.toml:1: not valid TOML: nested too deeply" in text
    assert "binary.toml:1: not UTF-8 text" in text
    assert len(catalog.broken) == 4
    assert all("\n" not in p for p in catalog.problems)


def test_symlinks_in_the_persona_folder_are_refused(sim_home: Home, tmp_path: Path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(THEO.read_text().replace('id = "theo-green-room"', 'id = "linked"'))
    sim_home.ensure(sim_home.personas)
    (sim_home.personas / "linked.toml").symlink_to(outside)
    catalog = load_catalog(sim_home)
    assert "linked" not in catalog.personas
    assert any("linked.toml:1: is a symbolic link" in p for p in catalog.problems)


def test_a_fifo_does_not_hang_the_loader(sim_home: Home):
    sim_home.ensure(sim_home.personas)
    os.mkfifo(sim_home.personas / "pipe.toml")
    catalog = load_catalog(sim_home)
    assert any("pipe.toml:1: not a regular file" in p for p in catalog.problems)


def test_oversized_file_is_refused(sim_home: Home):
    user_file(sim_home, "huge.toml", "# " + "x" * 300_000)
    assert any("huge.toml:1: file is larger than" in p for p in load_catalog(sim_home).problems)


@pytest.mark.parametrize("bad", ["../../x", "..", "a/b", "", "UPPER", "-dash", "x" * 49, "a b", "a.toml"])
def test_unsafe_ids_are_refused(bad: str, sim_home: Home):
    with pytest.raises(PersonaStoreError) as caught:
        check_id(bad)
    assert "\n" not in str(caught.value)
    with pytest.raises(PersonaStoreError):
        find_persona(bad, sim_home)
    with pytest.raises(PersonaStoreError):
        copy_builtin_for_editing(bad, sim_home)


def test_unknown_id_names_the_known_ones(sim_home: Home):
    with pytest.raises(PersonaStoreError, match="no persona 'nobody'.*theo-green-room"):
        find_persona("nobody", sim_home)


def test_save_user_persona_is_private_and_named_by_id(sim_home: Home):
    persona = load_persona_file(THEO).model_copy(update={"id": "my-theo"})
    path = save_user_persona(persona, sim_home)
    assert path == sim_home.personas / "my-theo.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(sim_home.personas.stat().st_mode) == 0o700
    assert load_persona_file(path, expect_id=True) == persona


def test_save_text_keeps_comments_and_refuses_invalid_text(sim_home: Home):
    text = "# my notes\n" + THEO.read_text().replace('id = "theo-green-room"', 'id = "noted"')
    path = save_user_persona(text, sim_home)
    assert path.read_text() == text
    with pytest.raises(FileProblems):
        save_user_persona(text.replace('id = "noted"', 'id = "other"\nmood = 1'), sim_home)
    assert not (sim_home.personas / "other.toml").exists()
    with pytest.raises(PersonaStoreError, match="already exists"):
        save_user_persona(text, sim_home, overwrite=False)


def test_save_refuses_to_write_through_a_symlink(sim_home: Home, tmp_path: Path):
    target = tmp_path / "target.toml"
    target.write_text("precious")
    sim_home.ensure(sim_home.personas)
    (sim_home.personas / "theo-green-room.toml").symlink_to(target)
    with pytest.raises(PersonaStoreError, match="symbolic link"):
        save_user_persona(THEO.read_text(), sim_home)
    assert target.read_text() == "precious"


def test_copy_builtin_for_editing(sim_home: Home):
    before = THEO.read_bytes()
    path = copy_builtin_for_editing("theo-green-room", sim_home)
    assert path.parent == sim_home.personas and path.read_bytes() == before
    path.write_text(before.decode().replace("Theo Brandt", "Theo Edited"))
    assert copy_builtin_for_editing("theo-green-room", sim_home) == path
    assert "Theo Edited" in path.read_text()  # an existing copy is never overwritten
    assert THEO.read_bytes() == before  # and the built-in is never touched
    with pytest.raises(PersonaStoreError, match="no built-in persona"):
        copy_builtin_for_editing("not-a-builtin", sim_home)


def test_new_persona_id_is_fresh(sim_home: Home):
    assert new_persona_id(sim_home) == "my-persona"
    user_file(sim_home, "my-persona.toml", "")
    assert new_persona_id(sim_home) == "my-persona-2"
    assert new_persona_id(sim_home, base="theo-green-room") == "theo-green-room-2"


# ---------------------------------------------------------------- never anything but FileProblems

THEO_TEXT = THEO.read_text()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_loader_raises_only_file_problems_on_any_text(text: str):
    try:
        load_persona_text(text, "fuzz.toml")
    except FileProblems as error:
        assert all(str(p).startswith("fuzz.toml:") for p in error.problems)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(THEO_TEXT)), st.integers(0, 40), st.text(max_size=20))
def test_loader_raises_only_file_problems_on_damaged_personas(at: int, cut: int, insert: str):
    try:
        load_persona_text(THEO_TEXT[:at] + insert + THEO_TEXT[at + cut :], "fuzz.toml")
    except FileProblems:
        pass


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_file_loader_raises_only_file_problems_on_any_bytes(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(data)
        try:
            load_persona_file(path, follow_links=False, expect_id=True)
        except FileProblems:
            pass


def test_the_documented_example_is_valid():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "personas.md").read_text()
    example = re.search(r"```toml\n(.*?)```", docs, re.S).group(1)
    persona = load_persona_text(example, "docs/personas.md")
    assert persona.id == "theo-green-room"
    for name in Persona.model_fields:
        assert f"`{name}`" in docs, f"docs/personas.md does not document {name}"
