"""`salon-segment trend`: active, new and lost clients per period, churn by visit number, a before/after check."""

from __future__ import annotations

import enum
from typing import Annotated, Any

import typer

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import analysed, date_text, iso, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    FormatOpt,
    OutputFormat,
    parse_as_of,
)
from salon_segment.cli.reading import EXPORTS_ONLY, GIVEN, Reading, reading_options
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import N_, _

PERIOD_WORDS = {"month": N_("month"), "quarter": N_("quarter")}
COMPARE_COLUMNS = (
    (N_("Window"), "window", "text"),
    (N_("Active"), "active_clients", "int"),
    (N_("Visits per client"), "visits_per_client", "number"),
    (N_("Spend per client"), "revenue_per_client", "money"),
    (N_("New"), "new_clients", "int"),
    (N_("Return in 90 d"), "first_visit_90d_return", "share"),
)


class TrendBy(str, enum.Enum):
    month = "month"
    quarter = "quarter"


@app.command(epilog="Example: salon-segment trend examples/salon-nl.csv --by quarter --compare-from 2026-05-01")
@handle_errors
@reading_options(EXPORTS_ONLY)
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
    reading: Reading = GIVEN,
) -> None:
    """Active, new and lost clients per month; who never came back after their 1st, 2nd, 3rd visit (churn);
    and a before/after comparison, e.g. of a loyalty programme."""
    import pandas as pd

    from salon_segment.render.insights_view import records
    from salon_segment.scoring.trend import churn_by_visit_number, compare_windows, period_trend

    start = parse_as_of(compare_from, "--compare-from")
    loaded, analysis = analysed(files, as_of, reading)
    ledger, rules = loaded.imported.ledger, loaded.settings.rules
    table = period_trend(ledger, as_of=analysis.as_of, rules=rules, by=by.value)
    churn = churn_by_visit_number(ledger, as_of=analysis.as_of, rules=rules)
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
        comparison = compare_windows(ledger, as_of=analysis.as_of, start=pd.Timestamp(start), rules=rules)
    document = {
        "as_of": iso(analysis.as_of),
        "by": by.value,
        "periods": records(table),
        "churn_by_visit": records(churn),
    }
    if comparison is not None:
        document["comparison"] = records(comparison)
        document["caveat"] = "seasonality is not removed"
    show(loaded.presentation, output_format, document, lambda: _view(by.value, table, churn, comparison, start))


def _view(by: str, table: Any, churn: Any, comparison: Any, start: Any) -> Any:
    import pandas as pd
    from rich.console import Group
    from rich.text import Text

    from salon_segment.render.insights_view import CHURN_COLUMNS, TREND_COLUMNS, frame_table

    columns = ((TREND_COLUMNS[0][0], TREND_COLUMNS[0][1], by), *TREND_COLUMNS[1:])
    parts = [frame_table(_("Per {period}").format(period=_(PERIOD_WORDS[by])), table.tail(24), columns),
             frame_table(_("Never came back after visit number …"), churn, CHURN_COLUMNS)]  # fmt: skip
    if comparison is not None:
        parts.append(
            frame_table(
                _("Before and after {date}").format(date=date_text(pd.Timestamp(start))), comparison, COMPARE_COLUMNS
            )
        )
        parts.append(Text(_("Seasonality is not removed: compare with the same months of an earlier year.")))
    return Group(*parts)
