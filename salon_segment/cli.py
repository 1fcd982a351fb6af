"""The command line: parse options, call the library, render. No scoring happens here.

Exit codes: 0 success, 1 input the user can fix, 2 wrong usage, 3 unexpected error (rerun with --debug).
pandas, rich and openpyxl are imported inside the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from salon_segment import __version__, progress
from salon_segment.cli_parsing import lang_option, require_rows
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import N_, _, ngettext, translate_message

EXIT_USER_ERROR = 1
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


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"


def _fail(message: str, code: int, log: Path | None = None, command: str = "") -> typer.Exit:
    typer.echo(message, err=True)
    if log is not None:
        from salon_segment.runlog import append_error

        append_error(log, message, command=command)
    return typer.Exit(code)


def handle_errors(command: F) -> F:
    """Map user-fixable errors to exit 1 and anything unexpected to exit 3 (traceback with --debug)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
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

    return wrapper  # type: ignore[return-value]


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


def parse_as_of(value: str | None, option: str = "--as-of") -> dt.date | None:
    """--as-of YYYY-MM-DD or the report language's own form (20-11-2026, 20.11.2026), in 1900–2200; a usage
    error that says why otherwise (an impossible day, a year out of range)."""
    from salon_segment.cli_parsing import parse_date
    from salon_segment.duration import EARLIEST, LATEST

    date = parse_date(value, option)
    if date is not None and not EARLIEST <= date <= LATEST:
        raise typer.BadParameter(
            _("{option} {value}: the year {year} is outside {first}–{last}.").format(
                option=option, value=value, year=date.year, first=EARLIEST.year, last=LATEST.year
            )
        )
    return date


