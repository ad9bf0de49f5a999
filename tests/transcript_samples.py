"""Sample transcripts for the transcript tests: every event type, two branches."""

from __future__ import annotations

from sim.core.grading.types import Evidence, Grade
from sim.core.transcript import Header, SessionEvent, Transcript, Turn

PERSONA = {
    "id": "theo-green-room",
    "name": "Theo Brandt",
    "role": "volunteer who runs the speakers' green room",
    "organisation": "CloudScale Summit crew",
    "event": "CloudScale Summit, the hallway outside the speakers' green room",
    "setting": "A lanky guy in a crew T-shirt is balancing a tray of water bottles.",
    "background": "Second-year computer science student who volunteers at conferences.",
    "challenges": [
        {
            "summary": "can't land a first internship without connections",
            "details": ["Honestly the hard part is internships."],
            "needs": ["an introduction to someone hiring interns"],
        }
    ],
}


def header(started_at: str = "2026-11-26T14:03:12+00:00", persona: dict | None = None, **extra) -> Header:
    return Header(
        session_id=extra.pop("session_id", "5f1c9a7e2b"),
        started_at=started_at,
        app_version="0.1.0",
        persona=persona if persona is not None else dict(PERSONA),
        model={"id": "smollm2-135m", "temperature": 0.5, "max_new_tokens": 30},
        seed=7,
        grader_version="rules-1",
        **extra,
    )


def grade(listening: int, helpfulness: int, pitching: int, quote: str = "", tip: str = "", text: str = "") -> Grade:
    evidence = ()
    if quote:
        start = max(text.find(quote), 0)
        evidence = (Evidence(quote, start, start + len(quote), "open_question", "listening"),)
    return Grade(
        listening,
        helpfulness,
        pitching,
        evidence=evidence,
        tip=tip,
        signals=frozenset({"question", "open_question"}) if quote else frozenset(),
        confidence=0.9,
        grader_version="rules-1",
    )


T2 = "No, just an attendee. How is the green room today?"
T4 = "That sounds exhausting. What kind of roles are you after?"


def events() -> list:
    """Branch 1: t1 t2 t3 t4 t5 (+ opportunity revealed). Branch 2 rewinds to t3 and
    pitches: t7 t8 (+ persona left, ended, error). The head is t8."""
    director = {"trust": 0.42, "patience": 4, "shared": ["facts.0"], "asked_back": False}
    return [
        Turn("t1", None, "persona", "Oh, sorry, are you a speaker? No? Okay good.", "2026-11-26T14:03:13+00:00",
             source="authored", intent="greet", director=director),
        Turn("t2", "t1", "user", T2, "2026-11-26T14:03:30+00:00",
             grade=grade(2, 0, 0, "How is the green room today?", "Build on a detail they gave.", T2)),
        Turn("t3", "t2", "persona", "Honestly the hard part is internships.", "2026-11-26T14:03:35+00:00",
             source="lm", intent="share_challenge", director={**director, "trust": 0.5},
             rejected=({"text": "As an AI, I can't.", "reason": "claims to be an AI"},)),
        Turn("t4", "t3", "user", T4, "2026-11-26T14:04:00+00:00",
             grade=grade(3, 0, 0, "What kind of roles are you after?", "", T4)),
        Turn("t5", "t4", "persona", "Want me to put you at her table?", "2026-11-26T14:04:05+00:00",
             source="authored", intent="reveal_opportunity", director={**director, "trust": 0.7}),
        SessionEvent("e6", "t5", "opportunity_revealed", "2026-11-26T14:04:05+00:00", "speakers' dinner seat"),
        Turn("t7", "t3", "user", "Cool. Can I book a **demo** of my tool with your boss?", "2026-11-26T14:05:00+00:00",
             grade=grade(0, 0, 3, tip="Ask about their internship search instead.")),
        Turn("t8", "t7", "persona", "I should get back to the speakers, nice meeting you.", "2026-11-26T14:05:04+00:00",
             source="lm", intent="exit", director={**director, "trust": 0.2, "patience": 0}, copied=True),
        SessionEvent("e9", "t8", "persona_left", "2026-11-26T14:05:04+00:00"),
        SessionEvent("e10", "t8", "ended", "2026-11-26T14:05:10+00:00", "user closed the session"),
        SessionEvent("e11", "t8", "error", "2026-11-26T14:05:11+00:00", "generation stopped"),
    ]


def transcript() -> Transcript:
    return Transcript(header(), events())
