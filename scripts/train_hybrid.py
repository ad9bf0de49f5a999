"""Train (and honestly evaluate) the hybrid grader: a small multinomial logistic
regression per axis over the rules' levels and signals plus sentence-embedding features.

    .venv/bin/python scripts/train_hybrid.py --configs hybrid-3                  # CV + holdout reports
    .venv/bin/python scripts/train_hybrid.py --configs hybrid-3 --write hybrid-3 # also write the weights
    .venv/bin/python scripts/train_hybrid.py --check FILE                        # score FILE once (no tuning!)

Training data: tests/data/grading/dev_turns.jsonl, train_turns.jsonl and the train2_*,
train3_* and train4_* files (see tests/data/grading/README.md). holdout_turns.jsonl and
holdout2_turns.jsonl are reported, unless --with-holdouts trains on them (as the shipped
weights are). holdout3_turns.jsonl is
scored only with --final, once the configuration is chosen. numpy/scipy are used here
only: the weights are written to sim/core/grading/hybrid_model.py for pure-Python
inference. The same data, rules and options give the same weights.

The shipped weights ("hybrid-8", session 14) come from two steps, each run on the
weights file the step before wrote, with rules-5:

    .venv/bin/python scripts/train_hybrid.py --configs hybrid-6 --with-holdouts 15 --write hybrid-6 --keep listening
    .venv/bin/python scripts/train_hybrid.py --configs hybrid-6 --with-holdouts 19 --write hybrid-6 --keep listening helpfulness

The first ("hybrid-7") was run on the hybrid-6 weights file (commit 023f3ca):
helpfulness and pitching are retrained on rules-5's signals with every labeled set by
other hands up to holdout15 added, and listening keeps hybrid-6's weights, which come
from `--with-holdouts --write hybrid-6 --keep helpfulness` run on the hybrid-3 weights
file (commit c1a4482) with rules-4: holdout..holdout9 added. Trained with holdout10-15 too, listening did better on
the blind holdout16+17 (Spearman 0.816 -> 0.822, F1 equal) but fell under the issue's F1
target on the 120 shared turns (0.850 -> 0.840), so it was not shipped.
Judged on fresh blind pairs of sets, scored per model by rules written down before each
pair was scored (Spearman/F1; the log and a scoring mistake, corrected, are in the
issue's closing note):
- hybrid-7's weights on rules-4, on holdout16+holdout17: H 0.750/0.798 -> 0.787/0.822,
  P 0.760/0.774 -> 0.777/0.774, listening unchanged. Which axes to retrain was chosen
  after seeing the 120's per-axis results. On holdout18+holdout19, which played no part
  in choosing it: H 0.773/0.816 -> 0.812/0.838, P 0.727/0.735 -> 0.744/0.741.
- then rules-5, with helpfulness and pitching retrained on its signals, on
  holdout18+holdout19: H 0.812/0.838 -> 0.816/0.838, P 0.744/0.741 -> 0.755/0.745. On
  holdout16+holdout17 afterwards it was about neutral (P 0.777/0.774 -> 0.791/0.772).
- then "hybrid-8" (run on the hybrid-7 file, commit e2f7e47: pitching retrained with
  holdout16-19 added), on holdout20+holdout21: P 0.659/0.708 -> 0.701/0.724, the rest
  unchanged; and on holdout22+holdout23, which played no part in choosing it: P
  0.679/0.750 -> 0.703/0.757.
  Helpfulness retrained the same way fell under its F1 target on the 120 (0.851 -> 0.837).
- rules-6 (session 15) keeps hybrid-8's weights verbatim: they were fitted at commit
  bdfe6ed, on rules-5's signals, so rerun the two steps there to rebuild them byte for
  byte. rules-6 changes the signals of six of the turns they learnt from; it was judged
  with the weights kept, on holdout28-31 (the six-cell mean 0.8247 -> 0.8254).
- hybrid-6 (session 13), on holdout10+holdout11 and holdout12+holdout13: L 0.756/0.839 ->
  0.786/0.852 and 0.834/0.902 -> 0.850/0.923; P 0.766/0.750 -> 0.794/0.780 and 0.807/0.785
  -> 0.805/0.794.
Earlier, rules-4's signals with weights retrained without the holdouts did worse on the
blind holdout9 than hybrid-3's weights (H 0.788/0.786 -> 0.767/0.771).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sim.core.grading.cases import load_cases  # noqa: E402
from sim.core.grading.evalstats import high_level_prf, spearman  # noqa: E402
from sim.core.grading.grader import analyse  # noqa: E402
from sim.core.grading.hybrid import rules_help_is_sure  # noqa: E402
from sim.core.grading.types import AXES, Grade  # noqa: E402

DEV = ROOT / "tests/data/grading/dev_turns.jsonl"
TRAIN = ROOT / "tests/data/grading/train_turns.jsonl"
#: Written later by other hands (event hard cases, counselling, persuasion): trained on.
MORE = sorted((ROOT / "tests/data/grading").glob("train[234]_*.jsonl"))
#: One-axis files (train5_listen, train5_pitch): used only with --one-axis. With them
#: ("hybrid-4") the first two holdouts moved both ways, and both blind ones went down
#: (holdout3 listening F1 0.865 -> 0.857, pitching 0.719 -> 0.716; holdout4 0.886 ->
#: 0.879, 0.812 -> 0.783), so the shipped hybrid-3 is trained without them.
ONE_AXIS = sorted((ROOT / "tests/data/grading").glob("train5_*.jsonl"))
#: Also tried and not shipped: hybrid-3 retrained with holdout6 and holdout7 as well
#: (`--also-train` both). Better on the sets by the same recent helpers (holdout5: pitching
#: F1 0.714 -> 0.789; holdout8: 0.685 -> 0.711) but worse on older ones (holdout4 pitching
#: F1 0.812 -> 0.769; the first holdout's helpfulness F1 0.894 -> 0.844) and on the 120
#: shared turns (helpfulness F1 0.867 -> 0.829): a shift between labelling conventions
#: rather than a gain, so the shipped weights stay hybrid-3's.
HOLDOUT = ROOT / "tests/data/grading/holdout_turns.jsonl"
#: A blind test set by another hand, never trained on, never used to choose anything.
HOLDOUT2 = ROOT / "tests/data/grading/holdout2_turns.jsonl"
#: A third set by another hand, written after hybrid-2 shipped; never trained on (its
#: pitching misses were read for the last rules-3 patterns, so it is no longer blind).
HOLDOUT3 = ROOT / "tests/data/grading/holdout3_turns.jsonl"
#: `--with-holdouts LAST` trains on the labeled sets by other hands holdout_turns.jsonl and
#: holdout2..holdoutLAST (LAST 9: 1,328 turns by about nine writers; 15: 2,228 by fifteen;
#: 19: 2,828 by nineteen).
#: Their writers grade some boundaries differently from ours (a listening 2, a pitch's
#: listening 0), so training on them teaches the common reading of many hands. The sets
#: after the last one trained on (holdout20 and later) stay evaluation-only: they judge it.
LAST_TRAINED_HOLDOUT = 19


def with_holdouts(last: int) -> list[Path]:
    return [HOLDOUT] + [ROOT / f"tests/data/grading/holdout{n}_turns.jsonl" for n in range(2, last + 1)]


OUT = ROOT / "sim/core/grading/hybrid_model.py"
CACHE = Path("/tmp/sim-hybrid-features-int8w")  # per embedder variant

AXIS_KEY = {"listening": "L", "helpfulness": "H", "pitching": "P"}


def featurise(path: Path, embed):
    """(cases, feature dicts, rule levels) for a case file. Vectors (slow: the embedding
    model) are cached on disk per text; features are always computed afresh."""
    from sim.core.grading.features import all_features

    cases = load_cases(path)
    rows, rules = [], []
    for case in cases:
        found = analyse(case.persona, case.context, case.user_turn)
        if isinstance(found, Grade):
            rows.append(None)
            rules.append((found.listening, found.helpfulness, found.pitching))
            continue
        rows.append(all_features(found, embed)[0])
        rules.append(found.levels)
    _VECTORS.save()
    return cases, rows, rules


class _DiskVectors:
    """The embedder's vectors, kept in /tmp between runs of this script."""

    def __init__(self) -> None:
        self.path = CACHE / "vectors.pkl"
        self.data: dict[str, list[float]] | None = None
        self.dirty = False

    def __call__(self, texts: list[str]) -> list[list[float]]:
        if self.data is None:
            self.data = pickle.loads(self.path.read_bytes()) if self.path.is_file() else {}
        missing = [t for t in dict.fromkeys(texts) if t not in self.data]
        if missing:
            for text, vector in zip(missing, _embedder().embed(missing)):
                self.data[text] = vector
            self.dirty = True
        return [self.data[t] for t in texts]

    def save(self) -> None:
        if self.dirty and self.data is not None:
            CACHE.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.data))
            self.dirty = False


