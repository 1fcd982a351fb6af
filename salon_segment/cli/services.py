"""`salon-segment services`: per category, and the regulars who never use one (cross-selling)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import LIST_KEYS, analysed, check_outputs, date_text, iso, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    OutputFormat,
)
from salon_segment.cli.reading import GIVEN, Reading, reading_options
from salon_segment.i18n import _


@app.command(epilog="Example: salon-segment services examples/salon-nl.csv --list Nagels --out nagels.csv")
@handle_errors
@reading_options()
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
    reading: Reading = GIVEN,
    force: ForceOpt = False,
) -> None:
    """Per category: clients, visits, revenue, A/B/C mix, and the regulars who never use it (to offer it to
    them: cross-selling)."""
    from salon_segment.output import write_table
    from salon_segment.render.insights_view import LIST_COLUMNS, SERVICE_COLUMNS, frame_table, records
    from salon_segment.scoring.services import cross_sell_list, services_summary

    if out is not None:
        if list_category is None:
            raise typer.BadParameter(_("--out goes with --list CATEGORY"))
        check_outputs([out], files, reading, force)
    loaded, analysis = analysed(files, as_of, reading)
    ledger = loaded.imported.ledger
    if list_category is not None:
        chosen = cross_sell_list(ledger, analysis.clients, list_category, as_of=analysis.as_of)
        if out is not None:
            write_table(chosen[LIST_KEYS], out, sheet_name="campaign")
        title = _("Regulars who never used {category}: {n}").format(category=list_category, n=len(chosen))
        show(loaded.presentation, output_format, {"category": list_category, "clients": records(chosen[LIST_KEYS])},
             lambda: frame_table(title, chosen, LIST_COLUMNS))  # fmt: skip
        return
    table = services_summary(ledger, analysis.clients, as_of=analysis.as_of)
    title = _("Services, as of {as_of}").format(as_of=date_text(analysis.as_of))
    show(loaded.presentation, output_format, {"as_of": iso(analysis.as_of), "services": records(table)},
         lambda: frame_table(title, table, SERVICE_COLUMNS))  # fmt: skip
