"""How the hybrid model's class probabilities become a level (no embedder needed)."""

from __future__ import annotations

import math

import pytest

from sim.core.grading import hybrid


def _model_giving(probs: list[float], decode: str, high_at: float | None) -> dict:
    """A one-feature model whose bias alone yields `probs` for the pitching axis."""
    axis = {"features": ["x"], "mean": [0.0], "scale": [1.0], "weights": [[0.0] * 4],
            "bias": [math.log(p) for p in probs], "rule_offset": 0.0}
    return {"config": "test", "decode": {"pitching": decode},
            "high_at": {} if high_at is None else {"pitching": high_at}, "axes": {"pitching": axis}}


@pytest.mark.parametrize(
    ("probs", "decode", "high_at", "level"),
    [
        ([0.40, 0.25, 0.20, 0.15], "mean", None, 1),   # expected level 1.1
        ([0.40, 0.25, 0.20, 0.15], "mean", 0.30, 2),   # 35% on levels 2-3 clears a 0.30 boundary
        ([0.40, 0.25, 0.20, 0.15], "median", 0.40, 1),  # but not a 0.40 one
        ([0.02, 0.08, 0.20, 0.70], "mean", 0.30, 3),   # a clear 3 stays 3
        ([0.80, 0.10, 0.05, 0.05], "mean", 0.30, 0),   # a clear 0 stays 0
    ],
)
def test_the_high_boundary_moves_only_the_one_two_split(monkeypatch, probs, decode, high_at, level):
    monkeypatch.setattr(hybrid, "MODEL", _model_giving(probs, decode, high_at))
    got, got_probs, _ = hybrid.predict("pitching", {"x": 0.0})
    assert got == level
    assert got_probs == pytest.approx(probs)
