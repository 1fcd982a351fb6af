"""Option values the owner types: the report language (``--lang NL``) and dates (``--as-of 20-11-2026``).

Kept apart from cli.py so that the messages are plain sentences in the report language, not click's wording.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import typer

from salon_segment.i18n import (
    _,
    babel_locale,
    date_pattern,
    language,
    language_from_environment,
    ngettext,
    normalise_language,
    set_language,
    unknown_language_message,
)

EXIT_USAGE = 2
_ARGV: dict[str, str | None] = {"lang": None}  # --lang as the console script found it in sys.argv
DAY_FIRST_SEPARATORS = "-."  # accepted in every language; the report language's own separator is added


def _local_form() -> tuple[str, str] | None:
    """The report language's own day-first form of 20 November 2026 and its separator (20-11-2026, '-'), if any."""
    pattern = date_pattern()
    form = re.fullmatch(r"d{1,2}([^\w'])M{1,2}\1y+", pattern)
    if not form:  # ISO (English) or year/month first: only YYYY-MM-DD is shown
        return None
    from babel.dates import format_date

    return format_date(dt.date(2026, 11, 20), pattern, locale=babel_locale()), form.group(1)


def date_examples() -> str:
    """The forms --as-of shows in its error: '2026-11-20', or '2026-11-20 / 20-11-2026' in Dutch."""
    local = _local_form()
    return "2026-11-20" if local is None else f"2026-11-20 / {local[0]}"


def usage_error(message: str) -> typer.Exit:
    """Print one plain sentence as a usage error (exit 2), in the report language."""
    typer.echo(_("Error: {message}").format(message=message), err=True)
    return typer.Exit(EXIT_USAGE)


def lang_option(value: str | None) -> str | None:
    """--lang: case-insensitive (NL, nl_NL, nl-BE); set at once, so that option errors are in that language."""
    if value is None:  # the console script may have seen --lang where the parser did not (--as-of --lang nl)
        set_language(_ARGV["lang"] or language_from_environment() or "en")
        return _ARGV["lang"]
    code = normalise_language(value)
    if code is None:
        set_language(language_from_environment() or "en")
        raise usage_error(unknown_language_message(value))
    set_language(code)
    return code


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    """A date as YYYY-MM-DD, or day first as in the Dutch (20-11-2026) and Russian (20.11.2026) reports.

    An impossible date says why (``February 2026 has 28 days, so there is no day 31``); a usage error otherwise.
    """
    if value is None:
        return None
    text = value.strip()
    local = _local_form()
    separators = DAY_FIRST_SEPARATORS + (local[1] if local and local[1] not in DAY_FIRST_SEPARATORS else "")
    from salon_segment.duration import date_parts  # not at import: duration imports pandas, --help must not

    parts = date_parts(text, separators)
    if parts is None:
        raise typer.BadParameter(
            _("{option} {value}: expected a date such as {examples}.").format(
                option=option, value=value, examples=date_examples()
            )
        )
    year, month, day = parts
    if not 1 <= month <= 12:
        raise typer.BadParameter(
            _("{option} {value}: there is no month {month}.").format(option=option, value=value, month=month)
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise typer.BadParameter(
            ngettext(
                "{option} {value}: {month} {year} has {n} day, so there is no day {day}.",
                "{option} {value}: {month} {year} has {n} days, so there is no day {day}.",
                days,
            ).format(option=option, value=value, month=month_name(month), year=year, n=days, day=day)
        )
    return dt.date(year, month, day)


def month_name(month: int) -> str:
    """The month's name in the report language, as it stands alone ('February', 'februari', 'февраль')."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", context="stand-alone", locale=babel_locale())[month])


def require_rows(reports: Sequence[Any]) -> None:
    """Exit 1 naming the file when an input has no data rows, or none that could be used (never an empty report)."""
    from salon_segment.errors import InputFileError
    from salon_segment.importers.cells import SKIP_WALK_IN

    for report in reports:
        if report.rows_read == 0:
            raise InputFileError(
                _("{path}: the file has a header but no data rows; export a period with visits or sales.").format(
                    path=report.path
                )
            )
        walk_in_sales = len(report.skipped.get(SKIP_WALK_IN, []))  # used, as walk-in sales: not a failure
        if report.rows_used + walk_in_sales == 0:
            raise InputFileError(
                ngettext(
                    "{path}: the {n} data row could not be used; salon-segment inspect {path} shows why.",
                    "{path}: none of the {n} data rows could be used; salon-segment inspect {path} shows why.",
                    report.rows_read,
                ).format(path=report.path, n=report.rows_read)
            )


def run(app: typer.Typer) -> None:
    """The console script: usage errors (unknown option, missing file…) as one sentence in the report language.

    English runs keep click's usage block; Dutch and Russian runs get "Fout: …"/"Ошибка: …" and a hint.
    """
    import sys

    from salon_segment.i18n import translate_message

    # typer bundles click: its exception classes are reached through the public BadParameter
    parents = {cls.__name__: cls for cls in typer.BadParameter.__mro__}
    usage_error, click_exception = parents["UsageError"], parents["ClickException"]
    _language_from_argv(sys.argv[1:])  # a usage error can stop parsing before --lang is read
    try:
        result = app(standalone_mode=False)
    except typer.Abort:
        typer.echo(_("Interrupted."), err=True)
        sys.exit(130)
    except click_exception as exc:
        if language() == "en":
            exc.show()
        else:
            typer.echo(_("Error: {message}").format(message=translate_message(exc.format_message())), err=True)
            if isinstance(exc, usage_error) and exc.ctx is not None:
                typer.echo(translate_message(f"Try '{exc.ctx.command_path} --help' for help."), err=True)
        sys.exit(exc.exit_code)
    sys.exit(result if isinstance(result, int) else 0)


def _language_from_argv(argv: Sequence[str]) -> None:
    """Set the report language from ``--lang X`` / ``--lang=X`` on the command line, else from LANG."""
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value and normalise_language(value):
            _ARGV["lang"] = normalise_language(value)
            set_language(value)
            return
    set_language(language_from_environment() or "en")
