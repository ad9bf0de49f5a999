"""Every flow of the terminal app, driven by the keyboard through Textual's Pilot, with
the scripted stand-in generator in place of the language model."""

from __future__ import annotations

import re
import threading
from fakes import ScriptedGenerator
from textual.widgets import Label, OptionList, ProgressBar
from tui_helpers import (
    BUILT_IN_PERSONAS,
    CONNECTING,
    GOOD_LINE,
    PITCHING,
    GatedLoader,
    flat,
    kinds,
    make_app,
    notices,
    open_persona,
    replying,
    say,
    screen_text,
    transcript_items,
    type_text,
    wait_until,
    widget_text,
)

from sim.store.personas import load_catalog
from sim.store.transcripts import read_transcript
from sim.tui.widgets.lines import EventLine, PersonaLine, UserLine

JOAN = "joan-bakery-owner"
JOAN_OPENING = "Oh, hello. Can I ask you something silly? What's a pipeline, in plain words?"
SIZE = (100, 40)


def screen_name(app) -> str:
    return type(app.screen).__name__


def trust_shown(app) -> float:
    match = re.search(r"trust\s*\n\W*(\d\.\d\d)", widget_text(app, app.screen.query_one("#side")))
    assert match, widget_text(app, app.screen.query_one("#side"))
    return float(match.group(1))


# ------------------------------------------------------------------ home and the model


async def test_home_lists_every_built_in_persona_and_no_sessions(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        people = app.screen.query_one("#personas", OptionList)
        assert people.option_count == BUILT_IN_PERSONAS
        names = {s.persona.name for s in load_catalog(sim_home).personas.values()}
        assert len(names) == BUILT_IN_PERSONAS
        # every name is painted (the list scrolls: walk it with the arrow keys)
        seen = set()
        for _ in range(BUILT_IN_PERSONAS):
            seen |= {name for name in names if name in screen_text(app)}
            await pilot.press("down")
        assert seen == names
        assert "No sessions yet" in widget_text(app, app.screen.query_one("#sessions"))


async def test_model_status_shows_loading_then_ready(sim_home):
    loader = GatedLoader()
    app = make_app(sim_home, loader=loader)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.model_state.fraction == 0.25, what="progress")
        await pilot.pause()
        status = app.screen.query_one("#model-status")
        assert "Model loading: reading weights" in widget_text(app, status)
        bar = app.screen.query_one("#model-bar", ProgressBar)
        assert bar.display and bar.progress == 25
        loader.release()
        await wait_until(pilot, lambda: app.model_state.ready, what="the model")
        await pilot.pause()
        assert "Model ready: Scripted stand-in" in widget_text(app, status)
        assert not bar.display


# ------------------------------------------------------------------ the conversation


