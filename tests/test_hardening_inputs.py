"""Any input gives a result or the module's own error, never another exception.

Property-based tests over the five readers of outside input (the grader, the persona
loader, the card importer, the transcript reader and the config loader), plus the same
odd texts for each: empty, 100k characters, control characters, NUL bytes, right-to-left
text, combining marks and emoji. The broader fuzzers for each module live with it
(test_grader.py, test_personas.py, test_cards.py); these fill the gaps: odd text *inside*
otherwise valid files, lone surrogates, deep nesting, huge numbers, and what a loaded
transcript is used for next (history, exports, re-grading, resuming).
"""

from __future__ import annotations

import base64
import json
import re
import struct
import tempfile
import zlib
from pathlib import Path

import pytest
import transcript_samples as samples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sim.core.cards import PNG_SIGNATURE, CardError, read_card
from sim.core.export import to_html, to_markdown
from sim.core.grading import AXES, ContextLine, PersonaBrief, grade_turn
from sim.core.persona import parse_persona
from sim.core.regrade import regrade
from sim.core.summary import summarize
from sim.core.tomlfile import FileProblems
from sim.core.transcript import TranscriptError, Turn
from sim.store.config import Config, load_config
from sim.store.paths import Home, builtin_personas_dir
from sim.store.persona_toml import toml_string
from sim.store.personas import load_persona_file, load_persona_text
from sim.store.transcripts import TranscriptWriter, read_transcript

THEO_TEXT = (builtin_personas_dir() / "theo-green-room.toml").read_text(encoding="utf-8")
THEO_NAME = 'name = "Theo Brandt"'
THEO_FACT = load_persona_text(THEO_TEXT).facts[0]

ODD = {
    "empty": "",
    "100k characters": ("We lost two agents right when tickets tripled, honestly. " * 1800)[:100_000],
    "control characters": "".join(map(chr, range(1, 32))) + "\x7f\x85\x9b \x1b[31mred\x1b[0m \x1b]0;title\x07",
    "NUL bytes": "before\x00after\x00",
    "right-to-left": "\u202eevil\u202c مرحبا بك في المعرض ما الذي جاء بك؟ שלום, מה שלומך? \u200f",
    "combining marks": "Z\u0351\u0358a\u0300\u0301\u0302l\u0308\u0327g\u0336o " * 40,
    "emoji": "👩‍👩‍👧‍👦 🇬🇧 ❤️‍🔥 🏳️‍🌈 \U0001F600 how's the day going? 🙂",
}
ODD_IDS = list(ODD)

# Everything st.text() gives, plus what it leaves out: lone surrogates (a broken paste
# or a JSON "\ud800" escape), and a few characters picked on purpose.
odd_chars = st.characters(exclude_categories=()) | st.sampled_from(
    ["\ud800", "\udfff", "\x00", "\x1b", "\u202e", "\u0301", "\ufeff", "\u200d", "👩", "[", "]", "\\", '"']
)
odd_text = st.text(odd_chars, max_size=300)


# ---------------------------------------------------------------- the grader

BRIEF = PersonaBrief(name="Theo Brandt", role="volunteer", event="CloudScale Summit",
                     card="Theo Brandt, volunteer. Can't land an internship.", needs=("an introduction",))


def check_grade(grade, text: str) -> None:
    for axis in AXES:
        assert grade.level(axis) in (0, 1, 2, 3)
    assert 0.0 <= grade.confidence <= 1.0 and grade.tip
    for item in grade.evidence:
        assert text[item.start:item.end] == item.quote


@pytest.mark.parametrize("name", ODD_IDS)
def test_the_grader_takes_odd_text_as_the_turn_the_context_and_the_persona(name):
    text = ODD[name]
    check_grade(grade_turn(BRIEF, [ContextLine("persona", "Long day in the green room.")], text), text)
    context = [ContextLine("persona", text), ContextLine("user", text), ContextLine("persona", text)]
    check_grade(grade_turn(BRIEF, context, "What has been the hardest part?"), "What has been the hardest part?")
    odd_brief = PersonaBrief(name=text[:60], role=text, event=text, card=text, needs=(text,))
    check_grade(grade_turn(odd_brief, context, text), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=odd_text, context=st.lists(st.tuples(st.sampled_from(["persona", "user"]), odd_text), max_size=3))
def test_the_grader_never_raises_on_lone_surrogates_and_odd_characters(text, context):
    lines = [ContextLine(speaker, line) for speaker, line in context]
    check_grade(grade_turn(BRIEF, lines, text), text)


# ---------------------------------------------------------------- the persona loader


