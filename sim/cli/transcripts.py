"""`sim export`, `sim history` and `sim progress`: saved conversations, for a coach and
for watching your own levels move across sessions."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import click

from sim.cli.common import UserError, home
from sim.core.grading.types import AXES
from sim.core.literal import visible
from sim.core.summary import TranscriptSummary
from sim.core.transcript import TranscriptError

BARS = " ▁▂▃▄▅▆▇█"  # eighths of one level
MAX_BARS = 24  # three columns a session: fits 80 columns with the axis labels
BETTER = {"listening": 1, "helpfulness": 1, "pitching": -1}  # which way is good


def _load(path: Path):
    from sim.store.transcripts import read_transcript

    try:
        transcript, warnings = read_transcript(path)
    except TranscriptError as error:
        raise UserError(str(error)) from None
    for warning in warnings:
        click.echo(f"sim: warning: {warning}", err=True)
    return transcript


def _write_new(out: Path, text: str, force: bool) -> None:
    """Write atomically and privately (exports hold the conversation too)."""
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name with --out")
    if out.exists() and not force:
        raise UserError(f"{out} already exists; use --force to replace it")
    temp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, out)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {error.strerror or error}") from None


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), help="Default: from --out's suffix, else md.")
@click.option("--out", type=click.Path(path_type=Path), help="Write here instead of to standard output.")
@click.option("--branch", type=click.IntRange(min=1), metavar="N", help="Which branch (1 = the first written). Default: the current one.")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
def export(file: Path, fmt: str | None, out: Path | None, branch: int | None, force: bool) -> None:
    """Export a saved conversation as Markdown or one self-contained HTML file."""
    from sim.core.export import to_html, to_markdown

    if fmt is None:
        fmt = "html" if out is not None and out.suffix.lower() in (".html", ".htm") else "md"
    transcript = _load(file)
    if out is not None and out.exists() and file.exists() and out.samefile(file):
        raise UserError("--out is the transcript itself; choose another file")
    try:
        text = (to_html if fmt == "html" else to_markdown)(transcript, branch)
    except TranscriptError as error:
        raise UserError(f"{file}: {error}") from None
    if out is None:
        click.echo(text, nl=False)
    else:
        _write_new(out, text, force)
        click.echo(f"wrote {out}", err=True)


# ------------------------------------------------------------------ history


def _when(started_at: str) -> str:
    try:
        moment = datetime.fromisoformat(started_at)
    except ValueError:
        return started_at[:16] or "?"
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the reader's local time
    return f"{moment:%Y-%m-%d %H:%M}"


def _fit(text: str, width: int) -> str:
    text = " ".join(visible(text).split())  # a name from a transcript may hold an ESC
    return text if len(text) <= width else text[: width - 1] + "…"


def _summaries() -> list[TranscriptSummary]:
    from sim.store.transcripts import list_transcripts

    return list_transcripts(home())


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def history(as_json: bool) -> None:
    """Your saved conversations, newest first."""
    summaries = _summaries()
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2))
        return
    if not summaries:
        click.echo(f"No saved conversations yet (they are kept in {home().transcripts}).")
        return
    click.echo(f"{'DATE':<17} {'PERSONA':<18} {'OUTCOME':<20} {'TURNS':>5}  LIS  HLP  PIT")
    for s in summaries:
        if not s.readable:
            click.echo(f"{'?':<17} {'unreadable':<18} {_fit(s.problem, 42)}")
        else:
            levels = "  ".join(f"{s.averages[a]:.1f}" for a in AXES) if s.averages else "  -    -    -"
            name = _fit(s.persona_name or s.persona_id or "?", 18)
            click.echo(f"{_fit(_when(s.started_at), 17):<17} {name:<18} {s.outcome:<20} {s.user_turns:>5}  {levels}")
        click.echo(f"{'':<17} {visible(s.path.name)}")
    click.echo(f"\nLevels are averages over your turns (0-3; pitching: lower is better). Files: {home().transcripts}")


# ------------------------------------------------------------------ progress


def _slope(values: list[float]) -> float:
    """Least-squares change per session: steadier than first-versus-latest."""
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((i - mean_x) ** 2 for i in range(n))
    return sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values)) / spread


def _verdict(axis: str, slope: float) -> str:
    if abs(slope) < 0.05:
        return "steady"
    return "improving" if slope * BETTER[axis] > 0 else "slipping"


def bar_chart(values: list[float]) -> list[str]:
    """Bars from 0 to 3, one row per level; each cell shows how much of it is filled."""
    lines = []
    for level in (3, 2, 1):
        cells = [BARS[round(min(max(v - (level - 1), 0.0), 1.0) * 8)] * 2 for v in values]
        lines.append((f"  {level} ┤" + " ".join(cells)).rstrip())
    lines.append("  0 ┼" + "─" * (3 * len(values) - 1))
    return lines


def _trend(sessions: list[TranscriptSummary]) -> dict[str, dict[str, float | str]]:
    trend = {}
    for axis in AXES:
        values = [s.averages[axis] for s in sessions if s.averages]
        slope = _slope(values)
        trend[axis] = {
            "first": values[0],
            "latest": values[-1],
            "slope": round(slope, 3),
            "verdict": _verdict(axis, slope),
        }
    return trend


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def progress(as_json: bool) -> None:
    """Your average levels per axis across sessions, oldest to newest."""
    summaries = _summaries()
    sessions = [s for s in reversed(summaries) if s.readable and s.averages]  # newest last
    skipped = sum(1 for s in summaries if not s.readable)
    trend = _trend(sessions) if len(sessions) >= 2 else {}
    if as_json:
        data = {"sessions": [s.to_dict() for s in sessions], "trend": trend, "unreadable": skipped}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if len(sessions) < 2:
        have = "No graded sessions yet" if not sessions else "Only one graded session so far"
        click.echo(f"{have}: progress needs at least two. Finish another conversation and come back.")
    else:
        shown = sessions[-MAX_BARS:]
        note = f", showing the last {len(shown)}" if len(shown) < len(sessions) else ""
        click.echo(f"Average level per session, oldest to newest ({len(sessions)} sessions{note}).")
        for axis in AXES:
            t = trend[axis]
            better = "higher" if BETTER[axis] > 0 else "lower"
            click.echo(
                f"\n{axis.capitalize()} ({better} is better): {t['first']:.1f} -> {t['latest']:.1f}, {t['verdict']}"
            )
            for line in bar_chart([s.averages[axis] for s in shown if s.averages]):
                click.echo(line)
        click.echo(f"\n  oldest shown {_when(shown[0].started_at)}, newest {_when(shown[-1].started_at)}")
    if skipped:
        click.echo(f"({skipped} unreadable file{'s' if skipped != 1 else ''} skipped; see sim history)")
