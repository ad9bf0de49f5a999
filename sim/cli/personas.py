"""`sim personas ...`: list, show, check, write, import and export personas.

Persona text is printed with plain click.echo and its control characters escaped, so a
persona file can neither style nor move the terminal.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from sim.cli.common import UserError, home

WIDTH = 88


@contextmanager
def _user_errors() -> Iterator[None]:
    """The store's and the card reader's errors become one-line CLI errors."""
    from sim.core.cards import CardError
    from sim.core.tomlfile import FileProblems
    from sim.store.personas import PersonaStoreError

    try:
        yield
    except (CardError, PersonaStoreError, FileProblems) as error:
        raise UserError(str(error)) from None


def _safe(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: m.group().encode("unicode_escape").decode(), text)


def _cut(text: str, width: int) -> str:
    text = _safe(text)
    return text if len(text) <= width else text[: width - 3] + "..."


@click.group()
def personas() -> None:
    """Browse, check, write, import and export personas."""


@personas.command("list")
def list_personas() -> None:
    """List every persona: built-in and your own."""
    from sim.store.personas import load_catalog

    catalog = load_catalog(home())
    rows = [("ID", "NAME", "ROLE", "DIFFICULTY", "SOURCE")]
    for stored in sorted(catalog.personas.values(), key=lambda s: s.persona.id):
        p = stored.persona
        origin = "user (replaces built-in)" if stored.overrides_builtin else stored.origin
        rows.append((p.id, _cut(p.name, 28), _cut(p.role, 40), p.difficulty, origin))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
    if catalog.problems:
        click.echo(f"sim: {len(catalog.broken)} persona file(s) did not load; run `sim personas check`", err=True)


def _block(title: str, items: list[str], bullet: str = "- ") -> list[str]:
    out = ["", title]
    for item in items:
        out += textwrap.wrap(
            _safe(item), WIDTH, initial_indent="  " + bullet, subsequent_indent="  " + " " * len(bullet)
        ) or ["  " + bullet]
    return out


@personas.command()
@click.argument("persona_id", metavar="ID")
@click.option("--spoilers", is_flag=True, help="Also show the hidden opportunity.")
def show(persona_id: str, spoilers: bool) -> None:
    """Show a readable summary of one persona."""
    from sim.store.personas import find_persona

    with _user_errors():
        stored = find_persona(persona_id, home())
    p = stored.persona
    where = f", {p.organisation}" if p.organisation else ""
    out = [
        f"{_safe(p.name)} ({p.id}), {stored.origin}",
        f"{_safe(p.role)}{_safe(where)}",
        f"Event:      {_safe(p.event)}",
        f"Difficulty: {p.difficulty}   patience {p.patience}   trust {p.initial_trust:g} at the start",
        f"File:       {_safe(str(stored.path))}",
        "",
        *textwrap.wrap(_safe(p.hook), WIDTH),
    ]
    out += _block("Setting", [p.setting], "")
    out += _block("Background", [p.background], "")
    out += _block("Personality", [p.personality], "")
    out += _block("Speaking style", [p.speaking_style], "")
    out += _block("Goals", list(p.goals))
    if p.interests:
        out += _block("Interests", [", ".join(p.interests)], "")
    if p.pet_peeves:
        out += _block("Pet peeves", list(p.pet_peeves))
    out += _block("Facts, in the order shared", list(p.facts))
    for number, challenge in enumerate(p.challenges, 1):
        out += _block(f"Challenge {number}: {_safe(challenge.summary)}", list(challenge.details))
        if challenge.needs:
            out += textwrap.wrap(_safe("needs: " + "; ".join(challenge.needs)), WIDTH, initial_indent="  ")
    opportunity = f"Hidden opportunity (offered at trust {p.opportunity.trust_needed:g})"
    if spoilers:
        out += _block(opportunity, [p.opportunity.offer], "")
        out += _block("  said as", list(p.opportunity.lines))
    else:
        out += ["", opportunity, "  (hidden; add --spoilers to see it)"]
    out += _block("Opening lines", list(p.opening_lines))
    if p.examples:
        out += _block("Examples", [f"them: {e.them} / {p.first_name}: {e.persona}" for e in p.examples])
    for intent, lines in p.lines.model_dump().items():
        out += _block(f"Authored lines: {intent}", lines)
    click.echo("\n".join(out))


def _files_in(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.glob("*.toml") if not p.name.startswith("."))
        else:
            files.append(path)
    return files


@personas.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Validate persona files (default: every built-in and user persona).

    Lists every problem as file:line: field: problem; exits 1 if there is any.
    """
    from sim.core.tomlfile import FileProblems
    from sim.store.personas import load_catalog, load_persona_file

    problems: list[str] = []
    if paths:
        files = _files_in(paths)
        for path in files:
            try:
                load_persona_file(path)
            except FileProblems as error:
                problems += [str(p) for p in error.problems]
        checked = len(files)
    else:
        catalog = load_catalog(home())
        problems = catalog.problems
        checked = len(catalog.files)
    for problem in problems:
        click.echo(_safe(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {checked} file(s)", err=True)
        ctx.exit(1)
    click.echo(f"{checked} persona file(s) valid", err=True)


@personas.command()
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Where to write it.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def new(out: Path | None, force: bool) -> None:
    """Write a commented persona template to fill in.

    The template is not valid until every <TODO ...> placeholder is replaced; `sim
    personas check` lists the ones left.
    """
    from sim.core.persona import PERSONA_ID
    from sim.store.personas import new_persona_id, template, write_private_file

    h = home()
    with _user_errors():
        if out is None:
            persona_id = new_persona_id(h)
            out = h.ensure(h.personas) / f"{persona_id}.toml"
        else:
            stem_ok = re.fullmatch(PERSONA_ID, out.stem) and out.suffix == ".toml"
            persona_id = out.stem if stem_ok else new_persona_id(h)
        path = write_private_file(out, template(persona_id), overwrite=force)
    click.echo(str(path))
    click.echo(f"fill in every <TODO ...>, then run: sim personas check {path}", err=True)


@personas.command("import")
@click.argument("card", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead.")
@click.option("--force", is_flag=True, help="Replace an existing persona file.")
def import_card(card: Path, out: Path | None, force: bool) -> None:
    """Import a Character Card V2 or V3 (.json, or .png with the card embedded)."""
    from sim.store.personas import (
        load_catalog,
        persona_to_toml,
        read_card_file,
        save_user_persona,
        write_private_file,
    )

    h = home()
    with _user_errors():
        imported = read_card_file(card)
        persona = imported.persona
        text = persona_to_toml(persona, imported.header(card.name), imported.field_notes())
        if out is not None:
            path = write_private_file(out, text, overwrite=force)
        else:
            existing = load_catalog(h).personas.get(persona.id)
            if existing and existing.origin == "user" and not force:
                raise UserError(f"you already have a persona {persona.id!r} ({existing.path}); use --force or --out")
            if existing and existing.origin == "built-in":
                click.echo(f"sim: note: this replaces the built-in persona {persona.id!r}", err=True)
            path = save_user_persona(text, h, overwrite=force, source=card.name)
    click.echo(str(path))
    if imported.defaulted:
        fields = ", ".join(imported.defaulted)
        click.echo(f"filled with defaults (marked DEFAULT in the file): {fields}", err=True)


@personas.command()
@click.argument("persona_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["ccv2"]), default="ccv2", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def export(persona_id: str, fmt: str, out: Path | None, force: bool) -> None:
    """Export a persona as a Character Card V2 (JSON), carrying every sim field."""
    from sim.core.cards import export_ccv2_json
    from sim.store.personas import find_persona, write_private_file

    with _user_errors():
        text = export_ccv2_json(find_persona(persona_id, home()).persona)
        if out is None:
            click.echo(text, nl=False)
            return
        path = write_private_file(out, text, overwrite=force)
    click.echo(str(path))