def persona_with(value: str, field: str = "fact") -> str:
    """Theo's file with `value` as his first fact (or his name), written as TOML would."""
    if field == "name":
        return THEO_TEXT.replace(THEO_NAME, f"name = {toml_string(value[:60])}")
    assert toml_string(THEO_FACT) in THEO_TEXT
    return THEO_TEXT.replace(toml_string(THEO_FACT), toml_string(value))


def load_all_three_ways(text: str):
    """parse_persona, load_persona_text and load_persona_file agree: a persona or FileProblems."""
    results = []
    for load in (lambda: parse_persona(text, "odd.toml"), lambda: load_persona_text(text, "odd.toml")):
        try:
            results.append(load())
        except FileProblems as error:
            assert error.problems and all(str(p).startswith("odd.toml:") for p in error.problems)
            results.append(None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "odd.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            results.append(load_persona_file(path))
        except FileProblems as error:
            assert all(str(p).startswith(str(path)) for p in error.problems)
            results.append(None)
    return results


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_inside_a_persona_loads_verbatim_or_is_a_file_problem(name):
    value = ODD[name]
    parsed, loaded, from_file = load_all_three_ways(persona_with(value))
    assert parsed == loaded == from_file is not None  # a line may hold any text...
    assert loaded.facts[0] == value.strip()  # ...kept character for character
    parsed, loaded, from_file = load_all_three_ways(persona_with(value, "name"))
    assert parsed == loaded == from_file  # a name must be one line: loads or a problem


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_as_the_whole_persona_file_is_a_file_problem(name):
    assert load_all_three_ways(ODD[name]) == [None, None, None]


@pytest.mark.parametrize("text", [
    "a = " + "[" * 5000 + "]" * 5000,
    "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    "patience = " + "9" * 5000,
    "id = 'x'\n" * 10_000,
    "\ufeffid = 'theo'",
    "\x00" * 100,
], ids=["deep arrays", "deep tables", "5000-digit number", "repeated key", "BOM", "NULs"])
def test_hostile_toml_is_a_one_line_file_problem_from_every_loader(text):
    for problems in load_all_three_ways(text):
        assert problems is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_text)
def test_any_text_in_a_persona_field_loads_or_is_a_file_problem(value):
    load_all_three_ways(persona_with(value))


# ---------------------------------------------------------------- the card importer


def png(*chunks: bytes) -> bytes:
    """A 1x1 grey PNG with extra chunks before the image data."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    return PNG_SIGNATURE + header + b"".join(chunks) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def text_chunk(keyword: str, text: str) -> bytes:
    return chunk(b"tEXt", keyword.encode() + b"\0" + text.encode("latin-1"))


def card(**fields) -> dict:
    data = {"name": "Marguerite Osei", "description": "A museum registrar.", "first_mes": "Hello there!"}
    return {"spec": "chara_card_v2", "spec_version": "2.0", "data": {**data, **fields}}


def import_or_error(data: bytes):
    try:
        return read_card(data, "odd.json")
    except CardError as error:
        assert "\n" not in str(error) and str(error).startswith("odd.json: ")
        return None


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_in_every_card_field_imports_or_is_a_card_error(name):
    value = ODD[name]
    fields = {"name": value, "description": value, "personality": value, "scenario": value,
              "first_mes": value, "mes_example": f"<START>\n{{{{user}}}}: {value}\n{{{{char}}}}: {value}"}
    for key, text in fields.items():
        raw = json.dumps(card(**{key: text}), ensure_ascii=False).encode("utf-8")
        imported = import_or_error(raw)
        if key != "name":
            assert imported is not None, f"{key} = {name} should import"
        # the same card inside a PNG's tEXt chunk (base64, as SillyTavern writes it)
        assert (import_or_error(png(text_chunk("chara", base64.b64encode(raw).decode()))) is None) == (imported is None)


@pytest.mark.parametrize("name", ["\\", "a\\1b", "\\g<0>", "(", "*"])
def test_a_name_with_backslashes_or_pattern_characters_is_text(name):
    """{{char}} is replaced by the name: as plain text, never as a regex replacement."""
    imported = read_card(json.dumps(card(name=name, description="{{char}} runs the loans desk.")).encode())
    assert imported.persona.background == f"{name} runs the loans desk."


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_as_the_whole_card_is_a_card_error(name):
    assert import_or_error(ODD[name].encode("utf-8")) is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["name", "description", "first_mes", "nickname", "scenario"]), odd_text))
def test_any_card_text_with_lone_surrogates_imports_or_is_a_card_error(fields):
    raw = json.dumps(card(**fields)).encode("ascii")  # lone surrogates travel as \\ud800 escapes
    imported = import_or_error(raw)
    if imported is not None:
        for text in (imported.persona.name, imported.persona.background, *imported.persona.opening_lines):
            text.encode("utf-8")  # writable: no lone surrogate survives the import


# ---------------------------------------------------------------- the transcript reader


def read_or_error(path: Path):
    try:
        return read_transcript(path)
    except TranscriptError as error:
        assert "\n" not in str(error) and len(str(error)) < 600
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_in_a_transcript_file_load_or_are_a_transcript_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(data)
        read_or_error(path)
        # the same bytes after a valid header, where they are read as events
        path.write_bytes(json.dumps(samples.header().to_dict()).encode() + b"\n" + data)
        read_or_error(path)


THEO = load_persona_text(THEO_TEXT)
HEADER = samples.header(persona=THEO.model_dump(mode="json")).to_dict()  # a full persona: resumable
EVENTS = [event.to_dict() for event in samples.events()]


def _places(value, where=()):
    """Every path into a JSON value (dict keys and list indexes)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*where, key)
            yield from _places(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*where, index)
            yield from _places(item, (*where, index))