async def test_enter_opens_the_conversation_with_the_authored_opening(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_persona(pilot, JOAN)
        items = transcript_items(app)
        assert [type(i) for i in items] == [PersonaLine]
        assert items[0].turn.text == JOAN_OPENING
        assert JOAN_OPENING in flat(widget_text(app, items[0]))
        assert app.focused is app.screen.query_one("#input")


async def test_a_typed_turn_shows_grade_chips_then_the_persona_line(sim_home):
    gen = ScriptedGenerator([[" the register keeps every sale since 2009, and nobody asks it anything."]])
    gen.gate = threading.Event()
    app = make_app(sim_home, gen)
    async with app.run_test(size=SIZE) as pilot:
        await open_persona(pilot, JOAN)
        trust_before = trust_shown(app)
        await pilot.press(*"Not silly at all. What made you come tonight?")
        await pilot.press("enter")
        await pilot.pause()
        # graded at once, before the persona answers
        assert kinds(app) == ["PersonaLine", "UserLine"]
        user = transcript_items(app)[1]
        text = widget_text(app, user)
        assert "You: Not silly at all. What made you come tonight?" in text
        for chip in ("listening", "help", "pitching"):
            assert re.search(rf"{chip} [0-3]", text), text
        assert "thinking" in str(app.screen.query_one("#typing", Label).render())
        gen.gate.set()
        await wait_until(pilot, lambda: not replying(app), what="the reply")
        await pilot.pause()
        assert kinds(app) == ["PersonaLine", "UserLine", "PersonaLine"]
        reply = transcript_items(app)[2]
        assert reply.turn.speaker == "persona" and reply.turn.text
        assert "Joan: " + reply.turn.text[:30] in flat(widget_text(app, reply))
        assert str(app.screen.query_one("#typing", Label).render()) == ""
        assert trust_shown(app) > trust_before  # an open question about her warms her up


async def test_highlighting_a_user_line_shows_evidence_and_tip(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, CONNECTING[0])
        user = next(i for i in transcript_items(app) if isinstance(i, UserLine))
        details = user.query_one(".details")
        assert not details.display or details.region.height == 0
        await pilot.press("ctrl+t")
        assert app.focused is app.screen.query_one("#transcript")
        await pilot.press("up")
        assert app.screen.query_one("#transcript").highlighted_child is user
        await pilot.pause()
        shown = flat(widget_text(app, details))
        grade = user.turn.grade
        assert grade.evidence and grade.tip
        assert f"\u201c{grade.evidence[0].quote}\u201d"[:40] in shown
        assert "Tip: " + grade.tip[:40] in shown
        await pilot.press("ctrl+t")
        assert app.focused is app.screen.query_one("#input")


async def test_a_turn_sent_while_loading_is_graded_and_answered_when_ready(sim_home):
    loader = GatedLoader(ScriptedGenerator([[GOOD_LINE]]))
    app = make_app(sim_home, loader=loader)
    async with app.run_test(size=SIZE) as pilot:
        await open_persona(pilot, JOAN)
        assert not app.model_state.ready
        await say(pilot, "What brings you here tonight?", wait=False)
        await pilot.pause()
        assert kinds(app) == ["PersonaLine", "UserLine"]
        assert transcript_items(app)[1].turn.grade is not None
        waiting = str(app.screen.query_one("#typing", Label).render())
        assert "waiting for the model" in waiting and "reading weights" in waiting
        # typing stays possible while waiting
        await pilot.press("o", "k")
        assert app.screen.query_one("#input").text == "ok"
        loader.release()
        await wait_until(pilot, lambda: not replying(app), what="the reply")
        await pilot.pause()
        assert kinds(app) == ["PersonaLine", "UserLine", "PersonaLine"]
        assert str(app.screen.query_one("#typing", Label).render()) == ""


async def test_escape_stops_a_slow_reply_with_an_authored_line(sim_home):
    gen = ScriptedGenerator()
    gen.gate = threading.Event()
    app = make_app(sim_home, gen)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_persona(pilot, JOAN)
            await say(pilot, "What brings you here tonight?", wait=False)
            await wait_until(pilot, lambda: gen.prompts, what="generation to start")
            assert app.screen.busy
            await pilot.press("escape")
            await wait_until(pilot, lambda: not replying(app), timeout=2, what="the stop")
            await pilot.pause()
            reply = transcript_items(app)[-1]
            assert isinstance(reply, PersonaLine) and reply.turn.source == "authored"
            assert reply.turn.text in app.screen.session.persona.model_dump_json()
    finally:
        gen.gate.set()


async def test_rewind_prefills_the_input_and_keeps_both_branches(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, "What brings you here tonight?")
        await say(pilot, "Do you like bread?")
        path = app.screen.session.writer.path
        await pilot.press("ctrl+t", "up", "up", "up")
        item = app.screen.query_one("#transcript").highlighted_child
        assert isinstance(item, UserLine) and item.turn.text == "What brings you here tonight?"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert kinds(app) == ["PersonaLine"]
        composer = app.screen.query_one("#input")
        assert composer.text == "What brings you here tonight?"
        assert app.focused is composer
        assert notices(app, "Rewound")
        await say(pilot, "What made you come to a data meetup?")
        assert kinds(app) == ["PersonaLine", "UserLine", "PersonaLine"]
        transcript, warnings = read_transcript(path)
        assert not warnings
        branches = transcript.branches()
        assert len(branches) == 2
        texts = [[t.text for t in b if t.speaker == "user"] for b in branches]
        assert ["What brings you here tonight?", "Do you like bread?"] in texts
        assert ["What made you come to a data meetup?"] in texts


async def test_ctrl_g_ends_and_shows_the_report(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 60)) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, CONNECTING[0])
        await say(pilot, "I sell a CRM, want a demo? Here's my card.")
        path = app.screen.session.writer.path
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="the report")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "you ended the conversation" in text
        metrics = flat(widget_text(app, app.screen.query_one("#metrics")))
        for row in ("talk share 41% top performers ~43% (Gong)", "0.50 (below fair)",
                    "MITI 4: 1:1 fair,", "pitches 1, first at turn 2 connect first"):
            assert row in metrics, metrics
        assert "Your best turn" in text and CONNECTING[0][:40] in text
        assert "The turn to try again" in text and "I sell a CRM, want a demo?" in text
        assert "Tip:" in text
        assert path.name in text.replace(" ", "")
        transcript, _ = read_transcript(path)
        assert transcript.events[-1].kind == "ended"


