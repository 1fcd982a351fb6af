"""Write a cleaned copy of an input export: the same file minus some rows, nothing else changed.

CSV: every kept record is copied as the original bytes (same encoding, delimiter, quoting, line endings,
BOM, title rows and header), so the file can be imported back. Excel (.xlsx): the same workbook with the rows
deleted and every formula replaced by its cached value, so that no reference can point at a deleted or shifted
row and the kept workbook re-imports with the same totals. .xls/.ods: the sheet's values in an .xlsx, text
always stored as text (a cell reading ``=...`` stays text, never becomes a formula). The input is only ever read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from salon_segment.cells import clean
from salon_segment.errors import OutputError
from salon_segment.importers import FileReport
from salon_segment.importers.csv_records import split_records
from salon_segment.importers.source import EXCEL_SUFFIXES
from salon_segment.output import atomic_write


@dataclass(frozen=True)
class CleanedCounts:
    """Row accounting of one cleaned copy: data rows kept + removed = data rows in the input."""

    path: str
    rows: int
    kept: int
    removed: int


def cleaned_copy_paths(folder: Path, files: Collection[Path]) -> list[Path]:
    """One distinct cleaned-copy path in ``folder`` per input: ``<name>`` (Excel inputs as ``.xlsx``); inputs
    whose names clash (same name in two folders, ``a.xls`` and ``a.ods``, letter case) get their folder's name
    as a prefix, ``<folder>-<name>``, and a clash that remains a number, ``<folder>-<stem>-2<suffix>``."""

    def name(source: Path, with_folder: bool = False) -> tuple[str, str]:
        """(stem, suffix) of the cleaned copy, optionally prefixed with the input's folder name."""
        suffix = ".xlsx" if source.suffix.lower() in EXCEL_SUFFIXES else source.suffix
        folder_name = source.resolve().parent.name or "root"
        return (f"{folder_name}-" if with_folder else "") + source.stem, suffix

    plain = [name(Path(f)) for f in files]
    counts = Counter((stem + suffix).casefold() for stem, suffix in plain)
    chosen = [
        name(Path(f), with_folder=True) if counts[(stem + suffix).casefold()] > 1 else (stem, suffix)
        for f, (stem, suffix) in zip(files, plain, strict=True)
    ]
    taken: set[str] = set()
    paths = []
    for stem, suffix in chosen:
        candidate, number = stem + suffix, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        taken.add(candidate.casefold())
        paths.append(Path(folder) / candidate)
    return paths


def _bom_and_codec(data: bytes, encoding: str) -> tuple[bytes, str]:
    if data.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8, "utf-8"
    if data.startswith(codecs.BOM_UTF16_LE):
        return codecs.BOM_UTF16_LE, "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return codecs.BOM_UTF16_BE, "utf-16-be"
    return b"", {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(encoding, encoding)


def record_spans(
    data: bytes, encoding: str, delimiter: str, header_row: int | None = None
) -> tuple[bytes, list[tuple[int, int]]]:
    """(BOM, byte span of every CSV record) as the importer reads the file: record k is spreadsheet row k+1.

    With ``header_row``, the records below the header are split like the importer splits them
    (``split_records``: a line with an unbalanced quote is a record of its own, not the rest of the file).
    """
    bom, codec = _bom_and_codec(data, encoding)
    text = data[len(bom) :].decode(codec)
    lines = list(io.StringIO(text, newline=""))
    offsets = [len(bom)]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode(codec)))
    if offsets[-1] != len(data):
        raise OutputError("the file's bytes do not decode back to themselves; no cleaned copy was written.")
    reader = csv.reader(iter(lines), delimiter=delimiter)
    spans = []
    consumed = 0
    header: list[str] = []
    for record in reader:
        spans.append((offsets[consumed], offsets[reader.line_num]))
        consumed = reader.line_num
        if header_row is not None and len(spans) == header_row:
            header = record
            break
    if header_row is not None and len(spans) == header_row:
        for count in split_records(lines[consumed:], delimiter, len(header), fields=False).lines:
            spans.append((offsets[consumed], offsets[consumed + count]))
            consumed += count
    if consumed < len(lines):  # trailing lines the reader yields nothing for
        spans[-1] = (spans[-1][0], offsets[-1]) if spans else (offsets[consumed], offsets[-1])
    return bom, spans


def _plain_line_offsets(data: bytes, start: int, codec: str) -> np.ndarray | None:
    """Byte offsets of every record's start, and the end, when the file has no quote and no NUL and its codec
    writes line ends as single bytes; each physical line (\\n, \\r\\n or \\r) is then one record, as for the csv
    module. Found with numpy, without a Python object per line (1M lines: several hundred MB less). None: the
    careful way is needed."""
    name = codecs.lookup(codec).name
    single_byte_ends = name in ("utf-8", "ascii") or name.startswith(("cp125", "iso8859", "mac-"))
    if not single_byte_ends or b'"' in data or b"\x00" in data:
        return None
    body = np.frombuffer(data, dtype=np.uint8)[start:]
    line_feed = body == 10
    lone_return = body == 13
    lone_return[:-1] &= ~line_feed[1:]
    ends = np.flatnonzero(line_feed | lone_return) + (start + 1)
    tail = [len(data)] if len(body) and (not len(ends) or ends[-1] != len(data)) else []
    return np.concatenate([[start], ends, tail]).astype(np.int64)


