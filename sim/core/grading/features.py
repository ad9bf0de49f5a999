"""The feature vector of one turn for the hybrid grader: the rules' levels and signals,
and (with an embed callable) the semantic similarities. Shared by the hybrid grader and
the training script, so both see the same numbers."""

from __future__ import annotations

import math

from sim.core.grading.grader import Analysis
from sim.core.grading.semantic import Embed, Semantic, semantic_features


def _cap(value: float, top: float = 3.0) -> float:
    return float(min(top, max(0.0, value)))


def rule_features(found: Analysis) -> dict[str, float]:
    listen, help_, pitch, turn = found.listen, found.help, found.pitch, found.turn
    listening, helpfulness, pitching = found.levels
    features: dict[str, float] = {}
    for axis, level in (("L", listening), ("H", helpfulness), ("P", pitching)):
        for value in range(4):
            features[f"rule_{axis}{value}"] = float(level == value)
    features.update(
        {
            "r_questions": _cap(listen.questions),
            "r_follow_ups": _cap(listen.follow_ups),
            "r_open_follow_ups": _cap(listen.open_follow_ups),
            "r_generic_questions": _cap(listen.generic_questions),
            "r_reflections": _cap(listen.reflections),
            "r_empathy": _cap(listen.empathy + listen.soft_empathy),
            "r_uptake": _cap(listen.uptake, 5) / 5,
            "r_line_uptake": _cap(listen.line_uptake, 5) / 5,
            "r_minimal": float(listen.minimal),
            "r_self_focus": float(listen.self_focus),
            "r_answers_question": float(listen.answers_question),
            "r_asked_about_user": float(turn.asked_about_user),
            "r_topic_change": float(listen.topic_change),
            "r_generalising": float(listen.generalising),
            "r_offered": float(help_.offered),
            "r_generic_offer": float(help_.generic),
            "r_fitting": float(help_.fitting),
            "r_strings": float(help_.strings),
            "r_committed": float(help_.committed),
            "r_named_contact": float(help_.named_contact),
            "r_asks": _cap(pitch.asks),
            "r_promotion": _cap(pitch.promotion + pitch.steering),
            "r_disclosure": _cap(pitch.disclosure),
            "r_pitch_questions": _cap(pitch.pitch_questions),
            "r_log_words": math.log1p(min(turn.n_words, 400)) / 6,
            "r_first_person": _cap(listen.first_person, 6) / 6,
            "r_second_person": _cap(listen.second_person, 6) / 6,
        }
    )
    return features


def questions_of(found: Analysis) -> list[bool]:
    return [part.is_question for part in found.turn.parts]


def texts_of(found: Analysis) -> tuple[str, list[str], str, str]:
    """(turn, its sentences, their last line, the context: their role and card, which stay
    the same all conversation and so are embedded once)."""
    turn = found.turn
    return turn.text, [part.text for part in turn.parts], turn.last_line, persona_text(found.persona)


def persona_text(persona) -> str:
    """Their role and card, embedded once a conversation (they do not change)."""
    return " ".join([str(persona.role or ""), str(persona.card or "")]).strip()


def all_features(found: Analysis, embed: Embed) -> tuple[dict[str, float], Semantic]:
    semantic = semantic_features(embed, *texts_of(found), questions=questions_of(found))
    features = rule_features(found)
    features.update(semantic.features)
    features.update(vector_features(semantic.whole))
    return features, semantic


def vector_features(whole: list[float]) -> dict[str, float]:
    """The turn's embedding, one feature per dimension ("v0", "v1", ...)."""
    return {f"v{i}": value for i, value in enumerate(whole)}
