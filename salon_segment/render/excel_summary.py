"""The Excel summary a cron job writes every week: Summary, Clients, Call list, Forecast, Trend, Prune, insights,
About.

Sheet names and headers are in the report language and state the configured rules, charts are native Excel
charts, and the same input and as_of give the same cells (document properties are dated from as_of, not the
clock). Every figure comes from the analysis; the columns come from the schema (``render/columns.py``), the
segment labels and colours from the registry (``scoring/segments.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from salon_segment.i18n import N_, _
from salon_segment.importers import FileReport
from salon_segment.render.call_list_view import call_list
from salon_segment.render.columns import CALL_SHEET, CLIENT_SHEET, PRUNE_SHEET, SEGMENT_LABEL, TREND_SHEET
from salon_segment.render.excel_insights import Insights, insight_sheets
from salon_segment.render.excel_summary_sheet import summary_sheet
from salon_segment.render.excel_writer import TITLE, Writer, new_sheet
from salon_segment.render.forecast_sheet import forecast_sheet
from salon_segment.render.movement_sheet import movement_sheet
from salon_segment.render.rule_names import RULE_NAMES
from salon_segment.render.segment_labels import client_labels, segment_fills
from salon_segment.scoring.analysis import Analysis
from salon_segment.scoring.movement import Movement
from salon_segment.scoring.prune import PrunePlan


def _clients_sheet(writer: Writer, analysis: Analysis) -> None:
    """Every client as a table, the segment cells filled with the segment's colour."""
    sheet = new_sheet(writer.workbook, _("Clients"))
    sheet.freeze_panes = "A2"
    clients = analysis.clients.assign(**{SEGMENT_LABEL: client_labels(analysis.clients)})
    written = [column.key for column in writer.table(sheet, "tbl_clients", CLIENT_SHEET, clients)]
    if len(clients):
        letter = get_column_letter(written.index(SEGMENT_LABEL) + 1)
        segment_range = f"{letter}2:{letter}{len(clients) + 1}"
        for label, color in segment_fills():
            rule = CellIsRule(operator="equal", formula=[f'"{label}"'], fill=PatternFill("solid", bgColor=color))
            sheet.conditional_formatting.add(segment_range, rule)


def _trend_sheet(writer: Writer, trend: pd.DataFrame) -> None:
    """Month by month: active, new and lost clients, visits and revenue, with a line chart."""
    sheet = new_sheet(writer.workbook, _("Trend"))
    sheet.freeze_panes = "A2"
    writer.table(sheet, "tbl_trend", TREND_SHEET, trend)
    if len(trend):
        lines = LineChart()
        lines.title = _("Active and new clients per month")
        lines.y_axis.title = _("Clients")
        lines.add_data(Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=len(trend) + 1), titles_from_data=True)
        lines.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(trend) + 1))
        lines.width, lines.height = 24, 10
        sheet.add_chart(lines, "I2")


def _about_sheet(writer: Writer, analysis: Analysis, reports: Sequence[FileReport], version: str) -> None:
    """The tool version, as_of, the rows of every file and the rules applied."""
    about = new_sheet(writer.workbook, _("About"))
    about.column_dimensions["A"].width = 46
    about.column_dimensions["B"].width = 18
    about.column_dimensions["C"].width = 28
    cell = writer.cell
    about.append([cell(about, _("salon-segment analysis"), font=TITLE)])
    about.append([cell(about, _("Tool version")), version])
    about.append([cell(about, _("As of")), cell(about, analysis.as_of, "date")])
    about.append([])
    headers = (N_("File"), N_("Rows read"), N_("Used"), N_("Skipped"), N_("Rejected"))
    about.append([cell(about, _(h), bold=True) for h in headers])
    for report in reports:
        counts = (report.rows_read, report.rows_used, report.rows_skipped, report.rows_rejected)
        about.append([cell(about, Path(report.path).name), *counts])
    about.append([])
    about.append([cell(about, _(h), bold=True) for h in (N_("Rules"), N_("Value"), N_("Setting"))])
    for name, value in analysis.rules.as_dict().items():
        shown = ", ".join(value) if isinstance(value, list) else value
        label = _(RULE_NAMES[name]) if name in RULE_NAMES else name
        about.append([cell(about, label), cell(about, shown) if isinstance(shown, str) else shown, name])


def write_summary(
    path: Path | IO[bytes],
    *,
    analysis: Analysis,
    reports: Sequence[FileReport],
    plan: PrunePlan | None,
    trend: pd.DataFrame,
    version: str,
    insights: Insights | None = None,
    movement: Movement | None = None,
) -> None:
    """Write the whole workbook to ``path`` (the caller makes it atomic)."""
    workbook = Workbook(write_only=True)
    stamp = dt.datetime.combine(analysis.as_of.date(), dt.time())
    workbook.properties.creator = "salon-segment"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    writer = Writer(workbook, analysis.rules)
    try:
        _write_sheets(writer, analysis, reports, plan, trend, version, insights, movement)
    except BaseException:
        writer.discard()
        raise
    writer.save(path)


def _write_sheets(
    writer: Writer,
    analysis: Analysis,
    reports: Sequence[FileReport],
    plan: PrunePlan | None,
    trend: pd.DataFrame,
    version: str,
    insights: Insights | None,
    movement: Movement | None,
) -> None:
    """Every sheet, in order (the workbook is saved by the caller)."""
    workbook = writer.workbook
    summary_sheet(writer, analysis, reports, plan)
    _clients_sheet(writer, analysis)

    call_sheet = new_sheet(workbook, _("Call list"))
    call_sheet.freeze_panes = "A2"
    writer.table(call_sheet, "tbl_call_list", CALL_SHEET, call_list(analysis))  # as the terminal and the JSON
    forecast_sheet(writer, analysis)
    _trend_sheet(writer, trend)

    prune_sheet = new_sheet(workbook, _("Prune"))
    prune_sheet.freeze_panes = "A2"
    candidates = plan.candidates if plan is not None else pd.DataFrame(columns=[c.key for c in PRUNE_SHEET])
    writer.table(prune_sheet, "tbl_prune", PRUNE_SHEET, candidates)
    movement_sheet(writer, workbook, movement)

    if insights is not None:
        insight_sheets(writer, insights)
    _about_sheet(writer, analysis, reports, version)