def parse_date_order(value: str | None) -> bool | None:
    """--date-format: True when the month comes first; usage error listing the accepted forms otherwise."""
    from salon_segment.duration import parse_date_format

    if value is None:
        return None
    try:
        return parse_date_format(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--date-format: {exc}.") from None


def parse_delimiter_option(value: str | None) -> str | None:
    """--delimiter: , ; | tab or a word for one; usage error otherwise."""
    from salon_segment.importers.csv_records import parse_delimiter

    if value is None:
        return None
    try:
        return parse_delimiter(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--delimiter: {exc}.") from None


def check_span(as_of: Any, duration: Any, option: str) -> None:
    """Refuse (exit 1, one sentence) a duration that reaches back before 1900 from as_of."""
    from salon_segment.duration import check_span as check

    try:
        check(as_of, duration, option)
    except ValueError as exc:
        raise SalonSegmentError(str(exc)) from None


def parse_mappings(values: list[str] | None) -> dict[str, str]:
    """--map FIELD=HEADER, repeatable."""
    mapping: dict[str, str] = {}
    for value in values or []:
        field, sep, header = value.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise typer.BadParameter(_("expected FIELD=HEADER, got {value!r}").format(value=value))
        mapping[field.strip()] = header.strip()
    return mapping


FilesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Export files (CSV or Excel) from the booking system or till.", show_default=False, metavar="FILE..."
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=(
            "Analyse as of this date: 2026-11-20, 20-11-2026 or 20.11.2026. "
            "Default: the latest completed visit that is not after today."
        ),
        show_default=False,
        metavar="DATE",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Config file (TOML). Default: salon-segment.toml in this folder, if any.", metavar="FILE"
    ),
]
MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map", help="Force a column: FIELD=HEADER, e.g. --map date=Afspraak. Repeatable.", metavar="FIELD=HEADER"
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Text encoding of CSV inputs (default: detected).", metavar="NAME")
]
SheetOpt = Annotated[
    str | None,
    typer.Option("--sheet", help="Excel sheet name or number (default: the first with data).", metavar="NAME|N"),
]
DelimiterOpt = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        help="Delimiter of CSV inputs: , ; | tab (or comma, semicolon, pipe, tab). Default: detected.",
        show_default=False,
        metavar="CHAR",
    ),
]
DateFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--date-format",
        help="Day/month order when every date reads both ways: dd-mm-yyyy or mm/dd/yyyy.",
        metavar="ORDER",
    ),
]
ProductsOpt = Annotated[
    Path | None,
    typer.Option(
        "--products", help="A product listing export: its item names count as retail products.", metavar="FILE"
    ),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", help="Output: a table or JSON (for scripts).", metavar="table|json")
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Report language: en, nl or ru (any case). Default: lang in the config, else LANG/LC_ALL, else en.",
        callback=lang_option,
        metavar="en|nl|ru",
    ),
]
ExcelOpt = Annotated[
    Path | None,
    typer.Option(
        "--excel",
        help="Write the Excel summary here; {as_of} and {today} are filled in (reports/summary-{as_of}.xlsx).",
        metavar="FILE.xlsx",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", help="Print nothing on success (for cron jobs).")]
PseudonymizeOpt = Annotated[
    bool,
    typer.Option(
        "--pseudonymize",
        help="Replace names, e-mails and phones in every output by stable keyed pseudonyms (to share a report).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace output files that already exist.")]
HorizonOpt = Annotated[
    str,
    typer.Option(
        "--horizon",
        metavar="DURATION",
        help="The forecast window: who comes back within it, expected visits and revenue (90d, 3m, 12w).",
    ),
]


def horizon_days(value: str, as_of: Any) -> int:
    """--horizon DURATION as a number of days after as_of (usage error naming the accepted forms)."""
    import pandas as pd

    duration = parse_inactive(value)
    return int((pd.Timestamp(as_of) - duration.before(pd.Timestamp(as_of))).days)
LogOpt = Annotated[
    Path | None,
    typer.Option(
        "--log",
        help="Append error messages to FILE (its folder is created), besides stderr. For cron jobs.",
        metavar="FILE",
    ),
]


def _load(
    files: list[Path],
    *,
    config: Path | None,
    mappings: list[str] | None,
    encoding: str | None,
    sheet: str | None,
    date_format: str | None,
    products: Path | None,
    lang: str | None = None,
    pseudonymize: bool = False,
    delimiter: str | None = None,
    need_rows: bool = True,
    quiet: bool = False,
    keep_snapshots: bool = False,
) -> tuple[Any, Any]:
    """Settings and the imported ledger for a command; sets the report language and currency.

    The inputs' bytes are kept only when a cleaned copy will be cut from them (``keep_snapshots``).
    """
    progress.begin(files, quiet=quiet)  # first, before the heavy imports: the stage shows within a second
    from salon_segment.config import load_settings
    from salon_segment.importers import ImportOptions, read_exports
    from salon_segment.importers.catalogue import read_product_catalogue

    month_first = parse_date_order(date_format)
    forced_delimiter = parse_delimiter_option(delimiter)
    settings = load_settings(config)
    from salon_segment.i18n import resolve_language, set_language
    from salon_segment.render.formatting import set_currency

    set_language(resolve_language(lang, settings.lang))
    columns = {**settings.columns, **parse_mappings(mappings)}
    options = ImportOptions(
        columns=columns,
        encoding=encoding,
        sheet=sheet,
        month_first=month_first,
        product_items=read_product_catalogue(products, encoding=encoding) if products else frozenset(),
        rules=settings.rules,
        limits=settings.limits,
    )
    with progress.importer_stages():
        imported = read_exports(files, options, delimiter=forced_delimiter, keep_bytes=keep_snapshots)
    for note in imported.notes:
        typer.echo(_("Note: {note}").format(note=note), err=True)
    progress.stage(_("scoring"), ngettext("{n} line", "{n} lines", len(imported.ledger)).format(n=len(imported.ledger)))
    if need_rows:
        require_rows(imported.reports)
    from salon_segment.currency import resolve as resolve_currency

    set_currency(resolve_currency(imported.reports, settings.currency))
    if pseudonymize:
        import dataclasses

        from salon_segment.privacy import load_or_create_key
        from salon_segment.privacy import pseudonymize as hide

        folder = settings.source.parent if settings.source else Path.cwd()
        key = load_or_create_key(folder, settings.pseudonym_key)
        imported = dataclasses.replace(
            imported, ledger=hide(imported.ledger, key), client_list=hide(imported.client_list, key)
        )
    return settings, imported


def excel_path(template: Path, as_of: Any) -> Path:
    """Fill {as_of} and {today} (YYYY-MM-DD) into an --excel path."""
    text = str(template)
    for key, value in (("{as_of}", as_of.strftime("%Y-%m-%d")), ("{today}", dt.date.today().isoformat())):
        text = text.replace(key, value)
    return Path(text)


def _resolve_as_of(as_of: dt.date | None, imported: Any) -> Any:
    import pandas as pd

    from salon_segment.duration import EARLIEST, LATEST
    from salon_segment.scoring.analysis import default_as_of

    if as_of is not None:
        return pd.Timestamp(as_of)
    today = pd.Timestamp(dt.date.today())
    found = default_as_of(imported.ledger, today=today, client_list=imported.client_list)
    client_list = imported.client_list
    undated = client_list[["first_visit", "last_visit", "created"]].isna().all(axis=None)
    if found is None and imported.ledger.empty and not client_list.empty and undated:
        return today  # a client summary report without dates: spend ranking and Pareto need no as_of
    if found is None:
        raise SalonSegmentError(
            _("{files}: no completed visit dated on or before today; pass --as-of.").format(
                files=", ".join(r.path for r in imported.reports)
            )
        )
    if not pd.Timestamp(EARLIEST) <= found <= pd.Timestamp(LATEST):
        raise SalonSegmentError(
            f"the latest completed visit is dated {found:%Y-%m-%d}, outside {EARLIEST.year}–{LATEST.year}; "
            "pass --as-of YYYY-MM-DD."
        )
    return found


@app.command(
    epilog="Example: salon-segment analyze examples/salon-nl.csv --as-of 2026-11-20 --clients-out clients.xlsx"
)
@handle_errors
def analyze(
    files: FilesArg,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    clients_out: Annotated[
        Path | None,
        typer.Option(
            "--clients-out",
            help="Write one row per client (segment, metrics, contact) to .csv or .xlsx.",
            metavar="FILE",
        ),
    ] = None,
    rejects_out: Annotated[
        Path | None,
        typer.Option(
            "--rejects-out", help="Write every rejected input row (file, row, reason) to .csv.", metavar="FILE"
        ),
    ] = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    excel: ExcelOpt = None,
    quiet: QuietOpt = False,
    force: ForceOpt = False,
    pseudonymize: PseudonymizeOpt = False,
    horizon: HorizonOpt = "90d",
    log: LogOpt = None,
) -> None:
    """How few clients bring most of the revenue (the 80/20 or Pareto check), how regular each client is
    (segments A, B, C, new, lost), and whom to call this week."""

    from salon_segment.output import check_distinct_outputs, check_output_path, write_table
    from salon_segment.scoring import analyze as score

    as_of_date = parse_as_of(as_of)
    parse_inactive(horizon)  # a usage error before any file is read
    for path in (clients_out, rejects_out):
        if path is not None:
            check_output_path(path, inputs=_read_paths(files, config, products), force=force)
    settings, imported = _load(
        files,
        config=config,
        mappings=mappings,
        encoding=encoding,
        sheet=sheet,
        date_format=date_format,
        delimiter=delimiter,
        products=products,
        lang=lang,
        pseudonymize=pseudonymize,
        quiet=quiet,
    )
    from salon_segment.scoring.periods import parse_duration
    from salon_segment.scoring.prune import can_prune, prune_plan

    resolved_as_of = _resolve_as_of(as_of_date, imported)
    excel_target = excel_path(excel, resolved_as_of) if excel is not None else None
    if excel_target is not None:  # checked before anything is written, like the other outputs
        _check_excel_target(excel_target, _read_paths(files, config, products), force)
    check_distinct_outputs([clients_out, rejects_out, excel_target])
    analysis = score(
        imported.ledger,
        as_of=resolved_as_of,
        rules=settings.rules,
        client_list=imported.client_list,
        walk_ins=imported.walk_ins,
        horizon_days=horizon_days(horizon, resolved_as_of),
    )
    plan = (
        prune_plan(
            imported.ledger,
            as_of=resolved_as_of,
            inactive=parse_duration(settings.rules.prune_inactive),
            client_list=imported.client_list,
            contacts=analysis.clients.set_index("client")[["client_name", "email", "phone"]],
        )
        if can_prune(imported.ledger, imported.client_list)
        else None  # a client summary report without dates: no prune figures, said under "not available"
    )
    if clients_out is not None:
        progress.stage(_("writing"), str(clients_out))
        write_table(analysis.clients, clients_out)
    if rejects_out is not None:
        write_table(imported.rejects, rejects_out, sheet_name="rejected")
    if quiet and excel_target is None:
        return
    from salon_segment.scoring.services import sources_summary

    sources = sources_summary(imported.ledger, analysis.clients, as_of=analysis.as_of)  # once: report and workbook
    if excel_target is not None:
        _write_excel(excel_target, imported, settings, analysis, plan, sources)
    if quiet:
        return
    from salon_segment.render.insights_view import SOURCE_COLUMNS, frame_table, records
    from salon_segment.render.json_report import analysis_document
    from salon_segment.render.terminal import analysis_view

    def view() -> Any:
        from rich.console import Group

        from salon_segment.render.forecast_view import forecast_view

        parts = [analysis_view(analysis, imported.reports, plan, excel=str(excel_target) if excel_target else None)]
        if not sources.empty:
            parts.append(frame_table(_("Where clients come from"), sources, SOURCE_COLUMNS))
        parts.append(forecast_view(analysis.prediction))
        return Group(*parts)

    document = {**analysis_document(analysis, imported.reports, plan), "sources": records(sources)}
    _show(output_format, document, view)


@app.command(epilog="Example: salon-segment inspect examples/salon-ru-cp1251.csv --format json")
@handle_errors
def inspect(
    files: FilesArg,
    config: ConfigOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
) -> None:
    """How each file was read: kind, encoding, header, column mapping, date format, every row accounted for."""

    _settings, imported = _load(
        files,
        config=config,
        mappings=mappings,
        encoding=encoding,
        sheet=sheet,
        date_format=date_format,
        delimiter=delimiter,
        products=products,
        lang=lang,
        need_rows=False,
    )
    from salon_segment.render.inspect_view import inspect_document, inspect_view

    _show(output_format, inspect_document(imported.reports), lambda: inspect_view(imported.reports))


def _read_paths(files: list[Path], config: Path | None, products: Path | None) -> list[Path]:
    """Every file a command may read (exports, config, product listing, pseudonym key): never an output."""
    from salon_segment.config import DEFAULT_CONFIG_NAME
    from salon_segment.privacy import KEY_FILE_NAME

    settings = config if config is not None else Path(DEFAULT_CONFIG_NAME)
    return [*files, settings, settings.parent / KEY_FILE_NAME, *([products] if products is not None else [])]


def _check_excel_target(path: Path, files: list[Path], force: bool) -> None:
    from salon_segment.output import check_output_path

    if path.suffix.lower() != ".xlsx":
        raise typer.BadParameter(_("--excel needs a path ending in .xlsx, got {path}").format(path=path))
    check_output_path(path, inputs=files, force=force)


def _write_excel(path: Path, imported: Any, settings: Any, analysis: Any, plan: Any, sources: Any = None) -> None:
    """Write the Excel summary atomically (the path was checked before anything was written)."""
    from salon_segment import __version__ as version
    from salon_segment.output import atomic_write
    from salon_segment.render.excel_summary import write_summary
    from salon_segment.scoring.trend import monthly_trend

    trend = monthly_trend(imported.ledger, as_of=analysis.as_of, rules=settings.rules)
    insights = moved = None
    if not imported.ledger.empty:
        from salon_segment.render.excel_summary import Insights
        from salon_segment.scoring.services import load_heatmap, services_summary, sources_summary
        from salon_segment.scoring.staff import staff_summary

        ledger, clients, as_of = imported.ledger, analysis.clients, analysis.as_of
        insights = Insights(
            staff=staff_summary(ledger, clients, as_of=as_of, rules=settings.rules),
            services=services_summary(ledger, clients, as_of=as_of),
            load=load_heatmap(ledger, as_of=as_of),
            sources=sources if sources is not None else sources_summary(ledger, clients, as_of=as_of),
        )
        from salon_segment.scoring.movement import comparison_date, movement

        moved = movement(ledger, from_date=comparison_date(as_of), to_date=as_of, rules=settings.rules,
                         to_clients=clients)  # fmt: skip
    progress.stage(_("writing"), str(path))
    atomic_write(
        path,
        lambda tmp: write_summary(
            tmp,
            analysis=analysis,
            reports=imported.reports,
            plan=plan,
            trend=trend,
            version=version,
            insights=insights,
            movement=moved,
        ),
    )


def parse_inactive(value: str) -> Any:
    """--inactive DURATION (usage error naming the accepted forms)."""
    from salon_segment.scoring.periods import parse_duration

    try:
        return parse_duration(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _keep_out_paths(keep_out: Path, files: list[Path]) -> list[Path]:
    """One cleaned file per input: KEEP_OUT itself for one input, else KEEP_OUT/<distinct input name>."""
    from salon_segment.cleaned_copy import cleaned_copy_paths

    if len(files) == 1 and not keep_out.is_dir():
        return [keep_out]
    return cleaned_copy_paths(keep_out, files)  # distinct names when two inputs share a name


@app.command(
    epilog=(
        "Example: salon-segment prune examples/salon-nl.csv --inactive 24m --out removal.xlsx --keep-out cleaned.csv"
    )
)
@handle_errors
def prune(
    files: FilesArg,
    inactive: Annotated[
        str | None,
        typer.Option(
            "--inactive",
            help="How long without a visit: 24m, 18mo, 2y, 6w, 90d. Default: 24m (prune_inactive in the config file).",
            show_default=False,
            metavar="DURATION",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the removal list (one row per candidate) to .csv or .xlsx.", metavar="FILE"),
    ] = None,
    keep_out: Annotated[
        Path | None,
        typer.Option(
            "--keep-out",
            help=(
                "Write the export minus the candidates' lines (a folder for several inputs). CSV stays byte-identical."
            ),
            metavar="FILE|FOLDER",
        ),
    ] = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    excel: ExcelOpt = None,
    force: ForceOpt = False,
    pseudonymize: PseudonymizeOpt = False,
    log: LogOpt = None,
) -> None:
    """Clients not seen for a while (24 months by default): a list to remove from the booking system, and a
    cleaned copy of the export."""

    from salon_segment.cleaned_copy import write_cleaned_copy
    from salon_segment.output import check_distinct_outputs, check_output_path, write_table
    from salon_segment.scoring.prune import prune_plan, rows_of_clients

    as_of_date = parse_as_of(as_of)
    duration = parse_inactive(inactive) if inactive is not None else None
    if keep_out is not None and len(files) > 1 and keep_out.exists() and not keep_out.is_dir():
        raise typer.BadParameter(_("with several inputs, --keep-out must be a folder"))
    keep_paths = _keep_out_paths(keep_out, files) if keep_out is not None else []
    for path in [*([out] if out is not None else []), *keep_paths]:
        check_output_path(path, inputs=_read_paths(files, config, products), force=force)
    settings, imported = _load(
        files,
        config=config,
        mappings=mappings,
        encoding=encoding,
        sheet=sheet,
        date_format=date_format,
        delimiter=delimiter,
        products=products,
        lang=lang,
        pseudonymize=pseudonymize,
        keep_snapshots=keep_out is not None,
    )
    if duration is None:
        duration = parse_inactive(settings.rules.prune_inactive)
    client_list = imported.client_list
    resolved_as_of = _resolve_as_of(as_of_date, imported)
    check_span(resolved_as_of, duration, "--inactive")
    plan = prune_plan(imported.ledger, as_of=resolved_as_of, inactive=duration, client_list=client_list)
    excel_target = excel_path(excel, plan.as_of) if excel is not None else None
    if excel_target is not None:
        _check_excel_target(excel_target, _read_paths(files, config, products), force)
    check_distinct_outputs([out, *keep_paths, excel_target])
    removed = rows_of_clients(imported.ledger, client_list, plan.candidates["client"])
    from salon_segment.cleaned_copy import CleanedCounts

    counts = [
        CleanedCounts(r.path, r.rows_read, r.rows_read - len(removed.get(r.path, [])), len(removed.get(r.path, [])))
        for r in imported.reports
    ]
    written: list[str] = []
    if out is not None:
        write_table(plan.candidates, out, sheet_name="removal")
        written.append(str(out))
    if keep_out is not None:  # cut from the snapshots the analysis read; a file named twice is written once
        reports = {r.path: r for r in imported.reports}
        counted: dict[str, Any] = {}
        for destination, source in dict(zip(keep_paths, files, strict=True)).items():
            report = reports[imported.aliases.get(str(source), str(source))]
            rows = removed.get(report.path, [])
            count = write_cleaned_copy(report, rows, destination, imported.snapshots.get(report.path))
            counted.setdefault(report.path, count)
            written.append(str(destination))
        counts = list(counted.values())
    if excel_target is not None:
        from salon_segment.scoring import analyze as score

        analysis = score(imported.ledger, as_of=plan.as_of, rules=settings.rules, client_list=client_list)
        _write_excel(excel_target, imported, settings, analysis, plan)
        written.append(str(excel_target))
    from salon_segment.render.prune_view import prune_document, prune_view

    cleaned = keep_out is not None
    _show(output_format, prune_document(plan, counts), lambda: prune_view(plan, written, counts, cleaned=cleaned))


def _analysed(
    files: list[Path], as_of: str | None, *, horizon_days: int | None = None, **reading: Any
) -> tuple[Any, Any, Any]:
    """Settings, import and analysis for the insight commands (with the forecast only where it is shown)."""
    from salon_segment.scoring import analyze as score

    as_of_date = parse_as_of(as_of)
    settings, imported = _load(files, **reading)
    if imported.ledger.empty:
        raise SalonSegmentError(_("this command needs visit history; the input holds only client lists."))
    resolved = _resolve_as_of(as_of_date, imported)
    analysis = score(imported.ledger, as_of=resolved, rules=settings.rules, horizon_days=horizon_days)
    return settings, imported, analysis


def _show(output_format: OutputFormat, document: Any, view: Any) -> None:

    progress.end()
    if output_format is OutputFormat.json:
        from salon_segment.render.json_report import json_text

        typer.echo(json_text(document))
        return
    from rich.console import Console

    # text from the export ("[link=…]", "[/bold]") is shown as written, never read as markup
    Console(markup=False, emoji=False).print(view())


PeriodOpt = Annotated[str, typer.Option("--period", help="How far back: 12m, 6m, 2y or 90d.", metavar="DURATION")]


def period_months(text: str) -> tuple[Any, int]:
    """--period as (duration, whole months, at least 1): day and week periods round to months."""
    duration = parse_inactive(text)
    return duration, duration.months or max(1, round(duration.days / 30.44))


@app.command(epilog="Example: salon-segment staff examples/salon-nl.csv --period 12m")
@handle_errors
def staff(
    files: FilesArg,
    period: PeriodOpt = "12m",
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
) -> None:
    """Per staff member: clients, revenue, how many first-time clients came back (retention), rebooking,
    regulars, and lost clients who followed a stylist who left."""
    from salon_segment.render.insights_view import STAFF_COLUMNS, frame_table, records
    from salon_segment.scoring.staff import staff_summary

    duration, months = period_months(period)
    settings, imported, analysis = _analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, products=None, lang=lang,
    )  # fmt: skip
    check_span(analysis.as_of, duration, "--period")
    table = staff_summary(
        imported.ledger, analysis.clients, as_of=analysis.as_of, rules=settings.rules, period_months=months
    )
    title = _("Staff: last {period}, as of {as_of}").format(
        period=_duration_text(duration), as_of=_date_text(analysis.as_of)
    )
    _show(output_format, {"as_of": _iso(analysis.as_of), "period_months": months, "staff": records(table)},
          lambda: frame_table(title, table, STAFF_COLUMNS))  # fmt: skip


def _duration_text(duration: Any) -> str:
    from salon_segment.render import formatting as F

    return F.duration(duration)


def _date_text(value: Any) -> str:
    from salon_segment.render import formatting as F

    return F.date(value)


def _iso(value: Any) -> str:
    return value.strftime("%Y-%m-%d")


@app.command(epilog="Example: salon-segment services examples/salon-nl.csv --list Nagels --out nagels.csv")
@handle_errors
def services(
    files: FilesArg,
    list_category: Annotated[
        str | None,
        typer.Option("--list", help="List the active regulars who never used this category.", metavar="CATEGORY"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write that list (name, contact) to .csv or .xlsx.", metavar="FILE")
    ] = None,
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    pseudonymize: PseudonymizeOpt = False,
) -> None:
    """Per category: clients, visits, revenue, A/B/C mix, and the regulars who never use it (to offer it to
    them: cross-selling)."""
    from salon_segment.output import check_output_path, write_table
    from salon_segment.render.insights_view import LIST_COLUMNS, SERVICE_COLUMNS, frame_table, records
    from salon_segment.scoring.services import cross_sell_list, services_summary

    if out is not None:
        if list_category is None:
            raise typer.BadParameter(_("--out goes with --list CATEGORY"))
        check_output_path(out, inputs=_read_paths(files, config, products), force=force)
    imported, analysis = _analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, products=products, lang=lang, pseudonymize=pseudonymize,
    )[1:]  # fmt: skip
    if list_category is not None:
        chosen = cross_sell_list(imported.ledger, analysis.clients, list_category, as_of=analysis.as_of)
        if out is not None:
            columns = ["client", "client_name", "email", "phone", "segment", "last_visit", "revenue_12m"]
            write_table(chosen[columns], out, sheet_name="campaign")
        title = _("Regulars who never used {category}: {n}").format(category=list_category, n=len(chosen))
        _show(output_format, {"category": list_category, "clients": records(chosen[LIST_KEYS])},
              lambda: frame_table(title, chosen, LIST_COLUMNS))  # fmt: skip
        return
    table = services_summary(imported.ledger, analysis.clients, as_of=analysis.as_of)
    title = _("Services, as of {as_of}").format(as_of=_date_text(analysis.as_of))
    _show(output_format, {"as_of": _iso(analysis.as_of), "services": records(table)},
          lambda: frame_table(title, table, SERVICE_COLUMNS))  # fmt: skip


LIST_KEYS = ["client", "client_name", "email", "phone", "segment", "last_visit", "revenue_12m"]


@app.command(epilog="Example: salon-segment load examples/salon-en.csv")
@handle_errors
def load(
    files: FilesArg,
    period: PeriodOpt = "12m",
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
) -> None:
    """Visits by weekday and hour, with the quietest slots: where the salon has room for an offer."""
    from salon_segment.render.insights_view import load_document, load_view
    from salon_segment.scoring.services import load_heatmap, quietest_slots

    duration, months = period_months(period)
    imported, analysis = _analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, products=None, lang=lang,
    )[1:]  # fmt: skip
    check_span(analysis.as_of, duration, "--period")
    heatmap = load_heatmap(imported.ledger, as_of=analysis.as_of, period_months=months)
    quiet = quietest_slots(heatmap)
    _show(
        output_format,
        {"as_of": _iso(analysis.as_of), **load_document(heatmap, quiet)},
        lambda: load_view(heatmap, quiet),
    )


PERIOD_WORDS = {"month": N_("month"), "quarter": N_("quarter")}


class TrendBy(str, enum.Enum):
    month = "month"
    quarter = "quarter"


@app.command(epilog="Example: salon-segment trend examples/salon-nl.csv --by quarter --compare-from 2026-05-01")
@handle_errors
def trend(
    files: FilesArg,
    by: Annotated[
        TrendBy, typer.Option("--by", help="Per month or per quarter.", metavar="month|quarter")
    ] = TrendBy.month,
    compare_from: Annotated[
        str | None,
        typer.Option(
            "--compare-from", help="Compare equal windows before and after this date (2026-05-01).", metavar="DATE"
        ),
    ] = None,
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
) -> None:
    """Active, new and lost clients per month; who never came back after their 1st, 2nd, 3rd visit (churn);
    and a before/after comparison, e.g. of a loyalty programme."""
    import pandas as pd
    from rich.console import Group
    from rich.text import Text

    from salon_segment.render.insights_view import CHURN_COLUMNS, TREND_COLUMNS, frame_table, records
    from salon_segment.scoring.trend import churn_by_visit_number, compare_windows, period_trend

    start = parse_as_of(compare_from, "--compare-from")
    settings, imported, analysis = _analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, products=None, lang=lang,
    )  # fmt: skip
    table = period_trend(imported.ledger, as_of=analysis.as_of, rules=settings.rules, by=by.value)
    churn = churn_by_visit_number(imported.ledger, as_of=analysis.as_of, rules=settings.rules)
    comparison = None
    if start is not None:
        if pd.Timestamp(start) >= analysis.as_of:
            raise typer.BadParameter(_("--compare-from must be before as_of"))
        from salon_segment.duration import EARLIEST

        if pd.Timestamp(start) - (analysis.as_of - pd.Timestamp(start)) < pd.Timestamp(EARLIEST):
            raise SalonSegmentError(
                f"--compare-from {start:%Y-%m-%d}: the window before it would start before {EARLIEST:%Y-%m-%d}; "
                "choose a later date."
            )
        comparison = compare_windows(
            imported.ledger, as_of=analysis.as_of, start=pd.Timestamp(start), rules=settings.rules
        )
    document = {
        "as_of": _iso(analysis.as_of),
        "by": by.value,
        "periods": records(table),
        "churn_by_visit": records(churn),
    }
    if comparison is not None:
        document["comparison"] = records(comparison)
        document["caveat"] = "seasonality is not removed"

    def view() -> Any:
        columns = ((TREND_COLUMNS[0][0], TREND_COLUMNS[0][1], by.value), *TREND_COLUMNS[1:])
        parts = [frame_table(_("Per {period}").format(period=_(PERIOD_WORDS[by.value])), table.tail(24), columns),
                 frame_table(_("Never came back after visit number …"), churn, CHURN_COLUMNS)]  # fmt: skip
        if comparison is not None:
            parts.append(
                frame_table(
                    _("Before and after {date}").format(date=_date_text(pd.Timestamp(start))),
                    comparison,
                    COMPARE_COLUMNS,
                )
            )
            parts.append(Text(_("Seasonality is not removed: compare with the same months of an earlier year.")))
        return Group(*parts)

    _show(output_format, document, view)


COMPARE_COLUMNS = (
    (N_("Window"), "window", "text"),
    (N_("Active"), "active_clients", "int"),
    (N_("Visits per client"), "visits_per_client", "number"),
    (N_("Spend per client"), "revenue_per_client", "money"),
    (N_("New"), "new_clients", "int"),
    (N_("Return in 90 d"), "first_visit_90d_return", "share"),
)


@app.command(epilog='Example: salon-segment client examples/salon-nl.csv "de vries"')
@handle_errors
def client(
    files: FilesArg,
    query: Annotated[
        str, typer.Argument(help="Client key, part of the name, e-mail or phone.", show_default=False, metavar="QUERY")
    ],
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    pseudonymize: PseudonymizeOpt = False,
) -> None:
    """A client's card: segment and why, spend, rhythm, favourite stylist, usual day and hour, last visits."""
    from salon_segment.render.insights_view import LIST_COLUMNS, card_document, card_view, frame_table, records
    from salon_segment.scoring.card import client_card, find_clients

    settings, imported, analysis = _analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, products=products, lang=lang, pseudonymize=pseudonymize, horizon_days=90,
    )  # fmt: skip
    found = find_clients(analysis.clients, query)
    if found.empty:
        raise SalonSegmentError(_("no client matches that search; try part of the name, the e-mail or the phone."))
    if len(found) > 1:
        title = ngettext("{n} client matches", "{n} clients match; narrow the search", len(found)).format(n=len(found))
        _show(output_format, {"matches": records(found[LIST_KEYS])}, lambda: frame_table(title, found, LIST_COLUMNS))
        return
    card = client_card(imported.ledger, found.iloc[0], as_of=analysis.as_of, rules=settings.rules)
    _show(output_format, card_document(card), lambda: card_view(card, settings.rules))


from salon_segment.cli_help import polish_help  # noqa: E402  (after every command is registered)
from salon_segment.commands import backtest as _backtest_command  # noqa: E402, F401  (registers `backtest`)
from salon_segment.commands import movement as _movement_command  # noqa: E402, F401  (registers `movement`)

polish_help(app)


def main() -> None:
    """Console-script entry point (usage errors in the report language)."""
    from salon_segment.cli_parsing import run

    run(app)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

