"""The guard: each way a line breaks character is caught, and good lines get through."""

from __future__ import annotations

import pytest

from sim.core.director import Direction
from sim.core.guard import check, choose, identity_problems, tidy, whole_sentences
from sim.core.persona import Intent
from sim.store.personas import find_persona

THEO = find_persona("theo-green-room").persona
DETAIL = THEO.challenges[0].details[0]
SHARE = Direction(Intent.SHARE_CHALLENGE, DETAIL,
                  ("hard", "internships", "sent", "forty", "applications", "heard", "nothing", "back"),
                  (DETAIL,), "neutral")
SMALL = Direction(Intent.SMALL_TALK, "Yeah, it's been a long day.", (), ("Yeah, it's been a long day.",), "neutral")


def verdict(line: str, direction: Direction = SMALL, prefix: str = "", **kwargs):
    return check(line, direction=direction, persona=THEO, user_name="Sam",
                 earlier=kwargs.pop("earlier", []), prefix=prefix, **kwargs)


def test_a_good_line_passes():
    assert verdict("Honestly the hard part is internships, forty applications and not one reply.",
                   SHARE, prefix="Honestly the hard part is").ok


@pytest.mark.parametrize("line, reason", [
    ("Sam: Hi there, how are you?", "speaks_as_user"),
    ("Well, Sam's a great guy and he knows it.", "speaks_as_user"),
    ("I'm an AI assistant, so I don't go to conferences.", "claims_ai"),
    ("As a language model I cannot attend events.", "claims_ai"),
    ("Hi, I'm Sam, nice to meet you here today.", "wrong_name"),
    ("- first thing on my list\n- second thing", "list_or_markup"),
    ("It is **really** busy in here today.", "list_or_markup"),
    ("One. Two things happened. Three more. Four times over.", "too_long"),
    ("I'm just a volunteer. I'm just a volunteer here today.", "repeats"),
    ("It has been a long day and I am still waiting for the", "unfinished"),
    ("Ok.", "empty"),
    ("Let's get back to the role-play, shall we?", "meta"),
])
def test_each_way_of_breaking_character_is_caught(line, reason):
    assert reason in verdict(line).reasons


def test_repeating_an_earlier_line_is_caught():
    earlier = ["The coffee here has gotten better, I'll give them that."]
    assert "repeats" in verdict("The coffee here has gotten better, I will give them that.", earlier=earlier).reasons


def test_echoing_the_user_is_speaking_as_them():
    said = "How long have you been volunteering at these conferences?"
    assert "speaks_as_user" in verdict("How long have you been volunteering at these conferences?",
                                       last_user_line=said).reasons


def test_dropping_the_content_is_caught():
    line = "Honestly the hard part is the weather, it has been cold all week."
    assert "drops_content" in verdict(line, SHARE, prefix="Honestly the hard part is").reasons


@pytest.mark.parametrize("intent, line", [
    (Intent.DEFLECT_PITCH, "Oh, that sounds great, tell me more about your product."),
    (Intent.EXIT, "Yeah, the speakers have been great this year."),
    (Intent.ASK_BACK, "Enough about me, I'm just a volunteer."),
    (Intent.ACCEPT_HELP, "No thanks, I'm not interested in that."),
    (Intent.SMALL_TALK, "Well, nice meeting you, goodbye."),
])
def test_lines_that_miss_the_intent_are_caught(intent, line):
    direction = Direction(intent, "x", (), ("x",), "neutral")
    assert "off_intent" in verdict(line, direction).reasons


def test_reveal_must_keep_most_of_the_offer():
    offer = THEO.opportunity.lines[0]
    from sim.core.director import _key_terms

    direction = Direction(Intent.REVEAL_OPPORTUNITY, offer, _key_terms(offer), (offer,), "warm")
    short = "Hey, you've actually listened to me, so here's a thing: I'm doing the seating tonight."
    assert "drops_content" in verdict(short, direction, prefix="Hey, you've actually listened").reasons
    assert verdict(offer, direction, prefix="Hey, you've actually listened").ok


def test_choose_prefers_the_candidate_carrying_more_content_and_is_deterministic():
    weak = verdict("Honestly the hard part is internships, and forty applications later, it stings.",
                   SHARE, prefix="Honestly the hard part is")
    strong = verdict("Honestly the hard part is internships, I sent forty applications and heard nothing back.",
                     SHARE, prefix="Honestly the hard part is")
    assert weak.ok and strong.ok
    assert choose([weak, strong]) is strong
    assert choose([verdict("Ok."), verdict("Sam: hi")]) is None


def test_tidy_and_whole_sentences():
    assert tidy('  "Hello there."  ') == "Hello there."
    assert tidy("It is fine.)") == "It is fine."
    assert whole_sentences("It was a long day. And then the speaker went and") == "It was a long day."
    assert whole_sentences("No end in sight") == "No end in sight"


def test_identity_problems_are_empty_for_every_authored_line():
    from sim.store.personas import load_catalog

    for stored in load_catalog().personas.values():
        persona = stored.persona
        for intent in Intent:
            for line in persona.lines_for(intent):
                assert identity_problems(line, persona, "Sam") == [], (persona.id, line)
