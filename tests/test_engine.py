"""The engine with the real default model: load, stream, cancel, seeds, batches, KV reuse."""

from __future__ import annotations

import threading

import pytest

from sim.core.generation import GenerationOptions, Message

pytestmark = pytest.mark.model

SCENE = (
    "DevOps Days, the coffee line. Priya, an engineering manager, is stirring her tea.\n"
    "Sam: Hi, how's the conference treating you?\n"
    "Priya: Honestly, it's been a long morning.\n"
    "Sam: What's been the most useful talk so far?\n"
    "Priya:"
)


def prompt(text: str = SCENE) -> list[Message]:
    return [Message("text", text)]


def test_loads_with_profile_info(generator):
    assert generator.info.id == "smollm2-135m"
    assert generator.info.prompt_style == "scene"
    assert generator.info.context_length >= 2048
    assert generator.count_tokens("Hello there") > 0


def test_stream_yields_text_and_stops_at_newline(generator):
    text = "".join(generator.stream(prompt(), GenerationOptions(seed=1, max_new_tokens=40)))
    assert text.strip()
    assert "\n" not in text


def test_same_seed_same_output(generator):
    options = GenerationOptions(seed=7, temperature=0.9, max_new_tokens=20)
    first = "".join(generator.stream(prompt(), options))
    second = "".join(generator.stream(prompt(), options))
    assert first == second
    assert generator.sample(prompt(), options, 3) == generator.sample(prompt(), options, 3)


def test_different_seeds_differ(generator):
    outputs = {
        "".join(generator.stream(prompt(), GenerationOptions(seed=s, temperature=1.0, max_new_tokens=20)))
        for s in range(4)
    }
    assert len(outputs) > 1


def test_sample_returns_n_candidates_from_one_batch(generator):
    options = GenerationOptions(seed=3, temperature=0.8, max_new_tokens=25)
    candidates = generator.sample(prompt(), options, 4)
    assert len(candidates) == 4
    assert all("\n" not in c for c in candidates)
    assert len(set(candidates)) > 1


def test_stop_event_ends_generation_within_one_step(generator):
    stop = threading.Event()
    options = GenerationOptions(seed=1, max_new_tokens=200, stop=(), temperature=0)
    stream = generator.stream(prompt(), options, stop)
    first = next(stream)
    assert first
    stop.set()
    after = list(stream)
    # At most the text of the token already decoded when the event was set.
    assert len(after) <= 1


def test_stop_event_set_before_start_generates_nothing(generator):
    stop = threading.Event()
    stop.set()
    assert list(generator.stream(prompt(), GenerationOptions(seed=1), stop)) == []
    assert generator.sample(prompt(), GenerationOptions(seed=1), 2, stop) == ["", ""]


def test_kv_reuse_gives_the_same_tokens_as_full_prefill(generator):
    greedy = GenerationOptions(temperature=0, max_new_tokens=24, stop=())
    earlier = SCENE.rsplit("Sam:", 1)[0] + "Priya:"
    list(generator.stream(prompt(earlier), greedy))  # warms the cache with a shared prefix
    reused = "".join(generator.stream(prompt(), greedy))
    assert generator.last_reused_tokens > 20
    generator._reset_cache()
    fresh = "".join(generator.stream(prompt(), greedy))
    assert generator.last_reused_tokens == 0
    assert reused == fresh


def test_new_turn_prefills_only_the_new_tokens(generator):
    greedy = GenerationOptions(temperature=0, max_new_tokens=2, stop=())
    list(generator.stream(prompt(), greedy))
    longer = SCENE + " It was the one on on-call.\nSam: Why that one?\nPriya:"
    list(generator.stream(prompt(longer), greedy))
    assert generator.last_prefill_tokens < 25
    assert generator.last_reused_tokens > 50


def test_chat_messages_use_the_chat_template(generator):
    messages = [Message("system", "You are Priya."), Message("user", "Hi!"), Message("assistant", "Oh,")]
    rendered = generator.render(messages)
    assert "<|im_start|>user\nHi!<|im_end|>" in rendered
    assert rendered.endswith("<|im_start|>assistant\nOh,")


def test_prefill_ahead_means_the_next_call_reads_only_new_tokens(generator):
    generator._reset_cache()
    head = SCENE.rsplit("Sam:", 1)[0]
    generator.prefill(prompt(head))
    list(generator.stream(prompt(), GenerationOptions(temperature=0, max_new_tokens=2)))
    assert generator.last_reused_tokens >= generator.count_tokens(head) - 2
    assert generator.last_prefill_tokens < 20


def test_session_prepare_reads_the_scene_so_far_into_the_cache(generator):
    from sim.app.session import Session
    from sim.store.personas import find_persona

    session = Session(persona=find_persona("theo-green-room").persona, generator=generator, seed=2)
    session.open()
    generator._reset_cache()
    session.prepare()
    session.say("Hi! How's the day going for you?")
    session.reply()
    assert generator.last_reused_tokens > 150  # setting, examples and the opening line