_VECTORS = _DiskVectors()
_EMBEDDER = []


def _embedder():
    if not _EMBEDDER:
        from sim.engine.embeddings import load_embedder

        _EMBEDDER.append(load_embedder())
    return _EMBEDDER[0]


def get_embed():
    return _VECTORS


# ----------------------------------------------------------------- feature sets

def feature_names(rows, kind: str, axis: str) -> list[str]:
    names = next(r for r in rows if r is not None).keys()
    own = AXIS_KEY[axis]
    rule_levels = [n for n in names if n.startswith("rule_")]
    signals = [n for n in names if n.startswith("r_")]
    semantic = [n for n in names if n.startswith(("sim_", "proto_", "turn_", "q_"))]
    vector = [n for n in names if n[0] == "v" and n[1:].isdigit()]
    own_level = [n for n in rule_levels if n[5] == own]
    if kind == "rules":
        return rule_levels + signals
    if kind == "emb":
        return semantic
    if kind == "level+emb":
        return own_level + semantic
    if kind == "all":
        return rule_levels + signals + semantic
    if kind == "all+vec":
        return rule_levels + signals + semantic + vector
    raise ValueError(kind)


def matrix(rows, names):
    X = np.array([[r[n] for n in names] if r is not None else [0.0] * len(names) for r in rows], dtype=float)
    return X


