"""`sim play`: a whole conversation from a script or a pipe, without the terminal UI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sim.cli.common import UserError, home
from sim.core.literal import visible


MAX_SCRIPT_BYTES = 1 << 20  # thousands of turns; /dev/zero or a runaway pipe is not a script


def read_script(source: str) -> list[str]:
    """One user turn per line; blank lines and lines starting with # are skipped. A pipe
    or a FIFO is fine (read to its end); anything over MAX_SCRIPT_BYTES is refused."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_SCRIPT_BYTES + 1)
        else:
            with open(source, "rb") as handle:
                data = handle.read(MAX_SCRIPT_BYTES + 1)
        if len(data) > MAX_SCRIPT_BYTES:
            raise UserError(f"{source}: larger than {MAX_SCRIPT_BYTES >> 20} MB; not a script")
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{source}: not UTF-8 text") from None
    except OSError as error:
        raise UserError(f"{source}: {error.strerror or error}") from None
    turns = [line.strip() for line in text.splitlines()]
    return [t for t in turns if t and not t.startswith("#")]


def _levels(grade) -> str:
    return f"listening {grade.listening} · helpfulness {grade.helpfulness} · pitching {grade.pitching}"


@click.command()
@click.option("--persona", "persona_id", required=True, help="Persona id (see `sim personas list`).")
@click.option("--script", "script", required=True, metavar="FILE", help="User turns, one per line; - reads stdin.")
@click.option("--seed", default=0, show_default=True, help="Same seed and script give the same transcript.")
@click.option("--model", "model_spec", metavar="MODEL", help="Model profile id or path (default: the global --model).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event, then a summary (schema in the README).")
@click.option("--save", "save_to", type=click.Path(dir_okay=False, path_type=Path), help="Write the transcript here.")
@click.option("--name", "user_name", default="You", show_default=True, help="Your name in the scene.")
@click.option("--embeddings/--no-embeddings", default=True, show_default=True,
              help="Grade with the sentence-embedding model (as the app does) or the rules alone.")
@click.pass_context
def play(ctx, persona_id, script, seed, model_spec, as_json, save_to, user_name, embeddings) -> None:
    """Play a scripted conversation through the same loop as the app."""
    from sim.app.services import load_grader, new_session
    from sim.store.models import ModelFiles, resolve_profile
    from sim.store.personas import find_persona

    turns = read_script(script)
    if not turns:
        raise UserError(f"{script}: no user turns (blank lines and # comments are skipped)")
    h = home()
    persona = find_persona(persona_id, h).persona
    files = ModelFiles(resolve_profile(model_spec or (ctx.obj or {}).get("model"), h), h)
    files.check_present()
    from sim.engine import load_generator

    generator = load_generator(files)
    grader = load_grader(embeddings=embeddings)
    if grader.note:
        click.echo(f"sim: {grader.note}", err=True)
    session = new_session(persona, generator, files.profile, seed=seed, user_name=user_name,
                          save_to=save_to, home=h, grader=grader)
    out = Printer(as_json, persona.first_name, user_name)
    out.persona_line(session.open())
    consumed = 0
    for text in turns:
        if session.finished:
            break
        out.user_turn(session.say(text))
        consumed += 1
        out.persona_line(session.reply())
    stopped_early = consumed < len(turns)
    session.end()
    out.summary(session, stopped_early)
    if session.save_problem:
        raise UserError(session.save_problem.message)


class Printer:
    """Human-readable lines, or one JSON object per event."""

    def __init__(self, as_json: bool, persona_name: str, user_name: str):
        self.as_json = as_json
        self.persona_name = persona_name
        self.user_name = user_name

    def emit(self, data: dict) -> None:
        click.echo(json.dumps(data, ensure_ascii=False))

    def user_turn(self, turn) -> None:
        grade = turn.grade
        if self.as_json:
            self.emit({"type": "user_turn", "id": turn.id, "parent": turn.parent, "text": turn.text,
                       "grade": grade.to_dict()})
            return
        click.echo(visible(f"{self.user_name}: {turn.text}"))
        click.echo(f"    {_levels(grade)}")
        if grade.tip:
            click.echo(visible(f"    tip: {grade.tip}"))

    def persona_line(self, line) -> None:
        turn = line.turn
        trust = turn.director["state"]["trust"]
        if self.as_json:
            self.emit({"type": "persona_line", "id": turn.id, "parent": turn.parent, "text": turn.text,
                       "source": turn.source, "copied": turn.copied, "intent": turn.intent,
                       "trust": trust, "seconds": round(line.seconds, 3)})
        else:
            source = {"lm": "model", "authored": "authored"}[turn.source] + (" ~authored" if turn.copied else "")
            click.echo(visible(f"{self.persona_name} ({source}, trust {trust:.2f}): {turn.text}"))
        for event in line.events:
            if self.as_json:
                self.emit({"type": "event", "kind": event.kind, "id": event.id, "detail": event.detail})
            elif event.kind == "persona_left":
                click.echo(visible(f"  -- {self.persona_name} has left the conversation."))
            elif event.kind == "opportunity_revealed":
                click.echo(visible(f"  -- Opportunity: {event.detail}"))
            elif event.kind == "error":
                click.echo(visible(f"  -- {event.detail}"))

    def summary(self, session, stopped_early: bool) -> None:
        from sim.app.report import outcome, session_summary

        summary = session_summary(session)
        if self.as_json:
            self.emit({"type": "summary", **summary, "stopped_early": stopped_early})
            return
        click.echo("")
        if stopped_early:
            click.echo(visible(f"Stopped early: {self.persona_name} left before the script ended."))
        click.echo(f"Outcome: {outcome(session)}")
        from sim.app.report import metric_rows, metrics_for

        for label, value, anchor in metric_rows(metrics_for(session.branch())):
            click.echo(f"  {label}: {value}" + (f"   [{anchor}]" if anchor else ""))
        if summary.get("transcript"):
            click.echo(f"Transcript: {summary['transcript']}")
