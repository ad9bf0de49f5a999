"""The app answers keys while the persona's reply is being generated in the worker.

Two measures:
- the Pilot way (the issue's): `pilot.press` + `pilot.pause(0)` around each key, with the
  reply blocked on the stand-in's gate. Pilot waits for the process to go idle, so this
  is an upper bound that includes Pilot's own settling time (about 60 ms a key here);
- the direct way (benchmark, marked slow): post the key and poll until its effect is in
  the app state and painted, while a worker thread burns CPU in pure Python (the worst
  case for the GIL; torch releases it during its kernels).

The ordinary test asserts a generous bound so shared CI machines don't flake; the
benchmark asserts the 100 ms target. Both print what they measured (`pytest -s`).
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time

import pytest
from fakes import ScriptedGenerator
from textual import events
from tui_helpers import make_app, open_persona, replying, say, wait_until

JOAN = "joan-bakery-owner"
TARGET = 0.100


class BusyGenerator(ScriptedGenerator):
    """Holds the GIL in pure-Python bursts until the gate opens, like a decoding loop."""

    def sample(self, messages, options, n, stop_event=None):
        self.prompts.append("".join(m.content for m in messages))
        total = 0
        while not self.gate.is_set() and not (stop_event and stop_event.is_set()):
            for i in range(20_000):
                total += i * i
        return [" that is really something I have been thinking about lately."] * n


def summary(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return (f"{name}: {len(ms)} keys, median {statistics.median(ms):.1f} ms, "
            f"p95 {p95:.1f} ms, max {ms[-1]:.1f} ms")


async def start_blocked_reply(pilot, gen: ScriptedGenerator) -> None:
    """Two finished exchanges (lines to move through), then a reply stuck in the worker."""
    await open_persona(pilot, JOAN)
    await say(pilot, "What made you come tonight?")
    await say(pilot, "Which bread do you bake most?")
    gen.gate = threading.Event()
    asked = len(gen.prompts)
    await say(pilot, "What does your dad think of it?", wait=False)
    await wait_until(pilot, lambda: len(gen.prompts) > asked, what="generation to start")
    assert pilot.app.screen.busy


async def test_keys_are_answered_while_a_reply_is_generating(sim_home):
    gen = ScriptedGenerator()
    app = make_app(sim_home, gen)
    typing, moving = [], []
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await start_blocked_reply(pilot, gen)
            composer = app.screen.query_one("#input")
            for char in "still typing":
                started = time.perf_counter()
                await pilot.press(char)
                await pilot.pause(0)
                typing.append(time.perf_counter() - started)
            assert composer.text == "still typing"
            await pilot.press("ctrl+t")
            view = app.screen.query_one("#transcript")
            for key in ["up"] * 5 + ["down"] * 5:
                before = view.index
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause(0)
                moving.append(time.perf_counter() - started)
                assert view.index != before
            assert app.screen.busy and replying(app)  # all of it while generating
            gen.gate.set()
            await wait_until(pilot, lambda: not replying(app), what="the reply")
    finally:
        gen.gate.set()
    print("\n" + summary("typing (pilot)", typing) + "\n" + summary("transcript (pilot)", moving))
    assert max(typing + moving) < 1.0


async def _direct_latencies(pilot, keys_and_effects) -> list[float]:
    app = pilot.app
    seconds = []
    for key, char, effect in keys_and_effects:
        started = time.perf_counter()
        app.post_message(events.Key(key, char))
        while not effect():
            await asyncio.sleep(0.0005)
        app.screen._on_timer_update()  # and paint it, as the refresh timer would
        seconds.append(time.perf_counter() - started)
        await asyncio.sleep(0.02)  # a fast typist: 50 keys a second
    return seconds


@pytest.mark.slow
async def test_benchmark_key_latency_while_the_worker_burns_cpu(sim_home):
    gen = BusyGenerator()
    gen.gate = threading.Event()
    gen.gate.set()
    app = make_app(sim_home, gen)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await start_blocked_reply(pilot, gen)
            composer = app.screen.query_one("#input")
            text = "typing while the model thinks"
            typed = await _direct_latencies(pilot, [
                (char if char != " " else "space", char,
                 lambda n=n: composer.text == text[:n + 1])
                for n, char in enumerate(text)
            ])
            view = app.screen.query_one("#transcript")
            await _direct_latencies(pilot, [("ctrl+t", None, lambda: app.focused is view)])
            start = view.index
            moves = min(start, 6)
            moved = await _direct_latencies(pilot, [
                ("up", None, lambda n=n: view.index == start - n - 1) for n in range(moves)
            ] + [
                ("down", None, lambda n=n: view.index == start - moves + n + 1) for n in range(moves)
            ])
            assert app.screen.busy
    finally:
        gen.gate.set()
    print("\n" + summary("typing (direct, CPU-busy worker)", typed)
          + "\n" + summary("transcript (direct, CPU-busy worker)", moved))
    everything = sorted(typed + moved)
    assert statistics.median(everything) < TARGET
    assert everything[round(0.95 * len(everything)) - 1] < TARGET


@pytest.mark.model
@pytest.mark.slow
async def test_benchmark_key_latency_while_the_real_model_generates(home_with_model):
    """The same measure with the real model decoding in the worker (torch releases the
    GIL inside its kernels; its Python-side loop does not)."""
    from sim.tui.app import SimApp

    app = SimApp(home_with_model)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: app.model_state.phase != "loading", timeout=180,
                         what="the model")
        assert app.model_state.ready
        await open_persona(pilot, JOAN)
        composer = app.screen.query_one("#input")
        composer.text = "What made you come tonight?"
        app.post_message(events.Key("enter", "\r"))
        await wait_until(pilot, lambda: app.screen.busy, what="generation to start")
        text = "typing while the real model thinks"
        composer.text = ""
        typed = await _direct_latencies(pilot, [
            (char if char != " " else "space", char, lambda n=n: composer.text == text[:n + 1])
            for n, char in enumerate(text)
        ])
        view = app.screen.query_one("#transcript")
        await _direct_latencies(pilot, [("ctrl+t", None, lambda: app.focused is view)])
        moved = await _direct_latencies(pilot, [
            ("up", None, lambda: view.index == 0), ("down", None, lambda: view.index == 1)] * 3)
        still_busy = app.screen.busy
        await wait_until(pilot, lambda: not replying(app), timeout=180, what="the reply")
    print("\n" + summary("typing (direct, real model generating)", typed)
          + "\n" + summary("transcript (direct, real model generating)", moved)
          + f"\n(generation still running at the end: {still_busy})")
    ordered = sorted(typed + moved)
    assert statistics.median(ordered) < TARGET
    assert ordered[round(0.95 * len(ordered)) - 1] < TARGET