# ----------------------------------------------------------------- the model

class Softmax:
    """Multinomial logistic regression, L2, standardised inputs, 4 classes."""

    def __init__(self, l2: float = 1.0):
        self.l2 = l2

    def fit(self, X, y, offset=None, weights=None):
        self.mean = X.mean(axis=0)
        self.scale = X.std(axis=0)
        self.scale[self.scale < 1e-6] = 1.0
        Z = (X - self.mean) / self.scale
        n, d = Z.shape
        Y = np.eye(4)[y] * (np.ones(n) if weights is None else np.asarray(weights, dtype=float))[:, None]
        off = np.zeros((n, 4)) if offset is None else offset

        def loss(theta):
            W = theta[: d * 4].reshape(d, 4)
            b = theta[d * 4 :]
            logits = Z @ W + b + off
            logits -= logits.max(axis=1, keepdims=True)
            logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
            p = np.exp(logp)
            value = -(Y * logp).sum() / n + self.l2 * (W ** 2).sum() / (2 * n)
            grad_logits = (p * Y.sum(axis=1, keepdims=True) - Y) / n
            gW = Z.T @ grad_logits + self.l2 * W / n
            gb = grad_logits.sum(axis=0)
            return value, np.concatenate([gW.ravel(), gb])

        theta0 = np.zeros(d * 4 + 4)
        result = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
        self.W = result.x[: d * 4].reshape(d, 4)
        self.b = result.x[d * 4 :]
        return self

    def proba(self, X, offset=None):
        Z = (X - self.mean) / self.scale
        logits = Z @ self.W + self.b + (0 if offset is None else offset)
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, X, offset=None):
        return self.proba(X, offset).argmax(axis=1)


def rule_offset(rules, axis_index, strength):
    """A prior toward the rules' level: +strength on the logit of the rules' class."""
    levels = np.array([r[axis_index] for r in rules])
    off = np.zeros((len(levels), 4))
    off[np.arange(len(levels)), levels] = strength
    return off


# ----------------------------------------------------------------- evaluation

def scores(gold, pred):
    rho = spearman(list(gold), list(pred))
    return (rho if rho is not None else 0.0), high_level_prf(list(gold), list(pred))["f1"]


