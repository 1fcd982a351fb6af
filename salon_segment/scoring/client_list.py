"""Scoring a client list with totals (one row per client): the figures that need no visit history.

lost from the last visit, new from the number of visits, A/B only when the list splits product spend
(A: bought products), and ``returning`` for the other active clients when it does not. Regularity, C and
overdue need visit history and are left empty, never guessed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring import segments as S
from salon_segment.scoring.periods import months_before


def merge_client_rows(client_list: pd.DataFrame) -> pd.DataFrame:
    """One row per client key: the widest span and the largest totals of its rows (overlapping lists)."""
    ordered = client_list.sort_values([L.LAST_VISIT, L.SOURCE_FILE, L.SOURCE_ROW], kind="stable", na_position="first")
    grouped = ordered.groupby(L.CLIENT, sort=True)
    merged = grouped.agg(
        {
            L.FIRST_VISIT: "min",
            L.LAST_VISIT: "max",
            L.VISITS: "max",
            L.REVENUE: "max",
            L.SERVICE_REVENUE: "max",
            L.PRODUCT_REVENUE: "max",
            L.CREATED: "min",
        }
    )
    for field in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        present = ordered.loc[ordered[field] != "", [L.CLIENT, field]]
        merged[field] = present.groupby(L.CLIENT)[field].last()
        merged[field] = merged[field].fillna("")
    return merged.reset_index()


def client_list_metrics(client_list: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """Per-client rows in the shape of ``clients.client_metrics``; history-only metrics are empty."""
    as_of = pd.Timestamp(as_of)
    merged = merge_client_rows(client_list)
    visits = merged[L.VISITS]
    last = merged[L.LAST_VISIT]
    has_visit = (visits.fillna(0) > 0) | last.notna()
    lost = has_visit & (last < months_before(as_of, rules.lost_after_months))
    new = has_visit & ~lost & (visits < rules.new_below_visits)
    product = merged[L.PRODUCT_REVENUE]
    split = product.notna()
    segment = np.select(
        [~has_visit, lost, new, split & (product > 0), split],
        [S.POTENTIAL, S.LOST, S.NEW, S.A, S.B],
        default=S.RETURNING,
    )
    out = pd.DataFrame(index=merged.index)
    out[L.CLIENT] = merged[L.CLIENT]
    for field in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        out[field] = merged[field]
    out[C.SEGMENT] = segment
    out[C.FIRST_VISIT] = merged[L.FIRST_VISIT].astype("datetime64[ns]")
    out[C.LAST_VISIT] = last.astype("datetime64[ns]")
    out[C.VISITS] = visits.fillna(0).round().astype("int64")
    out[C.REVENUE] = merged[L.REVENUE].fillna(0.0)
    out[C.PRODUCT_REVENUE] = product.fillna(0.0)
    out[C.REVENUE_WINDOW] = out[C.REVENUE]  # a list only knows lifetime spend
    out[C.DAYS_SINCE_LAST] = (as_of - out[C.LAST_VISIT]).dt.days.astype("Int64")
    for column in C.CLIENT_COLUMNS:
        if column not in out.columns:
            out[column] = pd.NA
    out[C.OVERDUE] = False
    out[C.NO_SHOWS] = 0
    out[C.CANCELLATIONS] = 0
    out[C.UPCOMING] = 0
    out[C.VISITS_WINDOW] = 0
    out[C.ACTIVE_MONTHS] = 0
    out[C.WINDOW_VISITS] = 0
    out[C.NEXT_BOOKING] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    out[C.EXPECTED_NEXT] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    out[C.MEDIAN_INTERVAL] = np.nan
    out[C.INTERVAL_VARIATION] = np.nan
    out[C.PRODUCT_VISIT_SHARE] = np.nan
    out[C.DAYS_OVERDUE] = pd.Series(pd.NA, index=out.index, dtype="Int64")
    return out[list(C.CLIENT_COLUMNS)].reset_index(drop=True)


def list_only_clients(client_list: pd.DataFrame, known: pd.Index, *, as_of: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """Clients of the list that the visit export does not know, scored from the list."""
    rest = client_list.loc[~client_list[L.CLIENT].isin(known)]
    return client_list_metrics(rest, as_of=as_of, rules=rules)
