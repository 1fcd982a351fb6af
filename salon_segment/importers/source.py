"""Read an export file into a raw table of text cells: encoding, delimiter, sheet and header row found.

No interpretation of values happens here; ``normalize.to_ledger`` does that on the raw table.
Row numbers are those a spreadsheet shows (1-based; title rows and the header count).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from salon_segment.errors import InputFileError
from salon_segment.importers.headers import find_header_row
from salon_segment.privacy import mask

# The csv module refuses fields over 131,072 characters with a bare csv.Error wherever it is used (sniffing,
# header search, fallback parsing, cleaned copies). Lift it once: the file-size limit bounds the work, and the
# configurable max_field_chars check reports an oversized field with its row and column.
csv.field_size_limit(2**31 - 1)

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_ROWS = 50
SAMPLE_LINES = 200
PREFERRED_CODE_PAGES = ("cp1252", "cp1251")
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


def _describe(path: Path) -> str:
    return str(path)


def detect_encoding(data: bytes) -> str:
    """BOM first, then strict UTF-8, then statistical detection among the single-byte code pages."""
    return _detect(data)[0]


def _detect(data: bytes) -> tuple[str, str | None]:
    """(encoding, the whole text when the strict UTF-8 check decoded it anyway — no second decode)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    if sample.count(b"\x00") > len(sample) // 4:
        return ("utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"), None
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=["cp1251", "cp1252", "cp1250", "latin_1", "koi8_r", "mac_cyrillic"]).best()
    if best is None:
        return "cp1252", None
    for preferred in PREFERRED_CODE_PAGES:  # same text either way: name the common code page
        try:
            if sample.decode(preferred) == sample.decode(best.encoding):
                return preferred, None
        except UnicodeDecodeError:
            continue
    return best.encoding, None


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits most sample lines into the same number (>1) of fields."""
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if len(r) > 1]
        except csv.Error:  # this delimiter does not read the sample at all
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if (count, width) > best_score:
            best, best_score = delimiter, (count, width)
    return best


def _header_not_found(path: Path, records: Sequence[Sequence[object]]) -> InputFileError:
    first = next((r for r in records if any(str(c).strip() for c in r)), [])
    found = ", ".join(repr(mask(c)) for c in first if str(c).strip())[:300] or "nothing"
    return InputFileError(
        f"{_describe(path)}: no header row naming a date and a client was found in the first "
        f"{HEADER_SEARCH_ROWS} rows (the first row holds values shaped like: {found}); "
        "name the columns with --map date=HEADER --map client_name=HEADER."
    )


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    chosen, text = (encoding, None) if encoding else _detect(data)
    try:
        text = text if text is not None else data.decode(chosen)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputFileError(
            f"{_describe(path)}: cannot decode the file as {chosen} ({exc.__class__.__name__}); "
            "try --encoding cp1251, cp1252 or utf-16."
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text[:100_000]:
        raise InputFileError(
            f"{_describe(path)}: this looks like a binary file, not a CSV export; "
            "export the report as CSV or Excel, or try --encoding utf-16."
        )
    return chosen, text


def _head(text: str, lines: int) -> str:
    position = 0
    for _ in range(lines):
        position = text.find("\n", position) + 1
        if position == 0:
            return text
    return text[:position]


def _parse_with_arrow(path: Path, encoding: str, delimiter: str, skip_lines: int, width: int) -> pd.DataFrame:
    """pyarrow's multi-threaded reader into Arrow-backed text columns (no Python objects per cell).

    Raises pyarrow's error on anything irregular (ragged rows, blank lines); the caller then falls back.
    """
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    names = [str(i) for i in range(width)]
    table = pa_csv.read_csv(
        path,
        read_options=pa_csv.ReadOptions(
            skip_rows=skip_lines,
            column_names=names,
            encoding="utf8" if encoding in ("utf-8", "utf-8-sig") else encoding,
            block_size=8 << 20,
        ),
        parse_options=pa_csv.ParseOptions(
            delimiter=delimiter, quote_char='"', double_quote=True, newlines_in_values=True, ignore_empty_lines=False
        ),
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False, quoted_strings_can_be_null=False
        ),
    )
    frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    frame.columns = range(width)
    return frame


def _parse_body(
    path: Path, encoding: str, text: str, delimiter: str, skip_lines: int, width: int, max_columns: int = 500
) -> pd.DataFrame:
    """All records after the header: pyarrow, else pandas' C parser, else the csv module (over-long rows)."""
    try:
        return _parse_with_arrow(path, encoding, delimiter, skip_lines, width)
    except Exception:
        pass
    try:
        with warnings.catch_warnings():  # a ParserWarning means pandas dropped fields: nothing may be lost
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(
                path,
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
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for _ in range(skip_lines):
            next(reader, None)
        try:
            records = [row for row in reader]
        except csv.Error:
            raise InputFileError(
                f"{_describe(path)}: a field is larger than {csv.field_size_limit():,} characters; "
                "the file is damaged or not an export."
            ) from None
        widest = max([width, *map(len, records)])
        if widest > max_columns:
            raise InputFileError(
                f"{_describe(path)}: a row has {widest:,} fields, more than the limit of {max_columns:,}; "
                "this is not a salon export (raise max_columns in [limits] if it is)."
            ) from None
        padded = [row + [""] * (widest - len(row)) for row in records]
        return (
            pd.DataFrame(padded, columns=range(widest), dtype=object) if padded else pd.DataFrame(columns=range(width))
        )


def read_csv_table(
    path: Path, *, encoding: str | None = None, overrides: Mapping[str, str] | None = None, max_columns: int = 500
) -> RawTable:
    """Read a delimited text export: detect encoding and delimiter, find the header row, parse the rest."""
    data = path.read_bytes()
    if not data or data.isspace():
        raise InputFileError(f"{_describe(path)}: the file is empty.")
    if data.startswith(b"%PDF"):
        raise InputFileError(f"{_describe(path)}: this is a PDF, not a CSV export; export the report as CSV or Excel.")
    chosen, text = _decode(path, data, encoding)
    sample = _head(text, SAMPLE_LINES)
    delimiter = sniff_delimiter(sample)
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
            f"{_describe(path)}: the header has {len(header):,} columns, more than the limit of {max_columns:,}; "
            "this is not a salon export (raise max_columns in [limits] if it is)."
        )
    cells = _parse_body(path, chosen, text, delimiter, skip_lines, len(header), max_columns)
    first_row = header_index + 2
    return RawTable(
        path=path,
        header=header,
        cells=cells,
        rows=np.arange(first_row, first_row + len(cells), dtype="int64"),
        header_row=header_index + 1,
        encoding=chosen,
        delimiter=delimiter,
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


def read_excel_table(path: Path, *, sheet: str | None = None, overrides: Mapping[str, str] | None = None) -> RawTable:
    """Read .xlsx/.xls/.ods with python-calamine; the first sheet that holds a ledger, or ``sheet``."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise InputFileError(
            f"{_describe(path)}: cannot open the workbook ({exc.__class__.__name__}); it may be damaged or "
            "password-protected: save an unprotected copy as .xlsx or CSV."
        ) from None
    names = list(workbook.sheet_names)
    if sheet is not None:
        if sheet in names:
            candidates = [sheet]
        elif sheet.isdigit() and 0 < int(sheet) <= len(names):
            candidates = [names[int(sheet) - 1]]
        else:
            raise InputFileError(f"{_describe(path)}: no sheet {sheet!r}; the sheets are {', '.join(names)}.")
    else:
        candidates = names
    first_records: list[list[object]] = []
    for name in candidates:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
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
        )
    raise _header_not_found(path, first_records)


@dataclass(frozen=True)
class Limits:
    """Hard limits so that hostile or broken files fail fast (``[limits]`` in the config raises them)."""

    max_file_mb: int = 2048
    max_columns: int = 500
    max_field_chars: int = 100_000


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
    limits: Limits | None = None,
) -> RawTable:
    """Read any supported export: Excel by suffix or signature, anything else as delimited text."""
    path = Path(path)
    limits = limits or Limits()
    if not path.exists():
        raise InputFileError(f"{_describe(path)}: file not found.")
    if not path.is_file():
        raise InputFileError(f"{_describe(path)}: not a file.")
    size_mb = path.stat().st_size / 2**20
    if size_mb > limits.max_file_mb:
        raise InputFileError(
            f"{_describe(path)}: the file is {size_mb:,.0f} MB, more than the limit of {limits.max_file_mb:,} MB; "
            "raise max_file_mb in the [limits] table of the config if it really is an export."
        )
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise InputFileError(
            f"{_describe(path)}: cannot read the file ({exc.strerror or exc.__class__.__name__})."
        ) from None
    if path.suffix.lower() in EXCEL_SUFFIXES or magic.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        table = read_excel_table(path, sheet=sheet, overrides=overrides)
    else:
        table = read_csv_table(path, encoding=encoding, overrides=overrides, max_columns=limits.max_columns)
    if table.cells.shape[1] > limits.max_columns:
        raise InputFileError(
            f"{_describe(path)}: a row has {table.cells.shape[1]:,} fields, more than the limit of "
            f"{limits.max_columns:,}; this is not a salon export (raise max_columns in [limits] if it is)."
        )
    return table