def group_folds(cases, k=5, seed=0):
    """Folds by persona: a persona's turns are never split across train and test."""
    names = sorted({c.persona.name for c in cases})
    rng = np.random.RandomState(seed)
    rng.shuffle(names)
    fold_of = {name: i % k for i, name in enumerate(names)}
    return np.array([fold_of[c.persona.name] for c in cases])


#: The turn's embedding for listening and pitching, not for helpfulness (hybrid-2 on).
VEC_BUT_HELP = {"listening": "all+vec", "helpfulness": "all", "pitching": "all+vec"}


def l2_per_axis(listening: float = 100.0, helpfulness: float = 3.0, pitching: float = 100.0) -> dict[str, float]:
    return {"listening": listening, "helpfulness": helpfulness, "pitching": pitching}


CONFIGS = {
    # name: (feature kind, l2 (or per axis), rule-offset strength)
    # "hybrid" (hybrid-1, shipped first): l2 per axis chosen by CV on dev+train (mean of Spearman
    # and F1 over its dev part and its train_turns part), never by the holdout.
    "hybrid": ("all", {"listening": 30.0, "helpfulness": 3.0, "pitching": 10.0}, 0.0),
    # "hybrid-2" (shipped second): the turn's embedding (all+vec) lifted listening and
    # pitching on the holdout (0.785 -> 0.817, 0.865 -> 0.910) but not helpfulness; l2 as
    # in the CV runs. Chosen on the first holdout (holdout2 was printed in the same run, so
    # it is not a fully blind check of this one choice).
    "hybrid-2": (VEC_BUT_HELP, l2_per_axis(), 0.0),
    # "hybrid-3": the shipped one. hybrid-2's features and l2 (in CV on the larger data,
    # l2=30 and l2=300 did no better), retrained with the train4_* files, and decoded with
    # HIGH_AT below.
    "hybrid-3": (VEC_BUT_HELP, l2_per_axis(), 0.0),
    # "hybrid-4": hybrid-3 retrained with --one-axis (FOCUS on). Not shipped: see ONE_AXIS.
    "hybrid-4": (VEC_BUT_HELP, l2_per_axis(), 0.0),
    # "hybrid-6": hybrid-3's features and l2, trained with --with-holdouts (sessions 13, 14).
    "hybrid-6": (VEC_BUT_HELP, l2_per_axis(), 0.0),
    "vec-l2=30": ("all+vec", 30.0, 0.0),
    # helpfulness held closer to the rules
    "h-l2=10": (VEC_BUT_HELP, l2_per_axis(helpfulness=10.0), 0.0),
    "h-l2=30": (VEC_BUT_HELP, l2_per_axis(helpfulness=30.0), 0.0),
    # listening without the turn's embedding (as hybrid-1 had it)
    "l-novec": ({**VEC_BUT_HELP, "listening": "all"}, l2_per_axis(listening=30.0), 0.0),
    # helpfulness with the turn's embedding too
    "h-vec-l2=30": ("all+vec", l2_per_axis(helpfulness=30.0), 0.0),
    "h-vec-l2=100": ("all+vec", 100.0, 0.0),
    "vec-l2=300": ("all+vec", 300.0, 0.0),
    "vec-off1": ("all+vec", 100.0, 1.0),
    "vec-off2": ("all+vec", 100.0, 2.0),
    "vec-l2=100": ("all+vec", 100.0, 0.0),
    "lr-rules": ("rules", 1.0, 0.0),
    "lr-emb": ("emb", 1.0, 0.0),
    "lr-all": ("all", 1.0, 0.0),
    "lr-all-l2=10": ("all", 10.0, 0.0),
    "level+emb": ("level+emb", 1.0, 0.0),
    "offset2+emb": ("emb", 10.0, 2.0),
    "offset2+all": ("all", 10.0, 2.0),
    "offset3+all": ("all", 10.0, 3.0),
}


#: How much a dev case counts in training. The rules were tuned on dev, so there they look
#: better than they are on new text; fresh cases teach the model how far to trust them.
DEV_WEIGHT = 1.0


#: Files written to exercise one axis (train5_listen: "l5-", train5_pitch: "p5-"): their
#: other labels are honest but lopsided (mostly helpfulness 0), so with FOCUS on they
#: train only the axis they were written for.
FOCUS = {"l5-": "listening", "p5-": "pitching"}
USE_FOCUS = True


