"""The data rows of large workbook tables as worksheet XML, built column by column with pandas.

openpyxl spends about 6 µs per cell on its cell objects and XML elements (XlsxWriter, measured, about 3 µs), and
a 100,000-client summary has over 2.5 million cells. openpyxl still writes everything else — header rows,
styles, tables, charts, the workbook's parts — and these rows are spliced into its sheets before ``</sheetData>``
while the file is copied once. Text is cleaned by the one cell sanitiser (``salon_segment.cells``) and escaped;
numbers, dates (as Excel serial days) and empty cells (left out) follow what openpyxl itself writes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from salon_segment.cells import clean_text

EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
CHUNK_ROWS = 20_000
SHEET_DATA_END = b"</sheetData>"
# zlib level of the sheets with rows: 2 deflates their repetitive XML about three times faster than the default
# (6), for a file about a fifth larger (100,000 clients: 132 MB of XML in 0.7 s instead of 2.4 s, 19.6 MB
# instead of 15.9 MB; level 1 is no faster and larger); the cells are the same
ROWS_COMPRESSION = 2


@dataclass(frozen=True)
class CellColumn:
    """One column of cells: its values already converted (text, float or datetime64) and its style id."""

    values: pd.Series
    kind: str  # text | number | date
    style_id: int = 0
    clean: bool = False  # text already through the cell sanitiser (``cells.clean_text`` or ``inert_text``)


_SEPARATOR = "\x00"  # never in cleaned text (XML cannot hold it): joins a column to escape it in one pass


def _escaped(text: pd.Series, clean: bool) -> list[str]:
    # the one cell sanitiser: no character XML cannot hold, at most 32,767 characters
    cleaned = text if clean else clean_text(text)
    joined = _SEPARATOR.join(cleaned.tolist())
    if "&" in joined or "<" in joined or ">" in joined:
        joined = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return joined.split(_SEPARATOR) if len(cleaned) else []


def _numbers(column: CellColumn) -> tuple[list[str], np.ndarray]:
    """Each value's text in ``<v>`` and whether it is missing (the cell is left out)."""
    if column.kind == "date":
        dates = pd.to_datetime(column.values).to_numpy(dtype="datetime64[D]")
        missing = np.isnat(dates)
        return list(map(str, (dates - EXCEL_EPOCH).astype("int64").tolist())), missing
    floats = pd.to_numeric(column.values, errors="coerce").astype(float).to_numpy()
    missing = ~np.isfinite(floats)
    floats = np.where(missing, 0.0, floats)
    whole = (floats == np.round(floats)) & (np.abs(floats) < 1e15) & ~((floats == 0) & np.signbit(floats))
    if whole.all():  # counts, whole amounts: '%.16g' of a whole number below 10^15 is its digits
        return list(map(str, floats.astype("int64").tolist())), missing
    return [format(value, ".16g") for value in floats.tolist()], missing  # as openpyxl writes numbers ("%.16g")


def _cells(column: CellColumn, letter: str, refs: list[str]) -> list[str]:
    """Each row's ``<c>`` element for one column ('' where the value is missing: the cell is left out)."""
    style = f' s="{column.style_id}"' if column.style_id else ""
    start = '<c r="' + letter
    if column.kind == "text":
        text = column.values.fillna("").astype(str)
        middle = '"' + style + ' t="inlineStr"><is><t xml:space="preserve">'
        present = (text.to_numpy() != "").tolist()
        escaped = _escaped(text, column.clean)
        return [
            start + ref + middle + value + "</t></is></c>" if keep else ""
            for ref, value, keep in zip(refs, escaped, present, strict=True)
        ]
    numbers, missing = _numbers(column)
    middle = '"' + style + ' t="n"><v>'
    return [
        "" if gone else start + ref + middle + number + "</v></c>"
        for ref, number, gone in zip(refs, numbers, missing.tolist(), strict=True)
    ]


def rows_xml(columns: Sequence[CellColumn], first_row: int) -> Iterator[bytes]:
    """The ``<row>`` elements for the columns' values, numbered from ``first_row``, in chunks of bytes."""
    if not columns:
        return
    total = len(columns[0].values)
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    for start in range(0, total, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, total)
        refs = list(map(str, range(first_row + start, first_row + stop)))
        parts = [
            _cells(CellColumn(c.values.iloc[start:stop], c.kind, c.style_id, c.clean), letter, refs)
            for c, letter in zip(columns, letters, strict=True)
        ]
        heads = ['<row r="' + ref + '">' for ref in refs]
        lines = map("".join, zip(heads, *parts, strict=True))
        yield ("</row>".join(lines) + "</row>").encode("utf-8")


def splice_rows(
    source: IO[bytes], target: Path | IO[bytes], rows: dict[str, Sequence[CellColumn]], first_row: int = 2
) -> None:
    """Copy the workbook ``source`` to ``target``, adding the data rows of the named sheet parts
    (e.g. ``xl/worksheets/sheet2.xml``) before their ``</sheetData>``."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=ROWS_COMPRESSION) as out,
    ):
        for info in original.infolist():
            data = original.read(info)
            if info.filename not in rows:
                out.writestr(info, data)
                continue
            head, end, tail = data.partition(SHEET_DATA_END)
            if not end:
                raise ValueError(f"{info.filename} has no sheet data to add rows to")
            with out.open(info.filename, "w", force_zip64=True) as stream:  # deflated at ROWS_COMPRESSION
                stream.write(head)
                for chunk in rows_xml(rows[info.filename], first_row):
                    stream.write(chunk)
                stream.write(end + tail)