async def test_report_replay_steps_switches_regrades_compares_and_tries_again(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, "What brings you here tonight?")
        await pilot.press("ctrl+t", "up")
        await pilot.press("ctrl+r")
        await say(pilot, CONNECTING[0])
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        await pilot.press("r")
        await wait_until(pilot, lambda: screen_name(app) == "ReplayScreen", what="replay")
        await pilot.pause()
        bar = app.screen.query_one("#replay-bar")
        detail = app.screen.query_one("#replay-detail")
        assert "branch 2 of 2" in widget_text(app, bar)
        assert "source: authored" in widget_text(app, detail)  # the opening line
        await pilot.press("down")
        shown = flat(widget_text(app, detail))
        assert "Graded then" in shown and "Tip:" in shown
        assert CONNECTING[0][:30] in flat(screen_text(app))
        await pilot.press("b")
        assert "branch 1 of 2" in widget_text(app, bar)
        assert "What brings you here tonight?" in screen_text(app)
        await pilot.press("down")
        await pilot.press("g")
        await pilot.pause()
        assert "Re-graded now" in widget_text(app, detail)
        assert notices(app, "Re-graded 2 turns with the current grader")
        await pilot.press("c")
        await pilot.pause()
        compare = widget_text(app, detail)
        assert "branch" in compare and "outcome" in compare
        assert len(re.findall(r"^\W*[12]\s+1\s", compare, re.MULTILINE)) == 2
        await pilot.press("up", "down", "t")
        await wait_until(pilot, lambda: screen_name(app) == "ConversationScreen", what="try again")
        await pilot.pause()
        assert app.screen.query_one("#input").text == "What brings you here tonight?"
        assert kinds(app) == ["PersonaLine"]


async def test_pitching_makes_the_persona_leave_and_sends_are_refused(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_persona(pilot, "kyle-saas-mixer")
        for turn in PITCHING:
            await say(pilot, turn)
        left = [i for i in transcript_items(app) if isinstance(i, EventLine)]
        assert [e.event.kind for e in left] == ["persona_left"]
        assert "Kyle has left the conversation." in widget_text(app, left[0])
        assert notices(app, "They walked away")
        await say(pilot, "Wait, come back!")
        assert kinds(app).count("UserLine") == len(PITCHING)
        assert notices(app, "The conversation is over")
        assert app.screen.query_one("#input").text == "Wait, come back!"


async def test_connecting_reveals_the_opportunity(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_persona(pilot, JOAN)
        for turn in CONNECTING:
            await say(pilot, turn)
        events = [i for i in transcript_items(app) if isinstance(i, EventLine)]
        assert [e.event.kind for e in events] == ["opportunity_revealed"]
        shown = flat(widget_text(app, events[0]))
        assert "Joan offered you something you never asked for." in shown
        assert "merchants' association" in shown
        assert notices(app, "An opportunity you never asked for")
        assert "opened a door for you" in widget_text(app, app.screen.query_one("#side"))


# ------------------------------------------------------------------ help, palette, settings


def all_bindings():
    import importlib

    from textual.binding import Binding

    from sim.tui.screens.help import SCREENS

    for _title, module, name in SCREENS:
        for binding in getattr(importlib.import_module(module), name).BINDINGS:
            if isinstance(binding, Binding):
                yield binding


async def test_f1_lists_every_key(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(160, 80)) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: screen_name(app) == "HelpScreen", what="help")
        await pilot.pause()
        rows = screen_text(app).splitlines()
        bindings = list(all_bindings())
        assert len(bindings) >= 25
        for binding in bindings:
            assert binding.id, f"{binding.key} has no id, so it cannot be remapped"
            assert any(binding.id in row and binding.key in row and binding.description in row
                       for row in rows), f"{binding.id} ({binding.key}) is not on the help screen"
        assert "ctrl+p" in screen_text(app) and "config.toml" in screen_text(app)
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"


async def palette(pilot, search: str) -> str:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "CommandPalette", what="the palette")
    await pilot.press(*search)
    await pilot.pause(0.3)
    return screen_text(pilot.app)


