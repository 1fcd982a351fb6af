"""The Excel summary's "Forecast" sheet: expected visits, revenue and value at risk per segment for the next
horizon, last horizon's check beside them, and a native bar chart. Renders ``Analysis.prediction``."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference

from salon_segment.i18n import N_, _
from salon_segment.render.excel_summary import Column, _new_sheet, _Writer
from salon_segment.render.terminal import segment_label
from salon_segment.scoring import clients as C
from salon_segment.scoring.analysis import Analysis

FORECAST_COLUMNS = (
    Column(N_("Segment"), "segment_label", width=14),
    Column(N_("Clients"), "clients", "int", 10),
    Column(N_("Expected visits"), "expected_visits", "number", 12),
    Column(N_("Expected revenue"), "expected_revenue", "money", 14),
    Column(N_("At risk (a year)"), "value_at_risk", "money", 14),
    Column(N_("Last horizon: predicted visits"), "backtest_predicted_visits", "number", 14),
    Column(N_("Last horizon: visits"), "backtest_actual_visits", "number", 12),
    Column(N_("Last horizon: predicted revenue"), "backtest_predicted_revenue", "money", 14),
    Column(N_("Last horizon: revenue"), "backtest_actual_revenue", "money", 14),
)


def forecast_sheet(writer: _Writer, workbook: Any, analysis: Analysis) -> None:
    """The sheet, when the analysis has a forecast (nothing otherwise)."""
    prediction = analysis.prediction
    if prediction is None:
        return
    sheet = _new_sheet(workbook, _("Forecast"))
    sheet.freeze_panes = "A2"
    frame = prediction.segments.copy()
    frame["segment_label"] = frame[C.SEGMENT].map(lambda s: segment_label(str(s)))
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