def case_weights(cases, axis):
    weights = []
    for c in cases:
        focus = FOCUS.get(c.id[:3]) if USE_FOCUS else None
        if focus is not None and focus != axis:
            weights.append(0.0)
        else:
            weights.append(DEV_WEIGHT if c.id.startswith("d") else 1.0)
    return weights


def fit_axis(config, rows, rules, labels, axis, weights=None):
    kind, l2, strength = CONFIGS[config]
    names = feature_names(rows, kind[axis] if isinstance(kind, dict) else kind, axis)
    index = AXES.index(axis)
    X = matrix(rows, names)
    off = rule_offset(rules, index, strength) if strength else None
    if BALANCE != "none":
        counts = np.bincount(np.asarray(labels), minlength=4).astype(float)
        share = len(labels) / (4 * np.maximum(counts, 1.0))
        per_class = np.sqrt(share) if BALANCE == "sqrt" else share
        base = np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=float)
        weights = base * per_class[np.asarray(labels)]
    model = Softmax(l2[axis] if isinstance(l2, dict) else l2).fit(X, labels, off, weights)
    return model, names


def predict_axis(model, names, config, rows, rules, axis):
    _, _, strength = CONFIGS[config]
    index = AXES.index(axis)
    X = matrix(rows, names)
    off = rule_offset(rules, index, strength) if strength else None
    proba = model.proba(X, off)
    pred = decode(proba, np.array([r[index] for r in rules]), axis)
    if axis == "helpfulness" and TRUST_RULES_HELP:
        pred = np.array([3 if rules_help_is_sure(r) else level for r, level in zip(rules, pred)])
    if axis == "pitching" and TRUST_RULES_ASK != "none":
        floor = 3 if TRUST_RULES_ASK == "keep" else 2
        pred = np.array([max(level, floor) if r[2] == 3 else level for r, level in zip(rules, pred)])
    # unreadable turns keep the rules' (neutral) grade
    return np.array([rules[i][index] if rows[i] is None else pred[i] for i in range(len(rows))])


#: Keep the rules' helpfulness 3 (specific help, committed, no strings) when they also
#: found no pitch (hybrid.rules_help_is_sure, the same test the app applies). In training
#: such turns were labelled 3 in 128 of 134 cases (of the other six, 5 at 0-1 were mostly
#: pitches the rules missed, 1 at 2), while the model sometimes pulled them to 1.
TRUST_RULES_HELP = True
#: The rules' explicit asks (pitching 3): "keep" them at 3, hold them at 2 or more
#: ("floor"), or let the model move them ("none").
TRUST_RULES_ASK = "none"



#: How class probabilities become a level: "argmax", "mean" (the expected level,
#: rounded) or "median". The ordinal ones beat argmax in CV and on both holdouts on every
#: axis (a 3-vs-0 split no longer flips a grade). Between them, per axis by CV on
#: dev+train: mean for listening and pitching (0.804 vs 0.800, 0.873 tie with F1 0.881 vs
#: 0.887, fresh cases 0.849 vs 0.837), a tie for helpfulness, broken for the median, which
#: keeps a clear 3 (a named introduction, no strings) that a little doubt pulls to 2.5.
#: BOUND: the most a level may move from the rules' (None: no limit).
DECODE = "listening=mean,helpfulness=median,pitching=mean"


def decoding(axis: str) -> str:
    """DECODE for one axis: one method for all, or "axis=method,..."."""
    if "=" not in DECODE:
        return DECODE
    return dict(part.split("=") for part in DECODE.split(","))[axis]
BOUND = None
#: Added to the expected level before rounding (experiments only: +0.1 traded Spearman
#: for F1 in CV, a wash, so the app rounds at .5).
SHIFT = 0.0
#: Where "level >= 2" starts, per axis: the share of probability on levels 2-3 a turn
#: needs. Unset axes keep the decoding's own boundary. The level is still the decoding's,
#: only moved across the 1|2 boundary when the two disagree. Chosen by CV on dev+train
#: (3 seeds, mean of Spearman and F1 over 0.25..0.5): for pitching 0.35 gave F1 0.878
#: against 0.857 at the mean's own boundary, Spearman 0.855 both; listening and
#: helpfulness gained nothing, so they keep theirs. Pitches were the level >= 2 the model
#: missed most (recall 0.80 at precision 0.92 in CV).
HIGH_AT_SPEC = "pitching=0.35"


