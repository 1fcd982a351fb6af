"""Turn a raw table of text cells into ledger lines, a client list or a product catalogue, accounting for
every row.

Every data row ends up used, skipped (blank, repeated header, totals/summary below the data, walk-in sales
counted apart) or rejected (unreadable date or amount): rows_read = rows_used + rows_skipped + rows_rejected.
Which column is which field, and what role the file plays, comes from ``columns.choose_columns`` (the export
profile, else header meaning weighed with the values).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import InputFileError
from salon_segment.i18n import N_
from salon_segment.importers import headers as H
from salon_segment.importers import profiles as P
from salon_segment.importers.cells import (
    REJECT_AMOUNT,
    REJECT_COLUMNS,
    REJECT_DATE,
    REJECT_QUANTITY,
    SKIP_OVERLAP,
    Cells,
    account,
    check_dates,
    example,
    rejects_frame,
    rows_of,
)
from salon_segment.importers.client_lists import to_client_list
from salon_segment.importers.columns import ColumnChoice, choose_columns
from salon_segment.importers.line_types import line_statuses, line_types, placeholder_clients
from salon_segment.importers.report import (
    CATALOGUE_KIND,
    CLIENT_LIST_KIND,
    VISITS_KIND,
    FileReport,
    ImportOptions,
    Normalized,
    file_report,
)
from salon_segment.importers.roles import generic_role
from salon_segment.importers.source import RawTable
from salon_segment.importers.values import TextColumn, fold_name, parse_amounts, parse_dates

__all__ = [
    "CATALOGUE_KIND",
    "CLIENT_LIST_KIND",
    "REJECT_COLUMNS",
    "SKIP_OVERLAP",
    "VISITS_KIND",
    "FileReport",
    "ImportOptions",
    "Normalized",
    "Plan",
    "normalize",
    "plan",
]

ROLE_STATUS = {P.NO_SHOWS: L.NO_SHOW, P.CANCELLATIONS: L.CANCELLED, P.BOOKINGS: L.BOOKED}
WALK_IN_COLUMNS = (L.DATE, L.KIND, L.STATUS, L.AMOUNT)


@dataclass(frozen=True)
class Plan:
    """How one file will be read: its columns (and the profile behind them) and its role."""

    columns: ColumnChoice
    role: str
    catalogue_kind: str = ""

    @property
    def mapping(self) -> dict[str, int]:
        return self.columns.mapping


def _missing_header(path: Path, missing: H.MissingHeaderError, options: ImportOptions) -> InputFileError:
    """The error for a column mapping whose header is not in the file, naming where the mapping came from."""
    kind, origin = options.column_origins.get(missing.field, ("flag", None))
    name, header = missing.field, missing.header
    if kind == "dialect":
        return InputFileError(
            f"{path}: the dialect file {origin} maps {name} to {header!r}, but no column is headed so; pin this "
            "export again with inspect FILE --format json."
        )
    if kind == "config":
        return InputFileError(f"{path}: [columns] in {origin} maps {name} to {header!r}, but no column is headed so.")
    return InputFileError(f"{path}: {missing.args[0]}.")


def plan(raw: RawTable, options: ImportOptions | None = None) -> Plan:
    """Choose the columns and the role of one file (the profile's, else one the header and file name imply)."""
    options = options or ImportOptions()
    try:
        choice = choose_columns(
            raw.header, raw.cells, file_name=raw.path.name, overrides=options.columns, forced_profile=options.profile
        )
    except H.MissingHeaderError as exc:
        raise _missing_header(raw.path, exc, options) from None
    except (LookupError, ValueError) as exc:
        raise InputFileError(f"{raw.path}: {exc.args[0]}.") from None
    profile = choice.profile.profile
    if profile is not None:
        return Plan(choice, profile.role, profile.catalogue_kind)
    role, catalogue_kind = generic_role(raw, choice.mapping)
    return Plan(choice, role, catalogue_kind)


def _amounts(cells: Cells, raw: RawTable, plan_: Plan) -> tuple[pd.Series | None, str]:
    """The line amounts, minus the columns the profile subtracts (Vagaro: Price − Disc), and the decimal mark."""
    column = cells.column(H.AMOUNT)
    if column is None:
        return None, ""
    amounts = parse_amounts(column)
    values = amounts.values
    profile = plan_.columns.profile.profile
    if profile is not None:
        by_text = H.header_positions(raw.header)
        for name in profile.subtract:
            position = by_text.get(H.normalize_header(name))
            if position is not None:
                values = values - parse_amounts(cells.text_column(position)).values.fillna(0.0)
    return values, amounts.decimal


def _profile_words(plan_: Plan) -> tuple[Mapping[str, str], Mapping[str, str], tuple[str, ...], bool | None]:
    profile = plan_.columns.profile.profile
    if profile is None:
        return {}, {}, (), None
    return profile.statuses, profile.line_types, profile.placeholders, profile.month_first


def _types_from_columns(kinds: pd.Series, amounts: pd.Series | None, cells: Cells, plan_: Plan) -> pd.Series:
    """Lines of amount 0 whose profile column for a line type is not 0 (Square: a payment for a gift card only)."""
    profile = plan_.columns.profile.profile
    if profile is None or not profile.line_type_columns or amounts is None:
        return kinds
    by_text = H.header_positions(cells.raw.header)
    for header, kind in profile.line_type_columns.items():
        position = by_text.get(H.normalize_header(header))
        if position is not None:
            other = parse_amounts(cells.text_column(position)).values.fillna(0.0)
            hit = ((amounts.fillna(0.0) == 0) & (other != 0)).to_numpy()
            kinds = kinds.where(~hit, kind)  # the line type is one of the column's categories
    return kinds


def to_ledger(raw: RawTable, plan_: Plan, options: ImportOptions) -> Normalized:
    """A visit/sales/booking export → ledger lines (one per used row), walk-in lines apart."""
    mapping = plan_.mapping
    cells = Cells(raw, mapping, options.limits.max_field_chars)
    statuses, type_words, placeholders, month_first = _profile_words(plan_)
    clients = cells.clients()
    keys = pd.Series(clients.choice.keys(), index=cells.index, dtype=object)
    client_ok = pd.Series(clients.choice.present(), index=cells.index)
    name = clients.name.categorical() if isinstance(clients.name, TextColumn) else clients.name
    name_columns = [c for c in (cells.column(H.CLIENT_ID), cells.column(H.CLIENT_NAME)) if c is not None]
    placeholder = placeholder_clients(name_columns, placeholders, len(cells.index))
    walk_in = ~client_ok | pd.Series(placeholder, index=cells.index)
    amounts, decimal = _amounts(cells, raw, plan_)
    raw_date = cells.column(H.DATE)
    forced_order = options.month_first if options.month_first is not None else month_first
    parsed = parse_dates(cells.column(H.DATE), month_first_hint=cells.month_first_hint(raw_date, forced_order, decimal))
    date_bad = parsed.dates.isna()
    amount_bad = amounts.isna() if amounts is not None else ~cells.blank & False
    quantity_text = cells.get(H.QUANTITY)
    quantities = None
    quantity_bad = ~cells.blank & False
    if quantity_text is not None:
        quantities = parse_amounts(cells.column(H.QUANTITY)).values.where(quantity_text != "", 1.0)
        quantity_bad = quantities.isna()
    rejects = [(REJECT_DATE, date_bad), (REJECT_AMOUNT, amount_bad), (REJECT_QUANTITY, quantity_bad)]
    accounting = account(cells, rejects, walk_in)
    check_dates(cells, H.DATE, date_bad, accounting.considered & ~cells.extra)
    used = accounting.used
    n = len(cells.index)
    status, unknown = line_statuses(
        n, status=cells.column(H.STATUS), fixed=ROLE_STATUS.get(plan_.role), words=statuses, index=cells.index
    )
    unknown = _count_used(cells, H.STATUS, unknown, used)
    kinds = line_types(
        n,
        type_column=cells.column(H.KIND),
        item=cells.column(H.ITEM),
        category=cells.column(H.CATEGORY),
        type_words=type_words,
        product_items=options.product_items,
        service_items=options.service_items,
        keywords=options.rules.product_keywords,
        index=cells.index,
        default=plan_.columns.profile.profile.default_line_type if plan_.columns.profile.profile else "",
    )
    kinds = _types_from_columns(kinds, amounts, cells, plan_)
    blank = L.constant_text("", n)
    email_column = cells.column(H.EMAIL)

    def text(name_: str) -> pd.Series:
        column = cells.column(name_)
        return column.categorical() if column is not None else blank

    columns = {
        L.CLIENT: keys,
        L.CLIENT_NAME: name,
        L.EMAIL: email_column.categorical(clients.emails) if email_column is not None else blank,
        L.PHONE: text(H.PHONE),
        L.DATE: parsed.dates,
        L.TIME: text(H.TIME) if H.TIME in mapping else parsed.times,
        L.ITEM: text(H.ITEM),
        L.KIND: kinds,
        L.CATEGORY: text(H.CATEGORY),
        L.STAFF: text(H.STAFF),
        L.AMOUNT: amounts if amounts is not None else 0.0,
        L.QUANTITY: quantities if quantities is not None else 1.0,
        L.SOURCE: text(H.SOURCE),
        L.CONSENT: consent if (consent := cells.consent()) is not None else blank,
        L.LINE_ID: cells.get(H.LINE_ID) if H.LINE_ID in mapping else cells.empty,  # mostly unique: plain text
        L.SOURCE_FILE: L.constant_text(str(raw.path), n),
        L.SOURCE_ROW: raw.rows,
        L.STATUS: status,
    }
    keep = None if bool(used.all()) else used.to_numpy()
    frame = pd.DataFrame(
        {name_: L.plain_column(rows_of(values, keep, n)) for name_, values in columns.items()}, copy=False
    )
    if keep is not None and isinstance(frame[L.CLIENT_NAME].dtype, pd.CategoricalDtype):
        # the names of the lines kept, as a factorisation of them would give
        frame[L.CLIENT_NAME] = frame[L.CLIENT_NAME].cat.remove_unused_categories()
    ledger = L.make_ledger(frame, text_is_clean=True)
    walk_rows = (accounting.considered & walk_in & ~date_bad & ~amount_bad).to_numpy()
    walk_ins = pd.DataFrame(
        {c: L.plain_column(rows_of(columns[c], walk_rows, n)) for c in WALK_IN_COLUMNS}, copy=False
    ).astype({L.KIND: object, L.STATUS: object})
    dates = ledger[L.DATE]
    report = file_report(
        raw,
        plan_,
        kind=VISITS_KIND,
        used=used,
        skipped=accounting.skipped,
        rejected=accounting.rejected,
        date_format=parsed.date_format,
        date_note=parsed.note,
        date_example=example(raw_date, used),
        decimal=decimal,
        amount_example=example(cells.column(H.AMOUNT), used),
        unknown_statuses=sorted(unknown),
        unknown_status_lines=unknown,
        dates=dates,
        clients=clients.choice.distinct(keep),
        status_lines=_counts(ledger[L.STATUS]),
        line_type_lines=_counts(ledger[L.KIND]),
    )
    return Normalized(VISITS_KIND, ledger, report, rejects_frame(raw, accounting.rejected), walk_ins)


def _counts(values: pd.Series) -> dict[str, int]:
    """Lines per value of a categorical column, values that occur only."""
    codes = values.array.codes
    counts = np.bincount(codes[codes >= 0], minlength=len(values.cat.categories))
    return {str(k): int(v) for k, v in sorted(zip(values.cat.categories, counts, strict=True)) if v}


def _count_used(cells: Cells, name: str, unknown: dict[str, int], used: pd.Series) -> dict[str, int]:
    """Unknown status words with the number of *used* lines that carry them."""
    if not unknown:
        return {}
    values = cells.get(name)[used]
    counts = values[values.isin(list(unknown))].value_counts()
    return {str(word): int(count) for word, count in counts.items() if count}


def to_catalogue(raw: RawTable, plan_: Plan, options: ImportOptions) -> Normalized:
    """A product or service listing given as an input: its item names tell the sales files' line types."""
    cells = Cells(raw, plan_.mapping, options.limits.max_field_chars)
    item = cells.column(H.ITEM)
    names = fold_name(item) if item is not None else cells.empty
    accounting = account(cells, [(N_("no item name"), names == "")])
    table = pd.DataFrame({L.ITEM: names[accounting.used].to_numpy(dtype=object)})
    table[L.KIND] = plan_.catalogue_kind or L.PRODUCT
    report = file_report(
        raw,
        plan_,
        kind=CATALOGUE_KIND,
        used=accounting.used,
        skipped=accounting.skipped,
        rejected=accounting.rejected,
        date_format="",
        date_note="",
        date_example="",
        decimal="",
        amount_example="",
        unknown_statuses=[],
        dates=pd.Series([], dtype="datetime64[ns]"),
        clients=0,
    )
    return Normalized(CATALOGUE_KIND, table, report, rejects_frame(raw, accounting.rejected))


def normalize(raw: RawTable, options: ImportOptions | None = None, plan_: Plan | None = None) -> Normalized:
    """Read one raw table by its plan: a visit/booking export, a client list or a catalogue."""
    options = options or ImportOptions()
    plan_ = plan_ or plan(raw, options)
    if plan_.role == P.CATALOGUE:
        return to_catalogue(raw, plan_, options)
    if plan_.role == P.CLIENT_LIST:
        return to_client_list(raw, plan_, options)
    return to_ledger(raw, plan_, options)
