"""Checks on a workbook's container before python-calamine sees it, so a hostile file is refused, not a crash.

calamine allocates a sheet's whole used range (rows × columns from A1) and every shared string up front; a
7 KB .xlsx with one cell at XFD1048576, or a 24 MB file that unzips to gigabytes of strings, aborts the
process. So, for .xlsx/.xlsm/.xlsb/.ods (zip containers), before the reader runs:

* the declared uncompressed sizes, per member and in total, must stay under ``min(max_file_mb,
  64 MB + 32 × the file size)`` (real exports unzip to 3–15 times their size) and each member's real
  size is checked against its declaration while it is streamed, so a lying header does not help;
* a worksheet's used range — its ``<dimension ref>`` and the largest cell and row references actually in
  the XML — must be at most ``max_columns`` wide, at most 1,048,576 rows deep, and hold at most
  ``max(2,000,000, 4 × the cells present)`` cells from A1 (a sparse far-away cell cannot blow it up);
* and at most ``max_file_mb × 2000`` cells (4 million at the default; the reader and the text cells take
  about 250 bytes per cell, so this keeps a workbook's import under 1 GiB); the shared-strings table may hold
  at most ``100,000 + 2 ×`` the cells present (a strings bomb has millions of strings and a handful of cells);
* .ods rows and cells repeated with values (``number-rows-repeated``/``number-columns-repeated``) count
  towards the same limits.

.xls (OLE) files are bounded by the format itself (65,536 × 256 cells a sheet) and may be at most 256 MB.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from salon_segment.errors import InputFileError
from salon_segment.importers.snapshot import Limits

MB = 2**20
MAX_ROWS = 1_048_576
MIN_CELL_ALLOWANCE = 2_000_000
CELLS_PER_PRESENT_CELL = 4
CELLS_PER_MB = 2_000  # of max_file_mb: 4,096,000 cells (about 1 GiB while read) at the default 2048
CHUNK = 8 * MB
OVERLAP = 256  # a reference split across two chunks is found in the overlap
MAX_MEMBERS = 10_000
MAX_XLS_MB = 256  # an .xls sheet holds at most 65,536 rows: a bigger file is mostly something else

_CELL_REF = re.compile(rb'<c\b[^>]{0,200}?\br="([A-Z]{1,4})([0-9]{1,9})"')
_ROW_REF = re.compile(rb'<row\b[^>]{0,200}?\br="([0-9]{1,9})"')
_DIMENSION = re.compile(rb'<dimension\b[^>]{0,100}?\bref="([A-Z]{0,4})([0-9]{0,9}):?([A-Z]{0,4})([0-9]{0,9})"')
_LAST_ROW = re.compile(rb'<row r="([0-9]{1,9})"')
_CELL_LETTERS = re.compile(rb'<c r="([A-Z]{1,4})[0-9]')
_ODS_ROW = re.compile(
    rb'<table:table-row\b[^>]*?number-rows-repeated="([0-9]{1,12})"[^>]*>(.*?)</table:table-row>', re.S
)
_ODS_CELL = re.compile(rb'<table:table-cell\b[^>]*?number-columns-repeated="([0-9]{1,12})"[^>]*?(/?)>')
_ODS_VALUE = re.compile(rb"office:value-type|<text:p")

_REFUSE = "re-save it from Excel or LibreOffice, or export the sheet as CSV."
_FAR = "delete the cells far outside the data and re-save it from Excel or LibreOffice, or export the sheet as CSV."


def column_number(letters: bytes) -> int:
    """b'A' → 1, b'Z' → 26, b'AA' → 27, b'XFD' → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def check_workbook(data: bytes, path: Path, limits: Limits) -> None:
    """Refuse (InputFileError, one sentence) a zip workbook whose content would not fit in bounded memory."""
    if not data.startswith(b"PK"):  # .xls (OLE): 65,536 × 256 cells a sheet; its size bounds the strings
        most = min(limits.max_file_mb, MAX_XLS_MB) * MB
        if len(data) > most:
            raise InputFileError(
                f"{path}: the .xls workbook is {len(data) / MB:,.0f} MB, more than the {most / MB:,.0f} MB an "
                "export in this old format can be; save it as .xlsx or export the sheet as CSV."
            )
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise InputFileError(
            f"{path}: cannot open the workbook (not a readable zip container, it is damaged); {_REFUSE}"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise InputFileError(f"{path}: the workbook holds {len(members):,} parts, not an export; {_REFUSE}")
    allowed = min(limits.max_file_mb * MB, 64 * MB + 32 * len(data))
    declared = sum(m.file_size for m in members)
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if declared > allowed and biggest is not None:
        raise InputFileError(
            f"{path}: the workbook would unzip to {declared / MB:,.0f} MB ({biggest.filename} alone "
            f"{biggest.file_size / MB:,.0f} MB) from a {len(data) / MB:,.1f} MB file, more than the limit of "
            f"{allowed / MB:,.0f} MB; {_REFUSE}"
        )
    names = {m.filename for m in members}
    is_ods = "content.xml" in names and not any(name.startswith("xl/") for name in names)
    sheet_names = {} if is_ods else _sheet_names(archive, path)
    present = 0
    sheets_first = sorted(members, key=lambda m: not m.filename.startswith("xl/worksheets/"))
    for member in sheets_first:
        name = member.filename
        if is_ods and name == "content.xml":
            _check_ods(archive, member, path, limits)
        elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
            present += _check_sheet(archive, member, path, limits, sheet_names.get(name, name.rsplit("/", 1)[-1]))
        elif name == "xl/sharedStrings.xml":
            _check_strings(archive, member, path, present)
        else:
            for _ in _chunks(archive, member, path):
                pass  # the real size must match the declaration


def _check_strings(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path, cells: int) -> None:
    """A workbook holds at most about one shared string per cell: a table of millions of strings that few
    cells use is a memory bomb for the reader (it loads them all)."""
    strings = 0
    for number, chunk in enumerate(_chunks(archive, member, path)):
        head = chunk[:OVERLAP] if number else b""  # counted with the chunk before
        strings += sum(chunk.count(tag) - head.count(tag) for tag in (b"<si>", b"<si "))
    allowed_strings = 100_000 + 2 * cells
    allowed_size = 64 * MB + 512 * cells
    if strings > allowed_strings or member.file_size > allowed_size:
        raise InputFileError(
            f"{path}: the workbook's shared strings ({strings:,} strings, {member.file_size / MB:,.0f} MB) are "
            f"far more than its {cells:,} cells can use (at most {allowed_strings:,} strings, "
            f"{allowed_size / MB:,.0f} MB); {_REFUSE}"
        )


_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_RELATION = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_RELATION_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _small_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    try:
        member = archive.getinfo(name)
    except KeyError:
        return b""
    return b"".join(_chunks(archive, member, path)) if member.file_size <= MB else b""


def _sheet_names(archive: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """Worksheet part → the sheet's name as Excel shows it (for messages); best effort."""
    relations = dict(_RELATION.findall(_small_member(archive, "xl/_rels/workbook.xml.rels", path)))
    relations |= {
        rid: target
        for target, rid in _RELATION_REVERSED.findall(_small_member(archive, "xl/_rels/workbook.xml.rels", path))
    }
    names = {}
    for name, rid in _SHEET.findall(_small_member(archive, "xl/workbook.xml", path)):
        target = relations.get(rid, b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        names[part] = repr(name.decode("utf-8", "replace"))
    return names


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """The member's bytes in chunks (each starting with the last OVERLAP bytes of the one before)."""
    total = 0
    tail = b""
    try:
        with archive.open(member) as stream:
            while True:
                block = stream.read(CHUNK)
                if not block:
                    return
                total += len(block)
                if total > member.file_size:
                    raise InputFileError(
                        f"{path}: {member.filename} holds more data than the workbook declares; {_REFUSE}"
                    )
                yield tail + block
                tail = block[-OVERLAP:]
    except InputFileError:
        raise
    except Exception as exc:  # zlib.error, BadZipFile (CRC), NotImplementedError (compression), EOFError
        raise InputFileError(
            f"{path}: {member.filename} in the workbook is damaged ({exc.__class__.__name__}); {_REFUSE}"
        ) from None


def greater_number(number: int) -> bytes:
    """A regex (bytes) for decimal numbers greater than ``number`` (leading zeros allowed)."""
    digits = str(number)
    options = [rb"[1-9][0-9]{%d,}" % len(digits)]
    for i, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - i - 1
            options.append(digits[:i].encode() + b"[%d-9]" % (int(digit) + 1) + (b"[0-9]{%d}" % rest if rest else b""))
    return b"0*(?:" + b"|".join(options) + b")"


def greater_letters(number: int) -> bytes:
    """A regex (bytes) for column letters after column ``number`` (1 = A)."""
    letters = b""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = bytes([65 + rest]) + letters
    options = [rb"[A-Z]{%d,4}" % (len(letters) + 1)]
    for i, letter in enumerate(letters):
        if letter != ord("Z"):
            rest = len(letters) - i - 1
            options.append(letters[:i] + b"[%c-Z]" % (letter + 1) + (b"[A-Z]{%d}" % rest if rest else b""))
    return b"(?:" + b"|".join(options) + b")"


class _Extent:
    """The largest row and column referenced so far; finds only references beyond them (C-speed searches)."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows, self.columns = rows, columns
        self._compile()

    def _compile(self) -> None:
        row, column = greater_number(self.rows), greater_letters(self.columns)
        self._beyond = re.compile(
            rb'<(?:row r="(' + row + rb')"|c r="(?:(' + column + rb")[0-9]|[A-Z]{1,4}(" + row + rb')"))'
        )

    def seed(self, chunk: bytes) -> None:
        """Start from the chunk's last row number and its first row's last column (rows come in order in
        real files), so that ``update`` only has to match the few references beyond them."""
        last_row = _LAST_ROW.search(chunk, max(0, chunk.rfind(b'<row r="')))
        row_end = chunk.find(b"</row>")
        last_cell = _CELL_LETTERS.search(chunk, max(0, chunk.rfind(b'<c r="', 0, row_end))) if row_end > 0 else None
        rows = int(last_row.group(1)) if last_row else self.rows
        columns = column_number(last_cell.group(1)) if last_cell else self.columns
        if rows > self.rows or columns > self.columns:
            self.rows, self.columns = max(rows, self.rows), max(columns, self.columns)
            self._compile()

    def update(self, chunk: bytes) -> None:
        """One pass over the chunk for rows and cells beyond the extent; the extent grows to cover them."""
        found = self._beyond.findall(chunk)
        if found:
            self.rows = max([self.rows, *(int(a or b) for a, _, b in found if a or b)])
            self.columns = max([self.columns, *(column_number(c) for _, c, _ in found if c)])
            self._compile()


def _check_sheet(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path, limits: Limits, sheet: str) -> int:
    """The dimension and the largest row and column referenced in one worksheet's XML; the cells present.

    Excel, LibreOffice and openpyxl write ``r`` as the first attribute of every row and cell and a
    ``<dimension>`` that covers them: then only references beyond the extent seen so far are matched.
    Other writers (or hostile files) take the slow path: every reference, and cells without one counted.
    """
    present = 0
    dimension: tuple[int, int] | None = None
    extent: _Extent | None = None
    slow_rows = slow_columns = 0
    for number, chunk in enumerate(_chunks(archive, member, path)):
        if number == 0:
            found = _DIMENSION.search(chunk)
            if found:
                end_col = column_number(found.group(3) or found.group(1) or b"A")
                end_row = int(found.group(4) or found.group(2) or 1)
                dimension = (end_row, end_col)
            extent = _Extent(1, 1)
        cells = chunk.count(b"<c ") + chunk.count(b"<c>")
        present += cells
        regular = cells == chunk.count(b'<c r="') and b"<row>" not in chunk and b'<row r="' in chunk
        if regular and extent is not None:
            extent.seed(chunk)
            extent.update(chunk)
            continue
        for letters, row in _CELL_REF.findall(chunk):
            slow_rows = max(slow_rows, int(row))
            slow_columns = max(slow_columns, column_number(letters))
        for row in _ROW_REF.findall(chunk):
            slow_rows = max(slow_rows, int(row))
        for part in chunk.split(b"<row"):  # cells without a reference follow one another
            if b"<c>" in part or part.count(b"<c ") != part.count(b'r="') - 1:
                slow_columns = max(slow_columns, part.count(b"<c ") + part.count(b"<c>"))
        slow_rows = max(slow_rows, chunk.count(b"<row"))
    rows = max(slow_rows, extent.rows if extent else 0)
    columns = max(slow_columns, extent.columns if extent else 0)
    _check_extent(path, sheet, rows, columns, present, limits)
    if dimension is not None:
        _check_extent(path, sheet, *dimension, present, limits, declared=True)
    return present


def _check_extent(
    path: Path, sheet: str, rows: int, columns: int, present: int, limits: Limits, *, declared: bool = False
) -> None:
    what = "declares a used range" if declared else "has cells"
    cells = rows * columns
    most = limits.max_file_mb * CELLS_PER_MB
    if cells > most and columns <= limits.max_columns and cells <= max(MIN_CELL_ALLOWANCE, 4 * present):
        raise InputFileError(
            f"{path}: sheet {sheet} holds {rows:,} rows × {columns:,} columns ({cells:,} cells), more than the "
            f"{most:,} a workbook may hold under max_file_mb = {limits.max_file_mb:,} (each cell takes about "
            "250 bytes of memory while it is read); export the sheet as CSV, or raise max_file_mb in [limits]."
        )
    allowance = max(MIN_CELL_ALLOWANCE, CELLS_PER_PRESENT_CELL * present)
    if columns > limits.max_columns or rows > MAX_ROWS or cells > allowance:
        raise InputFileError(
            f"{path}: sheet {sheet} {what} up to row {rows:,}, column {columns:,} ({cells:,} cells for "
            f"{present:,} filled), beyond the limits of {limits.max_columns:,} columns, {MAX_ROWS:,} rows and "
            f"{allowance:,} cells; {_FAR}"
        )


def _check_ods(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path, limits: Limits) -> None:
    """Repeated rows and cells that hold a value expand in the reader: bound them like a sheet's range."""
    rows = columns = present = 0
    for chunk in _chunks(archive, member, path):
        present += chunk.count(b"<table:table-cell")
        for count, empty in _ODS_CELL.findall(chunk):
            if not empty and int(count) > columns:
                columns = int(count)
        for count, body in _ODS_ROW.findall(chunk):
            if _ODS_VALUE.search(body):
                rows = max(rows, int(count))
    most = min(max(MIN_CELL_ALLOWANCE, CELLS_PER_PRESENT_CELL * present), limits.max_file_mb * CELLS_PER_MB)
    if columns > limits.max_columns or rows > MAX_ROWS or rows * max(columns, 1) > most:
        raise InputFileError(
            f"{path}: the sheet repeats filled cells over {rows:,} rows by {columns:,} columns, beyond the "
            f"limits of {limits.max_columns:,} columns, {MAX_ROWS:,} rows and {most:,} cells; {_FAR}"
        )
