"""Character Card V2/V3 import (JSON and PNG) and V2 export."""

from __future__ import annotations

import base64
import json
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.core.cards import (
    MAX_TEXT_CHUNK,
    PNG_SIGNATURE,
    CardError,
    export_ccv2,
    export_ccv2_json,
    read_card,
)
from sim.core.persona import parse_persona
from sim.store.paths import builtin_personas_dir
from sim.store.personas import load_persona_file, persona_to_toml

BUILTINS = [load_persona_file(p) for p in sorted(builtin_personas_dir().glob("*.toml"))]


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(*chunks: bytes) -> bytes:
    """A 1x1 grey PNG with extra chunks before the image data."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    return PNG_SIGNATURE + header + b"".join(chunks) + pixels + chunk(b"IEND", b"")


def text_chunk(keyword: str, card: dict | str) -> bytes:
    raw = card if isinstance(card, str) else base64.b64encode(json.dumps(card).encode()).decode()
    return chunk(b"tEXt", keyword.encode() + b"\0" + raw.encode("latin-1"))


V2 = {
    "spec": "chara_card_v2",
    "spec_version": "2.0",
    "data": {
        "name": "Marguerite Osei",
        "description": "{{char}} is a museum registrar who catalogues loans for {{user}}'s exhibition. She has worked at the Hale Museum for twelve years.",
        "personality": "Meticulous, warm once you get past the clipboard.",
        "scenario": "The opening reception of a museum conference, by the coat check.",
        "first_mes": '*looks up from her clipboard* "Oh, hello, {{user}}! Are you here for the loans panel?"',
        "alternate_greetings": ["{{user}}'s back! I saved you a program."],
        "mes_example": "<START>\n{{user}}: What do you do here?\n{{char}}: I keep track of every object that comes and goes.\n<START>\n{{user}}: Busy night?\n{{char}}: *sighs* Always, during an opening.\nIt never stops.\n<START>\n{{char}}: A monologue with nobody to answer.",
        "creator_notes": "Made for a museum-studies class.",
        "system_prompt": "Stay in character.",
        "post_history_instructions": "",
        "tags": ["museum", "professional"],
        "creator": "someone",
        "character_version": "1.2",
        "character_book": {"entries": [{"keys": ["loan"], "content": "Loans need condition reports."}]},
        "extensions": {"talkativeness": "0.4"},
    },
}


def all_strings(persona) -> list[str]:
    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(persona.model_dump())
    return out


# ---------------------------------------------------------------- mapping


def test_v2_json_maps_onto_a_persona():
    imported = read_card(json.dumps(V2).encode(), "marguerite.json")
    p = imported.persona
    assert not imported.exact and imported.spec == "chara_card_v2"
    assert p.id == "marguerite-osei" and p.name == "Marguerite Osei"
    assert p.background.startswith("Marguerite Osei is a museum registrar who catalogues loans for your exhibition.")
    assert p.personality == V2["data"]["personality"]
    assert p.setting == V2["data"]["scenario"]
    assert p.opening_lines == ["Oh, hello! Are you here for the loans panel?", "You're back! I saved you a program."]
    assert [(e.them, e.persona) for e in p.examples] == [
        ("What do you do here?", "I keep track of every object that comes and goes."),
        ("Busy night?", "Always, during an opening. It never stops."),
    ]
    assert not any("{{" in s or "<USER>" in s for s in all_strings(p))
    notes = "\n".join(imported.notes)
    for kept in ("creator_notes: Made for", "system_prompt: Stay", "tags:", "character_book:", "talkativeness",
                 "mes_example block: {{char}}: A monologue", "greeting in full"):
        assert kept in notes, kept
    assert {"role", "event", "lines", "opportunity", "challenges", "patience"} <= set(imported.defaulted)


def test_imported_toml_validates_and_keeps_notes_in_comments():
    imported = read_card(json.dumps(V2).encode(), "marguerite.json")
    text = persona_to_toml(imported.persona, imported.header("marguerite.json"), imported.field_notes())
    assert parse_persona(text) == imported.persona
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments[0] == "# Imported from marguerite.json (chara_card_v2) by `sim personas import`."
    assert any("system_prompt: Stay in character." in line for line in comments)
    assert text.count("# DEFAULT") == len(imported.defaulted)


def test_v3_json_uses_the_nickname_and_keeps_v3_extras():
    card = {"spec": "chara_card_v3", "spec_version": "3.0", "data": {
        **V2["data"], "nickname": "Maggie", "group_only_greetings": ["Hello, everyone."], "assets": [],
        "creation_date": 1700000000,
    }}
    imported = read_card(json.dumps(card).encode())
    assert imported.spec == "chara_card_v3"
    assert imported.persona.background.startswith("Maggie is a museum registrar")
    assert imported.persona.name == "Marguerite Osei"
    assert any(n.startswith("group_only_greetings:") for n in imported.notes)
    assert any(n.startswith("creation_date: 1700000000") for n in imported.notes)


def test_v1_flat_card_and_missing_fields_get_defaults():
    imported = read_card(json.dumps({"name": "Bo", "first_mes": "Hey."}).encode())
    p = imported.persona
    assert imported.spec == "v1" and p.name == "Bo" and p.opening_lines == ["Hey."]
    assert {"background", "personality", "setting", "hook"} <= set(imported.defaulted)
    assert p.opportunity.trust_needed >= p.initial_trust


def test_placeholders_and_names_are_made_safe():
    card = {"name": "Dr: Who\never", "first_mes": "{{user}}, welcome. <BOT> at your service, <USER>."}
    p = read_card(json.dumps(card).encode()).persona
    assert p.name == "Dr - Who ever" and p.id == "dr-who-ever"
    assert p.opening_lines == ["Welcome. Dr - Who ever at your service."]


def test_lone_surrogates_become_writable_text():
    card = '{"name": "Ana \\ud800", "description": "Broken \\udfff text."}'
    imported = read_card(card.encode())
    text = persona_to_toml(imported.persona, imported.header("x"), imported.field_notes())
    text.encode("utf-8")
    assert parse_persona(text) == imported.persona


# ---------------------------------------------------------------- PNG


def test_png_with_chara_chunk():
    from_png = read_card(png(text_chunk("chara", V2)), "card.png")
    assert from_png.persona == read_card(json.dumps(V2).encode()).persona


def test_png_prefers_ccv3_over_chara():
    v3 = {"spec": "chara_card_v3", "spec_version": "3.0", "data": {**V2["data"], "name": "Version Three"}}
    imported = read_card(png(text_chunk("chara", V2), text_chunk("ccv3", v3)))
    assert imported.spec == "chara_card_v3" and imported.persona.name == "Version Three"


def test_png_with_compressed_itxt_and_ztxt_chunks():
    payload = base64.b64encode(json.dumps(V2).encode())
    itxt = chunk(b"iTXt", b"chara\0\x01\x00en\0\0" + zlib.compress(payload))
    ztxt = chunk(b"zTXt", b"chara\0\x00" + zlib.compress(payload))
    assert read_card(png(itxt)).persona.name == "Marguerite Osei"
    assert read_card(png(ztxt)).persona.name == "Marguerite Osei"


def test_png_chunk_with_raw_json_is_accepted():
    assert read_card(png(text_chunk("chara", json.dumps(V2)))).persona.name == "Marguerite Osei"


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("persona", BUILTINS, ids=lambda p: p.id)
def test_export_then_import_gives_back_the_persona(persona):
    card = export_ccv2(persona)
    assert card["spec"] == "chara_card_v2" and card["spec_version"] == "2.0"
    data = card["data"]
    assert data["name"] == persona.name and data["first_mes"] == persona.opening_lines[0]
    assert data["mes_example"].startswith("<START>\n{{user}}: ")
    from_json = read_card(export_ccv2_json(persona).encode())
    from_png = read_card(png(text_chunk("chara", card)))
    assert from_json.exact and from_json.persona == persona and from_png.persona == persona
    assert parse_persona(persona_to_toml(from_json.persona, from_json.header("x.json"))) == persona


def test_other_tools_see_a_plain_card_without_the_extension():
    card = export_ccv2(BUILTINS[0])
    del card["data"]["extensions"]["sim"]
    imported = read_card(json.dumps(card).encode())
    assert not imported.exact and imported.persona.name == BUILTINS[0].name


def test_a_broken_sim_extension_falls_back_to_mapping():
    card = export_ccv2(BUILTINS[0])
    card["data"]["extensions"]["sim"]["persona"]["patience"] = 99
    imported = read_card(json.dumps(card).encode())
    assert not imported.exact
    assert any("extensions.sim was ignored" in n and "patience" in n for n in imported.notes)


# ---------------------------------------------------------------- hostile input


def one_line_error(data: bytes, *expected: str) -> str:
    with pytest.raises(CardError) as caught:
        read_card(data, "bad.card")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("bad.card: ")
    for part in expected:
        assert part in message
    return message


def test_text_chunk_over_10_mb_is_refused():
    big = b"chara\0" + b"A" * (MAX_TEXT_CHUNK + 1)
    one_line_error(png(chunk(b"tEXt", big)), "over the 10 MB limit")


def test_a_huge_declared_length_is_refused_without_reading():
    lying = struct.pack(">I", 0xFFFFFFF0) + b"tEXt" + b"chara\0"
    one_line_error(PNG_SIGNATURE + lying, "over the 10 MB limit")


def test_decompression_bomb_is_refused():
    bomb = zlib.compress(b"A" * (MAX_TEXT_CHUNK + 10), 9)
    one_line_error(png(chunk(b"zTXt", b"chara\0\x00" + bomb)), "decompresses to over")


@pytest.mark.parametrize("cut", [9, 20, 40, -5])
def test_truncated_png(cut):
    one_line_error(png(text_chunk("chara", V2))[:cut], "truncated PNG")


def test_bad_crc_and_missing_card():
    data = bytearray(png(text_chunk("chara", V2)))
    data[60] ^= 0xFF
    one_line_error(bytes(data), "checksum")
    one_line_error(png(), "no character card")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(text_chunk("chara", "!!!not base64!!!")), "not valid base64"),
        (png(text_chunk("chara", base64.b64encode(b"\xff\xfe").decode())), "neither a PNG nor UTF-8"),
        (png(text_chunk("chara", base64.b64encode(b"{oops").decode())), "not valid JSON"),
        (b"{\"spec\": ", "not valid JSON"),
        (b"\xff\xd8\xff\xe0 a jpeg", "neither a PNG nor UTF-8"),
        (b"[1, 2]", "not an object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested more than 64"),
        (b"[" * 100 + b"]" * 100, "nested more than 64"),
        (json.dumps({"spec": "chara_card_v9", "data": {}}).encode(), "not a character card"),
        (json.dumps({"spec": "chara_card_v2", "data": []}).encode(), "no 'data' object"),
        (json.dumps({"spec": ["x"]}).encode(), "not a character card"),
        (json.dumps({"name": 5}).encode(), "'name' should be text, not a number"),
        (json.dumps({"name": "A", "alternate_greetings": "hi"}).encode(), "'alternate_greetings' should be a list"),
        (json.dumps({"name": "A", "alternate_greetings": [1]}).encode(), "'alternate_greetings' should be a list"),
        (json.dumps({"name": "  "}).encode(), "no name"),
        (b'{"name": "A", "n": 1' + b"1" * 5000 + b"}", "not valid JSON"),
    ],
)
def test_hostile_cards_give_one_line_errors(data: bytes, expected: str):
    one_line_error(data, expected)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_raise_only_card_errors(data: bytes):
    for candidate in (data, PNG_SIGNATURE + data):
        try:
            read_card(candidate)
        except CardError as error:
            assert "\n" not in str(error)


VALID_PNG = png(text_chunk("chara", V2))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(8, len(VALID_PNG) - 1), st.binary(min_size=1, max_size=8))
def test_damaged_pngs_raise_only_card_errors(at: int, junk: bytes):
    try:
        read_card(VALID_PNG[:at] + junk + VALID_PNG[at + len(junk) :])
    except CardError:
        pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)
card_keys = st.sampled_from(
    ["name", "description", "personality", "scenario", "first_mes", "alternate_greetings", "mes_example",
     "nickname", "extensions", "tags", "character_book"]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(card_keys, json_values | st.text(max_size=200)), st.sampled_from(["chara_card_v2", "chara_card_v3"]))
def test_any_card_shaped_json_raises_only_card_errors(data: dict, spec: str):
    try:
        imported = read_card(json.dumps({"spec": spec, "data": data}).encode())
    except CardError:
        return
    text = persona_to_toml(imported.persona, imported.header("fuzz"), imported.field_notes())
    assert parse_persona(text) == imported.persona
