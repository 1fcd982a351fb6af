"""Read an export into a raw table of text cells: encoding, delimiter, sheet and header row found.

Every input is read from disk once (``snapshot.take_snapshot``) and parsed from those bytes. No
interpretation of values happens here; ``normalize.to_ledger`` does that on the raw table. Row numbers are
those a spreadsheet shows (1-based; title rows and the header count; a CSV line set aside for an unbalanced
quote keeps its number and is listed in ``RawTable.broken``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from salon_segment.errors import InputFileError
from salon_segment.importers.csv_records import (
    DELIMITERS,
    REJECT_UNBALANCED_QUOTE,
    last_line_open_quote,
    physical_lines,
    sniff_delimiter,
    split_records,
)
from salon_segment.importers.encoding import PREFERRED_CODE_PAGES, decode, decode_head, detect_encoding
from salon_segment.importers.headers import find_header_row
from salon_segment.importers.snapshot import Limits, Snapshot, take_snapshot
from salon_segment.importers.xlsx_guard import check_workbook
from salon_segment.privacy import mask

__all__ = [
    "DELIMITERS",
    "EXCEL_SUFFIXES",
    "PREFERRED_CODE_PAGES",
    "Limits",
    "RawTable",
    "detect_encoding",
    "read_csv_table",
    "read_excel_table",
    "read_table",
    "sniff_delimiter",
]

# The csv module refuses fields over 131,072 characters with a bare csv.Error wherever it is used (sniffing,
# header search, fallback parsing, cleaned copies). Lift it once: the file-size limit bounds the work, and the
# configurable max_field_chars check reports an oversized field with its row and column.
csv.field_size_limit(2**31 - 1)

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SEARCH_ROWS = 50
SAMPLE_LINES = 200
ARROW_BLOCK_BYTES = 8 << 20  # the Arrow reader parses blocks of this size in parallel
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class RawTable:
    """Text cells of the data rows below the header, with where they came from."""

    path: Path
    header: list[str]
    cells: pd.DataFrame  # columns 0..len(header)-1 (plus extra positions for over-long rows), all str
    rows: np.ndarray  # spreadsheet row number of each record in cells
    header_row: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    broken: Mapping[str, list[int]] = field(default_factory=dict)  # reason → rows set aside before parsing
    data: bytes = field(default=b"", repr=False)  # the snapshot every later step works from
    parsed_codes: bool = False  # categorical cells are the Arrow parser's dictionaries (``TextColumn.of_cells``)


def _header_not_found(path: Path, records: Sequence[Sequence[object]]) -> InputFileError:
    first = next((r for r in records if any(str(c).strip() for c in r)), [])
    found = ", ".join(repr(mask(c)) for c in first if str(c).strip())[:300] or "nothing"
    return InputFileError(
        f"{path}: no header row naming a date and a client was found in the first "
        f"{HEADER_SEARCH_ROWS} rows (the first row holds values shaped like: {found}); "
        "name the columns with --map date=HEADER --map client_name=HEADER."
    )


def _head(text: str, lines: int) -> str:
    position = 0
    for _ in range(lines):
        position = text.find("\n", position) + 1
        if position == 0:
            return text
    return text[:position]


def _parse_with_arrow(
    data: bytes, encoding: str, delimiter: str, skip_lines: int, width: int, quoted: bool = True
) -> pd.DataFrame:
    """pyarrow's multi-threaded reader, every column dictionary-encoded by the parser itself: categorical
    columns whose categories are the distinct raw texts in the order they first appear (what a factorisation
    gives), so no Python string is made per cell and no column is hashed again.

    Raises pyarrow's error on anything irregular (ragged rows, blank lines); the caller then falls back. Without
    a quote character in the file (``quoted=False``) no value spans lines: blocks are cut at any line end.
    """
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    names = [str(i) for i in range(width)]
    table = pa_csv.read_csv(
        pa.BufferReader(data),
        read_options=pa_csv.ReadOptions(
            skip_rows=skip_lines,
            column_names=names,
            encoding="utf8" if encoding in ("utf-8", "utf-8-sig") else encoding,
            block_size=ARROW_BLOCK_BYTES,
        ),
        parse_options=pa_csv.ParseOptions(
            delimiter=delimiter,
            quote_char='"',
            double_quote=True,
            newlines_in_values=quoted,
            ignore_empty_lines=False,
        ),
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.dictionary(pa.int32(), pa.string())),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    ).unify_dictionaries()  # one dictionary per column for all blocks, new values appended in order
    columns = {}
    for position, name in enumerate(names):
        chunks = table.column(name).chunks
        codes = (
            np.concatenate([chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks])
            if chunks
            else np.zeros(0, dtype=np.int32)
        )
        texts = chunks[0].dictionary.to_numpy(zero_copy_only=False) if chunks else np.zeros(0, dtype=object)
        dtype = pd.CategoricalDtype(pd.Index(np.asarray(texts, dtype=object), dtype=object))
        columns[position] = pd.Categorical.from_codes(codes.astype(np.int32, copy=False), dtype=dtype, validate=False)
    del table
    return pd.DataFrame(columns, index=pd.RangeIndex(len(next(iter(columns.values()))) if columns else 0))


def _fast_parse(
    data: bytes, encoding: str, delimiter: str, skip_lines: int, width: int, quoted: bool = True
) -> pd.DataFrame | None:
    """pyarrow, else pandas' C parser; None when both refuse (ragged or over-long rows) or pandas drops fields."""
    try:
        return _parse_with_arrow(data, encoding, delimiter, skip_lines, width, quoted)
    except Exception:
        pass
    try:
        with warnings.catch_warnings():  # a ParserWarning means pandas dropped fields: nothing may be lost
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(
                io.BytesIO(data),
                encoding=encoding,
                dtype=object,
                sep=delimiter,
                header=None,
                skiprows=skip_lines,
                names=range(width),
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                index_col=False,
                quotechar='"',
                engine="c",
            )
    except pd.errors.EmptyDataError:
        return pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
    except (pd.errors.ParserError, pd.errors.ParserWarning, UnicodeDecodeError, ValueError):
        return None


