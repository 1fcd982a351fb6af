"""Turn a raw table of text cells into ledger lines, accounting for every row.

Every data row ends up used, skipped (blank, repeated header, totals/summary below the data) or rejected
(unreadable date or amount, no client): rows_read = rows_used + rows_skipped + rows_rejected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import InputFileError
from salon_segment.importers import headers as H
from salon_segment.importers.source import RawTable
from salon_segment.importers.values import (
    identity_keys,
    kinds_from_keywords,
    kinds_from_type,
    map_statuses,
    normalize_email,
    normalize_phone,
    parse_amounts,
    parse_dates,
)
from salon_segment.rules import Rules

TOTAL_WORDS = frozenset(
    H.normalize_header(w)
    for w in (
        "total", "totals", "grand total", "subtotal", "sub total", "sum", "totaal", "subtotaal", "eindtotaal",
        "итого", "всего", "итог", "gesamt", "summe", "gesamtsumme", "total general", "sous total",
    )
)  # fmt: skip
MAX_DATE_FAILURE_SHARE = 0.2
ROW_EXAMPLES = 5

SKIP_BLANK = "blank row"
SKIP_HEADER = "repeated header row"
SKIP_TOTALS = "totals or summary below the data"
REJECT_DATE = "unreadable date"
REJECT_AMOUNT = "unreadable amount"
REJECT_QUANTITY = "unreadable quantity"
REJECT_CLIENT = "no client id, name, e-mail or phone"
REJECT_EXTRA = "more fields than the header"

REJECT_COLUMNS = ("source_file", "source_row", "reason")


@dataclass(frozen=True)
class ImportOptions:
    """How to read every input: column overrides, forced encoding/sheet/date order, product keywords."""

    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    sheet: str | None = None
    month_first: bool | None = None
    rules: Rules = field(default_factory=Rules)


@dataclass(frozen=True)
class FileReport:
    """What one input file held and how it was read; printed by `inspect`, summarised everywhere."""

    path: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    mapping: dict[str, str]
    unmapped: list[str]
    date_format: str
    date_note: str
    decimal: str
    rows_read: int
    rows_used: int
    skipped: dict[str, list[int]]
    rejected: dict[str, list[int]]
    unknown_statuses: list[str]
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    clients: int

    @property
    def rows_skipped(self) -> int:
        return sum(len(rows) for rows in self.skipped.values())

    @property
    def rows_rejected(self) -> int:
        return sum(len(rows) for rows in self.rejected.values())


def _normalize_unique(column: pd.Series) -> pd.Series:
    """normalize_header over a column, computed once per distinct value."""
    uniques = pd.Series(column.unique())
    lookup = pd.Series(uniques.map(H.normalize_header).to_numpy(dtype=object), index=uniques)
    return column.map(lookup)


def _column(raw: RawTable, mapping: dict[str, int], name: str) -> pd.Series | None:
    position = mapping.get(name)
    return None if position is None else raw.cells[position].astype(str).str.strip()


def _missing_columns_error(raw: RawTable, what: str) -> InputFileError:
    found = ", ".join(repr(h) for h in raw.header if h.strip())[:400]
    return InputFileError(
        f"{raw.path}: no {what} column was recognised in the header on row {raw.header_row} "
        f"(found: {found}); map one with --map {'date' if what == 'date' else 'client_name'}=HEADER."
    )


def _row_groups(rows: np.ndarray, masks: dict[str, pd.Series]) -> dict[str, list[int]]:
    return {reason: rows[mask.to_numpy()].tolist() for reason, mask in masks.items() if mask.any()}


def to_ledger(raw: RawTable, options: ImportOptions | None = None) -> tuple[pd.DataFrame, FileReport, pd.DataFrame]:
    """Raw table → (ledger lines, file report, rejected rows as source_file/source_row/reason)."""
    options = options or ImportOptions()
    try:
        mapping = H.map_columns(raw.header, options.columns)
    except (LookupError, ValueError) as exc:
        raise InputFileError(f"{raw.path}: {exc.args[0]}.") from None
    if H.DATE not in mapping:
        raise _missing_columns_error(raw, "date")
    identity_fields = (H.CLIENT_ID, H.CLIENT_NAME, H.FIRST_NAME, H.LAST_NAME, H.EMAIL, H.PHONE)
    if not any(f in mapping for f in identity_fields):
        raise _missing_columns_error(raw, "client")

    cells = raw.cells
    width = len(raw.header)
    stripped = cells.apply(lambda column: column.astype(str).str.strip())
    blank = (stripped == "").all(axis=1)
    header_norm = [H.normalize_header(h) for h in raw.header]
    normalized_first = stripped.iloc[:, : min(width, 4)].apply(_normalize_unique)
    repeated_header = pd.Series(True, index=cells.index)
    for position in range(normalized_first.shape[1]):
        repeated_header &= normalized_first.iloc[:, position] == header_norm[position]
    repeated_header &= ~blank
    first_cells = stripped.iloc[:, : min(width, 6)].apply(_normalize_unique)
    totals_word = first_cells.isin(TOTAL_WORDS).any(axis=1) & ~blank

    raw_date = _column(raw, mapping, H.DATE)
    hint = options.month_first
    if hint is None:
        hint = raw.delimiter in (",", "\t", None) and "/" in "".join(raw_date.head(50).tolist())
    parsed_dates = parse_dates(raw_date, month_first_hint=bool(hint))
    date_ok = parsed_dates.dates.notna()

    amount_text = _column(raw, mapping, H.AMOUNT)
    amounts = parse_amounts(amount_text) if amount_text is not None else None
    amount_ok = amounts.values.notna() if amounts is not None else pd.Series(True, index=cells.index)
    quantity_text = _column(raw, mapping, H.QUANTITY)
    quantities = parse_amounts(quantity_text).values if quantity_text is not None else None
    if quantities is not None:
        quantities = quantities.where(quantity_text != "", 1.0)
    quantity_ok = quantities.notna() if quantities is not None else pd.Series(True, index=cells.index)

    first_name = _column(raw, mapping, H.FIRST_NAME)
    last_name = _column(raw, mapping, H.LAST_NAME)
    name = _column(raw, mapping, H.CLIENT_NAME)
    empty = pd.Series("", index=cells.index, dtype=object)
    if name is None:
        parts = [p for p in (first_name, last_name) if p is not None]
        name = empty if not parts else parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()
    email_text = _column(raw, mapping, H.EMAIL)
    phone_text = _column(raw, mapping, H.PHONE)
    email = normalize_email(email_text) if email_text is not None else empty
    phone = normalize_phone(phone_text) if phone_text is not None else empty
    keys = identity_keys(_column(raw, mapping, H.CLIENT_ID), email, phone, name)
    client_ok = keys != ""

    extra = pd.Series(False, index=cells.index)
    if cells.shape[1] > width:
        extra = (stripped.iloc[:, width:] != "").any(axis=1)

    valid = date_ok & amount_ok & quantity_ok & client_ok & ~extra
    skip_blank = blank
    skip_header = repeated_header
    positions = np.flatnonzero(valid.to_numpy())
    last_valid = positions[-1] if len(positions) else -1
    after_data = pd.Series(np.arange(len(cells)) > last_valid, index=cells.index)
    first_total_after = np.flatnonzero((totals_word & after_data).to_numpy())
    summary = pd.Series(False, index=cells.index)
    if len(first_total_after):
        summary = pd.Series(np.arange(len(cells)) >= first_total_after[0], index=cells.index)
    skip_totals = (summary | (totals_word & ~date_ok)) & ~blank & ~repeated_header
    skipped = skip_blank | skip_header | skip_totals
    candidates = ~skipped

    reject_extra = candidates & extra
    reject_date = candidates & ~extra & ~date_ok
    reject_amount = candidates & ~extra & date_ok & ~amount_ok
    reject_quantity = candidates & ~extra & date_ok & amount_ok & ~quantity_ok
    reject_client = candidates & ~extra & date_ok & amount_ok & quantity_ok & ~client_ok
    used = candidates & valid

    examined = int(candidates.sum())
    failed_dates = int(reject_date.sum())
    if examined >= 5 and failed_dates > MAX_DATE_FAILURE_SHARE * examined:
        examples = raw_date[reject_date].drop_duplicates().head(3).tolist()
        raise InputFileError(
            f"{raw.path}: {failed_dates} of {examined} values in the date column {raw.header[mapping[H.DATE]]!r} "
            f"are not dates (for example {', '.join(repr(e) for e in examples)}); map the right column with "
            "--map date=HEADER, or set --date-format."
        )

    kind = None
    kind_text = _column(raw, mapping, H.KIND)
    if kind_text is not None:
        kind = kinds_from_type(kind_text)
    item = _column(raw, mapping, H.ITEM)
    category = _column(raw, mapping, H.CATEGORY)
    keyword_text = (item if item is not None else empty) + " " + (category if category is not None else empty)
    by_keyword = kinds_from_keywords(keyword_text, options.rules.product_keywords)
    kind = by_keyword if kind is None else kind.fillna(by_keyword)

    status_text = _column(raw, mapping, H.STATUS)
    if status_text is not None:
        status, unknown_statuses = map_statuses(status_text[used])
    else:
        status, unknown_statuses = pd.Series(L.COMPLETED, index=cells.index[used], dtype=object), []

    frame = pd.DataFrame(
        {
            L.CLIENT: keys,
            L.CLIENT_NAME: name,
            L.EMAIL: email,
            L.PHONE: phone_text if phone_text is not None else empty,
            L.DATE: parsed_dates.dates,
            L.TIME: _column(raw, mapping, H.TIME) if H.TIME in mapping else parsed_dates.times,
            L.ITEM: item if item is not None else empty,
            L.KIND: kind,
            L.CATEGORY: category if category is not None else empty,
            L.STAFF: _column(raw, mapping, H.STAFF) if H.STAFF in mapping else empty,
            L.AMOUNT: amounts.values if amounts is not None else 0.0,
            L.QUANTITY: quantities if quantities is not None else 1.0,
            L.SOURCE: _column(raw, mapping, H.SOURCE) if H.SOURCE in mapping else empty,
            L.SOURCE_FILE: str(raw.path),
            L.SOURCE_ROW: raw.rows,
        }
    ).loc[used]
    frame[L.STATUS] = status
    ledger = L.make_ledger(frame)

    skipped_rows = _row_groups(raw.rows, {SKIP_BLANK: skip_blank, SKIP_HEADER: skip_header & ~skip_blank,
                                          SKIP_TOTALS: skip_totals})  # fmt: skip
    rejected_rows = _row_groups(
        raw.rows,
        {
            REJECT_EXTRA: reject_extra,
            REJECT_DATE: reject_date,
            REJECT_AMOUNT: reject_amount,
            REJECT_QUANTITY: reject_quantity,
            REJECT_CLIENT: reject_client,
        },
    )
    rejects = pd.DataFrame(
        [(str(raw.path), row, reason) for reason, rows in rejected_rows.items() for row in rows],
        columns=list(REJECT_COLUMNS),
    ).sort_values("source_row", kind="stable")
    dates = ledger[L.DATE]
    report = FileReport(
        path=str(raw.path),
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_row=raw.header_row,
        mapping={f: raw.header[p] for f, p in sorted(mapping.items(), key=lambda item: item[1])},
        unmapped=[h for p, h in enumerate(raw.header) if p not in mapping.values() and h.strip()],
        date_format=parsed_dates.date_format,
        date_note=parsed_dates.note,
        decimal=amounts.decimal if amounts is not None else "",
        rows_read=len(cells),
        rows_used=int(used.sum()),
        skipped=skipped_rows,
        rejected=rejected_rows,
        unknown_statuses=unknown_statuses,
        first_date=None if dates.empty else pd.Timestamp(dates.min()),
        last_date=None if dates.empty else pd.Timestamp(dates.max()),
        clients=int(ledger[L.CLIENT].nunique()),
    )
    return ledger, report, rejects.reset_index(drop=True)
