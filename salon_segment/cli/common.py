"""Steps several commands share: settings and reading (with the progress line), the presentation, showing a
result as a table or JSON, the Excel summary, and the paths an output must never replace."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from salon_segment import progress
from salon_segment.cli.options import OutputFormat, check_span, excel_path, period_months
from salon_segment.cli.reading import Reading
from salon_segment.cli_parsing import require_rows
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _, ngettext
from salon_segment.presentation import Presentation, activate, using


@dataclasses.dataclass(frozen=True)
class Loaded:
    """What a command starts from: its settings, how to show the result, and the inputs read once."""

    settings: Any
    presentation: Presentation
    imported: Any


def load(
    files: list[Path], reading: Reading, *, need_rows: bool = True, keep_snapshots: bool = False
) -> Loaded:
    """Settings, the presentation (activated: messages from here on are in the report language) and the inputs.

    The inputs' bytes are kept only when a cleaned copy will be cut from them (``keep_snapshots``).
    """
    from salon_segment import api  # the progress line is already up: every command starts it (cli._run)
    from salon_segment.config import load_settings
    from salon_segment.currency import resolve as resolve_currency
    from salon_segment.i18n import language, resolve_language, set_language
    from salon_segment.importers import read_options

    settings = load_settings(reading.config)
    set_language(resolve_language(reading.lang, settings.lang))  # before reading: notes and errors in the language
    options = read_options(
        settings, mappings=reading.mappings, encoding=reading.encoding, sheet=reading.sheet,
        date_format=reading.date_format, delimiter=reading.delimiter, products=reading.products,
        dialect=reading.dialect,
    )  # fmt: skip
    with progress.importer_stages():
        imported = api.read(files, options=options, keep_bytes=keep_snapshots)
    for note in imported.notes:
        typer.echo(_("Note: {note}").format(note=note), err=True)
    progress.stage(_("scoring"), ngettext("{n} line", "{n} lines", len(imported.ledger)).format(n=len(imported.ledger)))
    if need_rows:
        require_rows(imported.reports)
    presentation = Presentation(language=language(), currency=resolve_currency(imported.reports, settings.currency))
    activate(presentation)
    if reading.pseudonymize:
        from salon_segment.privacy import pseudonym_key

        found = pseudonym_key(
            configured=settings.pseudonym_key, key_file=reading.key_file or settings.pseudonym_key_file,
            config=reading.config, inputs=files,
        )  # fmt: skip
        if found.note:
            typer.echo(_("Note: {note}").format(note=found.note), err=True)
        imported = api.pseudonymized(imported, found.key)
    return Loaded(settings, presentation, imported)


def analysed(
    files: list[Path], as_of: str | None, reading: Reading, *, horizon_days: int | None = None
) -> tuple[Loaded, Any]:
    """Settings, inputs and analysis for the insight commands (with the forecast only where it is shown)."""
    from salon_segment.api import resolve_as_of
    from salon_segment.cli.options import parse_as_of
    from salon_segment.scoring import analyze as score

    as_of_date = parse_as_of(as_of)
    loaded = load(files, reading)
    need_history(loaded.imported)
    resolved = resolve_as_of(loaded.imported, as_of_date)
    analysis = score(loaded.imported.ledger, as_of=resolved, rules=loaded.settings.rules, horizon_days=horizon_days)
    return loaded, analysis


def analysed_over(
    files: list[Path], as_of: str | None, period: str, reading: Reading
) -> tuple[Loaded, Any, Any, int]:
    """``analysed`` for a command with --period: also the period as (duration, whole months), a usage error before
    any file is read and refused when it reaches back before 1900 from as_of."""
    duration, months = period_months(period)
    loaded, analysis = analysed(files, as_of, reading)
    check_span(analysis.as_of, duration, "--period")
    return loaded, analysis, duration, months


def show(
    presentation: Presentation,
    output_format: OutputFormat,
    document: dict[str, Any] | Callable[[], dict[str, Any] | str],
    view: Callable[[], Any],
) -> None:
    """Print the JSON document, or the terminal view rendered in the presentation's language and currency.

    ``document`` may be a function that builds it (or its JSON text): then it is built only when JSON is asked
    for."""
    progress.end()
    if output_format is OutputFormat.json:
        from salon_segment.render.json_report import json_text

        built = document() if callable(document) else document
        typer.echo(built if isinstance(built, str) else json_text(built))
        return
    with using(presentation):
        presentation.console().print(view())


def need_history(imported: Any) -> None:
    """Refuse (exit 1, one sentence) inputs that hold client lists but no visits."""
    if imported.ledger.empty:
        raise SalonSegmentError(_("this command needs visit history; the input holds only client lists."))


def check_outputs(paths: list[Path | None], files: list[Path], reading: Reading, force: bool) -> None:
    """Refuse an output path that would replace an input (or an existing file without --force): before reading."""
    from salon_segment.output import check_output_path

    for path in paths:
        if path is not None:
            check_output_path(path, inputs=reading.paths(files), force=force)


def excel_target(template: Path | None, as_of: Any, files: list[Path], reading: Reading, force: bool) -> Path | None:
    """The --excel path for this as_of (None without --excel): a .xlsx that replaces no input, checked before
    anything is written."""
    from salon_segment.output import check_output_path

    if template is None:
        return None
    path = excel_path(template, as_of)
    if path.suffix.lower() != ".xlsx":
        raise typer.BadParameter(_("--excel needs a path ending in .xlsx, got {path}").format(path=path))
    check_output_path(path, inputs=reading.paths(files), force=force)
    return path


def write_excel(path: Path, report: Any, presentation: Presentation) -> None:
    """Write the Excel summary of a Report atomically (the path was checked before anything was written)."""
    from salon_segment import __version__ as version
    from salon_segment.output import atomic_write
    from salon_segment.render.excel_summary import Insights, write_summary

    insights = None
    if not report.ledger.empty:
        insights = Insights(staff=report.staff, services=report.services, load=report.load, sources=report.sources)
    trend = report.trend
    progress.stage(_("writing"), str(path))
    with using(presentation):
        atomic_write(
            path,
            lambda tmp: write_summary(
                tmp,
                analysis=report.analysis,
                reports=report.files,
                plan=report.prune_plan,
                trend=trend,
                version=version,
                insights=insights,
                movement=report.movement,
            ),
        )


LIST_KEYS = ["client", "client_name", "email", "phone", "segment", "last_visit", "revenue_12m"]  # a client list


def date_text(value: Any) -> str:
    """A date in the active report language (for titles)."""
    from salon_segment.render import formatting as F

    return F.date(value)


def iso(value: Any) -> str:
    """A date as YYYY-MM-DD (for JSON, whatever the language)."""
    return value.strftime("%Y-%m-%d")