def _line_count(text: str) -> int:
    """Physical lines as the csv module counts them (\n, \r\n and \r end a line), without splitting."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and text[-1] not in "\r\n" else 0)


def _careful_parse(
    path: Path, body: list[str], delimiter: str, width: int, max_columns: int, cells: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, np.ndarray]:
    """The csv module through ``split_records``: (cells, mask of the records that were set aside as broken).

    ``cells`` are the fast parsers' result, kept when the careful split finds the same records.
    """
    try:
        if cells is not None:  # the fast parsers read it: only check that no record is broken
            split = split_records(body, delimiter, width, fields=False)
            if not split.broken and len(split.lines) == len(cells):
                return cells, np.zeros(len(cells), dtype=bool)
        split = split_records(body, delimiter, width)
    except csv.Error as exc:
        raise InputFileError(f"{path}: the file cannot be read as CSV ({exc}); export it again.") from None
    broken = np.zeros(len(split.lines), dtype=bool)
    broken[split.broken] = True
    rows = split.fields or []
    widest = max([width, *map(len, rows)])
    if widest > max_columns:
        raise InputFileError(
            f"{path}: a row has {widest:,} fields, more than the limit of {max_columns:,}; "
            "this is not a salon export (raise max_columns in [limits] if it is)."
        ) from None
    padded = [row + [""] * (widest - len(row)) for row in rows]
    cells = pd.DataFrame(padded, columns=range(widest), dtype=object) if padded else pd.DataFrame(columns=range(width))
    return cells, broken


def read_csv_table(
    path: Path,
    *,
    encoding: str | None = None,
    overrides: Mapping[str, str] | None = None,
    max_columns: int = 500,
    delimiter: str | None = None,
    data: bytes | None = None,
) -> RawTable:
    """Read a delimited text export from its snapshot: detect encoding and delimiter, find the header, parse."""
    data = take_snapshot(path).data if data is None else data
    if not data or data.isspace():
        raise InputFileError(f"{path}: the file is empty.")
    if data.startswith(b"%PDF"):
        raise InputFileError(f"{path}: this is a PDF, not a CSV export; export the report as CSV or Excel.")
    chosen, text = decode_head(path, data, encoding, SAMPLE_LINES)  # the whole text if it holds a quote
    sample = _head(text, SAMPLE_LINES)
    delimiter = delimiter or sniff_delimiter(sample, overrides)
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    records = []
    try:
        for row in reader:
            records.append(row)
            if len(records) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:
        pass
    header_index = find_header_row(records, overrides)
    if header_index is None:
        raise _header_not_found(path, records)
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    for _ in range(header_index + 1):
        next(reader)  # these records were read once already, so they parse
    skip_lines = reader.line_num
    header = [str(h).strip() for h in records[header_index]]
    if len(header) > max_columns:
        raise InputFileError(
            f"{path}: the header has {len(header):,} columns, more than the limit of {max_columns:,}; "
            "this is not a salon export (raise max_columns in [limits] if it is)."
        )
    # what the careful-split check needs from the text, so that the decoded text (as large as the file, or
    # larger) is let go during the parse; the rare careful path decodes it again
    quoted = '"' in text
    body_lines = _line_count(text) - skip_lines if quoted else 0
    open_quote = quoted and last_line_open_quote(text)
    del text
    cells = _fast_parse(data, chosen, delimiter, skip_lines, len(header), quoted)
    broken = np.zeros(0 if cells is None else len(cells), dtype=bool)
    if cells is None or (quoted and (len(cells) != body_lines or open_quote)):
        body = physical_lines(decode(path, data, chosen)[1])[skip_lines:]
        cells, broken = _careful_parse(path, body, delimiter, len(header), max_columns, cells)
    first_row = header_index + 2
    rows = np.arange(first_row, first_row + len(cells), dtype="int64")
    if broken.any():
        cells = cells.loc[~broken].reset_index(drop=True)
    return RawTable(
        path=path,
        header=header,
        cells=cells,
        rows=rows[~broken] if broken.any() else rows,
        header_row=header_index + 1,
        encoding=chosen,
        delimiter=delimiter,
        broken={REJECT_UNBALANCED_QUOTE: rows[broken].tolist()} if broken.any() else {},
        data=data,
        parsed_codes=True,
    )


def _cell_text(value: object) -> str:
    """Spreadsheet cell → text the value parsers understand (dates as ISO, whole floats without '.0')."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).strip()


