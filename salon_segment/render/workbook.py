"""Plain Excel tables with typed cells (dates as dates, money as numbers), written in write-only mode."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import IO

import pandas as pd

from salon_segment.cells import clean

DATE_FORMAT = "yyyy-mm-dd"


def cell_value(value: object) -> object:
    """A DataFrame value as a spreadsheet cell value: None for missing, dates as dates, numpy as Python."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def write_table_xlsx(frame: pd.DataFrame, path: Path | IO[bytes], *, sheet_name: str) -> None:
    """One sheet: a bold, frozen header row and the frame's rows with real dates and numbers.

    Text cells must have been through ``salon_segment.output.make_inert`` (the one cell sanitiser).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from salon_segment.phones import PHONE_COLUMNS

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "salon-segment"
    workbook.properties.created = dt.datetime(2000, 1, 1)
    workbook.properties.modified = dt.datetime(2000, 1, 1)
    sheet = workbook.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in frame.columns:
        cell = WriteOnlyCell(sheet, value=clean(str(name)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    date_columns = {i for i, c in enumerate(frame.columns) if pd.api.types.is_datetime64_any_dtype(frame[c])}
    phone_columns = {i for i, c in enumerate(frame.columns) if c in PHONE_COLUMNS}
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for i, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=cell_value(value))
            if i in date_columns and cell.value is not None:
                cell.number_format = DATE_FORMAT
            elif i in phone_columns and cell.value is not None:  # text, no visible apostrophe (phones.py)
                cell.number_format, cell.quotePrefix = "@", True
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)
