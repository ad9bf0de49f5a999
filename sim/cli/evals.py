"""`sim eval persona`: the persona engine against five scripted users, with the real model."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from sim.cli.common import UserError, home


@click.command("persona")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--seed", default=0, show_default=True, help="Seed for the model's sampling.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the transcripts (default: a new folder under SIM_HOME/evals).")
@click.option("--persona", "persona_ids", multiple=True, metavar="ID", help="Only these personas (repeatable).")
@click.option("--embeddings/--no-embeddings", default=True, show_default=True,
              help="Grade with the sentence-embedding model (as the app does) or the rules alone.")
@click.pass_context
def persona_eval(ctx, as_json: bool, seed: int, out_dir: Path | None, persona_ids: tuple[str, ...],
                 embeddings: bool) -> None:
    """Play connector, pitcher, interviewer, minimal and mixed users against every persona."""
    from sim.app.evaluation import evaluate, format_report
    from sim.app.services import load_grader
    from sim.engine import load_generator
    from sim.store.models import ModelFiles, resolve_profile
    from sim.store.personas import load_catalog

    h = home()
    catalog = load_catalog(h)
    personas = [s.persona for s in catalog.personas.values() if s.origin == "built-in" or persona_ids]
    if persona_ids:
        unknown = sorted(set(persona_ids) - {p.id for p in personas})
        if unknown:
            raise UserError(f"no persona {', '.join(unknown)} (see `sim personas list`)")
        personas = [p for p in personas if p.id in persona_ids]
    if not personas:
        raise UserError("no personas to evaluate (see `sim personas check`)")
    files = ModelFiles(resolve_profile((ctx.obj or {}).get("model"), h), h)
    files.check_present()
    generator = load_generator(files)
    grader = load_grader(embeddings=embeddings)
    if grader.note:
        click.echo(f"sim: {grader.note}", err=True)
    if out_dir is None:
        out_dir = h.root / "evals" / datetime.now().strftime("persona-%Y%m%d-%H%M%S")
    report = evaluate(personas, generator, files.profile, seed=seed, out_dir=out_dir, grader=grader,
                      say=lambda text: click.echo(text, err=True))
    report["transcripts"] = str(out_dir)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report)
               + f"\ntranscripts: {out_dir}")
