"""`sim replay FILE`: open a saved conversation in the app's replay screen."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def replay(ctx: click.Context, file: Path) -> None:
    """Step through a saved conversation, switch branches, re-grade, try a turn again."""
    from sim.store.transcripts import read_transcript
    from sim.tui.run import run_app

    read_transcript(file)  # a broken file is a one-line error here, before the screen opens
    run_app(model_spec=(ctx.obj or {}).get("model"), replay=file)