async def test_command_palette_talks_to_anyone_and_runs_screen_actions(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = await palette(pilot, "Talk to Ruth")
        assert "Talk to Ruth Halvorsen" in shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "ConversationScreen")
        assert app.screen.persona.id == "ruth-freight-coo"
        for search, action in (("rewind", "Rewind to the selected turn"), ("stop", "Stop the reply"),
                               ("save", "Save the conversation elsewhere"),
                               ("help", "Help: every key"), ("home", "Back to the persona list")):
            assert action in await palette(pilot, search), action
            await pilot.press("escape")
        assert "End and see the report" in await palette(pilot, "end and")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="the report")


async def test_keys_are_remapped_from_config_toml(sim_home):
    sim_home.root.mkdir(parents=True, exist_ok=True)
    sim_home.config_file.write_text('name = "Sam"\n\n[keys]\n"conversation.end" = "f9"\n'
                                    'newline = "ctrl+n"\n', encoding="utf-8")
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        row = next(r for r in screen_text(app).splitlines() if "End & report" in r)
        assert " f9 " in row and "ctrl+g" not in row
        await pilot.press("escape")
        await open_persona(pilot, JOAN)
        assert "f9" in widget_text(app, app.screen.query_one("Footer"))
        await pilot.press("a", "ctrl+n", "b")
        assert app.screen.query_one("#input").text == "a\nb"
        await say(pilot, "What made you come tonight?")
        assert "Sam: What made you come tonight?" in screen_text(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen_name(app) == "ConversationScreen"
        await pilot.press("f9")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="the report")


async def test_a_broken_config_warns_and_the_app_starts(sim_home):
    sim_home.root.mkdir(parents=True, exist_ok=True)
    sim_home.config_file.write_text('name = "Sam\n[keys\n', encoding="utf-8")
    app = make_app(sim_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        warning = notices(app, "Settings")
        assert warning and warning[0].severity == "warning" and "using defaults" in warning[0].message
        assert "config.toml" in warning[0].message
        toast = app.screen.query_one("Toast")  # on screen, not only recorded
        assert "using defaults" in flat(widget_text(app, toast))
        await open_persona(pilot, JOAN)
        await say(pilot, "What made you come tonight?")
        assert "You: What made you come tonight?" in screen_text(app)


async def test_the_theme_choice_is_saved_to_config_toml(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "theme")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "nord", what="the theme")
    assert 'theme = "nord"' in sim_home.config_file.read_text(encoding="utf-8")
    again = make_app(sim_home)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


# ------------------------------------------------------------------ when things fail


async def test_a_model_that_fails_to_load_leaves_the_app_usable(sim_home):
    loader = GatedLoader(fail=FileNotFoundError(2, "No such file or directory", "/models/[bold]x[/].gguf"))
    loader.release()
    app = make_app(sim_home, loader=loader)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.model_state.phase == "failed", what="the failure")
        await pilot.pause()
        status = app.screen.query_one("#model-status")
        assert status.region.height == 1
        assert str(status.query_one("#model-label", Label).render()) == (
            "Model failed: [Errno 2] No such file or directory: '/models/[bold]x[/].gguf'")
        assert widget_text(app, status).startswith("Model failed: [Errno 2] No such file")
        assert notices(app, "The model did not load")
        await open_persona(pilot, JOAN)
        await say(pilot, "What made you come tonight?")
        assert kinds(app) == ["PersonaLine", "UserLine", "PersonaLine"]
        assert transcript_items(app)[1].turn.grade is not None
        assert transcript_items(app)[2].turn.source == "authored"
        assert notices(app, "No model")
        await say(pilot, "Which bread do you bake most?")
        assert kinds(app).count("PersonaLine") == 3


