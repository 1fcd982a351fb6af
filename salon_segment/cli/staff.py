"""`salon-segment staff`: per staff member, clients, revenue, retention, rebooking, and who followed a leaver."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import analysed, date_text, iso, show
from salon_segment.cli.options import (
    AsOfOpt,
    ConfigOpt,
    DateFormatOpt,
    DelimiterOpt,
    DialectOpt,
    EncodingOpt,
    FilesArg,
    FormatOpt,
    LangOpt,
    MapOpt,
    OutputFormat,
    PeriodOpt,
    SheetOpt,
    check_span,
    period_months,
)
from salon_segment.i18n import _


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
    dialect: DialectOpt = None,
    lang: LangOpt = None,
) -> None:
    """Per staff member: clients, revenue, how many first-time clients came back (retention), rebooking,
    regulars, and lost clients who followed a stylist who left."""
    from salon_segment.render import formatting as F
    from salon_segment.render.insights_view import STAFF_COLUMNS, frame_table, records
    from salon_segment.scoring.staff import staff_summary

    duration, months = period_months(period)
    loaded, analysis = analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, dialect=dialect, products=None, lang=lang,
    )  # fmt: skip
    check_span(analysis.as_of, duration, "--period")
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