_DAMAGED = "re-save it from Excel or LibreOffice as .xlsx, or export the sheet as CSV."


def read_excel_table(
    path: Path,
    *,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
    data: bytes | None = None,
    limits: Limits | None = None,
) -> RawTable:
    """Read .xlsx/.xls/.ods from its snapshot with python-calamine; the first sheet that holds a ledger, or ``sheet``.

    The container is checked first (``xlsx_guard``); any error of the reader is one sentence naming the sheet.
    """
    from python_calamine import CalamineWorkbook

    data = take_snapshot(path).data if data is None else data
    check_workbook(data, path, limits or Limits())
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise InputFileError(
            f"{path}: cannot open the workbook ({exc.__class__.__name__}); it may be damaged or "
            "password-protected: save an unprotected copy as .xlsx or CSV."
        ) from None
    if sheet is not None:
        if sheet in names:
            candidates = [sheet]
        elif sheet.isdigit() and 0 < int(sheet) <= len(names):
            candidates = [names[int(sheet) - 1]]
        else:
            raise InputFileError(f"{path}: no sheet {sheet!r}; the sheets are {', '.join(names)}.")
    else:
        candidates = names
    first_records: list[list[object]] = []
    for name in candidates:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # XmlError, ZipError, CalamineError, ...: a damaged sheet
            raise InputFileError(
                f"{path}: sheet {name!r} cannot be read, it is damaged ({exc.__class__.__name__}); {_DAMAGED}"
            ) from None
        records = [[_cell_text(v) for v in row] for row in rows]
        if not first_records:
            first_records = records[:HEADER_SEARCH_ROWS]
        header_index = find_header_row(records[:HEADER_SEARCH_ROWS], overrides)
        if header_index is None:
            continue
        header = records[header_index]
        body = records[header_index + 1 :]
        width = max([len(header), *map(len, body)]) if body else len(header)
        padded = [r + [""] * (width - len(r)) for r in body]
        cells = pd.DataFrame(padded, columns=range(width), dtype=str) if padded else pd.DataFrame(columns=range(width))
        first_row = header_index + 2
        return RawTable(
            path=path,
            header=header,
            cells=cells.astype(str),
            rows=np.arange(first_row, first_row + len(cells), dtype="int64"),
            header_row=header_index + 1,
            sheet=name,
            data=data,
        )
    raise _header_not_found(path, first_records)


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    delimiter: str | None = None,
    snapshot: Snapshot | None = None,
) -> RawTable:
    """Read any supported export from its snapshot (taken here when not given): Excel by suffix or
    signature, anything else as delimited text."""
    path = Path(path)
    limits = limits or Limits()
    snapshot = snapshot or take_snapshot(path, limits)
    data = snapshot.data
    if path.suffix.lower() in EXCEL_SUFFIXES or data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        table = read_excel_table(path, sheet=sheet, overrides=overrides, data=data, limits=limits)
    else:
        table = read_csv_table(
            path, encoding=encoding, overrides=overrides, max_columns=limits.max_columns, delimiter=delimiter, data=data
        )
    if table.cells.shape[1] > limits.max_columns:
        raise InputFileError(
            f"{path}: a row has {table.cells.shape[1]:,} fields, more than the limit of "
            f"{limits.max_columns:,}; this is not a salon export (raise max_columns in [limits] if it is)."
        )
    return table
