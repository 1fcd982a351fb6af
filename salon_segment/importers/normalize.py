"""Turn a raw table of text cells into ledger lines or a client list, accounting for every row.

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
from salon_segment.i18n import N_
from salon_segment.importers import headers as H
from salon_segment.importers.source import Limits, RawTable
from salon_segment.importers.values import (
    TextColumn,
    email_text,
    fold_name,
    identity_keys,
    kinds_from_type,
    map_statuses,
    names_a_product,
    normalize_email,
    normalize_phone,
    parse_amounts,
    parse_dates,
)
from salon_segment.privacy import mask
from salon_segment.rules import Rules

TOTAL_WORDS = frozenset(
    H.normalize_header(w)
    for w in (
        "total", "totals", "grand total", "subtotal", "sub total", "sum", "totaal", "subtotaal", "eindtotaal",
        "итого", "всего", "итог", "gesamt", "summe", "gesamtsumme", "total general", "sous total", "totale",
    )
)  # fmt: skip
MAX_DATE_FAILURE_SHARE = 0.2

VISITS_KIND = N_("visit ledger")
CLIENT_LIST_KIND = N_("client list")

SKIP_BLANK = N_("blank row")
SKIP_HEADER = N_("repeated header row")
SKIP_TOTALS = N_("totals or summary below the data")
SKIP_OVERLAP = N_("same line already in an earlier file")
REJECT_DATE = N_("unreadable date")
REJECT_AMOUNT = N_("unreadable amount")
REJECT_QUANTITY = N_("unreadable quantity")
REJECT_VISITS = N_("unreadable number of visits")
REJECT_CLIENT = N_("no client id, name, e-mail or phone")
REJECT_EXTRA = N_("more fields than the header")

REJECT_COLUMNS = ("source_file", "source_row", "reason")
IDENTITY_FIELDS = (H.CLIENT_ID, H.CLIENT_NAME, H.FIRST_NAME, H.LAST_NAME, H.EMAIL, H.PHONE)


@dataclass(frozen=True)
class ImportOptions:
    """How to read every input: column overrides, forced encoding/sheet/date order, products, rules."""

    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    sheet: str | None = None
    month_first: bool | None = None
    product_items: frozenset[str] = frozenset()  # folded item names from a --products catalogue
    rules: Rules = field(default_factory=Rules)
    limits: Limits = field(default_factory=Limits)


@dataclass(frozen=True)
class FileReport:
    """What one input file held and how it was read; printed by `inspect`, summarised everywhere."""

    path: str
    kind: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    mapping: dict[str, str]
    unmapped: list[str]
    date_format: str
    date_note: str
    date_example: str
    decimal: str
    amount_example: str
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


@dataclass(frozen=True)
class Normalized:
    """One file's result: ledger lines (visit exports) or client rows (client lists), report and rejects."""

    kind: str
    table: pd.DataFrame
    report: FileReport
    rejects: pd.DataFrame


def _quick_normal(values: pd.Series) -> pd.Series:
    """Case-folded words without punctuation: enough to spot 'Totaal:' or a repeated header, vectorised."""
    return values.astype(str).str.casefold().str.replace(r"[\W_]+", " ", regex=True).str.strip()


class _Cells:
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
        first = range(min(width, 6))
        needed = set(first) | set(mapping.values())
        self.blank = pd.Series(True, index=cells.index)
        for position in cells.columns:
            if position in needed:
                column = self.text_column(position)
                self.blank &= column.spread(column.uniques.to_numpy(dtype=object) == "")
            else:  # a column no field uses: only its emptiness matters
                self.blank &= (cells[position] == "").to_numpy(dtype=bool, na_value=False)
        header_norm = [_quick_normal(pd.Series([h], dtype=object)).iloc[0] for h in raw.header]
        normalized = {p: _quick_normal(self.text_column(p).uniques) for p in first}
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
        """(key, name, normalised e-mail, phone as written, key present) for every row."""
        name = self.get(H.CLIENT_NAME)
        if name is None:
            parts = [p for p in (self.get(H.FIRST_NAME), self.get(H.LAST_NAME)) if p is not None]
            name = self.empty if not parts else parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()
        email_column, phone_column = self.column(H.EMAIL), self.column(H.PHONE)
        email = normalize_email(email_column) if email_column is not None else self.empty
        phone = normalize_phone(phone_column) if phone_column is not None else self.empty
        phone_text = self.get(H.PHONE)
        keys = identity_keys(self.column(H.CLIENT_ID), email, phone, self.column(H.CLIENT_NAME) or name)
        return keys, name, email, phone_text if phone_text is not None else self.empty, keys != ""

    def month_first_hint(self, dates: pd.Series, options: ImportOptions, decimal: str) -> bool:
        """For dates that read both ways: month-first only for US-style files (',' or tab, decimal point, '/')."""
        if options.month_first is not None:
            return options.month_first
        us_style = self.raw.delimiter in (",", "\t", None) and decimal in (".", "")
        return us_style and "/" in "".join(dates.head(50).tolist())


