"""`salon-segment load`: visits by weekday and hour, and the quietest slots."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import analysed, iso, show
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
    dialect: DialectOpt = None,
    lang: LangOpt = None,
) -> None:
    """Visits by weekday and hour, with the quietest slots: where the salon has room for an offer."""
    from salon_segment.render.insights_view import load_document, load_view
    from salon_segment.scoring.services import load_heatmap, quietest_slots

    duration, months = period_months(period)
    loaded, analysis = analysed(
        files, as_of, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, dialect=dialect, products=None, lang=lang,
    )  # fmt: skip
    check_span(analysis.as_of, duration, "--period")
    heatmap = load_heatmap(loaded.imported.ledger, as_of=analysis.as_of, period_months=months)
    quiet = quietest_slots(heatmap)
    show(loaded.presentation, output_format, {"as_of": iso(analysis.as_of), **load_document(heatmap, quiet)},
         lambda: load_view(heatmap, quiet))  # fmt: skip
