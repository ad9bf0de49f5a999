"""The voice's prompts: a scene for small models, chat turns for larger ones."""

from __future__ import annotations

import pytest

from sim.app.session import Session
from sim.core.director import Director
from sim.core.generation import ModelInfo
from sim.core.voice import Exchange, build_chat, build_scene, opening_words
from sim.store.personas import find_persona

THEO = find_persona("theo-green-room").persona


def words(text: str) -> int:
    return len(text.split())


def test_opening_words_take_the_first_third_and_never_stop_at_a_lone_interjection():
    assert opening_words("Honestly the hard part is internships, I've sent out forty applications.") \
        == "Honestly the hard"
    assert opening_words("Oh, that's my radio, a speaker needs me right now, sorry.") == "Oh, that's my"
    assert opening_words("So I keep the green room running, which means I talk to every speaker here.") \
        == "So I keep the green"


def test_scene_has_setting_examples_history_direction_and_prefix():
    direction = Director(THEO).opening()
    history = [Exchange("persona", "Hi there.", "(Theo says hello.)"), Exchange("user", "Hello, Theo!")]
    prompt = build_scene(THEO, "Sam", history, direction, 4000, words)
    text = prompt.messages[0].content
    assert prompt.messages[0].role == "text"
    assert THEO.event in text and THEO.setting in text
    assert f"Attendee: {THEO.examples[0].them}" in text
    assert "(Theo says hello.)\nTheo: Hi there.\nSam: Hello, Theo!\n" in text
    assert text.endswith(f"Theo: {prompt.prefix}")


def test_scene_trims_old_turns_in_blocks_to_fit_the_budget():
    direction = Director(THEO).opening()
    history = [Exchange("user" if i % 2 else "persona", f"line number {i} " + "word " * 20) for i in range(60)]
    full = build_scene(THEO, "Sam", history, direction, 100_000, words).messages[0].content
    budget = words(full) // 2
    trimmed = build_scene(THEO, "Sam", history, direction, budget, words).messages[0].content
    assert words(trimmed) <= budget
    assert "line number 59" in trimmed and "line number 0 " not in trimmed
    one_more = build_scene(THEO, "Sam", history + [Exchange("user", "short")], direction, budget, words)
    start = trimmed.split("line number", 1)[1][:4]
    assert one_more.messages[0].content.split("line number", 1)[1][:4] == start  # same start: cache reuse


def test_chat_prompt_puts_the_persona_in_the_system_message_and_continues_the_prefix():
    direction = Director(THEO).opening()
    history = [Exchange("persona", "Hi there."), Exchange("user", "Hello!")]
    prompt = build_chat(THEO, "Sam", history, direction, 4000, words)
    roles = [m.role for m in prompt.messages]
    assert roles[0] == "system" and roles[-1] == "assistant"
    assert "never an AI" in prompt.messages[0].content
    assert prompt.messages[-1].content == prompt.prefix
    assert "(Theo" in prompt.messages[-2].content  # the stage direction rides with the user turn


class ChatModel:
    """The real small model, presented as a chat model, to exercise the chat path."""

    def __init__(self, generator):
        self.inner = generator
        self.info = ModelInfo("smollm2-chat", "SmolLM2 as chat", 2048, "chat")

    def sample(self, *args, **kwargs):
        return self.inner.sample(*args, **kwargs)

    def stream(self, *args, **kwargs):
        return self.inner.stream(*args, **kwargs)

    def count_tokens(self, text):
        return self.inner.count_tokens(text)


@pytest.mark.model
def test_a_chat_model_runs_the_same_loop(generator):
    session = Session(persona=THEO, generator=ChatModel(generator), seed=1, user_name="Sam")
    session.open()
    session.say("Hi! How has the day been treating you?")
    line = session.reply()
    assert line.turn.text
    assert line.turn.source in ("lm", "authored")
    assert len(line.verdicts) == 4