def _check_rows(report: FileReport, data_rows: Collection[int], removed: Collection[int]) -> CleanedCounts:
    """Before anything is written: the file holds exactly the data rows the import read, and every row to
    remove is one of them — so kept + removed = rows in the input."""
    removed = set(removed)
    unknown = sorted(removed - set(data_rows))
    if len(data_rows) != report.rows_read or unknown:
        raise OutputError(
            f"{report.path}: the rows to remove could not be matched to the file exactly "
            f"({len(data_rows)} data rows found, {report.rows_read} expected); no cleaned copy was written."
        )
    return CleanedCounts(report.path, report.rows_read, len(data_rows) - len(removed), len(removed))


def cleaned_csv(
    report: FileReport, removed_rows: Collection[int], data: bytes | None = None
) -> tuple[bytes, CleanedCounts]:
    """The bytes of a CSV input without the given spreadsheet rows, and the row accounting.

    ``data`` is the snapshot the import read (the file is read again only when it is not given).
    """
    data = Path(report.path).read_bytes() if data is None else data
    first_data = report.header_row + 1
    bom, codec = _bom_and_codec(data, report.encoding or "utf-8")
    offsets = _plain_line_offsets(data, len(bom), codec)
    if offsets is not None:  # no quotes: every physical line is one record
        counts = _check_rows(report, range(first_data, len(offsets)), removed_rows)
        keep = np.ones(len(offsets) - 1, dtype=np.int8)
        keep[np.fromiter(removed_rows, dtype=np.int64, count=len(removed_rows)) - 1] = 0
        edges = np.flatnonzero(np.diff(np.concatenate([[0], keep, [0]])))  # runs of kept records: [start, end)
        runs = zip(offsets[edges[0::2]].tolist(), offsets[edges[1::2]].tolist(), strict=True)
        return bom + b"".join(data[start:end] for start, end in runs), counts
    bom, spans = record_spans(data, report.encoding or "utf-8", report.delimiter or ",", report.header_row)
    data_rows = range(first_data, len(spans) + 1)
    counts = _check_rows(report, data_rows, removed_rows)
    remove = set(removed_rows)
    kept = [data[start:end] for row, (start, end) in enumerate(spans, start=1) if row not in remove]
    return bom + b"".join(kept), counts


def _delete_rows(sheet: object, rows: Collection[int]) -> None:
    """Delete rows bottom-up, contiguous runs at a time (openpyxl shifts the rows below)."""
    ordered = sorted(set(rows), reverse=True)
    run_end = run_start = None
    for row in [*ordered, None]:
        if run_start is not None and row == run_start - 1:
            run_start = row
            continue
        if run_start is not None:
            sheet.delete_rows(run_start, run_end - run_start + 1)  # type: ignore[attr-defined]
        run_start = run_end = row


def _value_cells(sheet: Any, row: Iterable[object]) -> list[object]:
    """One row of values for a write-only sheet: text is cleaned and always stored as text (openpyxl would
    otherwise store text starting with ``=`` as a live formula)."""
    from openpyxl.cell import WriteOnlyCell

    cells: list[object] = []
    for value in row:
        if isinstance(value, str):
            value = clean(value)
            if value.startswith("="):
                cell = WriteOnlyCell(sheet)
                cell._value, cell.data_type = value, "s"  # text, as it was in the input
                value = cell
        cells.append(value)
    return cells


def write_cleaned_copy(
    report: FileReport, removed_rows: Collection[int], destination: Path, data: bytes | None = None
) -> CleanedCounts:
    """Write the input minus the removed rows to ``destination`` atomically; return the row accounting.

    ``data`` is the input's snapshot from the import, so the copy is cut from the very bytes that were analysed.
    """
    source = Path(report.path)
    data = source.read_bytes() if data is None else data
    if source.suffix.lower() not in EXCEL_SUFFIXES and report.sheet is None:
        content, counts = cleaned_csv(report, removed_rows, data)
        atomic_write(destination, lambda handle: handle.write(content))
        return counts
    counts = _check_rows(report, range(report.header_row + 1, report.header_row + 1 + report.rows_read), removed_rows)
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        def write(handle: IO[bytes]) -> None:
            try:  # cached values, not formulas: see the module docstring
                workbook = load_workbook(io.BytesIO(data), data_only=True)
            except Exception as exc:  # the reader tolerated damage that openpyxl does not (bad XML, bad zip)
                raise OutputError(
                    f"{source}: the workbook is damaged ({exc.__class__.__name__}), so no cleaned copy can be "
                    "written; re-save it from Excel, or export it as CSV."
                ) from None
            _delete_rows(workbook[report.sheet], removed_rows)
            workbook.save(handle)

    else:  # .xls / .ods: openpyxl cannot write these; keep the sheet's values in an .xlsx
        from openpyxl import Workbook
        from python_calamine import CalamineWorkbook

        def write(handle: IO[bytes]) -> None:
            rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(report.sheet)
            rows = rows.to_python(skip_empty_area=False)
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet(re.sub(r"[\\/*?:\[\]]", "_", clean(str(report.sheet)))[:31] or "Sheet1")
            remove = set(removed_rows)
            for number, row in enumerate(rows, start=1):
                if number not in remove:
                    sheet.append(_value_cells(sheet, row))
            workbook.save(handle)

    atomic_write(destination, write)
    return counts
