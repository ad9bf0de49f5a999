"""What every command shares: one-line errors instead of tracebacks, and the home."""

from __future__ import annotations

import sys

import click

from sim.store.paths import Home


def home() -> Home:
    return Home.current()


class UserError(click.ClickException):
    """A problem the user can fix. Shown as one line; exit code 2 by default."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"sim: {self.format_message()}", err=True)


def run_guarded(command: click.Command) -> None:
    """Run the CLI, turning the app's own error types into one-line messages."""
    from sim.core.tomlfile import FileProblems
    from sim.core.transcript import TranscriptError
    from sim.store.models import ModelError
    from sim.store.personas import PersonaStoreError

    try:
        code = command.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sim: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except ModelError as error:
        click.echo(f"sim: {error}", err=True)
        sys.exit(2)
    except (FileProblems, TranscriptError, PersonaStoreError) as error:
        click.echo(f"sim: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
