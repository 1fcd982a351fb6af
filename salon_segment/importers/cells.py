"""Row flags every export kind shares (blank, repeated header, totals below the data, extra fields) and the
accounting of every row as used, skipped or rejected: rows_read = rows_used + rows_skipped + rows_rejected.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment.errors import InputFileError
from salon_segment.i18n import N_
from salon_segment.importers import headers as H
from salon_segment.importers import plain_text
from salon_segment.importers.identity import IdentityChoice, identity_choice
from salon_segment.importers.lexicon import TOTAL_WORDS
from salon_segment.importers.source import RawTable
from salon_segment.importers.values import (
    TextColumn,
    consent_text,
    email_text,
    fold_words,
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

def _normal_unless_digits(column: TextColumn, header: str) -> pd.Series:
    """``fold_words`` of the values that may be a totals word or the header: a value with a digit is neither
    (unless the header has one) and stands as "0" — not empty, not a totals word, not the header. Ids, dates,
    amounts and e-mails skip the regular expressions."""
    uniques = column.uniques
    if any(ch.isdigit() for ch in header):
        return fold_words(uniques)
    digits = plain_text.by_parts(
        uniques,
        _plain_digit,
        lambda other: other.astype(str).str.contains(r"\d", regex=True),
        arrow=column.arrow,
        plain=column.plain,
    )
    digits = np.asarray(digits, dtype=bool)
    if not digits.any():
        return fold_words(uniques)
    out = pd.Series("0", index=uniques.index, dtype=object)
    out[~digits] = fold_words(uniques[~digits])
    return out


@dataclass(frozen=True)
class Clients:
    """Every row's identity key, its name (distinct values and codes when the export has a name column) and
    the normalised e-mail of each distinct e-mail cell."""

    choice: IdentityChoice
    name: TextColumn | pd.Series
    emails: pd.Series


class Cells:
    """Column access and the row flags every export kind shares. Each raw column is factorised once."""

    def __init__(self, raw: RawTable, mapping: dict[str, int], max_field_chars: int = 100_000) -> None:
        self.raw = raw
        self.max_field_chars = max_field_chars
        self.mapping = mapping
        cells = raw.cells
        width = len(raw.header)
        self.index = cells.index
        self._columns: dict[int, TextColumn] = {}
        self._series: dict[int, pd.Series] = {}
        first = range(min(width, FLAG_COLUMNS))
        needed = set(first) | set(mapping.values())
        n = len(cells.index)
        blank = np.ones(n, dtype=bool)
        for position in cells.columns:
            if position in needed:
                column = self.text_column(position)
                empty = column.uniques.to_numpy(dtype=object) == ""
                blank &= empty[column.codes] if empty.any() else False
            else:  # a column no field uses: only its emptiness matters
                blank &= (cells[position] == "").to_numpy(dtype=bool, na_value=False)
        header_norm = fold_words(pd.Series(raw.header, dtype=object)).tolist() if width else []
        normalized = {p: _normal_unless_digits(self.text_column(p), header_norm[p]) for p in first}
        repeated = np.ones(n, dtype=bool)
        for position in range(min(width, 4)):
            same = (normalized[position] == header_norm[position]).to_numpy(dtype=bool)
            repeated &= same[self.text_column(position).codes] if same.any() else False
        any_total = np.zeros(n, dtype=bool)
        leading_total = np.zeros(n, dtype=bool)  # the first non-empty cell is a totals word
        for position in reversed(first):
            codes = self.text_column(position).codes
            total = normalized[position].isin(TOTAL_WORDS).to_numpy(dtype=bool)
            empty = (normalized[position] == "").to_numpy(dtype=bool)
            is_total = total[codes] if total.any() else np.zeros(n, dtype=bool)
            any_total |= is_total
            leading_total = np.where(empty[codes], leading_total, is_total) if empty.any() else is_total
        self.blank = pd.Series(blank, index=cells.index)
        self.repeated_header = pd.Series(repeated & ~blank, index=cells.index)
        self.totals_word = pd.Series(any_total & ~blank, index=cells.index)
        self.leading_total = pd.Series(leading_total & ~blank, index=cells.index)  # "Totaal;;;1.208,50"
        self.extra = pd.Series(False, index=cells.index)
        for position in range(width, cells.shape[1]):
            self.extra |= self.get_position(position) != ""

    @functools.cached_property
    def empty(self) -> pd.Series:
        """An empty text for every row."""
        return pd.Series("", index=self.index, dtype=object)

    def text_column(self, position: int) -> TextColumn:
        if position not in self._columns:
            column = TextColumn.of_cells(self.raw.cells[position], parsed=self.raw.parsed_codes)
            lengths = plain_text.lengths(column.uniques, column.arrow)
            if len(lengths) and lengths.max() > self.max_field_chars:
                row = self.raw.rows[int((column.codes == int(lengths.argmax())).argmax())]
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
        clients = self.clients()
        name = clients.name.series() if isinstance(clients.name, TextColumn) else clients.name
        email_column = self.column(H.EMAIL)
        email_rows = email_column.with_uniques(clients.emails).series() if email_column is not None else self.empty
        phone_text = self.get(H.PHONE)
        keys = pd.Series(clients.choice.keys(), index=self.index, dtype=object)
        present = pd.Series(clients.choice.present(), index=self.index)
        return keys, name, email_rows, phone_text if phone_text is not None else self.empty, present

    def clients(self) -> Clients:
        """Every row's identity key (as positions into the distinct texts) and the name column it came with."""
        column = self.column(H.CLIENT_NAME)
        if column is None:
            parts = [_blank_punctuation(c) for c in (self.column(H.FIRST_NAME), self.column(H.LAST_NAME)) if c]
            parts = [p.series() for p in parts]
            name = self.empty if not parts else parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()
            name_key: pd.Series | TextColumn = name
        else:
            name_key = _blank_punctuation(column)
        email_column, phone_column = self.column(H.EMAIL), self.column(H.PHONE)
        nothing = TextColumn(np.zeros(len(self.index), dtype=np.intp), pd.Series([""], dtype=object), self.index)
        emails = email_text(email_column.uniques, email_column) if email_column is not None else nothing.uniques
        email = email_column.with_uniques(emails) if email_column is not None else nothing
        phone = phone_column.with_uniques(phone_digits(phone_column.uniques)) if phone_column is not None else nothing
        client_id = self.column(H.CLIENT_ID)
        choice = identity_choice(_blank_punctuation(client_id) if client_id else None, email, phone, name_key)
        return Clients(choice, name_key, emails)

    def consent(self) -> pd.Series | None:
        """Marketing consent of every row as categories (``values.consent_text``), None without such a column."""
        for name, opt_out in ((H.CONSENT, False), (H.OPT_OUT, True)):
            column = self.column(name)
            if column is not None:
                return column.categorical(consent_text(column.uniques, opt_out=opt_out))
        return None

    def month_first_hint(self, dates: pd.Series | TextColumn, forced: bool | None, decimal: str) -> bool:
        """For dates that read both ways: month-first only for US-style files (',' or tab, decimal point, '/')."""
        if forced is not None:
            return forced
        us_style = self.raw.delimiter in (",", "\t", None) and decimal in (".", "")
        head = dates.head(50) if isinstance(dates, TextColumn) else dates.head(50).tolist()
        return us_style and "/" in "".join(head)