def high_at(spec: str) -> dict[str, float]:
    return {axis: float(t) for axis, t in (part.split("=") for part in spec.split(",") if part)}


HIGH_AT: dict[str, float] = high_at(HIGH_AT_SPEC)


#: Class weights in training: "none", "sqrt" or "full" inverse frequency (levels 2-3
#: are rarer than 0, so an unweighted model leans towards 0).
BALANCE = "none"


def decode(proba, rule_levels, axis):
    how = decoding(axis)
    if how == "median":
        level = (np.cumsum(proba, axis=1) >= 0.5).argmax(axis=1)
    elif how == "mean":
        level = np.clip(np.floor(proba @ np.arange(4) + 0.5 + SHIFT), 0, 3).astype(int)
    else:
        level = proba.argmax(axis=1)
    if axis in HIGH_AT:
        high = proba[:, 2:].sum(axis=1) >= HIGH_AT[axis]
        level = np.where(high, np.maximum(level, 2), np.minimum(level, 1))
    if BOUND is not None:
        level = np.clip(level, rule_levels - BOUND, rule_levels + BOUND)
    return level


_CV_CACHE: dict = {}


def cross_validate(config, cases, rows, rules, seeds=(0, 1, 2), subset=None):
    """Mean over seeds of (Spearman, F1) from out-of-fold predictions; `subset` (a list
    of booleans) restricts the scoring (not the training) to some cases. The out-of-fold
    predictions are computed once per configuration and data."""
    key = (config, id(cases), seeds, DEV_WEIGHT, DECODE, BOUND, BALANCE, SHIFT, tuple(sorted(HIGH_AT.items())), TRUST_RULES_HELP, USE_FOCUS, TRUST_RULES_ASK)
    if key not in _CV_CACHE:
        _CV_CACHE[key] = {axis: [_out_of_fold(config, cases, rows, rules, axis, seed) for seed in seeds] for axis in AXES}
    out = {}
    keep = [i for i in range(len(cases)) if subset is None or subset[i]]
    for axis in AXES:
        gold = np.array([c.labels[axis] for c in cases])
        rhos, f1s = zip(*(scores(gold[keep], pred[keep]) for pred in _CV_CACHE[key][axis]))
        out[axis] = (float(np.mean(rhos)), float(np.mean(f1s)))
    return out


def _out_of_fold(config, cases, rows, rules, axis, seed):
    gold = np.array([c.labels[axis] for c in cases])
    folds = group_folds(cases, seed=seed)
    pred = np.zeros(len(cases), dtype=int)
    for k in range(5):
        tr = [i for i in range(len(cases)) if folds[i] != k]
        te = [i for i in range(len(cases)) if folds[i] == k]
        model, names = fit_axis(config, [rows[i] for i in tr], [rules[i] for i in tr], gold[tr], axis,
                                case_weights([cases[i] for i in tr], axis))
        pred[te] = predict_axis(model, names, config, [rows[i] for i in te], [rules[i] for i in te], axis)
    return pred


def join(*parts):
    return tuple(sum((list(p[i]) for p in parts), []) for i in range(3))


def rules_scores(cases, rules):
    out = {}
    for index, axis in enumerate(AXES):
        gold = [c.labels[axis] for c in cases]
        out[axis] = scores(gold, [r[index] for r in rules])
    return out


def fit_and_score(config, train, test):
    (tc, trows, trules), (ec, erows, erules) = train, test
    out = {}
    for axis in AXES:
        gold = np.array([c.labels[axis] for c in tc])
        model, names = fit_axis(config, trows, trules, gold, axis, case_weights(tc, axis))
        pred = predict_axis(model, names, config, erows, erules, axis)
        out[axis] = scores([c.labels[axis] for c in ec], pred)
    return out


def line(name, result):
    cells = "  ".join(f"{result[a][0]:.3f}/{result[a][1]:.3f}" for a in AXES)
    return f"{name:<16} {cells}"


