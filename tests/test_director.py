"""The director's mechanics: pitching costs, listening pays, and the order things happen in."""

from __future__ import annotations

import pytest

from sim.core.director import Director, DirectorState
from sim.core.grading.types import Grade, Signal
from sim.core.persona import Intent
from sim.store.personas import load_catalog

PITCH = Grade(0, 0, 3, signals=frozenset({Signal.CALL_TO_ACTION}))
SOFT_PITCH = Grade(1, 0, 2, signals=frozenset({Signal.PROMOTION}))
REFLECT = Grade(3, 0, 0, signals=frozenset({Signal.QUESTION, Signal.OPEN_QUESTION, Signal.FOLLOW_UP,
                                            Signal.REFLECTION, Signal.EMPATHY}))
GENERIC = Grade(2, 0, 0, signals=frozenset({Signal.QUESTION, Signal.FOLLOW_UP, Signal.INTEREST_IN_THEM}))
MINIMAL = Grade(1, 0, 0, signals=frozenset({Signal.MINIMAL}))
HELP = Grade(2, 3, 0, signals=frozenset({Signal.OFFER, Signal.FITTING_OFFER}))
STATEMENT = Grade(2, 0, 0, signals=frozenset({Signal.REFLECTION}))


def personas():
    return [s.persona for s in load_catalog().personas.values()]


@pytest.mark.parametrize("persona", personas(), ids=lambda p: p.id)
def test_a_pitcher_makes_every_persona_leave_within_patience(persona):
    director = Director(persona)
    director.opening()
    for turn in range(1, persona.patience + 2):
        direction = director.react(PITCH if turn % 2 else SOFT_PITCH)
        if direction.intent is Intent.EXIT:
            assert direction.event == "persona_left"
            assert turn <= persona.patience
            assert director.state.left
            return
        assert direction.intent is Intent.DEFLECT_PITCH
    pytest.fail(f"{persona.id} never left")


@pytest.mark.parametrize("persona", personas(), ids=lambda p: p.id)
def test_listening_then_helping_reveals_the_opportunity(persona):
    director = Director(persona)
    director.opening()
    intents = [director.react(grade).intent for grade in [REFLECT, REFLECT, REFLECT, HELP, REFLECT, REFLECT]]
    assert Intent.REVEAL_OPPORTUNITY in intents
    assert intents.count(Intent.REVEAL_OPPORTUNITY) == 1
    first_reveal = intents.index(Intent.REVEAL_OPPORTUNITY)
    assert intents[:first_reveal].count(Intent.SHARE_CHALLENGE) >= 2  # they open up first
    assert director.state.trust >= persona.opportunity.trust_needed


@pytest.mark.parametrize("persona", personas(), ids=lambda p: p.id)
def test_an_interviewer_neither_unlocks_nor_drives_away(persona):
    director = Director(persona)
    director.opening()
    intents = [director.react(GENERIC).intent for _ in range(8)]
    assert Intent.REVEAL_OPPORTUNITY not in intents
    assert not director.state.revealed
    assert not director.state.interest_shown


def test_reveal_needs_interest_in_them_not_just_trust():
    persona = personas()[0]
    director = Director(persona, DirectorState(trust=0.99, patience=5, details_shared=[2, 2]))
    for _ in range(4):
        assert director.react(HELP).intent is not Intent.REVEAL_OPPORTUNITY
    assert director.react(REFLECT).intent is Intent.REVEAL_OPPORTUNITY


def test_asks_back_when_listened_to_without_a_question():
    persona = personas()[0]
    director = Director(persona)
    director.opening()
    intents = [director.react(grade).intent for grade in [REFLECT, REFLECT, STATEMENT, STATEMENT]]
    assert Intent.ASK_BACK in intents
    assert director.state.asked_back == 1


def test_a_question_is_answered_not_turned_back():
    persona = personas()[0]
    director = Director(persona, DirectorState(trust=0.9, patience=5, details_shared=[1, 0]))
    assert director.react(REFLECT).intent in (Intent.SHARE_CHALLENGE, Intent.ANSWER_SELF,
                                              Intent.REVEAL_OPPORTUNITY)


def test_details_follow_the_users_topic_and_stay_in_order():
    theo = next(p for p in personas() if p.id == "theo-green-room")
    director = Director(theo, DirectorState(trust=0.5, patience=5, details_shared=[0, 0]))
    direction = director.react(REFLECT, "Did you get to see any of the talks today?")
    assert direction.content == theo.challenges[1].details[0]  # the talks, not internships
    direction = director.react(REFLECT, "And the talks, what did you catch?")
    assert direction.content == theo.challenges[1].details[1]


def test_a_conversation_that_goes_nowhere_runs_dry_and_ends():
    persona = personas()[0]
    director = Director(persona)
    director.opening()
    intents = [director.react(MINIMAL).intent for _ in range(30)]
    assert intents[-1] is Intent.EXIT or Intent.EXIT in intents
    assert intents.index(Intent.EXIT) >= len(persona.lines.small_talk)


def test_same_grades_same_directions_and_state_round_trips():
    persona = personas()[3]
    grades = [REFLECT, PITCH, GENERIC, HELP, REFLECT, MINIMAL, REFLECT]
    first, second = Director(persona), Director(persona)
    a = [first.react(g, "what about the team?") for g in grades]
    b = [second.react(g, "what about the team?") for g in grades]
    assert a == b
    restored = Director(persona, DirectorState.from_dict(first.state.to_dict()))
    assert restored.state == first.state


def test_authored_variants_rotate_without_repeating_back_to_back():
    persona = personas()[0]
    director = Director(persona, DirectorState(trust=0.3, patience=10, details_shared=[0, 0]))
    lines = [director.react(SOFT_PITCH).content for _ in range(4)]
    assert all(a != b for a, b in zip(lines, lines[1:]))


def test_after_opening_up_to_a_good_listener_they_ask_back_even_when_asked():
    persona = personas()[0]
    director = Director(persona)
    director.opening()
    intents = [director.react(REFLECT).intent for _ in range(6)]
    assert intents.count(Intent.ASK_BACK) == 1
    assert intents.index(Intent.ASK_BACK) > intents.index(Intent.SHARE_CHALLENGE)
