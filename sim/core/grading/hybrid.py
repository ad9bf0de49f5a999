"""The hybrid grader: the rules' levels and signals plus sentence-embedding similarities,
combined per axis by a small multinomial logistic regression (weights in hybrid_model.py,
trained by scripts/train_hybrid.py). Pure Python at run time.

The rules still give the evidence and the tip; the model only moves levels. When it moves
one, the grade says why: a HYBRID_ADJUSTED signal and, when a similarity drove the move,
a SEMANTIC_* evidence entry quoting the sentence (e.g. semantic_promotion).
"""

from __future__ import annotations

import math

from sim.core.grading.features import all_features
from sim.core.grading.grader import HYBRID_VERSION, Analysis
from sim.core.grading.hybrid_model import MODEL
from sim.core.grading.prototypes import KINDS
from sim.core.grading.semantic import Embed, Semantic
from sim.core.grading.types import AXES, Signal

__all__ = ["HYBRID_VERSION", "explain", "hybrid_levels", "predict"]

#: Which behaviour a similarity feature stands for (for the evidence it leaves).
_KIND_OF = {f"{prefix}_{kind}": kind for prefix in ("proto", "turn", "q") for kind in KINDS}
_UPTAKE = ("sim_last", "sim_last_max", "sim_context", "q_sim_last")


def predict(axis: str, features: dict[str, float]) -> tuple[int, list[float], list[float]]:
    """(level, class probabilities, standardised inputs) for one axis."""
    model = MODEL["axes"][axis]
    z = [
        (float(features.get(name, 0.0)) - mean) / scale
        for name, mean, scale in zip(model["features"], model["mean"], model["scale"])
    ]
    logits = list(model["bias"])
    for value, row in zip(z, model["weights"]):
        if value:
            for c in range(4):
                logits[c] += value * row[c]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    probs = [e / total for e in exps]
    decode = MODEL.get("decode", {})
    decode = decode.get(axis) if isinstance(decode, dict) else decode
    if decode == "median":
        # the median level: levels are ordered, so a turn the model splits between 3 and
        # 0 gets a middle grade rather than a coin flip between extremes
        cumulative, level = 0.0, 3
        for c, p in enumerate(probs):
            cumulative += p
            if cumulative >= 0.5:
                level = c
                break
    elif decode == "mean":  # the expected level, rounded
        level = min(3, math.floor(sum(c * p for c, p in enumerate(probs)) + 0.5))
    else:
        level = max(range(4), key=lambda c: (logits[c], -c))
    high_at = MODEL.get("high_at", {}).get(axis)
    if high_at is not None:
        # the 1|2 boundary ("level >= 2" is the grade that matters most) placed where
        # cross-validation put it, rather than at the decoding's own midpoint
        level = max(level, 2) if probs[2] + probs[3] >= high_at else min(level, 1)
    return level, probs, z


def hybrid_levels(found: Analysis, embed: Embed) -> tuple[tuple[int, int, int], list[tuple[str, str, int]]]:
    """The hybrid levels and, per moved axis, (axis, semantic feature that drove it, sentence
    index or -1 for the whole turn)."""
    features, semantic = all_features(found, embed)
    levels, reasons = [], []
    for index, axis in enumerate(AXES):
        level, _, z = predict(axis, features)
        rule_level = found.levels[index]
        if axis == "helpfulness" and MODEL.get("trust_rules_help") and rules_help_is_sure(found.levels):
            level = 3
        if level != rule_level:
            # nothing in the turn is near what they said: no sentence of it shows listening
            unrelated = axis == "listening" and level > rule_level and features.get("sim_last_max", 0.0) < UNRELATED
            driver = None if unrelated else (
                _driver(axis, z, rule_level, level) or _closest_behaviour(axis, rule_level, level, semantic)
            )
            if driver is not None:
                reasons.append((axis, driver, _sentence_of(driver, semantic)))
            else:
                reasons.append((axis, "", -1))
        levels.append(level)
    return (levels[0], levels[1], levels[2]), reasons


#: Below this cosine to their last line a sentence shares almost nothing with it; 9 in 10
#: training turns labelled listening 2 or 3 come closer (their 10th percentile is 0.17).
UNRELATED = 0.15


def rules_help_is_sure(rule_levels: tuple[int, int, int]) -> bool:
    """The rules found specific, committed help (helpfulness 3) and no pitch: the model
    keeps that 3, because its similarities cannot tell "want me to introduce you to my
    lead?" from "could you introduce me to your boss?". Shared with the training script."""
    return rule_levels[1] == 3 and rule_levels[2] <= 1


def _driver(axis: str, z: list[float], old: int, new: int) -> str | None:
    """The similarity feature that pushed hardest from the rules' level to the new one,
    among those that can honestly explain the move: the turn is *like* a behaviour that
    moves this axis this way (a raised pitch by a promotion, not by "unlike a follow-up").
    None when no such feature pushed."""
    model = MODEL["axes"][axis]
    raises, lowers = _MOVES[axis]
    kinds = raises if new > old else lowers
    best, best_push = None, 0.0
    for name, value, row in zip(model["features"], z, model["weights"]):
        if value <= 0:
            continue  # less similar than usual: no sentence to quote for it
        if name in _UPTAKE:
            if axis != "listening" or new < old:
                continue
        elif _KIND_OF.get(name) not in kinds:
            continue
        push = value * (row[new] - row[old])
        if push > best_push:
            best, best_push = name, push
    return best


#: Behaviours that raise, and that lower, each axis: what a moved level may be explained by.
_MOVES = {
    "listening": (("reflection", "empathy", "follow_up"),
                  ("generic_question", "minimal", "self_story", "promotion", "call_to_action")),
    "helpfulness": (("specific_help", "advice_story"), ("vague_help", "promotion", "call_to_action")),
    "pitching": (("promotion", "brag", "call_to_action"),
                 ("about_me", "follow_up", "reflection", "empathy", "specific_help", "advice_story")),
}


def _closest_behaviour(axis: str, old: int, new: int, semantic: Semantic) -> str | None:
    """For a raised level: the behaviour of that axis the turn's sentences come closest to."""
    if new <= old:
        return None
    kinds = [k for k in _MOVES[axis][0] if k in semantic.best_sentence]
    if not kinds:
        return None
    return "proto_" + max(kinds, key=lambda k: semantic.best_sentence[k][1])


def _sentence_of(feature: str, semantic: Semantic) -> int:
    kind = _KIND_OF.get(feature)
    if kind is None or feature.startswith("turn_"):
        return -1
    return semantic.best_sentence.get(kind, (-1, 0.0))[0]


def explain(found: Analysis, reasons: list[tuple[str, str, int]]) -> None:
    """Add the evidence and signals for levels the model moved."""
    turn = found.turn
    for axis, feature, sentence in reasons:
        turn.signals.add(Signal.HYBRID_ADJUSTED)
        if not feature:
            continue
        kind = _KIND_OF.get(feature)
        signal = f"semantic_{kind}" if kind else Signal.SEMANTIC_UPTAKE
        if 0 <= sentence < len(turn.parts):
            turn.add_part(signal, axis, turn.parts[sentence])  # type: ignore[arg-type]
        elif turn.parts:
            turn.add(signal, axis, turn.parts[0].sentence.start, turn.parts[-1].sentence.end)  # type: ignore[arg-type]