#: What the shipped helpfulness weights (kept with --keep helpfulness) were trained on.
OLD_TRAINED_ON = ("dev_turns, train_turns, train2_*, train3_*, train4_* with rules-3's signals "
                  "(hybrid-3: `--write hybrid-3` at commit c2e9970 reproduces them)")


def current_weights() -> dict:
    """The MODEL of the weights file as it is now (for --keep)."""
    text = OUT.read_text()
    return json.loads(text[text.index("MODEL = ") + len("MODEL = "):])


def report_held_out(title, held, train, configs):
    """Print the rules' and each configuration's scores on a held-out set (None: skipped)."""
    if held is None:
        return
    print(title)
    print(line("rules", rules_scores(held[0], held[2])))
    for config in configs:
        print(line(config, fit_and_score(config, train, held)))


def write_weights(config, dev, trained_on: str, keep=()):
    """Write the weights of `config` trained on `dev`; axes in `keep` are copied unchanged
    from the current file, with what they were trained on."""
    cases, rows, rules = dev
    model_data = {"config": config, "decode": {axis: decoding(axis) for axis in AXES}, "high_at": HIGH_AT,
                  "trust_rules_help": int(TRUST_RULES_HELP), "axes": {},  # 0/1: the file is Python
                  "trained_on": {}}
    old = current_weights() if keep else {}
    for axis in AXES:
        if axis in keep:
            model_data["axes"][axis] = old["axes"][axis]
            model_data["trained_on"][axis] = old.get("trained_on", {}).get(axis, OLD_TRAINED_ON)
            continue
        model_data["trained_on"][axis] = trained_on
        gold = np.array([c.labels[axis] for c in cases])
        model, names = fit_axis(config, rows, rules, gold, axis, case_weights(cases, axis))
        model_data["axes"][axis] = {
            "features": names,
            "mean": [round(float(x), 6) for x in model.mean],
            "scale": [round(float(x), 6) for x in model.scale],
            "weights": [[round(float(x), 6) for x in row] for row in model.W],
            "bias": [round(float(x), 6) for x in model.b],
            "rule_offset": CONFIGS[config][2],
        }
    sources = "\n".join(f"  {axis}: {model_data['trained_on'][axis]}" for axis in AXES)
    text = (
        '"""Weights of the hybrid grader, written by scripts/train_hybrid.py. Do not edit by\n'
        f"hand: retrain. Trained on (files in tests/data/grading):\n{sources}\n\"\"\"\n\n"
        f"MODEL = {json.dumps(model_data, indent=1)}\n"
    )
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)} ({config})")


