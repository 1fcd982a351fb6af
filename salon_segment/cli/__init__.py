"""The command line: one small module per command that parses options, calls the library and renders.

Exit codes: 0 success, 1 input the user can fix, 2 wrong usage, 3 unexpected error (rerun with --debug).
pandas, rich and openpyxl are imported inside the commands so that ``--help`` stays fast. This module holds the
Typer app, the error handling every command shares and the console-script entry point; ``options`` the shared
options and parsers, ``reading`` the reading options as one ``Reading`` (a decorator gives them to a command),
``common`` the steps several commands share (settings, reading, showing, the workbook).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from salon_segment import __version__, progress
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _, translate_message
from salon_segment.presentation import preserved

EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="salon-segment",
    context_settings={"max_content_width": 200},  # help follows the terminal's width (COLUMNS), not 80
    help=(
        "Client-base analysis for salons from a booking-system export: who carries the salon, "
        "how loyal the base is, and whom to let go."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])
_STATE = {"debug": False}  # set by the --debug option of the main callback


def _fail(message: str, code: int, log: Path | None = None, command: str = "") -> typer.Exit:
    typer.echo(message, err=True)
    if log is not None:
        from salon_segment.runlog import append_error

        append_error(log, message, command=command)
    return typer.Exit(code)


def handle_errors(command: F) -> F:
    """Map user-fixable errors to exit 1 and anything unexpected to exit 3 (traceback with --debug).

    The report language and currency the command activates are restored afterwards (after its error message).
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with preserved():
            return _run(command, args, kwargs)

    return wrapper  # type: ignore[return-value]


def _run(command: Callable[..., Any], args: Any, kwargs: dict[str, Any]) -> Any:
    debug = _STATE["debug"]
    log, name = kwargs.get("log"), command.__name__
    try:
        if log is not None:
            from salon_segment.runlog import open_log

            open_log(log)
        try:  # the progress line starts before the command's heavy imports (pandas): within a second
            progress.begin(kwargs.get("files") or [], quiet=bool(kwargs.get("quiet")))
            return command(*args, **kwargs)
        finally:
            progress.end()
    except typer.BadParameter as exc:  # one plain sentence in the report language, no click wording
        raise _fail(_("Error: {message}").format(message=translate_message(exc.message)), 2, log, name) from None
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except SalonSegmentError as exc:
        if debug:
            raise
        message = translate_message(str(exc))
        raise _fail(_("Error: {message}").format(message=message), exc.exit_code, log, name) from None
    except KeyboardInterrupt:
        raise _fail(_("Interrupted."), EXIT_INTERRUPTED, log, name) from None
    except Exception as exc:
        if debug:
            raise
        raise _fail(
            _(
                "Unexpected error ({kind}). This is a bug in salon-segment: rerun with --debug to see "
                "the traceback, and report it without your data."
            ).format(kind=exc.__class__.__name__),
            EXIT_UNEXPECTED,
            log,
            name,
        ) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salon-segment {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of unexpected errors.")] = False,
) -> None:
    """Client-base analysis for salons from a booking-system export."""
    _STATE["debug"] = debug


# Each module registers its command on ``app`` (in this order: the order of ``--help``).
from salon_segment.cli import analyze, inspect, prune, staff, services, load, trend, client, backtest, movement  # noqa: E402, F401, I001
from salon_segment.cli_help import polish_help  # noqa: E402  (after every command is registered)

polish_help(app)


def main() -> None:
    """Console-script entry point (usage errors in the report language)."""
    from salon_segment.cli_parsing import run

    run(app)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
