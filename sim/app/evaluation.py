"""`sim eval persona`: play every strategy against every persona with the real model and
measure what the user would feel: does pitching make them leave, does connecting open a
door, how much of what they say comes from the model, and how long a reply takes."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sim.app.services import RULES, Grader, new_session
from sim.app.strategies import STRATEGIES, TURNS
from sim.core.generation import Generator
from sim.core.guard import REASONS, identity_problems
from sim.core.model_profile import ModelProfile
from sim.core.persona import Persona

USER_NAME = "Sam"


@dataclass
class Run:
    persona: str
    strategy: str
    patience: int
    user_turns: int = 0
    left_at: int | None = None  # the user turn after which the persona left
    revealed_at: int | None = None
    persona_lines: int = 0
    model_lines: int = 0
    model_lines_not_copied: int = 0
    rejections: Counter = field(default_factory=Counter)
    identity_violations: list[str] = field(default_factory=list)
    reply_seconds: list[float] = field(default_factory=list)
    transcript: str | None = None

    @property
    def mechanics_ok(self) -> bool | None:
        if self.strategy == "pitcher":
            return self.left_at is not None and self.left_at <= self.patience + 1
        if self.strategy == "connector":
            return self.revealed_at is not None
        if self.strategy == "interviewer":
            return self.left_at is None and self.revealed_at is None
        return None  # minimal and mixed are reported, not judged

    def to_dict(self) -> dict:
        return {
            "persona": self.persona,
            "strategy": self.strategy,
            "user_turns": self.user_turns,
            "left_at": self.left_at,
            "revealed_at": self.revealed_at,
            "mechanics_ok": self.mechanics_ok,
            "persona_lines": self.persona_lines,
            "model_lines": self.model_lines,
            "model_lines_not_copied": self.model_lines_not_copied,
            "rejections": dict(self.rejections),
            "identity_violations": self.identity_violations,
            "median_reply_s": round(statistics.median(self.reply_seconds), 3) if self.reply_seconds else None,
            "transcript": self.transcript,
        }


def play(persona: Persona, strategy: str, generator: Generator, profile: ModelProfile | None,
         seed: int, out_dir: Path | None, grader: Grader = RULES) -> Run:
    session = new_session(persona, generator, profile, seed=seed, user_name=USER_NAME,
                          save_to=(out_dir / f"{persona.id}-{strategy}.jsonl") if out_dir else None,
                          record=out_dir is not None, grader=grader)
    run = Run(persona.id, strategy, persona.patience)
    lines = [session.open()]
    for turn in range(TURNS[strategy]):
        if session.finished:
            break
        session.say(STRATEGIES[strategy](persona, lines[-1].turn.text, turn))
        run.user_turns += 1
        line = session.reply()
        lines.append(line)
        run.reply_seconds.append(line.seconds)
        kinds = {event.kind for event in line.events}
        if "persona_left" in kinds:
            run.left_at = run.user_turns
        if "opportunity_revealed" in kinds:
            run.revealed_at = run.user_turns
    session.end()
    for line in lines:
        turn = line.turn
        run.persona_lines += 1
        if turn.source == "lm":
            run.model_lines += 1
            run.model_lines_not_copied += not turn.copied
        for verdict in line.verdicts:
            run.rejections.update(verdict.reasons)
        for problem in identity_problems(turn.text, persona, USER_NAME):
            run.identity_violations.append(f"{problem}: {turn.text}")
    run.transcript = str(session.writer.path) if session.writer else None
    return run


def evaluate(personas: list[Persona], generator: Generator, profile: ModelProfile | None, *,
             seed: int = 0, out_dir: Path | None = None, grader: Grader = RULES,
             say: Callable[[str], None] = lambda text: None) -> dict:
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    runs = []
    for persona in personas:
        for strategy in STRATEGIES:
            say(f"{persona.id}: {strategy}")
            runs.append(play(persona, strategy, generator, profile, seed, out_dir, grader))
    return summarize(runs)


def summarize(runs: list[Run]) -> dict:
    lines = sum(r.persona_lines for r in runs)
    model = sum(r.model_lines for r in runs)
    own = sum(r.model_lines_not_copied for r in runs)
    rejections = Counter()
    for run in runs:
        rejections.update(run.rejections)
    seconds = [s for r in runs for s in r.reply_seconds]
    judged = [r for r in runs if r.mechanics_ok is not None]
    failures = [f"{r.persona}/{r.strategy}" for r in judged if not r.mechanics_ok]
    return {
        "runs": [r.to_dict() for r in runs],
        "persona_lines": lines,
        "model_share": round(model / lines, 3) if lines else 0.0,
        "model_share_not_copied": round(own / lines, 3) if lines else 0.0,
        "rejections": {reason: rejections[reason] for reason in REASONS if rejections[reason]},
        "identity_violations": sum(len(r.identity_violations) for r in runs),
        "mechanics": {"judged": len(judged), "held": len(judged) - len(failures), "failed": failures},
        "median_reply_s": round(statistics.median(seconds), 3) if seconds else None,
        "p90_reply_s": round(sorted(seconds)[int(0.9 * (len(seconds) - 1))], 3) if seconds else None,
        "targets": {"model_share_min": 0.6, "identity_violations_max": 0, "median_reply_s_max": 2.5},
    }


def format_report(report: dict) -> str:
    out = [f"{'persona':26}{'strategy':13}{'turns':>6}{'left':>6}{'reveal':>7}{'model':>7}{'ok':>5}"]
    for run in report["runs"]:
        ok = {True: "yes", False: "NO", None: "-"}[run["mechanics_ok"]]
        share = f"{run['model_lines']}/{run['persona_lines']}"
        out.append(f"{run['persona']:26}{run['strategy']:13}{run['user_turns']:>6}"
                   f"{run['left_at'] or '-':>6}{run['revealed_at'] or '-':>7}{share:>7}{ok:>5}")
    mech = report["mechanics"]
    out += [
        "",
        f"persona lines from the model: {report['model_share']:.0%} "
        f"({report['model_share_not_copied']:.0%} not near-copies of authored lines; target >= 60%)",
        f"guard rejections by reason: {report['rejections']}",
        f"identity violations in shown lines: {report['identity_violations']} (target 0)",
        f"mechanics held: {mech['held']} of {mech['judged']}"
        + (f"; failed: {', '.join(mech['failed'])}" if mech["failed"] else ""),
        f"user turn to persona line: median {report['median_reply_s']} s, "
        f"p90 {report['p90_reply_s']} s (target median <= 2.5 s)",
    ]
    for run in report["runs"]:
        for violation in run["identity_violations"]:
            out.append(f"  identity: {run['persona']}/{run['strategy']}: {violation}")
    return "\n".join(out)