def _blank_punctuation(column: TextColumn) -> TextColumn:
    """The column with cells of punctuation only ("---", "-", "?") emptied."""
    word = plain_text.by_parts(
        column.uniques,
        _plain_alphanumeric,
        lambda other: other.str.contains(r"[^\W_]"),
        arrow=column.arrow,
        plain=column.plain,
    )
    word = np.asarray(word, dtype=bool)
    if word.all():
        return column
    uniques = column.uniques.where(word, "").astype(object)
    return TextColumn(column.codes, uniques, column.index)


def _plain_digit(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.match_substring_regex(plain, "[0-9]")


def _plain_alphanumeric(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.match_substring_regex(plain, "[A-Za-z0-9]")


def rows_of(values: object, keep: np.ndarray | None, n: int) -> np.ndarray | pd.Series:
    """A column's values for the used rows (a scalar is repeated; categories stay categories)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        return values.reset_index(drop=True) if keep is None else values[keep].reset_index(drop=True)
    array = np.asarray(values) if not isinstance(values, pd.Series) else values.to_numpy()
    if array.ndim == 0:
        array = np.full(n, array.item(), dtype=object if isinstance(array.item(), str) else None)
    return array if keep is None else array[keep]


def example(values: pd.Series | TextColumn | None, mask: pd.Series) -> str:
    """The first non-empty value among the masked rows."""
    if values is None:
        return ""
    if isinstance(values, TextColumn):
        present = (values.uniques.to_numpy(dtype=object) != "")[values.codes] & mask.to_numpy(dtype=bool)
        first = int(present.argmax()) if len(present) else 0
        return str(values.uniques.iloc[values.codes[first]]) if len(present) and present[first] else ""
    for rows in (slice(0, 1000), slice(None)):  # the first thousand rows nearly always hold one
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


