"""A 200-turn session with the real model: the context is trimmed to the window, and the
time per reply and the memory stay bounded. (Run by `make test`; about four minutes.)"""

from __future__ import annotations

import ctypes
import gc
import statistics

import psutil
import pytest

from sim.app.services import new_session
from sim.core.director import Direction
from sim.core.persona import Intent
from sim.store.personas import find_persona

pytestmark = [pytest.mark.model, pytest.mark.slow]

TURNS = 200
USER_LINES = [
    "That sounds like a long day. What has been the best part of it so far?",
    "I hear you. How did you end up doing this kind of work?",
    "Forty applications is a lot. What kind of replies would you hope for?",
    "What would make tomorrow easier for you?",
]


def _live_rss_mb(process) -> float:
    """Resident memory after handing freed heap back to the system: what the session
    holds, not what glibc keeps cached after earlier tests in the same process."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: plain RSS
    return process.memory_info().rss / 2**20


def test_two_hundred_turns_stay_fast_and_small(home_with_model, generator, model_files):
    persona = find_persona("theo-green-room", home_with_model).persona
    session = new_session(persona, generator, model_files.profile, seed=3, home=home_with_model)
    session.open()
    lines = [line for intent in (Intent.SMALL_TALK, Intent.ANSWER_SELF, Intent.ASK_BACK)
             for line in persona.lines_for(intent)]

    def endless(grade, text=""):
        # The director would (rightly) let Theo drift off long before turn 200; this test
        # is about the model, the prompt and the transcript under a long context.
        line = lines[session.director.state.turn % len(lines)]
        session.director.state.turn += 1
        return Direction(Intent.SMALL_TALK, line, (), (line,), "neutral")

    session.director.react = endless
    process = psutil.Process()
    seconds, rss, prompt_tokens = {}, {}, []
    for turn in range(1, TURNS + 1):
        session.say(USER_LINES[turn % len(USER_LINES)])
        line = session.reply()
        seconds[turn] = line.seconds
        prompt_tokens.append(generator.last_prefill_tokens + generator.last_reused_tokens)
        if turn in (10, 100, 200):
            rss[turn] = _live_rss_mb(process)
    early = statistics.median(seconds[t] for t in range(5, 16))
    late = statistics.median(seconds[t] for t in range(TURNS - 10, TURNS + 1))
    print(f"\nreply s: median turns 5-15 {early:.2f}, turns 190-200 {late:.2f}; "
          f"RSS MB at 10/100/200: {rss[10]:.0f}/{rss[100]:.0f}/{rss[200]:.0f}; "
          f"longest prompt {max(prompt_tokens)} tokens")
    assert max(prompt_tokens) <= 2048  # trimmed to the voice's window
    assert late < early * 3  # bounded, not growing with the conversation
    assert rss[200] - rss[100] < 300  # no leak per turn
    assert len(session.branch()) == 1 + 2 * TURNS