def main() -> None:
    global DEV_WEIGHT, DECODE, BOUND, BALANCE, SHIFT, HIGH_AT, TRUST_RULES_HELP, USE_FOCUS, TRUST_RULES_ASK
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", metavar="CONFIG", help="write the weights of this configuration")
    parser.add_argument("--check", type=Path, help="score one more labeled file (evaluation only)")
    parser.add_argument("--configs", nargs="*", default=list(CONFIGS))
    parser.add_argument("--dev-weight", type=float, default=1.0, help="weight of a dev case in training")
    parser.add_argument("--dev-only", action="store_true", help="also report models trained on dev alone")
    parser.add_argument("--decode", default=DECODE, help="argmax, mean, median, or axis=method,... (see DECODE)")
    parser.add_argument("--shift", type=float, default=0.0, help="added to the expected level before rounding")
    parser.add_argument("--high-at", default=HIGH_AT_SPEC, help="axis=share,...: probability on levels 2-3 that makes a level >= 2")
    parser.add_argument("--no-trust-rules-help", action="store_true", help="let the model move the rules' sure helpfulness 3")
    parser.add_argument("--trust-ask", choices=("none", "keep", "floor"), default=TRUST_RULES_ASK)
    parser.add_argument("--one-axis", action="store_true", help="also train on the one-axis train5_* files")
    parser.add_argument("--also-train", type=Path, nargs="*", default=[], help="more labeled files to train on")
    parser.add_argument("--with-holdouts", type=int, nargs="?", const=9, metavar="LAST",
                        help="also train on holdout..holdoutLAST (default 9; see with_holdouts); their reports are then skipped")
    parser.add_argument("--keep", nargs="*", default=[], choices=AXES,
                        help="with --write: keep these axes' weights from the current file")
    parser.add_argument("--no-focus", action="store_true", help="train every axis on the one-axis files too (see FOCUS)")
    parser.add_argument("--final", action="store_true", help="also score holdout3 (once, for the chosen configuration)")
    parser.add_argument("--balance", choices=("none", "sqrt", "full"), default="none")
    parser.add_argument("--bound", type=int, default=None, help="most a level may move from the rules'")
    args = parser.parse_args()
    DECODE, BOUND, BALANCE, SHIFT = args.decode, args.bound, args.balance, args.shift
    HIGH_AT = high_at(args.high_at)
    TRUST_RULES_HELP = not args.no_trust_rules_help
    USE_FOCUS = not args.no_focus
    TRUST_RULES_ASK = args.trust_ask
    if args.keep and not args.write:
        parser.error("--keep only applies with --write")
    if args.with_holdouts and not 2 <= args.with_holdouts <= LAST_TRAINED_HOLDOUT:
        parser.error(f"--with-holdouts takes 2..{LAST_TRAINED_HOLDOUT}: later sets judge the shipped weights")
    if args.write and (BOUND is not None or SHIFT):
        parser.error("--bound and --shift are for experiments; the app does not apply them")
    DEV_WEIGHT = args.dev_weight

    dev = featurise(DEV, get_embed())
    more = MORE + (ONE_AXIS if args.one_axis else []) + list(args.also_train)
    more += with_holdouts(args.with_holdouts) if args.with_holdouts else []
    fresh = join(featurise(TRAIN, get_embed()), *(featurise(path, get_embed()) for path in more))
    held_out = not args.with_holdouts  # a holdout that is trained on is not reported as one
    hold = featurise(HOLDOUT, get_embed()) if held_out else None
    hold2 = featurise(HOLDOUT2, get_embed()) if held_out and HOLDOUT2.is_file() else None
    hold3 = featurise(HOLDOUT3, get_embed()) if held_out and args.final else None
    both = join(dev, fresh)
    is_dev = [True] * len(dev[0]) + [False] * len(fresh[0])
    is_fresh = [not x for x in is_dev]
    print(f"{'':<16} {'  /  '.join(f'{a} rho/F1' for a in AXES)}")
    if args.dev_only:
        print("== A. trained on dev only")
        print("-- 5-fold CV on dev (folds by persona, 3 seeds)")
        print(line("rules", rules_scores(dev[0], dev[2])))
        for config in args.configs:
            print(line(config, cross_validate(config, *dev)))
        report_held_out("-- holdout", hold, dev, args.configs)
    print("== B. trained on dev + train_turns + train2_*" + (f" + holdout..holdout{args.with_holdouts}" if args.with_holdouts else ""))
    print("-- 5-fold CV on dev+train, all cases")
    print(line("rules", rules_scores(both[0], both[2])))
    for config in args.configs:
        print(line(config, cross_validate(config, *both)))
    for name, subset, part in (("dev", is_dev, dev), ("train_turns + train2", is_fresh, fresh)):
        print(f"-- 5-fold CV on dev+train, scored on its {name} cases")
        print(line("rules", rules_scores(part[0], part[2])))
        for config in args.configs:
            print(line(config, cross_validate(config, *both, subset=subset)))
    report_held_out("-- holdout", hold, both, args.configs)
    report_held_out("-- holdout2 (another hand; never used to choose)", hold2, both, args.configs)
    report_held_out("-- holdout3 (another hand; its pitching misses were read for rules-3, so not blind)",
                    hold3, both, args.configs)
    if args.check:
        other = featurise(args.check, get_embed())
        print(f"== {args.check.name} (evaluation only; A then B)")
        print(line("rules", rules_scores(other[0], other[2])))
        for config in args.configs:
            print(line("A " + config, fit_and_score(config, dev, other)))
            print(line("B " + config, fit_and_score(config, both, other)))
    if args.write:
        files = [DEV, TRAIN, *more]
        write_weights(args.write, both, ", ".join(path.stem for path in files), keep=args.keep)


if __name__ == "__main__":
    main()
