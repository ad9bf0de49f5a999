"""The turn grader: listening, helpfulness and pitching, 0-3 each, with evidence quoted
from the user's own words and one tip. Pure Python, deterministic, fast.

    grade_turn(persona, context, user_turn) -> Grade              rules only ("rules-6")
    grade_turn(persona, context, user_turn, embed=f) -> Grade     hybrid ("hybrid-8+rules-6")
    prepare_hybrid(f)                                             embed the prototypes once
    warm_hybrid(persona, context, f)       embed their card and last line before the user speaks
    session_metrics(turns) -> SessionMetrics   (in sim.core.grading.metrics)
"""

from sim.core.grading.grader import GRADER_VERSION, HYBRID_VERSION, grade_turn, prepare_hybrid, warm_hybrid
from sim.core.grading.metrics import SessionMetrics, session_metrics
from sim.core.grading.types import AXES, ContextLine, Evidence, Grade, PersonaBrief, Signal

__all__ = [
    "AXES",
    "GRADER_VERSION",
    "HYBRID_VERSION",
    "ContextLine",
    "Evidence",
    "Grade",
    "PersonaBrief",
    "SessionMetrics",
    "Signal",
    "grade_turn",
    "prepare_hybrid",
    "session_metrics",
    "warm_hybrid",
]
