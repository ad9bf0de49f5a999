"""The persona editor: open, check as you type, preview, save (built-ins copied, never
overwritten), try it now, close with unsaved changes. Plus SVG snapshots at 80x24 and
120x40."""

from __future__ import annotations

import io
import stat

from fakes import ScriptedGenerator
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.widgets import Button, Input, Select, TextArea

from sim.store.paths import ENV_HOME, Home, builtin_personas_dir
from sim.store.personas import load_catalog, load_persona_file
from sim.app.services import RULES
from sim.tui.app import SimApp
from sim.tui.screens.conversation import ConversationScreen
from sim.tui.screens.editor import DEBOUNCE, ConfirmScreen, EditorScreen, preview
from sim.tui.screens.help import key_table
from sim.tui.screens.home import HomeScreen
from sim.tui.widgets.persona_form import Group, check, starter

THEO = "theo-green-room"

MINIMAL = {
    "name": "Priya Raman",
    "role": "night-shift pharmacist",
    "event": "a pharmacy conference, the queue for the cloakroom",
    "setting": "A woman in a lanyard is reading a conference map upside down.",
    "hook": "Knows every hospital's supply problems, and the buyer who fixes them.",
    "background": "Priya runs the night pharmacy of a big hospital.",
    "personality": "Dry, tired, kind once she trusts you.",
    "speaking_style": "Short sentences, dry jokes.",
    "goals": "find a better way to run the night shift",
    "facts": "I run the night pharmacy at a big hospital.",
    "opening_lines": "Is this the queue for the cloakroom or for coffee?",
    "challenges.0.summary": "shortages on the night shift",
    "challenges.0.details": "Half my night is spent hunting for drugs we ran out of.",
    "opportunity.offer": "She can introduce the user to the hospital's head of purchasing.",
    "opportunity.lines": "Our head of purchasing is here, I can introduce you if you like.",
    "lines.greet": "Hi, nice to meet someone who isn't in the queue.",
    "lines.answer_self": "I'm a pharmacist, night shifts mostly.",
    "lines.ask_back": "What brings you here?",
    "lines.accept_help": "That would help, thank you.",
    "lines.small_talk": "The coffee here is better than at our hospital.",
    "lines.deflect_pitch": "I don't buy anything, that's the purchasing office.",
    "lines.exit": "I should find my colleague, nice meeting you.",
}


def make_app(home) -> SimApp:
    return SimApp(home, loader=lambda progress: (ScriptedGenerator(), None), grader_loader=lambda progress: RULES)


async def open_editor(app: SimApp, pilot, persona_id: str | None = THEO) -> EditorScreen:
    screen = EditorScreen.for_persona(persona_id) if persona_id else EditorScreen.new()
    await app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    assert screen.baseline is not None
    return screen


def set_field(screen: EditorScreen, key: str, value: str) -> None:
    editor = screen.form.fields()[key].editor
    if isinstance(editor, TextArea):
        editor.text = value
    elif isinstance(editor, (Input, Select)):
        editor.value = value


def problems(screen: EditorScreen, key: str) -> list[str]:
    return screen.form.fields()[key].problems


