"""Client lists and client summary reports (one row per client with totals) → one row per client.

First/last visit, number of visits, spend (total, services, products) and the created date, each where the
report has it. Reports without any date (client sales, customer spend) still give Pareto and spend ranking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.cells import (
    REJECT_AMOUNT,
    REJECT_DATE,
    REJECT_VISITS,
    Cells,
    account,
    check_dates,
    example,
    rejects_frame,
)
from salon_segment.importers.line_types import placeholder_clients
from salon_segment.importers.report import CLIENT_LIST_KIND, ImportOptions, Normalized, file_report
from salon_segment.importers.source import RawTable
from salon_segment.importers.values import parse_amounts, parse_dates

if TYPE_CHECKING:
    from salon_segment.importers.normalize import Plan


def _visit_counts(cells: Cells, raw: RawTable, plan: Plan) -> pd.Series | None:
    """The visit-count column; where every count is 0, the profile's next candidate (Vagaro: check-ins are 0 in
    accounts without the check-in flow, bookings are then the best count there is)."""
    text = cells.get(H.VISIT_COUNT)
    if text is None:
        return None
    visits = parse_amounts(text).values.where(text != "")
    profile = plan.columns.profile.profile
    if profile is None or (visits.fillna(0) != 0).any():
        return visits
    by_text = H.header_positions(raw.header)
    for header in profile.columns.get(H.VISIT_COUNT, ())[1:]:
        position = by_text.get(H.normalize_header(header))
        if position is not None:
            other_text = cells.get_position(position)
            other = parse_amounts(other_text).values.where(other_text != "")
            if (other.fillna(0) != 0).any():
                return other
    return visits


def to_client_list(raw: RawTable, plan: Plan, options: ImportOptions) -> Normalized:
    """A client list with totals (first/last visit, visits, spend, created) → one row per client."""
    mapping = plan.mapping
    cells = Cells(raw, mapping, options.limits.max_field_chars)
    keys, name, email, phone, client_ok = cells.identity()
    profile = plan.columns.profile.profile
    placeholders = profile.placeholders if profile else ()
    name_columns = [c for c in (cells.column(H.CLIENT_ID), cells.column(H.CLIENT_NAME)) if c is not None]
    placeholder = placeholder_clients(name_columns, placeholders, len(cells.index))
    walk_in = pd.Series(placeholder, index=cells.index) | ~client_ok  # a row without a client: walk-in sales
    month_first = options.month_first if options.month_first is not None else profile.month_first if profile else None
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
        parsed = parse_dates(text, month_first_hint=cells.month_first_hint(text, month_first, decimal))
        parsed_dates[name_] = parsed
        date_bad |= parsed.dates.isna() & (text.map(H.normalize_header) != "")  # "---" is no date, not a bad one
    visits = _visit_counts(cells, raw, plan)
    visits_text = cells.get(H.VISIT_COUNT)
    visits_bad = (visits.isna() & (visits_text != "")) if visits is not None else ~cells.blank & False
    accounting = account(
        cells,
        [
            (REJECT_DATE, date_bad),
            (REJECT_AMOUNT, amount_bad),
            (REJECT_VISITS, visits_bad),
        ],
        walk_in,
    )
    if date_fields:
        examined = accounting.considered & ~cells.extra & (cells.get(date_fields[0]).map(H.normalize_header) != "")
        check_dates(cells, date_fields[0], parsed_dates[date_fields[0]].dates.isna(), examined)
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
            L.CONSENT: consent.astype(object) if (consent := cells.consent()) is not None else "",
            L.SOURCE_FILE: str(raw.path),
            L.SOURCE_ROW: raw.rows,
        }
    ).loc[used]
    table = table.reset_index(drop=True)[list(L.CLIENT_LIST_COLUMNS)]
    main_date = date_fields[0] if date_fields else None
    money_field = next((f for f in (H.TOTAL_SPENT, H.SERVICE_SPENT, H.PRODUCT_SPENT) if f in amounts), None)
    report = file_report(
        raw,
        plan,
        kind=CLIENT_LIST_KIND,
        used=used,
        skipped=accounting.skipped,
        rejected=accounting.rejected,
        date_format=parsed_dates[main_date].date_format if main_date else "",
        date_note=parsed_dates[main_date].note if main_date else "",
        date_example=example(cells.get(main_date), used) if main_date else "",
        decimal=amounts[money_field].decimal if money_field else "",
        amount_example=example(cells.get(money_field), used) if money_field else "",
        unknown_statuses=[],
        dates=table[L.LAST_VISIT] if H.LAST_VISIT in parsed_dates else table[L.CREATED],
        clients=int(table[L.CLIENT].nunique()),
    )
    return Normalized(CLIENT_LIST_KIND, table, report, rejects_frame(raw, accounting.rejected))
