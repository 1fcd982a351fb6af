"""The Excel summary's "Movement" sheet: clients per segment then (rows) and now (columns), the transitions with
their 12-month revenue, the regulars who slipped with why, and a native stacked bar chart. Values only.

Renders ``scoring.movement.Movement`` (in the weekly summary: as of the same date one month earlier).
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.utils import get_column_letter

from salon_segment import ledger as L
from salon_segment.i18n import N_, _
from salon_segment.phones import is_phone
from salon_segment.render.excel_writer import TITLE, WRAP, Writer, new_sheet
from salon_segment.render.movement_view import movement_label, slipping_list
from salon_segment.scoring import clients as C
from salon_segment.scoring import movement as M

MATRIX_ROW = 5  # the matrix header; the from-segments below it, one row each
CHART_ANCHOR = "K2"
WIDTHS = (26, 16, 16, 48, 16, 28, 12, 14, 16)  # A–I: the slipping list's columns set the widths
SLIPPING_COLUMNS = (
    (N_("Client"), L.CLIENT_NAME, "text"),
    (N_("Then"), M.FROM_SEGMENT, "segment"),
    (N_("Now"), M.TO_SEGMENT, "segment"),
    (N_("Why"), "reason", "text"),
    (N_("Phone"), L.PHONE, "phone"),
    (N_("E-mail"), L.EMAIL, "text"),
    (N_("Last visit"), C.LAST_VISIT, "date"),
    (N_("Revenue 12 months before"), M.REVENUE_12M_FROM, "money"),
    (N_("Client key"), L.CLIENT, "text"),
)


def _phone(sheet: Any, writer: Writer, value: Any) -> Any:
    """A dialable phone as a text cell without a visible apostrophe (phones.py); anything else made inert."""
    text = "" if value is None else str(value)
    if not is_phone(text):
        return writer.cell(sheet, text)
    cell = WriteOnlyCell(sheet, value=text)
    cell.number_format, cell.quotePrefix = "@", True
    return cell


def _header(sheet: Any, writer: Writer, labels: list[str]) -> list[Any]:
    cells = [writer.cell(sheet, label, bold=True) for label in labels]
    for cell in cells:
        cell.alignment = WRAP
    return cells


def movement_sheet(writer: Writer, workbook: Any, movement: M.Movement | None) -> None:
    """The sheet, when there is a movement to show (nothing otherwise)."""
    if movement is None:
        return
    sheet = new_sheet(workbook, _("Movement"))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    cell = writer.cell
    sheet.append([cell(sheet, _("Movement between two dates"), font=TITLE)])
    sheet.append([cell(sheet, _("From")), cell(sheet, movement.from_date, "date")])
    sheet.append([cell(sheet, _("To")), cell(sheet, movement.to_date, "date")])
    sheet.append([])

    matrix = movement.matrix
    sheet.append(_header(sheet, writer, [_("Then / now"), *map(movement_label, matrix.columns), _("Total")]))
    for segment, counts in zip(matrix.index, matrix.to_numpy().tolist(), strict=True):
        sheet.append([cell(sheet, movement_label(segment), bold=True), *counts, sum(counts)])
    last_matrix_row = MATRIX_ROW + len(matrix)
    sheet.append([])

    sheet.append(_header(sheet, writer, [_("Then"), _("Now"), _("Clients"), _("Revenue 12 months")]))
    for record in movement.transitions.to_dict("records"):
        sheet.append(
            [
                cell(sheet, movement_label(record[M.FROM_SEGMENT])),
                cell(sheet, movement_label(record[M.TO_SEGMENT])),
                cell(sheet, record[M.CLIENTS], "int"),
                cell(sheet, record[M.REVENUE_12M], "money"),
            ]
        )
    sheet.append([])

    slipping = slipping_list(movement)
    sheet.append([cell(sheet, _("Slipping: A or B then, C or lost now"), bold=True)])
    sheet.append(_header(sheet, writer, [_(header) for header, _key, _kind in SLIPPING_COLUMNS]))
    for record in slipping.to_dict("records"):
        row = []
        for _header_text, key, kind in SLIPPING_COLUMNS:
            value = record[key]
            if kind == "segment":
                row.append(cell(sheet, movement_label(str(value))))
            elif kind == "phone":
                row.append(_phone(sheet, writer, value))
            else:
                row.append(cell(sheet, value, kind))
        sheet.append(row)

    bars = BarChart()
    bars.type, bars.grouping, bars.overlap = "col", "stacked", 100
    bars.title = _("Clients now, by segment then")
    bars.y_axis.title = _("Clients")
    data = Reference(sheet, min_col=1, max_col=1 + len(matrix.columns), min_row=MATRIX_ROW + 1, max_row=last_matrix_row)
    bars.add_data(data, from_rows=True, titles_from_data=True)
    categories = Reference(sheet, min_col=2, max_col=1 + len(matrix.columns), min_row=MATRIX_ROW)
    for series in bars.series:  # the to-segments are text: a string reference, not a number one
        series.cat = AxDataSource(strRef=StrRef(f=str(categories)))
    bars.x_axis.delete = bars.y_axis.delete = False  # openpyxl 3.1 leaves the axes out unless told
    bars.width, bars.height = 18, 10
    sheet.add_chart(bars, CHART_ANCHOR)
