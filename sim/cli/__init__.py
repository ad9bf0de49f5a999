"""The `sim` command line. Each command group lives in its own module; heavy imports
(torch, textual) happen inside commands, so `sim --help` stays fast and torch-free."""

from __future__ import annotations

import click

from sim import __version__
from sim.cli.common import run_guarded


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--model", "model_spec", metavar="MODEL", help="Model profile id, or a path to a local model directory or .gguf file.")
@click.version_option(__version__, prog_name="sim")
@click.pass_context
def cli(ctx: click.Context, model_spec: str | None) -> None:
    """Practise connecting, not networking.

    Run with no command to open the app: pick an attendee at a professional event, talk
    with them, and see every turn graded on listening and helpfulness versus pitching.
    """
    ctx.ensure_object(dict)
    ctx.obj["model"] = model_spec
    if ctx.invoked_subcommand is None:
        from sim.tui.run import run_app

        run_app(model_spec=model_spec)


def _register() -> None:
    from sim.cli import evals
    from sim.cli import grading
    from sim.cli import model
    from sim.cli import personas
    from sim.cli import play
    from sim.cli import replay
    from sim.cli import transcripts

    grading.eval_group.add_command(evals.persona_eval)
    cli.add_command(grading.eval_group)
    cli.add_command(grading.grade)
    cli.add_command(model.model)
    cli.add_command(model.bench)
    cli.add_command(personas.personas)
    cli.add_command(play.play)
    cli.add_command(replay.replay)
    cli.add_command(transcripts.export)
    cli.add_command(transcripts.history)
    cli.add_command(transcripts.progress)


_register()


def main() -> None:
    run_guarded(cli)