PLACES = [(None, p) for p in _places(HEADER)] + [(n, p) for n, e in enumerate(EVENTS) for p in _places(e)]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | odd_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def use_everywhere(path: Path, loaded) -> None:
    """What the app does with a transcript it loaded: none of it may raise."""
    from sim.app.services import resume_session
    from sim.core.persona import Persona

    transcript, warnings = loaded
    summarize(path, transcript, warnings)
    to_markdown(transcript)
    to_html(transcript)
    regrade(transcript, grade_turn)
    for branch in range(1, len(transcript.branches()) + 1):
        to_html(transcript, branch)
    try:
        persona = Persona.model_validate(transcript.header.persona)
    except ValueError:
        return
    try:
        session = resume_session(path, persona, None, None)
    except TranscriptError:
        return
    for turn in transcript.turns:
        if turn.speaker == "user":
            try:
                session.rewind(turn.id)
            except TranscriptError:
                pass
    session.writer.close()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), json_values), min_size=1, max_size=3))
@example([((None, ("persona", "challenges")), True)])  # once crashed re-grading: `true` is no list
def test_any_value_anywhere_in_a_transcript_loads_or_is_a_transcript_error(changes):
    header, events = json.loads(json.dumps(HEADER)), json.loads(json.dumps(EVENTS))
    for (line, place), value in changes:
        target = header if line is None else events[line]
        try:
            for key in place[:-1]:
                target = target[key]
            target[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change replaced this part
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.jsonl"
        lines = [json.dumps(item, ensure_ascii=False) for item in [header, *events]]
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
        loaded = read_or_error(path)
        if loaded is not None:
            use_everywhere(path, loaded)


@pytest.mark.parametrize("bad", [
    {"version": [1]}, {"version": {"1": 1}}, {"version": "1"}, {"version": 1.5}, {"version": True},
    {"version": 2}, {"version": 10**40}, {"persona": "theo"}, {"started_at": 17},
], ids=lambda d: f"{next(iter(d))}={next(iter(d.values()))!r}"[:40])
def test_hostile_headers_are_transcript_errors(tmp_path, bad):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**HEADER, **bad}) + "\n")
    with pytest.raises(TranscriptError, match="line 1: "):
        read_transcript(path)


USER = next(n for n, e in enumerate(EVENTS) if e.get("grade"))
PERSONA_LINE = next(n for n, e in enumerate(EVENTS) if e.get("speaker") == "persona")


@pytest.mark.parametrize("line, change, message", [
    (USER, {"grade": {**EVENTS[USER]["grade"], "listening": float("inf")}}, "cannot convert float infinity"),
    (USER, {"grade": {**EVENTS[USER]["grade"], "pitching": 7}}, "grade level pitching 7 is not 0 to 3"),
    (USER, {"grade": {**EVENTS[USER]["grade"], "helpfulness": -1}}, "grade level helpfulness -1"),
    (USER, {"grade": {**EVENTS[USER]["grade"], "evidence": [5]}}, "malformed turn line"),
    (PERSONA_LINE, {"director": {"state": "calm"}}, "director state is not an object"),
    (PERSONA_LINE, {"director": {"state": {"trust": "high", "patience": 2}}}, "'trust' has the wrong type"),
    (PERSONA_LINE, {"director": {"state": {"trust": 0.5}}}, "lacks trust or patience"),
    (PERSONA_LINE, {"director": {"state": {"trust": 0.5, "patience": 2, "details_shared": "0"}}},
     "'details_shared' has the wrong type"),
], ids=["infinite level", "level 7", "level -1", "evidence not objects", "state not an object",
        "trust as text", "no patience", "details as text"])
def test_hostile_grades_and_director_states_are_transcript_errors(tmp_path, line, change, message):
    events = json.loads(json.dumps(EVENTS))
    events[line].update(change)
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in [HEADER, *events]) + "\n")
    with pytest.raises(TranscriptError, match=f"line {line + 2}: .*{re.escape(message)}"):
        read_transcript(path)


