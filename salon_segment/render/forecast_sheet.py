"""The Excel summary's "Forecast" sheet: expected visits, revenue and value at risk per segment for the next
horizon, last horizon's check beside them, and a native bar chart. Renders ``Analysis.prediction``."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference

from salon_segment.i18n import N_, _
from salon_segment.render.columns import SEGMENT_LABEL, Column
from salon_segment.render.excel_writer import Writer, new_sheet
from salon_segment.render.segment_labels import segment_label
from salon_segment.scoring import clients as C
from salon_segment.scoring.analysis import Analysis

FORECAST_COLUMNS = (
    Column(SEGMENT_LABEL, N_("Segment")),
    Column("clients", N_("Clients"), "count"),
    Column("expected_visits", N_("Expected visits"), "number"),
    Column("expected_revenue", N_("Expected revenue"), "money"),
    Column("value_at_risk", N_("At risk (a year)"), "money"),
    Column("backtest_predicted_visits", N_("Last horizon: predicted visits"), "number"),
    Column("backtest_actual_visits", N_("Last horizon: visits"), "number"),
    Column("backtest_predicted_revenue", N_("Last horizon: predicted revenue"), "money"),
    Column("backtest_actual_revenue", N_("Last horizon: revenue"), "money"),
)


def forecast_sheet(writer: Writer, analysis: Analysis) -> None:
    """The sheet, when the analysis has a forecast (nothing otherwise)."""
    prediction = analysis.prediction
    if prediction is None:
        return
    sheet = new_sheet(writer.workbook, _("Forecast"))
    sheet.freeze_panes = "A2"
    frame = prediction.segments.copy()
    frame[SEGMENT_LABEL] = frame[C.SEGMENT].map(lambda s: segment_label(str(s)))
    for column in FORECAST_COLUMNS:
        if column.key not in frame:
            frame[column.key] = float("nan")
    writer.table(sheet, "tbl_forecast", FORECAST_COLUMNS, frame)
    if len(frame):
        bars = BarChart()
        bars.type = "col"
        bars.title = _("Next {days} days: expected revenue and the value at risk").format(days=prediction.horizon_days)
        last = len(frame) + 1
        bars.add_data(Reference(sheet, min_col=4, max_col=5, min_row=1, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
        bars.width, bars.height = 22, 10
        sheet.add_chart(bars, "K2")
