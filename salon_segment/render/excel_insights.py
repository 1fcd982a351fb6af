"""The Excel summary's insight sheets: Staff, Services, Sources (tables) and Load (a weekday × hour heat map)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from salon_segment.i18n import N_, _
from salon_segment.render.columns import SERVICE_SHEET, SOURCE_SHEET, STAFF_SHEET
from salon_segment.render.excel_writer import Writer, new_sheet

WEEKDAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@dataclass(frozen=True)
class Insights:
    """The insight tables that get sheets of their own."""

    staff: pd.DataFrame
    services: pd.DataFrame
    load: pd.DataFrame
    sources: pd.DataFrame


def insight_sheets(writer: Writer, insights: Insights) -> None:
    """Staff, Services and Sources as Excel tables, then the Load heat map."""
    workbook = writer.workbook
    for title, table_name, columns, frame in (
        (N_("Staff"), "tbl_staff", STAFF_SHEET, insights.staff),
        (N_("Services"), "tbl_services", SERVICE_SHEET, insights.services),
        (N_("Sources"), "tbl_sources", SOURCE_SHEET, insights.sources),
    ):
        sheet = new_sheet(workbook, _(title))
        sheet.freeze_panes = "A2"
        writer.table(sheet, table_name, columns, frame)
    load = insights.load
    sheet = new_sheet(workbook, _("Load"))
    sheet.append(
        [writer.cell(sheet, _("Visits by weekday and hour"), bold=True), *[f"{h:02d}:00" for h in load.columns]]
    )
    for weekday, row in load.iterrows():
        sheet.append([_(WEEKDAY_NAMES[int(weekday)]), *[int(v) for v in row]])
    if len(load.columns):
        last = get_column_letter(len(load.columns) + 1)
        scale = ColorScaleRule(start_type="min", start_color="F8696B", end_type="max", end_color="63BE7B")
        sheet.conditional_formatting.add(f"B2:{last}8", scale)
