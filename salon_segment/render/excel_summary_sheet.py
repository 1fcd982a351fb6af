"""The Excel summary's first sheet: headline figures, who carries the salon, the segment table and two charts.

Renders what the analysis computed (the Pareto curve's points are ``Analysis.pareto_curve``); the Pareto lines
state the configured shares ("Top 10.0% of clients bring").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.utils import get_column_letter

from salon_segment.i18n import N_, _
from salon_segment.importers import FileReport
from salon_segment.render import formatting as F
from salon_segment.render.columns import APPROACH, SEGMENT_LABEL, SEGMENT_TABLE
from salon_segment.render.excel_writer import TITLE, Writer, new_sheet
from salon_segment.render.json_report import stale_warnings
from salon_segment.render.segment_labels import segment_approach, segment_label
from salon_segment.scoring.analysis import Analysis
from salon_segment.scoring.prune import PrunePlan

CURVE_COLUMN = 20  # the Pareto curve's data sits in columns T:U of the Summary sheet


def _segment_rows(writer: Writer, sheet: Any, analysis: Analysis) -> list[list[Any]]:
    """The segment table's header and one row per segment, typed by the column schema."""
    rows = [[writer.cell(sheet, column.header(), bold=True) for column in SEGMENT_TABLE]]
    for record in analysis.segments.to_dict("records"):
        segment = record["segment"]
        values = {**record, SEGMENT_LABEL: segment_label(segment), APPROACH: segment_approach(segment)}
        rows.append([writer.cell(sheet, values[c.key], c.kind) for c in SEGMENT_TABLE])
    return rows


def _charts(sheet: Any, header_row: int, last_segment_row: int, curve_rows: int) -> None:
    """Clients per segment (bars) and the Pareto curve (scatter over the hidden columns T:U)."""
    bars = BarChart()
    bars.title = _("Clients per segment")
    bars.y_axis.title = _("Clients")
    bars.add_data(Reference(sheet, min_col=2, min_row=header_row, max_row=last_segment_row), titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_segment_row))
    bars.legend = None
    bars.width, bars.height = 16, 9
    sheet.add_chart(bars, "A30")

    chart = ScatterChart()
    chart.title = _("Pareto curve: cumulative share of revenue by share of clients")
    chart.x_axis.title = _("Share of clients")
    chart.y_axis.title = _("Share of revenue")
    chart.style = 13
    series = Series(
        Reference(sheet, min_col=CURVE_COLUMN + 1, min_row=2, max_row=curve_rows),
        Reference(sheet, min_col=CURVE_COLUMN, min_row=2, max_row=curve_rows),
    )
    chart.series.append(series)
    chart.legend = None
    chart.visible_cells_only = False  # the curve's data columns are hidden
    for axis in (chart.x_axis, chart.y_axis):
        axis.scaling.min, axis.scaling.max = 0, 1
        axis.number_format = "0%"
        axis.delete = False
    chart.width, chart.height = 16, 9
    sheet.add_chart(chart, "E30")


def summary_sheet(writer: Writer, analysis: Analysis, reports: Sequence[FileReport], plan: PrunePlan | None) -> None:
    """The Summary sheet (the first of the workbook)."""
    sheet = new_sheet(writer.workbook, _("Summary"))
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 16
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 20
    sheet.column_dimensions["H"].width = 60
    for letter in (get_column_letter(CURVE_COLUMN), get_column_letter(CURVE_COLUMN + 1)):
        sheet.column_dimensions[letter].hidden = True
    t, p = analysis.totals, analysis.pareto
    cell = writer.cell
    buffered: list[list[Any]] = []

    def row(label: str, value: Any = None, kind: str = "text") -> None:
        buffered.append([cell(sheet, label), cell(sheet, value, kind)])

    buffered.append([cell(sheet, _("salon-segment analysis"), font=TITLE)])
    row(_("Files"), ", ".join(Path(r.path).name for r in reports))
    row(_("Period"), f"{F.date(t.first_date)} – {F.date(t.last_date)}")
    row(_("As of"), analysis.as_of, "date")
    for warning in stale_warnings(analysis.stale):  # the as_of is well after the data ends: say so beside it
        buffered.append([cell(sheet, _("Warning"), bold=True), cell(sheet, warning)])
    for label, value, kind in (
        (N_("Clients"), t.clients, "count"),
        (N_("Visits"), t.visits, "count"),
        (N_("Revenue"), t.revenue, "money"),
        (N_("Product revenue"), t.product_revenue, "money"),
        (N_("No-shows"), t.no_shows, "count"),
        (N_("Cancellations"), t.cancellations, "count"),
        (N_("Upcoming bookings"), t.upcoming_bookings, "count"),
    ):
        row(_(label), value, kind)
    buffered.append([])
    buffered.append([cell(sheet, _("Who carries the salon"), bold=True)])
    row(_("Top {share} of clients bring").format(share=F.share(p.top_client_share)), p.top_revenue_share, "share")
    row(
        _("Share of clients for {target} of revenue").format(target=F.share(p.revenue_share_target)),
        p.clients_share_for_target,
        "share",
    )
    row(_("How evenly spending is spread (Gini: 0 = all the same, 1 = one client)"), p.gini, "number")
    buffered.append([])
    header_row = len(buffered) + 1
    buffered += _segment_rows(writer, sheet, analysis)
    last_segment_row = len(buffered)
    if plan is not None:
        buffered.append([])
        row(_("Not seen for (prune)"), F.duration(plan.inactive))
        row(_("Prune candidates"), len(plan.candidates), "count")

    curve = analysis.pareto_curve
    curve_rows = [[cell(sheet, _("Share of clients"), bold=True), cell(sheet, _("Share of revenue"), bold=True)]]
    curve_rows += [[cell(sheet, x, "share"), cell(sheet, y, "share")] for x, y in curve.itertuples(index=False)]
    for index in range(max(len(buffered), len(curve_rows))):
        values = buffered[index] if index < len(buffered) else []
        if index < len(curve_rows):
            values = [*values, *[None] * (CURVE_COLUMN - 1 - len(values)), *curve_rows[index]]
        sheet.append(values)
    _charts(sheet, header_row, last_segment_row, len(curve_rows))
