"""What a finished (or running) session adds up to: outcome, metrics, best and worst turn."""

from __future__ import annotations

from sim.app.session import Session
from sim.core.grading.metrics import session_metrics
from sim.core.summary import outcome as outcome_label
from sim.core.transcript import Turn


def outcome(session: Session) -> str:
    """The outcome of the current branch, as a sentence."""
    name = session.persona.first_name
    label = outcome_label(session.transcript, session.branch())
    return {
        "opportunity revealed": f"{name} offered you something you never asked for: "
                                f"{session.persona.opportunity.offer}",
        "persona left": f"{name} made an excuse and left",
        "ended": "you ended the conversation",
    }.get(label, "in progress")


def turn_score(turn: Turn) -> int:
    """One number to rank user turns: listening and help count, pitching costs."""
    grade = turn.grade
    assert grade is not None
    return grade.listening + grade.helpfulness - grade.pitching


def best_and_worst(turns: list[Turn]) -> tuple[Turn | None, Turn | None]:
    graded = [t for t in turns if t.speaker == "user" and t.grade is not None]
    if not graded:
        return None, None
    best = max(graded, key=turn_score)  # earliest wins ties
    worst = min(graded, key=turn_score)
    return best, (worst if worst is not best else None)


def metrics_for(turns: list[Turn]):
    return session_metrics([(t.speaker, t.text, t.grade) for t in turns])


def session_summary(session: Session) -> dict:
    branch = session.branch()
    persona_lines = [t for t in branch if t.speaker == "persona"]
    from_model = [t for t in persona_lines if t.source == "lm"]
    return {
        "persona": session.persona.id,
        "outcome": outcome(session),
        "left": session.left,
        "revealed": session.director.state.revealed,
        "trust": round(session.director.state.trust, 3),
        "user_turns": sum(1 for t in branch if t.speaker == "user"),
        "persona_lines": len(persona_lines),
        "model_lines": len(from_model),
        "model_lines_not_copied": sum(1 for t in from_model if not t.copied),
        "metrics": metrics_for(branch).to_dict(),
        "transcript": str(session.writer.path) if session.writer else None,
    }


def metric_rows(metrics) -> list[tuple[str, str, str]]:
    """(label, value, published anchor) for display, the same in every view."""

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.0f}%"

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    band = metrics.reflection_band
    first = metrics.first_pitch_turn
    return [
        ("talk share", percent(metrics.talk_share), "top performers ~43% (Gong)"),
        ("questions per turn", number(metrics.questions_per_turn), ""),
        ("reflections per question",
         number(metrics.reflections_per_question) + (f" ({band})" if band else ""),
         "MITI 4: 1:1 fair, 2:1 good"),
        ("longest monologue", f"{metrics.longest_monologue} words", ""),
        ("pitches", f"{metrics.pitch_count}" + (f", first at turn {first}" if first else ""), "connect first"),
    ]
