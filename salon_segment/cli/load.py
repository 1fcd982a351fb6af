"""`salon-segment load`: visits by weekday and hour, and the quietest slots."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import analysed_over, iso, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    FormatOpt,
    OutputFormat,
    PeriodOpt,
)
from salon_segment.cli.reading import EXPORTS_ONLY, GIVEN, Reading, reading_options


@app.command(epilog="Example: salon-segment load examples/salon-en.csv")
@handle_errors
@reading_options(EXPORTS_ONLY)
def load(
    files: FilesArg,
    period: PeriodOpt = "12m",
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
) -> None:
    """Visits by weekday and hour, with the quietest slots: where the salon has room for an offer."""
    from salon_segment.render.insights_view import load_document, load_view
    from salon_segment.scoring.services import load_heatmap, quietest_slots

    loaded, analysis, _period, months = analysed_over(files, as_of, period, reading)
    heatmap = load_heatmap(loaded.imported.ledger, as_of=analysis.as_of, period_months=months)
    quiet = quietest_slots(heatmap)
    show(loaded.presentation, output_format, {"as_of": iso(analysis.as_of), **load_document(heatmap, quiet)},
         lambda: load_view(heatmap, quiet))  # fmt: skip
