"""Row flags every export kind shares (blank, repeated header, totals below the data, extra fields) and the
accounting of every row as used, skipped or rejected: rows_read = rows_used + rows_skipped + rows_rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment.errors import InputFileError
from salon_segment.i18n import N_
from salon_segment.importers import headers as H
from salon_segment.importers.lexicon import TOTAL_WORDS
from salon_segment.importers.source import RawTable
from salon_segment.importers.values import (
    TextColumn,
    consent_text,
    email_text,
    fold_words,
    identity_keys,
    phone_digits,
)
from salon_segment.privacy import mask

MAX_DATE_FAILURE_SHARE = 0.2
FLAG_COLUMNS = 8  # totals words and repeated headers are looked for in the first columns

SKIP_BLANK = N_("blank row")
SKIP_HEADER = N_("repeated header row")
SKIP_TOTALS = N_("totals or summary below the data")
SKIP_OVERLAP = N_("same line already in an earlier file")
SKIP_WALK_IN = N_("walk-in or anonymous client (counted apart as walk-in sales)")
REJECT_DATE = N_("unreadable date")
REJECT_AMOUNT = N_("unreadable amount")
REJECT_QUANTITY = N_("unreadable quantity")
REJECT_VISITS = N_("unreadable number of visits")
REJECT_CLIENT = N_("no client id, name, e-mail or phone")
REJECT_EXTRA = N_("more fields than the header")
REJECT_COLUMNS = ("source_file", "source_row", "reason")

def _normal_unless_digits(uniques: pd.Series, header: str) -> pd.Series:
    """``fold_words`` of the values that may be a totals word or the header: a value with a digit is neither
    (unless the header has one) and stands as "0" — not empty, not a totals word, not the header. Ids, dates,
    amounts and e-mails skip the regular expressions."""
    if any(ch.isdigit() for ch in header):
        return fold_words(uniques)
    digits = uniques.astype(str).str.contains(r"\d", regex=True).to_numpy(dtype=bool)
    if not digits.any():
        return fold_words(uniques)
    out = pd.Series("0", index=uniques.index, dtype=object)
    out[~digits] = fold_words(uniques[~digits])
    return out


class Cells:
    """Column access and the row flags every export kind shares. Each raw column is factorised once."""

    def __init__(self, raw: RawTable, mapping: dict[str, int], max_field_chars: int = 100_000) -> None:
        self.raw = raw
        self.max_field_chars = max_field_chars
        self.mapping = mapping
        cells = raw.cells
        width = len(raw.header)
        self.index = cells.index
        self.empty = pd.Series("", index=cells.index, dtype=object)
        self._columns: dict[int, TextColumn] = {}
        self._series: dict[int, pd.Series] = {}
        first = range(min(width, FLAG_COLUMNS))
        needed = set(first) | set(mapping.values())
        self.blank = pd.Series(True, index=cells.index)
        for position in cells.columns:
            if position in needed:
                column = self.text_column(position)
                self.blank &= column.spread(column.uniques.to_numpy(dtype=object) == "")
            else:  # a column no field uses: only its emptiness matters
                self.blank &= (cells[position] == "").to_numpy(dtype=bool, na_value=False)
        header_norm = [fold_words(pd.Series([h], dtype=object)).iloc[0] for h in raw.header]
        normalized = {p: _normal_unless_digits(self.text_column(p).uniques, header_norm[p]) for p in first}
        repeated = pd.Series(True, index=cells.index)
        for position in range(min(width, 4)):
            repeated &= self.text_column(position).spread((normalized[position] == header_norm[position]).to_numpy())
        self.repeated_header = repeated & ~self.blank
        any_total = pd.Series(False, index=cells.index)
        leading_total = pd.Series(False, index=cells.index)  # the first non-empty cell is a totals word
        for position in reversed(first):
            column = self.text_column(position)
            is_total = column.spread(normalized[position].isin(TOTAL_WORDS).to_numpy())
            is_empty = column.spread((normalized[position] == "").to_numpy())
            any_total |= is_total
            leading_total = leading_total.where(is_empty, is_total)
        self.totals_word = any_total & ~self.blank
        self.leading_total = leading_total & ~self.blank  # "Totaal;;;1.208,50"
        self.extra = pd.Series(False, index=cells.index)
        for position in range(width, cells.shape[1]):
            self.extra |= self.get_position(position) != ""

    def text_column(self, position: int) -> TextColumn:
        if position not in self._columns:
            column = TextColumn.of(self.raw.cells[position])
            lengths = column.uniques.str.len()
            if len(lengths) and lengths.max() > self.max_field_chars:
                row = self.raw.rows[int((column.codes == int(lengths.idxmax())).argmax())]
                raise InputFileError(
                    f"{self.raw.path}: row {row}, column {position + 1} holds {int(lengths.max()):,} characters, more "
                    f"than the limit of {self.max_field_chars:,}; the file is damaged or not an export."
                )
            self._columns[position] = column
        return self._columns[position]

    def get_position(self, position: int) -> pd.Series:
        if position not in self._series:
            self._series[position] = self.text_column(position).series()
        return self._series[position]

    def get(self, name: str) -> pd.Series | None:
        """The stripped text of a field's column, or None when the export has no such column."""
        position = self.mapping.get(name)
        return None if position is None else self.get_position(position)

    def column(self, name: str) -> TextColumn | None:
        """The field's column as distinct values + codes, for the parsers."""
        position = self.mapping.get(name)
        return None if position is None else self.text_column(position)

    def header_of(self, name: str) -> str:
        return self.raw.header[self.mapping[name]]

    def identity(self) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series, pd.Series]:
        """(key, name, normalised e-mail, phone as written, key present) for every row.

        Cells of punctuation only ("---", "-") are empty: some systems write them for missing values.
        """
        column = self.column(H.CLIENT_NAME)
        if column is None:
            parts = [_blank_punctuation(c) for c in (self.column(H.FIRST_NAME), self.column(H.LAST_NAME)) if c]
            parts = [p.series() for p in parts]
            name = self.empty if not parts else parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()
            name_key: pd.Series | TextColumn = name
        else:
            name_key = _blank_punctuation(column)
            name = name_key.series()
        email_column, phone_column = self.column(H.EMAIL), self.column(H.PHONE)
        nothing = TextColumn(np.zeros(len(self.index), dtype=np.intp), pd.Series([""], dtype=object), self.index)
        email = email_column.with_uniques(email_text(email_column.uniques)) if email_column is not None else nothing
        phone = phone_column.with_uniques(phone_digits(phone_column.uniques)) if phone_column is not None else nothing
        phone_text = self.get(H.PHONE)
        client_id = self.column(H.CLIENT_ID)
        keys = identity_keys(_blank_punctuation(client_id) if client_id else None, email, phone, name_key)
        email_rows = email.series() if email_column is not None else self.empty
        return keys, name, email_rows, phone_text if phone_text is not None else self.empty, keys != ""

    def consent(self) -> pd.Series | None:
        """Marketing consent of every row as categories (``values.consent_text``), None without such a column."""
        for name, opt_out in ((H.CONSENT, False), (H.OPT_OUT, True)):
            column = self.column(name)
            if column is not None:
                return column.categorical(consent_text(column.uniques, opt_out=opt_out))
        return None

    def month_first_hint(self, dates: pd.Series, forced: bool | None, decimal: str) -> bool:
        """For dates that read both ways: month-first only for US-style files (',' or tab, decimal point, '/')."""
        if forced is not None:
            return forced
        us_style = self.raw.delimiter in (",", "\t", None) and decimal in (".", "")
        return us_style and "/" in "".join(dates.head(50).tolist())


