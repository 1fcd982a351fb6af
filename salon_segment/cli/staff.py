"""`salon-segment staff`: per staff member, clients, revenue, retention, rebooking, and who followed a leaver."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import analysed_over, date_text, iso, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    FormatOpt,
    OutputFormat,
    PeriodOpt,
)
from salon_segment.cli.reading import EXPORTS_ONLY, GIVEN, Reading, reading_options
from salon_segment.i18n import _


@app.command(epilog="Example: salon-segment staff examples/salon-nl.csv --period 12m")
@handle_errors
@reading_options(EXPORTS_ONLY)
def staff(
    files: FilesArg,
    period: PeriodOpt = "12m",
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
) -> None:
    """Per staff member: clients, revenue, how many first-time clients came back (retention), rebooking,
    regulars, and lost clients who followed a stylist who left."""
    from salon_segment.render import formatting as F
    from salon_segment.render.insights_view import STAFF_COLUMNS, frame_table, records
    from salon_segment.scoring.staff import staff_summary

    loaded, analysis, duration, months = analysed_over(files, as_of, period, reading)
    table = staff_summary(
        loaded.imported.ledger, analysis.clients, as_of=analysis.as_of, rules=loaded.settings.rules,
        period_months=months,
    )  # fmt: skip
    title = _("Staff: last {period}, as of {as_of}").format(
        period=F.duration(duration), as_of=date_text(analysis.as_of)
    )
    show(loaded.presentation, output_format,
         {"as_of": iso(analysis.as_of), "period_months": months, "staff": records(table)},
         lambda: frame_table(title, table, STAFF_COLUMNS))  # fmt: skip
