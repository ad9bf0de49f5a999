"""Semantic features of a turn, from any sentence-embedding callable: how close the turn
and each of its sentences come to what the persona said, and to the prototype sentences
of each behaviour. Pure Python; the vectors come from `embed` (for the app, the engine's
sentence-embedding model).

    embed: Callable[[list[str]], list[list[float]]]   unit-length vectors, one per text
"""

from __future__ import annotations

import math
from operator import mul
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sim.core.grading.prototypes import KINDS, PROTOTYPES

Embed = Callable[[list[str]], list[list[float]]]

#: Sentences of a turn that are embedded: the first ones and the last one.
MAX_SENTENCES = 8
MAX_TEXT = 1000

_prototype_cache: list = []  # [(embed, {kind: [vector, ...]})], the last embed seen


@dataclass
class Semantic:
    features: dict[str, float]
    #: kind -> (index of the turn's sentence closest to it, its similarity)
    best_sentence: dict[str, tuple[int, float]] = field(default_factory=dict)
    #: the turn's own direction (unit vector): the hybrid model reads it directly, so it
    #: can learn behaviours no prototype names (a brag, advice told as a story)
    whole: list[float] = field(default_factory=list)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two vectors already scaled to unit length (see _vectors)."""
    return sum(map(mul, a, b))


def _vectors(embed: Embed, texts: list[str]) -> list[list[float]]:
    vectors = embed(texts)
    if not isinstance(vectors, (list, tuple)) or len(vectors) != len(texts):
        raise ValueError("embed returned the wrong number of vectors")
    out = []
    for vector in vectors:
        row = [float(x) for x in vector]
        norm = math.sqrt(sum(map(mul, row, row)))
        if not row or not math.isfinite(norm):
            raise ValueError("embed returned an empty or non-finite vector")
        out.append([x / norm for x in row] if norm > 0 else row)
    return out


def _unit(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(map(mul, vector, vector)))
    return [x / norm for x in vector] if norm > 0 else vector


def prototype_vectors(embed: Embed) -> dict[str, list[list[float]]]:
    """The prototypes embedded once per embed callable (the last one is kept)."""
    if _prototype_cache and _prototype_cache[0][0] == embed:  # bound methods: equal, not identical
        return _prototype_cache[0][1]
    flat = [(kind, text) for kind in KINDS for text in PROTOTYPES[kind]]
    vectors = _vectors(embed, [text for _, text in flat])
    by_kind: dict[str, list[list[float]]] = {kind: [] for kind in KINDS}
    for (kind, _), vector in zip(flat, vectors):
        by_kind[kind].append(vector)
    _prototype_cache[:] = [(embed, by_kind)]
    return by_kind


def their_texts(last_line: str, context_text: str) -> list[str]:
    """What a grade embeds besides the user's words: their last line and their card. Known
    before the user speaks, so the app embeds them ahead (see grader.warm_hybrid)."""
    return [last_line[:MAX_TEXT] or ".", context_text[:MAX_TEXT] or "."]


def pick_sentences(texts: list[str]) -> list[int]:
    """Indexes of the sentences to embed: the first MAX_SENTENCES - 1 and the last."""
    indexes = [i for i, t in enumerate(texts) if t.strip()]
    if len(indexes) > MAX_SENTENCES:
        indexes = indexes[: MAX_SENTENCES - 1] + indexes[-1:]
    return indexes


def semantic_features(
    embed: Embed,
    turn_text: str,
    sentence_texts: list[str],
    last_line: str,
    context_text: str,
    questions: list[bool] | None = None,
) -> Semantic:
    """Similarities of the turn to their last line and the context, and per behaviour the
    best similarity of any sentence of the turn to that behaviour's prototypes."""
    protos = prototype_vectors(embed)
    chosen = pick_sentences(sentence_texts)
    if not chosen:  # nothing split out: the turn is its one sentence
        sentence_texts, chosen = [turn_text or "."], [0]
    texts = [sentence_texts[i][:MAX_TEXT] for i in chosen] + their_texts(last_line, context_text)
    vectors = _vectors(embed, texts)
    sent_vectors, last, ctx = vectors[: len(chosen)], vectors[-2], vectors[-1]
    # The turn as a whole: the direction its sentences share (one model call saved).
    whole = _unit([sum(column) for column in zip(*sent_vectors)])

    has_last = bool(last_line.strip())
    features: dict[str, float] = {
        "sim_last": cosine(whole, last) if has_last else 0.0,
        "sim_last_max": max(cosine(v, last) for v in sent_vectors) if has_last else 0.0,
        "sim_context": cosine(whole, ctx) if context_text.strip() else 0.0,
    }
    asks = [v for i, v in zip(chosen, sent_vectors) if i >= 0 and questions and i < len(questions) and questions[i]]
    features["q_sim_last"] = max((cosine(v, last) for v in asks), default=0.0) if has_last else 0.0
    features["q_any"] = float(bool(asks))
    for kind in ("follow_up", "generic_question"):
        features[f"q_{kind}"] = max((max(cosine(v, p) for p in protos[kind]) for v in asks), default=0.0)
    best: dict[str, tuple[int, float]] = {}
    for kind in KINDS:
        top, top_index = -1.0, chosen[0]
        for index, vector in zip(chosen, sent_vectors):
            score = max(cosine(vector, p) for p in protos[kind])
            if score > top:
                top, top_index = score, index
        features[f"proto_{kind}"] = top
        features[f"turn_{kind}"] = max(cosine(whole, p) for p in protos[kind])
        best[kind] = (top_index, top)
    return Semantic(features=features, best_sentence=best, whole=whole)