def _blank_punctuation(column: TextColumn) -> TextColumn:
    """The column with cells of punctuation only ("---", "-", "?") emptied."""
    uniques = column.uniques.where(column.uniques.str.contains(r"[^\W_]", regex=True), "").astype(object)
    return TextColumn(column.codes, uniques, column.index)


def rows_of(values: object, keep: np.ndarray | None, n: int) -> np.ndarray | pd.Series:
    """A column's values for the used rows (a scalar is repeated; categories stay categories)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        return values.reset_index(drop=True) if keep is None else values[keep].reset_index(drop=True)
    array = np.asarray(values) if not isinstance(values, pd.Series) else values.to_numpy()
    if array.ndim == 0:
        array = np.full(n, array.item(), dtype=object if isinstance(array.item(), str) else None)
    return array if keep is None else array[keep]


def example(values: pd.Series | None, mask: pd.Series) -> str:
    """The first non-empty value among the masked rows (the first thousand rows nearly always hold one)."""
    if values is None:
        return ""
    for rows in (slice(0, 1000), slice(None)):
        head = values.iloc[rows]
        present = head[mask.iloc[rows] & (head != "")]
        if not present.empty:
            return str(present.iloc[0])
    return ""


@dataclass(frozen=True)
class Accounting:
    used: pd.Series
    considered: pd.Series  # rows not skipped: used or rejected
    skipped: dict[str, list[int]]
    rejected: dict[str, list[int]]


def account(cells: Cells, rejects: list[tuple[str, pd.Series]], walk_in: pd.Series | None = None) -> Accounting:
    """Split rows into used / skipped / rejected. ``rejects`` are (reason, failed) in priority order."""
    failed_any = cells.extra.copy()
    for _, failed in rejects:
        failed_any |= failed
    valid = ~failed_any & ~cells.blank
    positions = np.flatnonzero(valid.to_numpy())
    last_valid = positions[-1] if len(positions) else -1
    order = np.arange(len(cells.index))
    after_totals = np.flatnonzero((cells.totals_word.to_numpy()) & (order > last_valid))
    summary = pd.Series(order >= after_totals[0], index=cells.index) if len(after_totals) else ~cells.blank & False
    skip_totals = (summary | cells.leading_total | (cells.totals_word & ~valid)) & ~cells.blank & ~cells.repeated_header
    skipped_mask = cells.blank | cells.repeated_header | skip_totals
    considered = ~skipped_mask
    remaining = considered.copy()
    rows = cells.raw.rows
    rejected: dict[str, list[int]] = {}
    for reason, failed in [(REJECT_EXTRA, cells.extra), *rejects]:
        hit = remaining & failed
        if hit.any():
            rejected[reason] = rows[hit.to_numpy()].tolist()
        remaining &= ~hit
    skipped = {
        reason: rows[mask.to_numpy()].tolist()
        for reason, mask in (
            (SKIP_BLANK, cells.blank),
            (SKIP_HEADER, cells.repeated_header),
            (SKIP_TOTALS, skip_totals),
        )
        if mask.any()
    }
    if walk_in is not None and bool((remaining & walk_in).any()):
        skipped[SKIP_WALK_IN] = rows[(remaining & walk_in).to_numpy()].tolist()
        remaining &= ~walk_in
    return Accounting(remaining, considered, skipped, rejected)


def check_dates(cells: Cells, name: str, failed: pd.Series, examined: pd.Series) -> None:
    """A date column where most values are not dates is the wrong column: refuse with examples."""
    n_examined, n_failed = int(examined.sum()), int((failed & examined).sum())
    if n_examined >= 5 and n_failed > MAX_DATE_FAILURE_SHARE * n_examined:
        values = cells.get(name)
        examples = [mask(v) for v in values[failed & examined].drop_duplicates().head(3).tolist()]
        raise InputFileError(
            f"{cells.raw.path}: {n_failed} of {n_examined} values in the date column {cells.header_of(name)!r} "
            f"are not dates (values shaped like {', '.join(repr(e) for e in examples)}); map the right column with "
            "--map date=HEADER, or set --date-format."
        )


def rejects_frame(raw: RawTable, rejected: dict[str, list[int]]) -> pd.DataFrame:
    rows = [(str(raw.path), row, reason) for reason, numbers in rejected.items() for row in numbers]
    frame = pd.DataFrame(rows, columns=list(REJECT_COLUMNS)).sort_values("source_row", kind="stable")
    return frame.reset_index(drop=True)


def missing_columns_error(raw: RawTable, what: str, field_hint: str) -> InputFileError:
    # header cells are shown to help map a column, with their digits masked: a "header" that is really a data
    # row must not print a phone number or a postcode
    found = ", ".join(repr(re.sub(r"\d", "9", h)) for h in raw.header if h.strip())[:400]
    return InputFileError(
        f"{raw.path}: no {what} column was recognised in the header on row {raw.header_row} "
        f"(found: {found}); map one with --map {field_hint}=HEADER."
    )


