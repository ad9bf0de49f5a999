"""Agreement statistics for the grader against labels: exact and within-one accuracy,
Spearman correlation, precision/recall/F1 for "level >= 2", the confusion matrix, and
grading-time percentiles."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sim.core.grading.types import AXES

LEVELS = range(4)


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        average = (i + j) / 2 + 1
        for k in range(i, j + 1):
            result[order[k]] = average
        i = j + 1
    return result


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    n = len(x)
    if n < 2 or n != len(y):
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None  # undefined when either side is constant
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    return pearson(ranks(x), ranks(y))


def confusion(gold: Sequence[int], predicted: Sequence[int]) -> list[list[int]]:
    """matrix[gold][predicted]."""
    matrix = [[0] * len(LEVELS) for _ in LEVELS]
    for g, p in zip(gold, predicted):
        matrix[g][p] += 1
    return matrix


def high_level_prf(gold: Sequence[int], predicted: Sequence[int], threshold: int = 2) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, predicted) if g >= threshold and p >= threshold)
    fp = sum(1 for g, p in zip(gold, predicted) if g < threshold and p >= threshold)
    fn = sum(1 for g, p in zip(gold, predicted) if g >= threshold and p < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}


def axis_report(gold: Sequence[int], predicted: Sequence[int]) -> dict:
    n = len(gold)
    return {
        "n": n,
        "exact": sum(1 for g, p in zip(gold, predicted) if g == p) / n if n else 0.0,
        "within_one": sum(1 for g, p in zip(gold, predicted) if abs(g - p) <= 1) / n if n else 0.0,
        "spearman": spearman(gold, predicted),
        "high": high_level_prf(gold, predicted),
        "confusion": confusion(gold, predicted),
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


def evaluate(labels: Sequence[dict[str, int]], predictions: Sequence[dict[str, int]]) -> dict:
    """Per-axis agreement for cases that have labels (labels and predictions aligned)."""
    return {
        axis: axis_report([l[axis] for l in labels], [p[axis] for p in predictions]) for axis in AXES
    }