def _rows_of(values: object, keep: np.ndarray | None, n: int) -> np.ndarray | pd.Series:
    """A column's values for the used rows (a scalar is repeated; categories stay categories)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        return values.reset_index(drop=True) if keep is None else values[keep].reset_index(drop=True)
    array = np.asarray(values) if not isinstance(values, pd.Series) else values.to_numpy()
    if array.ndim == 0:
        array = np.full(n, array.item(), dtype=object if isinstance(array.item(), str) else None)
    return array if keep is None else array[keep]


def _example(values: pd.Series | None, mask: pd.Series) -> str:
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
class _Accounting:
    used: pd.Series
    considered: pd.Series  # rows not skipped: used or rejected
    skipped: dict[str, list[int]]
    rejected: dict[str, list[int]]


def _account(cells: _Cells, rejects: list[tuple[str, pd.Series]]) -> _Accounting:
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
    return _Accounting(remaining, considered, skipped, rejected)


def _check_dates(cells: _Cells, name: str, failed: pd.Series, examined: pd.Series) -> None:
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


def _rejects_frame(raw: RawTable, rejected: dict[str, list[int]]) -> pd.DataFrame:
    rows = [(str(raw.path), row, reason) for reason, numbers in rejected.items() for row in numbers]
    frame = pd.DataFrame(rows, columns=list(REJECT_COLUMNS)).sort_values("source_row", kind="stable")
    return frame.reset_index(drop=True)


def _missing_columns_error(raw: RawTable, what: str, field_hint: str) -> InputFileError:
    found = ", ".join(repr(h) for h in raw.header if h.strip())[:400]
    return InputFileError(
        f"{raw.path}: no {what} column was recognised in the header on row {raw.header_row} "
        f"(found: {found}); map one with --map {field_hint}=HEADER."
    )


def _kinds(cells: _Cells, options: ImportOptions) -> pd.Series:
    """Type column first; else the --products catalogue; else product keywords in item or category."""
    item = cells.column(H.ITEM)
    category = cells.column(H.CATEGORY)
    if options.product_items:
        is_product = (
            fold_name(item).isin(options.product_items) if item is not None else pd.Series(False, index=cells.index)
        )
    else:
        keywords = options.rules.product_keywords
        is_product = pd.Series(False, index=cells.index)
        for column in (item, category):
            if column is not None:
                is_product |= names_a_product(column, keywords)
    kinds = np.array(sorted(L.KINDS), dtype=object)  # categories in sorted order, as the ledger keeps them
    codes = np.where(is_product, kinds.tolist().index(L.PRODUCT), kinds.tolist().index(L.SERVICE))
    type_column = cells.column(H.KIND)
    if type_column is not None:  # the export's own type word wins where it is known
        per_word = pd.Categorical(kinds_from_type(type_column.uniques), categories=kinds).codes  # -1: unknown word
        from_type = per_word[type_column.codes]
        codes = np.where(from_type >= 0, from_type, codes)
    return L.text_categories(codes, kinds).set_axis(cells.index)


def to_ledger(raw: RawTable, mapping: dict[str, int], options: ImportOptions) -> Normalized:
    """A visit/sales export → ledger lines (one per used row)."""
    cells = _Cells(raw, mapping, options.limits.max_field_chars)
    keys, name, _email, _phone, client_ok = cells.identity()  # the ledger takes e-mail and phone as categories
    amount_text = cells.get(H.AMOUNT)
    amounts = parse_amounts(cells.column(H.AMOUNT)) if amount_text is not None else None
    raw_date = cells.get(H.DATE)
    decimal = amounts.decimal if amounts is not None else ""
    parsed = parse_dates(cells.column(H.DATE), month_first_hint=cells.month_first_hint(raw_date, options, decimal))
    date_bad = parsed.dates.isna()
    amount_bad = amounts.values.isna() if amounts is not None else ~cells.blank & False
    quantity_text = cells.get(H.QUANTITY)
    quantities = None
    quantity_bad = ~cells.blank & False
    if quantity_text is not None:
        quantities = parse_amounts(cells.column(H.QUANTITY)).values.where(quantity_text != "", 1.0)
        quantity_bad = quantities.isna()
    accounting = _account(
        cells,
        [
            (REJECT_DATE, date_bad),
            (REJECT_AMOUNT, amount_bad),
            (REJECT_QUANTITY, quantity_bad),
            (REJECT_CLIENT, ~client_ok),
        ],
    )
    _check_dates(cells, H.DATE, date_bad, accounting.considered & ~cells.extra)
    used = accounting.used

    status_text = cells.get(H.STATUS)
    if status_text is not None:
        status, unknown_statuses = map_statuses(status_text[used])
    else:
        completed = L.constant_text(L.COMPLETED, int(used.sum()))
        status, unknown_statuses = completed.set_axis(cells.index[used]), []

    def text(name_: str) -> pd.Series:
        column = cells.column(name_)
        return column.categorical() if column is not None else blank

    blank = L.constant_text("", len(cells.index))
    email_column = cells.column(H.EMAIL)

    columns = {
        L.CLIENT: keys,
        L.CLIENT_NAME: text(H.CLIENT_NAME) if H.CLIENT_NAME in mapping else name,
        L.EMAIL: email_column.categorical(email_text(email_column.uniques)) if email_column is not None else blank,
        L.PHONE: text(H.PHONE),
        L.DATE: parsed.dates,
        L.TIME: text(H.TIME) if H.TIME in mapping else parsed.times,
        L.ITEM: text(H.ITEM),
        L.KIND: _kinds(cells, options),
        L.CATEGORY: text(H.CATEGORY),
        L.STAFF: text(H.STAFF),
        L.AMOUNT: amounts.values if amounts is not None else 0.0,
        L.QUANTITY: quantities if quantities is not None else 1.0,
        L.SOURCE: text(H.SOURCE),
        L.LINE_ID: cells.get(H.LINE_ID) if H.LINE_ID in mapping else cells.empty,  # mostly unique: plain text
        L.SOURCE_FILE: L.constant_text(str(raw.path), len(cells.index)),
        L.SOURCE_ROW: raw.rows,
    }
    keep = None if bool(used.all()) else used.to_numpy()
    frame = pd.DataFrame(
        {name_: L.plain_column(_rows_of(values, keep, len(cells.index))) for name_, values in columns.items()},
        copy=False,
    )
    frame[L.STATUS] = L.plain_column(status)
    ledger = L.make_ledger(frame, text_is_clean=True)
    dates = ledger[L.DATE]
    report = _report(
        raw,
        mapping,
        kind=VISITS_KIND,
        used=used,
        skipped=accounting.skipped,
        rejected=accounting.rejected,
        date_format=parsed.date_format,
        date_note=parsed.note,
        date_example=_example(raw_date, used),
        decimal=amounts.decimal if amounts is not None else "",
        amount_example=_example(amount_text, used),
        unknown_statuses=unknown_statuses,
        dates=dates,
        clients=int(ledger[L.CLIENT].nunique()),
    )
    return Normalized(VISITS_KIND, ledger, report, _rejects_frame(raw, accounting.rejected))


def _report(raw: RawTable, mapping: dict[str, int], *, used: pd.Series, dates: pd.Series, **values) -> FileReport:
    return FileReport(
        path=str(raw.path),
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_row=raw.header_row,
        mapping={f: raw.header[p] for f, p in sorted(mapping.items(), key=lambda item: item[1])},
        unmapped=[h for p, h in enumerate(raw.header) if p not in mapping.values() and h.strip()],
        rows_read=len(raw.cells),
        rows_used=int(used.sum()),
        first_date=None if dates.dropna().empty else pd.Timestamp(dates.min()),
        last_date=None if dates.dropna().empty else pd.Timestamp(dates.max()),
        **values,
    )


def to_client_list(raw: RawTable, mapping: dict[str, int], options: ImportOptions) -> Normalized:
    """A client list with totals (first/last visit, visits, spend, created) → one row per client."""
    cells = _Cells(raw, mapping, options.limits.max_field_chars)
    keys, name, email, phone, client_ok = cells.identity()
    amounts = {}
    amount_bad = ~cells.blank & False
    for name_ in (H.TOTAL_SPENT, H.SERVICE_SPENT, H.PRODUCT_SPENT):
        if name_ in mapping:
            amounts[name_] = parse_amounts(cells.get(name_))
            amount_bad |= amounts[name_].values.isna()
    decimal = next(iter(amounts.values())).decimal if amounts else ""
    date_fields = [f for f in (H.LAST_VISIT, H.FIRST_VISIT, H.CREATED) if f in mapping]
    parsed_dates = {}
    date_bad = ~cells.blank & False
    for name_ in date_fields:
        text = cells.get(name_)
        parsed = parse_dates(text, month_first_hint=cells.month_first_hint(text, options, decimal))
        parsed_dates[name_] = parsed
        date_bad |= parsed.dates.isna() & (text != "")
    visits_text = cells.get(H.VISIT_COUNT)
    visits = parse_amounts(visits_text).values.where(visits_text != "") if visits_text is not None else None
    visits_bad = (visits.isna() & (visits_text != "")) if visits is not None else ~cells.blank & False
    accounting = _account(
        cells,
        [
            (REJECT_DATE, date_bad),
            (REJECT_AMOUNT, amount_bad),
            (REJECT_VISITS, visits_bad),
            (REJECT_CLIENT, ~client_ok),
        ],
    )
    if date_fields:
        examined = accounting.considered & ~cells.extra & (cells.get(date_fields[0]) != "")
        _check_dates(cells, date_fields[0], parsed_dates[date_fields[0]].dates.isna(), examined)
    used = accounting.used

    nat = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    nan = pd.Series(np.nan, index=cells.index, dtype=float)

    def date_of(name_: str) -> pd.Series:
        return parsed_dates[name_].dates if name_ in parsed_dates else nat

    def money(name_: str) -> pd.Series:
        return amounts[name_].values if name_ in amounts else nan

    service, product = money(H.SERVICE_SPENT), money(H.PRODUCT_SPENT)
    total = money(H.TOTAL_SPENT)
    if H.TOTAL_SPENT not in amounts:
        total = (
            service.fillna(0) + product.fillna(0) if (H.SERVICE_SPENT in amounts or H.PRODUCT_SPENT in amounts) else nan
        )
    if H.PRODUCT_SPENT not in amounts and H.SERVICE_SPENT in amounts and H.TOTAL_SPENT in amounts:
        product = total - service
    table = pd.DataFrame(
        {
            L.CLIENT: keys,
            L.CLIENT_NAME: name,
            L.EMAIL: email,
            L.PHONE: phone,
            L.FIRST_VISIT: date_of(H.FIRST_VISIT),
            L.LAST_VISIT: date_of(H.LAST_VISIT),
            L.VISITS: visits if visits is not None else nan,
            L.REVENUE: total,
            L.SERVICE_REVENUE: service,
            L.PRODUCT_REVENUE: product,
            L.CREATED: date_of(H.CREATED),
            L.SOURCE_FILE: str(raw.path),
            L.SOURCE_ROW: raw.rows,
        }
    ).loc[used]
    table = table.reset_index(drop=True)[list(L.CLIENT_LIST_COLUMNS)]
    main_date = date_fields[0] if date_fields else None
    money_field = next((f for f in (H.TOTAL_SPENT, H.SERVICE_SPENT, H.PRODUCT_SPENT) if f in amounts), None)
    report = _report(
        raw,
        mapping,
        kind=CLIENT_LIST_KIND,
        used=used,
        skipped=accounting.skipped,
        rejected=accounting.rejected,
        date_format=parsed_dates[main_date].date_format if main_date else "",
        date_note=parsed_dates[main_date].note if main_date else "",
        date_example=_example(cells.get(main_date), used) if main_date else "",
        decimal=amounts[money_field].decimal if money_field else "",
        amount_example=_example(cells.get(money_field), used) if money_field else "",
        unknown_statuses=[],
        dates=table[L.LAST_VISIT] if H.LAST_VISIT in parsed_dates else table[L.CREATED],
        clients=int(table[L.CLIENT].nunique()),
    )
    return Normalized(CLIENT_LIST_KIND, table, report, _rejects_frame(raw, accounting.rejected))


def normalize(raw: RawTable, options: ImportOptions | None = None) -> Normalized:
    """Detect the export kind from its columns and normalise it: a visit export or a client list."""
    options = options or ImportOptions()
    try:
        mapping = H.map_columns(raw.header, options.columns)
    except (LookupError, ValueError) as exc:
        raise InputFileError(f"{raw.path}: {exc.args[0]}.") from None
    if not any(f in mapping for f in IDENTITY_FIELDS):
        if H.ITEM in mapping and H.DATE not in mapping:
            raise InputFileError(
                f"{raw.path}: this looks like a product listing (items but no clients or dates); "
                "pass it with --products FILE next to the sales export."
            )
        raise _missing_columns_error(raw, "client", "client_name")
    if H.DATE in mapping:
        return to_ledger(raw, mapping, options)
    if any(f in mapping for f in H.CLIENT_LIST_FIELDS):
        return to_client_list(raw, mapping, options)
    raise _missing_columns_error(raw, "date", "date")
