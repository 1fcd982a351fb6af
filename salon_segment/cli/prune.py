"""`salon-segment prune`: the clients not seen for a while, a removal list and a cleaned copy of the export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import check_outputs, excel_target, load, show, write_excel
from salon_segment.cli.options import (
    AsOfOpt,
    ExcelOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    LogOpt,
    OutputFormat,
    check_span,
    parse_as_of,
    parse_inactive,
)
from salon_segment.cli.reading import GIVEN, Reading, reading_options
from salon_segment.i18n import _


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
@reading_options()
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
    reading: Reading = GIVEN,
    excel: ExcelOpt = None,
    force: ForceOpt = False,
    log: LogOpt = None,
) -> None:
    """Clients not seen for a while (24 months by default): a list to remove from the booking system, and a
    cleaned copy of the export."""
    from salon_segment import api
    from salon_segment.output import check_distinct_outputs, write_table

    as_of_date = parse_as_of(as_of)
    duration = parse_inactive(inactive) if inactive is not None else None
    if keep_out is not None and len(files) > 1 and keep_out.exists() and not keep_out.is_dir():
        raise typer.BadParameter(_("with several inputs, --keep-out must be a folder"))
    keep_paths = _keep_out_paths(keep_out, files) if keep_out is not None else []
    check_outputs([out, *keep_paths], files, reading, force)
    loaded = load(files, reading, keep_snapshots=keep_out is not None)
    settings, imported = loaded.settings, loaded.imported
    if duration is None:
        duration = parse_inactive(settings.rules.prune_inactive)
    resolved_as_of = api.resolve_as_of(imported, as_of_date)
    check_span(resolved_as_of, duration, "--inactive")
    target = excel_target(excel, resolved_as_of, files, reading, force)
    check_distinct_outputs([out, *keep_paths, target])
    result = api.prune(imported, inactive=duration, as_of=resolved_as_of, rules=settings.rules)
    counts = result.counts
    written: list[str] = []
    if out is not None:
        write_table(result.candidates, out, sheet_name="removal")
        written.append(str(out))
    if keep_out is not None:
        counts = _write_cleaned_copies(result, keep_paths, files)
        written.extend(str(path) for path in keep_paths)
    if target is not None:  # the workbook's analysis, with this run's prune figures (not computed again)
        report = api.analyze(
            imported, as_of=result.plan.as_of, rules=settings.rules, currency=settings.currency, prune_plan=result.plan
        )
        write_excel(target, report, loaded.presentation)
        written.append(str(target))
    from salon_segment.render.prune_view import prune_view

    cleaned = keep_out is not None
    show(loaded.presentation, output_format, result.to_dict(counts),
         lambda: prune_view(result.plan, written, counts, cleaned=cleaned))  # fmt: skip


def _write_cleaned_copies(result: Any, keep_paths: list[Path], files: list[Path]) -> list[Any]:
    """Cut each cleaned copy from the snapshot the analysis read; a file named twice is written once."""
    from salon_segment.cleaned_copy import write_cleaned_copy

    imported = result.imported
    reports = {r.path: r for r in imported.reports}
    counted: dict[str, Any] = {}
    for destination, source in dict(zip(keep_paths, files, strict=True)).items():
        report = reports[imported.aliases.get(str(source), str(source))]
        rows = result.removed_rows.get(report.path, [])
        count = write_cleaned_copy(report, rows, destination, imported.snapshots.get(report.path))
        counted.setdefault(report.path, count)
    return list(counted.values())
