"""Typed cells and tables for the Excel summary's write-only sheets (formats, phones, tables, saving).

Cells hold real numbers and dates with number formats (never text), and text from the export can never run
as a formula. A table's columns come from the column schema (``render/columns.py``): its header is the
column's label in the report language, its cells are typed by the column's kind.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd
from babel.numbers import get_currency_symbol
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from salon_segment.cells import clean_text
from salon_segment.i18n import babel_locale, date_pattern, language
from salon_segment.output import inert, inert_text
from salon_segment.render import formatting as F
from salon_segment.render.columns import Column
from salon_segment.render.sheet_rows import CellColumn, splice_rows
from salon_segment.render.widths import column_width
from salon_segment.render.workbook import cell_value
from salon_segment.rules import Rules

SHARE_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.00"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TITLE = Font(bold=True, size=14)


def _money_format() -> str:
    """The symbol on the side where the language's CLDR currency pattern puts it (€ 1.234,50 / 1 234,50 ₽)."""
    if F.current_currency() is None:  # nothing says which currency: a plain number
        return "#,##0.00"
    from babel import Locale

    locale = babel_locale(language())
    symbol = get_currency_symbol(F.current_currency(), locale=locale)
    after = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0].strip().endswith("¤")
    return f'#,##0.00 "{symbol}"' if after else f'"{symbol}" #,##0.00'


def excel_date_format(pattern: str) -> str:
    """A CLDR date pattern as an Excel number format: 'dd-MM-y' → 'dd-mm-yyyy', 'dd.MM.y' → 'dd.mm.yyyy'."""
    letters = {"d": lambda n: "d" * min(n, 2), "M": lambda n: "m" * min(n, 4), "y": lambda n: "yyyy"}
    return re.sub(r"([dMy])\1*", lambda m: letters[m.group(1)](len(m.group(0))), pattern.replace("'", '"'))


def _phone_column(sheet: Any, values: pd.Series) -> CellColumn:
    """Phones as text cells (quote-prefix style, format @) without a visible apostrophe; odd values neutralised."""
    from salon_segment.phones import phone_mask

    text = values.fillna("").astype(str)
    template = WriteOnlyCell(sheet, value="")
    template.number_format, template.quotePrefix = "@", True
    return CellColumn(clean_text(text.where(phone_mask(text), inert_text(text))), "text", template.style_id, clean=True)


def new_sheet(workbook: Workbook, title: str) -> Any:
    """A write-only sheet set up to print landscape, one page wide (set before any row is written)."""
    sheet = workbook.create_sheet(title)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


class Writer:
    """Appends typed rows to write-only sheets, sharing number formats; headers state the ``rules``' values."""

    def __init__(self, workbook: Workbook, rules: Rules) -> None:
        self.workbook = workbook
        self.rules = rules
        self.formats = {
            "money": _money_format(),
            "date": excel_date_format(date_pattern()),
            "share": SHARE_FORMAT,
            "number": NUMBER_FORMAT,
        }
        self.rows: dict[str, list[CellColumn]] = {}  # sheet part → its table's data columns, added on save

    def cell(self, sheet: Any, value: Any, kind: str = "text", *, bold: bool = False, font: Font | None = None) -> Any:
        """One cell: text made inert, numbers and dates with the kind's number format, bold or another font."""
        value = cell_value(value)
        if kind == "text" and value is not None:
            value = inert(str(value))  # file names and config values can start with '=' too
        if kind not in self.formats and not bold and font is None:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        if kind in self.formats and value is not None:
            cell.number_format = self.formats[kind]
        if bold or font is not None:
            cell.font = font or BOLD
        return cell

    def _style_id(self, sheet: Any, kind: str) -> int:
        """The workbook's style id for a column kind's number format (0: unstyled)."""
        if kind not in self.formats:
            return 0
        template = WriteOnlyCell(sheet, value=0)
        template.number_format = self.formats[kind]
        return template.style_id

    def _cell_column(self, sheet: Any, values: pd.Series, kind: str) -> CellColumn:
        """A column's cells: text made inert, numbers and dates typed, with the kind's number format."""
        if kind == "text":
            return CellColumn(inert_text(values.fillna("").astype(str)), "text", clean=True)
        if kind == "phone":
            return _phone_column(sheet, values)
        return CellColumn(values, "date" if kind == "date" else "number", self._style_id(sheet, kind))

    def table(self, sheet: Any, name: str, columns: Sequence[Column], frame: pd.DataFrame) -> tuple[Column, ...]:
        """Header + one row per record as an Excel table with filters (columns typed by ``Column.kind``); returns
        the columns written.

        A column the records do not have is left out (a client list has no forecast columns); a table without
        records keeps every header. The table must be the last thing on its sheet: its data rows are added when
        the workbook is saved.
        """
        if len(frame):
            columns = tuple(column for column in columns if column.key in frame.columns)
        columns = tuple(columns)
        headers = [column.header(self.rules) for column in columns]
        for index, (column, header) in enumerate(zip(columns, headers, strict=True), start=1):
            values = frame[column.key] if column.key in frame else pd.Series(dtype=object)
            width = column_width(header, column.kind, values)  # from content: values and the header's words
            sheet.column_dimensions[get_column_letter(index)].width = width
        header_cells = [self.cell(sheet, header, bold=True) for header in headers]
        for cell in header_cells:
            cell.alignment = WRAP
        sheet.append(header_cells)
        if len(frame):
            part = f"xl/worksheets/sheet{self.workbook.worksheets.index(sheet) + 1}.xml"
            self.rows[part] = [self._cell_column(sheet, frame[c.key], c.kind) for c in columns]
            ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"
            table = Table(displayName=name, ref=ref)
            table.tableColumns = [TableColumn(id=i, name=header) for i, header in enumerate(headers, start=1)]
            table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            with warnings.catch_warnings():  # openpyxl warns in write-only mode even when columns are given
                warnings.simplefilter("ignore", UserWarning)
                sheet.add_table(table)
        return columns

    def discard(self) -> None:
        """Close the sheets of a workbook that will not be saved, inner streams first, and remove their temporary
        files (left to the garbage collector, write-only sheets print "Exception ignored" noise)."""
        for sheet in self.workbook.worksheets:
            with contextlib.suppress(Exception):
                if getattr(sheet, "_rows", None) is not None:
                    sheet._rows.close()
                if getattr(sheet, "_writer", None) is not None:
                    sheet._writer.close()
                    sheet._writer.cleanup()

    def save(self, path: Path | IO[bytes]) -> None:
        """Save the workbook to ``path`` with every table's data rows."""
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        splice_rows(buffer, path, self.rows)
