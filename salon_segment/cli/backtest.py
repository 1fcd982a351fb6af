"""`salon-segment backtest`: how well the return forecast would have done one horizon ago.

Refits the model at as_of − horizon with the lines up to then and compares with what happened: AUC (how well it
ranks who comes back), Brier score (how good its probabilities are), predicted vs actual visits and revenue, in
total and per segment; and the same for the 2-month lost rule and for days since the last visit.
"""

from __future__ import annotations

from pathlib import Path

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import load, need_history, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    FormatOpt,
    HorizonOpt,
    OutputFormat,
    horizon_days,
    parse_as_of,
    parse_inactive,
)
from salon_segment.cli.reading import GIVEN, WITHOUT_PRIVACY, Reading, reading_options
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _


@app.command(epilog="Example: salon-segment backtest examples/salon-nl.csv --as-of 2026-11-20 --horizon 90d")
@handle_errors
@reading_options(WITHOUT_PRIVACY)
def backtest(
    files: FilesArg,
    as_of: AsOfOpt = None,
    horizon: HorizonOpt = "90d",
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
) -> None:
    """How far to trust the forecast: refit one horizon ago and compare with what happened since."""
    import pandas as pd

    from salon_segment.api import resolve_as_of
    from salon_segment.render.forecast_view import backtest_document, backtest_view
    from salon_segment.scoring import analyze as score

    parse_inactive(horizon)
    parse_as_of(as_of)  # a usage error before any file is read
    loaded = load(files, reading)
    need_history(loaded.imported)
    resolved = resolve_as_of(loaded.imported, parse_as_of(as_of))
    days = horizon_days(horizon, resolved)
    analysis = score(loaded.imported.ledger, as_of=resolved, rules=loaded.settings.rules, horizon_days=days)
    prediction = analysis.prediction
    if prediction is None or prediction.backtest is None:
        start = (resolved - pd.Timedelta(days=days)).strftime("%Y-%m-%d")
        raise SalonSegmentError(
            _("the export holds too little history before {date} to test a {days}-day forecast; try a shorter "
              "--horizon.").format(date=start, days=days)
        )
    document = {
        "as_of": analysis.as_of.strftime("%Y-%m-%d"),
        "files": [str(Path(f)) for f in files],
        **backtest_document(prediction.backtest),
        "segments": prediction.segments.to_dict("records"),
    }
    show(loaded.presentation, output_format, document, lambda: backtest_view(prediction))