async def test_a_generator_that_raises_mid_reply_leaves_the_conversation_usable(sim_home):
    gen = ScriptedGenerator(fail=RuntimeError("out of memory [/] [bold]"))
    app = make_app(sim_home, gen)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, "What made you come tonight?")
        assert kinds(app) == ["PersonaLine", "UserLine", "PersonaLine", "EventLine"]
        reply, error = transcript_items(app)[2:]
        assert reply.turn.source == "authored"
        assert "out of memory [/] [bold]" in flat(widget_text(app, error))
        assert notices(app, "The model failed")
        gen.fail = None
        await say(pilot, "Which bread do you bake most?")
        assert kinds(app)[-2:] == ["UserLine", "PersonaLine"]


MARKUP = "[bold]hi[/] [link=x]y[/link] [/] \x1b[31mred\x1b[0m"
SHOWN = "[bold]hi[/] [link=x]y[/link] [/] \u241b[31mred\u241b[0m"


async def test_markup_and_escapes_in_user_text_show_literally_everywhere(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=(140, 50), notifications=True) as pilot:
        await open_persona(pilot, JOAN)
        composer = app.screen.query_one("#input")
        composer.focus()
        await type_text(pilot, MARKUP)
        assert "\x1b" not in screen_text(app) and SHOWN in screen_text(app)  # in the input
        await pilot.press("enter")
        await wait_until(pilot, lambda: not replying(app))
        await pilot.pause()
        user = transcript_items(app)[1]
        assert SHOWN in widget_text(app, user)
        await pilot.press("ctrl+t", "up")
        await pilot.pause()
        assert "\x1b" not in screen_text(app)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        await pilot.pause()
        assert SHOWN in screen_text(app) and "\x1b" not in screen_text(app)
        await pilot.press("r")
        await wait_until(pilot, lambda: screen_name(app) == "ReplayScreen")
        await pilot.press("down")
        await pilot.pause()
        assert SHOWN in widget_text(app, app.screen.query_one("#replay-turns"))
        assert "\x1b" not in screen_text(app)


async def test_persona_and_transcript_text_show_literally(sim_home):
    """A user's own persona file and a transcript written by `sim play` (raw escapes)."""
    from sim.app.services import new_session
    from sim.store.personas import find_persona

    text = (load_catalog(sim_home).personas[JOAN].path).read_text(encoding="utf-8")
    text = text.replace('id = "joan-bakery-owner"', 'id = "joan-markup"')
    text = text.replace('name = "Joan Whitaker"', 'name = "Joan [bold]Whit[/]aker"')
    sim_home.personas.mkdir(parents=True, exist_ok=True)
    (sim_home.personas / "joan-markup.toml").write_text(text, encoding="utf-8")
    persona = find_persona("joan-markup", sim_home).persona
    session = new_session(persona, None, None, home=sim_home)
    session.open()
    session.say("tell me [/] about \x1b]0;pwned\x07 bread?")
    session.reply()
    session.end()
    app = make_app(sim_home)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "Joan [bold]Whit[/]aker" in home
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: screen_name(app) == "ReplayScreen", what="replay from home")
        await pilot.press("down")
        await pilot.pause()
        shown = screen_text(app)
        assert "tell me [/] about \u241b]0;pwned\u2407 bread?" in shown
        assert "Joan [bold]Whit[/]aker" in shown
        assert not any(ch in shown for ch in "\x1b\x07")