def test_every_director_state_field_has_a_type_check():
    """The reader checks a saved state field by field: a new field needs its check."""
    from sim.core.director import _STATE_TYPES, DirectorState

    assert set(_STATE_TYPES) == set(DirectorState.__dataclass_fields__)


def test_a_director_state_that_does_not_fit_the_persona_refuses_to_resume(sim_home, tmp_path):
    """The types are right (the reader checks those) but the indexes point past the
    persona's challenges: resuming says so instead of failing later, mid-conversation."""
    from sim.app.services import new_session, resume_session
    from sim.store.personas import find_persona

    persona = find_persona("theo-green-room", sim_home).persona
    session = new_session(persona, None, None, home=sim_home)
    session.open()
    session.say("How is the day going?")
    session.reply()
    session.writer.close()
    lines = session.writer.path.read_text().splitlines()
    number = max(n for n, line in enumerate(lines) if '"director"' in line)
    last = json.loads(lines[number])
    last["director"]["state"]["details_shared"] = [0] * 9
    lines[number] = json.dumps(last)
    path = tmp_path / "edited.jsonl"
    path.write_text("\n".join(lines) + "\n")
    read_transcript(path)  # loads: the shape only matters against the persona
    with pytest.raises(TranscriptError, match="does not match the persona's challenges"):
        resume_session(path, persona, None, None)


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_in_turns_round_trips_exactly(sim_home, name):
    text = ODD[name]
    writer = TranscriptWriter.create(samples.header(user_name=text[:30] or "You"), home=sim_home)
    writer.append(Turn("t1", None, "user", text, "2026-11-26T15:00:00+00:00", grade=grade_turn(BRIEF, [], text)))
    writer.append(Turn("t2", "t1", "persona", text, "2026-11-26T15:00:01+00:00", source="authored"))
    writer.close()
    transcript, warnings = read_transcript(writer.path)
    assert warnings == [] and [t.text for t in transcript.turns] == [text, text]
    use_everywhere(writer.path, (transcript, warnings))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_text)
def test_any_turn_text_is_saved_and_read_back(text):
    with tempfile.TemporaryDirectory() as folder:
        writer = TranscriptWriter.create(samples.header(), path=Path(folder) / "t.jsonl")
        writer.append(Turn("t1", None, "user", text, "2026-11-26T15:00:00+00:00"))
        writer.close()
        transcript, warnings = read_transcript(writer.path)
        assert warnings == []
        # text that cannot be UTF-8 (a lone surrogate) is escaped, never lost or fatal
        assert transcript.turns[0].text == text


# ---------------------------------------------------------------- the config loader


def config_from(home: Home, data: bytes) -> tuple[Config, str | None]:
    home.root.mkdir(parents=True, exist_ok=True)
    home.config_file.write_bytes(data)
    config, problem = load_config(home)
    assert isinstance(config, Config)
    if problem is not None:
        assert "\n" not in problem and problem.startswith(str(home.config_file))
        assert config == Config()  # a broken file: defaults, and the reason
    return config, problem


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | odd_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_config_file_gives_settings_or_defaults_with_one_line(data):
    with tempfile.TemporaryDirectory() as folder:
        config_from(Home(Path(folder)), data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=odd_text, theme=odd_text, key=odd_text)
def test_any_text_in_config_values_gives_settings_or_defaults(name, theme, key):
    data = f"name = {toml_string(name)}\ntheme = {toml_string(theme)}\n[keys]\nsend = {toml_string(key)}\n"
    with tempfile.TemporaryDirectory() as folder:
        config, problem = config_from(Home(Path(folder)), data.encode("utf-8", "surrogatepass"))
        if problem is None:
            assert (config.name, config.theme, config.keys) == (name, theme, {"send": key})


@pytest.mark.parametrize("name", ODD_IDS)
def test_odd_text_as_the_config_or_the_users_name(sim_home, name):
    config_from(sim_home, ODD[name].encode("utf-8"))
    config, problem = config_from(sim_home, f"name = {toml_string(ODD[name])}\n".encode())
    assert config.name == ODD[name] if problem is None else config == Config()


@pytest.mark.parametrize("data, reason", [
    (b"a = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    (b"name = " + b"9" * 5000, "a number is too long"),
    (b"name = '\xff\xfe'", "not UTF-8 text"),
    (b"# comment\n" * 10_000, "larger than 64 KB"),
    (b"[keys]\nsend = 3\n", "keys.send"),
], ids=["deep arrays", "5000-digit number", "not UTF-8", "over 64 KB", "wrong type"])
def test_hostile_configs_fall_back_to_defaults_with_the_reason(sim_home, data, reason):
    config, problem = config_from(sim_home, data)
    assert config == Config() and reason in problem
