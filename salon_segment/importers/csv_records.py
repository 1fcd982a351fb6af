"""CSV records as a spreadsheet shows them: the delimiter, and every physical line accounted for.

* ``sniff_delimiter`` picks the delimiter under which a header row is found and the rows have consistent
  widths, tolerating short rows (a ragged export), unless ``--delimiter`` names it.
* ``split_records`` reads records like the csv module, but an unbalanced quote does not swallow the rest
  of the file: a record that spans several physical lines is accepted only when it has the header's width,
  ends with its quotes closed, and none of its continuation lines is a complete record by itself. Otherwise
  its first line is set aside as broken (one record, one row number, rejected by the importer) and reading
  resumes on the next physical line. The cleaned copy of ``prune --keep-out`` uses the same splitter, so
  its row numbers are the importer's.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from salon_segment.i18n import N_

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|", "\\t": "\t"}
REJECT_UNBALANCED_QUOTE = N_("unbalanced quote: the line was set aside")


def parse_delimiter(text: str) -> str:
    """--delimiter: one of , ; tab | or the words comma, semicolon, tab, pipe; ValueError otherwise."""
    value = text if text in DELIMITERS else DELIMITER_WORDS.get(text.strip().lower(), "")
    if not value:
        raise ValueError(f"expected one of , ; | tab (or comma, semicolon, tab, pipe), got {text!r}")
    return value


def physical_lines(text: str) -> list[str]:
    """The lines as the csv module sees them (\\n, \\r\\n and \\r end a line), each with its line ending."""
    return list(io.StringIO(text, newline=""))


def _records(lines: Sequence[str], delimiter: str) -> list[list[str]]:
    reader = csv.reader(iter(lines), delimiter=delimiter)
    out = []
    try:
        for row in reader:
            out.append(row)
    except csv.Error:  # a field over the csv module's limit: sniffing uses what was read
        pass
    return out


def sniff_delimiter(sample: str, overrides: Mapping[str, str] | None = None) -> str:
    """The delimiter with a recognisable header row and the most rows of a consistent width (short rows count).

    Score per delimiter: (a header row naming a date and a client is found, rows whose width is between 2 and
    the header's width — or the widest width seen twice when there is no header —, that width). A ragged file,
    whose rows are often shorter than the header, still wins on its real delimiter.
    """
    from salon_segment.importers.headers import find_header_row

    lines = physical_lines(sample)
    best, best_score = ",", (False, 0, 0)
    for delimiter in DELIMITERS:
        records = _records(lines, delimiter)
        widths = [len(r) for r in records if len(r) > 1]
        if not widths:
            continue
        try:
            header = find_header_row(records[:50], overrides)
        except Exception:  # a header search that fails on this split is no evidence for it
            header = None
        if header is not None and len(records[header]) > 1:
            width = len(records[header])
        else:
            counts: dict[int, int] = {}
            for w in widths:
                counts[w] = counts.get(w, 0) + 1
            width = max((w for w, n in counts.items() if n >= 2), default=max(widths))
        consistent = sum(1 for w in widths if w <= width)
        score = (header is not None, consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


@dataclass(frozen=True)
class Split:
    """Records of a CSV body: how many physical lines each spans, which were set aside as broken, and (when
    asked for) their fields, ``[]`` for a broken one. Plain ints per record keep a million-line split cheap."""

    lines: list[int]
    broken: list[int]  # indices of the records set aside (an unbalanced quote on their line)
    fields: list[list[str]] | None = None


def _ends_in_open_quote(lines: Sequence[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(iter(lines), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _complete_line(line: str, delimiter: str, width: int) -> bool:
    """A line that is a whole record of the header's width by itself, with its quotes balanced."""
    if line.count('"') % 2 or not line.strip():
        return False
    return len(next(csv.reader([line], delimiter=delimiter), [])) == width


def _broken(block: Sequence[str], fields: list[str], delimiter: str, width: int, last: bool) -> bool:
    if len(block) == 1:
        return last and '"' in block[0] and _ends_in_open_quote(block, delimiter)
    if len(fields) != width or _ends_in_open_quote(block, delimiter):
        return True
    return any(_complete_line(line, delimiter, width) for line in block[1:])


def split_records(lines: Sequence[str], delimiter: str, width: int, *, fields: bool = True) -> Split:
    """Every physical line in exactly one record; a broken quoted record gives back its lines (module doc)."""
    spans: list[int] = []
    broken: list[int] = []
    kept: list[list[str]] | None = [] if fields else None
    start, total = 0, len(lines)
    while start < total:
        reader = csv.reader(itertools.islice(lines, start, None), delimiter=delimiter)
        consumed = 0  # lines of this reader consumed by the records so far
        restarted = False
        for record in reader:
            read = reader.line_num
            if read - consumed == 1 and start + read != total:  # the common case: one line, not the last
                spans.append(1)
                if kept is not None:
                    kept.append(record)
                consumed = read
                continue
            block = lines[start + consumed : start + read]
            if _broken(block, record, delimiter, width, start + read == total):
                broken.append(len(spans))
                spans.append(1)
                if kept is not None:
                    kept.append([])
                start += consumed + 1
                restarted = True
                break
            spans.append(read - consumed)
            if kept is not None:
                kept.append(record)
            consumed = read
        if not restarted:
            if start + consumed < total:  # lines the reader yields nothing for (cannot happen with newline="")
                spans[-1:] = [spans[-1] + total - start - consumed] if spans else [total - start - consumed]
            break
    return Split(spans, broken, kept)


def last_line_open_quote(text: str) -> bool:
    """An odd number of quotes on the last non-empty line: the file ends inside an open quote, so the fast
    parsers' records do not match its lines and the careful splitter is needed (found without copying the text)."""
    end = len(text)
    while end and text[end - 1] in "\r\n":
        end -= 1
    start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
    return text.count('"', start, end) % 2 == 1