async def test_a_huge_paste_is_refused_and_kept_in_the_input(sim_home):
    app = make_app(sim_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_persona(pilot, JOAN)
        app.screen.query_one("#input").focus()
        await type_text(pilot, "word " * 4000)
        await pilot.press("enter")
        await pilot.pause()
        assert kinds(app) == ["PersonaLine"]
        refused = notices(app, "20,000 characters")
        assert refused and "at most 4,000" in refused[0].message
        assert len(app.screen.query_one("#input").text) == 20_000


async def test_a_corrupt_transcript_is_unreadable_on_home_and_in_sim_replay(sim_home):
    import subprocess
    import sys

    sim_home.transcripts.mkdir(parents=True, exist_ok=True)
    broken = sim_home.transcripts / "2026-01-02T10-00-00_joan-bakery-owner_abc.jsonl"
    broken.write_bytes(b'{"type": "header", "format": "nope"\n\x00\xff garbage\n')
    app = make_app(sim_home)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        sessions = widget_text(app, app.screen.query_one("#sessions"))
        assert broken.name in sessions and "unreadable:" in sessions
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    result = subprocess.run([sys.executable, "-m", "sim", "replay", str(broken)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sim: ") and broken.name in lines[0]
    assert "Traceback" not in result.stderr


async def test_a_transcript_that_cannot_be_written_says_not_saved_and_saves_elsewhere(
        sim_home, tmp_path, monkeypatch):
    import sim.store.transcripts as store

    app = make_app(sim_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_persona(pilot, JOAN)
        await say(pilot, "What made you come tonight?")
        first_file = app.screen.session.writer.path

        def disk_full(fd, data):
            raise OSError(28, "No space left on device")

        real_write_all = store._write_all
        monkeypatch.setattr(store, "_write_all", disk_full)
        await say(pilot, "Which bread do you bake most?")
        not_saved = notices(app, "Not saved")
        assert not_saved and not_saved[0].severity == "error"
        assert "No space left on device" in not_saved[0].message and "Ctrl+S" in not_saved[0].message
        assert "not saved" in widget_text(app, app.screen.query_one("#side")).lower()
        monkeypatch.setattr(store, "_write_all", real_write_all)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen_name(app) == "SaveAsScreen", what="save as")
        target = tmp_path / "rescued.jsonl"
        field = app.screen.query_one("#save-path")
        field.value = ""
        await type_text(pilot, str(target))
        assert field.value == str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "ConversationScreen")
        await pilot.pause()
        assert notices(app, "Saved to")
        assert "not saved" not in widget_text(app, app.screen.query_one("#side")).lower()
        await say(pilot, "What does your dad think of it?")
        transcript, warnings = read_transcript(target)
        users = [t.text for t in transcript.branch() if t.speaker == "user"]
        assert users == ["What made you come tonight?", "Which bread do you bake most?",
                         "What does your dad think of it?"]
        assert len(read_transcript(first_file)[0].events) < len(transcript.events)


class Watched(ScriptedGenerator):
    """Notes when a sample returns (the worker thread is done with the model)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.returned = threading.Event()

    def sample(self, *args, **kwargs):
        try:
            return super().sample(*args, **kwargs)
        finally:
            self.returned.set()


async def start_a_reply(pilot, gen) -> None:
    """Open Joan, say something, and return once the model has started answering."""
    await open_persona(pilot, JOAN)
    await say(pilot, "What made you come tonight?", wait=False)
    await wait_until(pilot, lambda: gen.prompts, what="generation to start")


async def test_ending_during_a_slow_reply_goes_straight_to_the_report(sim_home):
    gen = Watched()
    gen.gate = threading.Event()
    app = make_app(sim_home, gen)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start_a_reply(pilot, gen)
            await pilot.press("ctrl+g")
            await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", timeout=2,
                             what="the report without waiting for the model")
            assert gen.returned.is_set()
    finally:
        gen.gate.set()


async def test_quitting_during_a_reply_stops_the_model(sim_home):
    gen = Watched()
    gen.gate = threading.Event()
    app = make_app(sim_home, gen)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start_a_reply(pilot, gen)
            await pilot.press("ctrl+q")
        # the worker thread would otherwise keep the process alive until the reply is done
        assert gen.returned.wait(timeout=2), "the model was not told to stop"
    finally:
        gen.gate.set()


async def test_the_app_can_open_straight_into_a_replay(sim_home):
    """What `sim replay FILE` does; a torn last line (a crash mid-write) is a warning."""
    from sim.app.services import new_session
    from sim.store.personas import find_persona

    session = new_session(find_persona(JOAN, sim_home).persona, None, None, home=sim_home)
    session.open()
    session.say("What made you come tonight?")
    session.reply()
    path = session.writer.path
    with open(path, "a", encoding="utf-8") as file:
        file.write('{"type": "turn", "id": "t9", "par')
    app = make_app(sim_home, replay=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "ReplayScreen", what="the replay")
        await pilot.pause()
        assert "What made you come tonight?" in screen_text(app)
        assert notices(app, "Loaded with a warning")
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"