def notices(app: SimApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_e_on_home_opens_the_editor_on_the_highlighted_persona(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        stored = load_catalog(sim_home).personas[screen.persona_id]
        assert screen.origin == "built-in"
        assert screen.query_one("#f-name", Input).value == stored.persona.name
        assert screen.query_one("#f-opening-lines", TextArea).text.splitlines() == list(
            stored.persona.opening_lines)
        assert screen.problems == {} and screen.persona == stored.persona
        assert not screen.dirty


async def test_a_persona_that_cannot_be_found_is_reported_not_edited(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(EditorScreen.for_persona("nobody-here"))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("nobody-here" in message for message in notices(app))


async def test_a_bad_value_shows_a_message_beside_its_field_and_clears_when_fixed(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        patience = screen.query_one("#f-patience", Input)
        patience.focus()
        patience.value = ""
        await pilot.press("1", "2")
        await pilot.pause(DEBOUNCE + 0.2)  # the live check, not a direct call
        assert problems(screen, "patience") == ["must be at most 10"]
        assert "1 problem" in str(screen.query_one("#editor-summary").render())
        label = screen.query_one("#field-patience .field-problem")
        assert label.display and "at most 10" in str(label.render())
        assert screen.persona is None

        await pilot.press("backspace", "backspace", "5")
        await pilot.pause(DEBOUNCE + 0.2)
        assert problems(screen, "patience") == []
        assert not screen.query_one("#field-patience .field-problem").display
        assert screen.persona is not None and screen.persona.patience == 5
        assert "Ready" in str(screen.query_one("#editor-summary").render())


async def test_problems_land_on_their_own_fields(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "name", "Theo: the volunteer")
        set_field(screen, "id", "Not An Id")
        set_field(screen, "lines.exit", "")
        set_field(screen, "initial_trust", "0.9")  # above the opportunity's trust_needed
        set_field(screen, "challenges.0.details", "fine line\n<TODO a placeholder>")
        screen.validate_now()
        assert problems(screen, "name") == ["must be one line without ':'"]
        assert "lowercase letters" in problems(screen, "id")[0]
        assert problems(screen, "lines.exit") == ["write at least one, one per line"]
        assert problems(screen, "challenges.0.details") == ["line 2: placeholder not replaced"]
        # The rule across two fields only runs once the rest is valid.
        for key, value in (("name", "Theo Brandt"), ("id", THEO), ("lines.exit", "Bye now."),
                           ("challenges.0.details", "fine line")):
            set_field(screen, key, value)
        screen.validate_now()
        assert problems(screen, "opportunity.trust_needed") == [
            "must not be below initial trust (0.9)"]
        assert screen.problem_count == 1


async def test_f8_jumps_from_problem_to_problem(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "role", "")
        set_field(screen, "lines.greet", "")
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#f-role")
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#f-lines-greet")
        assert screen.form.scroll_y > 0
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#f-role")


async def test_saving_a_builtin_writes_a_private_copy_and_never_touches_the_original(sim_home):
    builtin = builtin_personas_dir() / f"{THEO}.toml"
    original = builtin.read_bytes()
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "hook", "Seats the speakers' dinner, and nobody knows it.")
        set_field(screen, "interests", "free pastries\n\n  conference lanyards  \n")
        await pilot.pause(DEBOUNCE + 0.2)
        assert screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = sim_home.personas / f"{THEO}.toml"
        assert saved.is_file()
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert builtin.read_bytes() == original
        assert any(str(saved) in message and "unchanged" in message for message in notices(app))
        assert not screen.dirty and screen.origin == "user"

        persona = load_persona_file(saved, expect_id=True)  # valid, and named after its id
        assert persona == screen.persona
        assert persona.hook == "Seats the speakers' dinner, and nobody knows it."
        assert persona.interests == ["free pastries", "conference lanyards"]
        # The file's leading comment block travels with the copy.
        assert saved.read_text(encoding="utf-8").startswith("#")

        await pilot.press("escape")  # nothing unsaved: no question
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        stored = load_catalog(sim_home).personas[THEO]
        assert stored.origin == "user" and stored.overrides_builtin
        people = app.screen.query_one("#personas")
        hooks = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
        assert any("Seats the speakers' dinner" in hook and "yours" in hook for hook in hooks)


async def test_n_starts_a_new_persona_that_saves_once_filled_in(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.origin == "new"
        new_id = screen.query_one("#f-id", Input).value
        assert new_id == "my-persona"
        assert screen.problem_count > 10  # everything still to write, each field says so
        assert problems(screen, "name") == ["required"]
        await pilot.press("ctrl+s")
        assert not (sim_home.personas / f"{new_id}.toml").exists()
        assert any("problem" in message for message in notices(app))

        for key, value in MINIMAL.items():
            set_field(screen, key, value)
        screen.validate_now()
        assert screen.problems == {}
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = sim_home.personas / f"{new_id}.toml"
        persona = load_persona_file(saved, expect_id=True)
        assert persona.name == "Priya Raman" and persona.patience == 4 and persona.examples == []

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        people = app.screen.query_one("#personas")
        assert new_id in [people.get_option_at_index(i).id for i in range(people.option_count)]


async def test_a_new_id_that_is_taken_asks_before_replacing(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "id", "theo-copy")
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = sim_home.personas / "theo-copy.toml"
        assert first.is_file()
        await app.pop_screen()

        other = await open_editor(app, pilot, "ruth-freight-coo")
        set_field(other, "id", "theo-copy")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: keep the other file
        await pilot.pause()
        assert app.screen is other
        assert load_persona_file(first).name == "Theo Brandt"

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is other
        assert load_persona_file(first).name == other.persona.name != "Theo Brandt"
        assert (sim_home.personas / "theo-copy.toml").is_file()
        assert not (sim_home.personas / "ruth-freight-coo.toml").exists()


async def test_where_it_saved_is_said_literally_even_with_markup_in_the_path(tmp_path, monkeypatch):
    home = Home(tmp_path / "odd [bold]home[/]")
    monkeypatch.setenv(ENV_HOME, str(home.root))
    app = make_app(home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "hook", "[link=x]changed[/link]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = home.personas / f"{THEO}.toml"
        assert load_persona_file(saved).hook == "[link=x]changed[/link]"
        assert any(str(saved) in message for message in notices(app))


async def test_a_failed_save_says_why_and_keeps_every_edit(sim_home):
    sim_home.root.mkdir(parents=True)
    sim_home.personas.write_text("not a folder")  # the persona folder cannot be made
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "name", "Theo Brandtner")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.dirty
        assert screen.query_one("#f-name", Input).value == "Theo Brandtner"
        failures = [n for n in app._notifications if n.severity == "error"]
        assert failures and "\n" not in failures[-1].message
        assert sim_home.personas.read_text() == "not a folder"


async def test_try_it_now_talks_to_the_edited_unsaved_persona(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "name", "")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen is screen  # refused: the persona is not valid
        assert any("problem" in message for message in notices(app))

        set_field(screen, "name", "Theodora Green")
        set_field(screen, "opening_lines", "Hello from the edited persona, nice shoes.")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.pause()
        conversation = app.screen
        assert isinstance(conversation, ConversationScreen)
        assert conversation.persona.name == "Theodora Green"
        assert conversation.session.branch()[0].text == "Hello from the edited persona, nice shoes."
        assert not (sim_home.personas / f"{THEO}.toml").exists()  # trying is not saving


async def test_markup_and_odd_text_are_shown_literally_and_never_crash(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "name", "[bold]Theo[/] Brandt")
        set_field(screen, "setting", "A [link=x]lanky[/link] guy [red]waves")
        set_field(screen, "opening_lines", "Hi [/] there \u202eevil\u202c \u200b 🎉 e\u0301")
        set_field(screen, "background", "x" * 300_000 + "\x00\x1b[31m")
        screen.validate_now()
        await pilot.pause()
        shot = app.export_screenshot().replace("&#160;", " ")
        assert "[bold]Theo[/]" in shot
        assert "[link=x]lanky[/link] guy [red]waves" in shot
        assert "Hi [/] there" in shot
        # Too big to be a persona file: refused with a reason, the form untouched.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not (sim_home.personas / f"{THEO}.toml").exists()
        assert any("KB" in message for message in notices(app))
        assert len(screen.query_one("#f-background", TextArea).text) > 300_000


async def test_challenges_and_examples_can_be_added_and_removed(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        before = len(screen.form.groups("challenge"))
        screen.query_one("#add-challenge", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        groups = screen.form.groups("challenge")
        assert len(groups) == before + 1
        new = groups[-1]
        assert screen.focused is new.fields[0].editor  # straight to the new summary
        screen.validate_now()
        assert problems(screen, f"challenges.{before}.summary") == ["required"]

        set_field(screen, f"challenges.{before}.summary", "no time to eat")
        set_field(screen, f"challenges.{before}.details", "I haven't eaten since breakfast.")
        screen.validate_now()
        assert screen.persona is not None
        assert screen.persona.challenges[-1].summary == "no time to eat"

        for group in list(screen.form.groups("challenge")):
            await screen.form.remove_group(group)
        screen.validate_now()
        assert screen.form.query_one("#problem-challenges").problems == [
            "add at least one challenge"]
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#add-challenge")

        await screen.run_action("add_group('example')")
        example = screen.form.groups("example")[-1]
        assert "Example" in str(example.query_one(".group-title").render())
        assert isinstance(screen.form.groups("example")[0], Group)


async def test_escape_with_unsaved_changes_asks_first(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_editor(app, pilot)
        await pilot.press("escape")  # no changes: straight back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        screen = await open_editor(app, pilot)
        screen.query_one("#f-hook", Input).focus()
        await pilot.press("end", "!")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.focused.id == "confirm-no"  # the safe answer has the focus
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#f-hook", Input).value.endswith("!")

        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not (sim_home.personas / f"{THEO}.toml").exists()


async def test_editor_keys_and_palette_commands(sim_home):
    ids = {binding.id for binding in EditorScreen.BINDINGS}
    assert {"editor.save", "editor.try", "editor.close", "editor.next_problem"} <= ids
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in ("Save the persona", "Try the persona now", "Add a challenge",
                      "Add an example", "Close the editor", "Next problem"):
            assert title in titles
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(key_table({}))
        keys = console.export_text()
        assert "Try it now" in keys and "Next problem" in keys


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(MINIMAL) + ["id", "patience", "initial_trust",
                                                           "opportunity.trust_needed"]),
                       st.text(), max_size=8))
def test_any_text_in_any_field_is_checked_without_raising(values):
    data = starter("fuzz")
    for key, text in values.items():
        target = data
        parts = key.split(".")
        for part in parts[:-1]:
            target = target[part] if not part.isdigit() else target[int(part)]
        old = target[parts[-1]]
        target[parts[-1]] = text.splitlines() if isinstance(old, list) else text
    persona, found = check(data, set())
    assert (persona is None) == bool(found)
    for part in (False, True):
        preview(data, compact=part)


async def test_text_that_cannot_be_written_is_refused_with_a_reason(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot)
        set_field(screen, "hook", "a lone surrogate \ud800 here")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.dirty
        assert not (sim_home.personas / f"{THEO}.toml").exists()
        assert any(n.severity == "error" for n in app._notifications)


def _snapshot_editor(persona_id: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.push_screen(EditorScreen.for_persona(persona_id))
        await pilot.pause(DEBOUNCE + 0.2)

    return run_before


def test_snapshot_editor_80x24(snap_compare, sim_home):
    assert snap_compare(make_app(sim_home), terminal_size=(80, 24), run_before=_snapshot_editor(THEO))


def test_snapshot_editor_120x40(snap_compare, sim_home):
    assert snap_compare(make_app(sim_home), terminal_size=(120, 40), run_before=_snapshot_editor(THEO))

