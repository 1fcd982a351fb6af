"""Rhythm per treatment category: each client's own interval per category they repeat, and which are due.

A client who colours every 6 weeks and has a cut every 10 is due for colour long before she is overdue overall.
The categories are the export's own category column, else the item names (``services.service_groups``, the
same groups as the ``services`` command). Only completed service lines count (a shampoo bought is no
treatment). A visit to a category is a calendar day with at least one of its lines; the usual interval is the
median gap between those days, as for the client's overall rhythm (``clients.MEDIAN_INTERVAL``), and a client
has a rhythm in a category from ``rules.overdue_min_visits`` visits in it (3 by default).

A category is **due** when more days have passed since its last visit than its usual interval, but no more
than the interval plus the lost rule (``rules.lost_after_months``, 2 months by default): a client that much
later has dropped the treatment here, as a client not seen that long is lost (the card still shows the
category, not due). What is at
stake is the client's yearly spend on it (average spend per visit in the category × 365.25 / interval) times
the share of a rhythm missed, ``(days since − interval) / interval`` capped at 1: a day late weighs little,
a whole rhythm missed weighs the full year (she may be colouring elsewhere by now).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring.periods import months_before
from salon_segment.scoring.services import service_groups
from salon_segment.scoring.visits import ClientCodes, completed_mask

CATEGORY = "category"
CATEGORY_VISITS = "category_visits"
LAST_VISIT = "last_category_visit"
USUAL_INTERVAL = "usual_interval_days"
DAYS_SINCE = "days_since_category_visit"
DUE = "due"
YEARLY_VALUE = "category_yearly_value"
VALUE_AT_RISK = "category_value_at_risk"
RHYTHM_COLUMNS = (
    L.CLIENT, CATEGORY, CATEGORY_VISITS, LAST_VISIT, USUAL_INTERVAL, DAYS_SINCE, DUE, YEARLY_VALUE, VALUE_AT_RISK,
)  # fmt: skip
DAYS_PER_YEAR = 365.25


def empty_rhythm() -> pd.DataFrame:
    """A rhythm table with no rows."""
    return pd.DataFrame(
        {
            L.CLIENT: pd.Series([], dtype=object),
            CATEGORY: pd.Series([], dtype=object),
            CATEGORY_VISITS: pd.Series([], dtype="int64"),
            LAST_VISIT: pd.Series([], dtype="datetime64[ns]"),
            USUAL_INTERVAL: pd.Series([], dtype=float),
            DAYS_SINCE: pd.Series([], dtype="int64"),
            DUE: pd.Series([], dtype=bool),
            YEARLY_VALUE: pd.Series([], dtype=float),
            VALUE_AT_RISK: pd.Series([], dtype=float),
        }
    )


def category_rhythm(
    ledger: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules, codes: ClientCodes | None = None
) -> pd.DataFrame:
    """One row per (client, category) the client repeats: visits in it, last visit, usual interval, days since,
    whether it is due, its yearly value and the value at risk. Sorted by client, then category.

    ``codes``: the ledger's ``visits.client_codes``, when the caller has them already (not hashed again)."""
    as_of = pd.Timestamp(as_of)
    mask = completed_mask(ledger, as_of) & (ledger[L.KIND] == L.SERVICE).to_numpy()
    if not mask.any():
        return empty_rhythm()
    groups = pd.Categorical(service_groups(ledger.loc[mask, [L.CATEGORY, L.ITEM]]))
    keep = groups.codes != groups.categories.get_indexer([""])[0]
    if not keep.any():
        return empty_rhythm()
    rows = np.flatnonzero(mask)[keep]
    # on the whole column: Arrow text needs no conversion
    all_codes, clients = codes if codes is not None else pd.factorize(ledger[L.CLIENT])
    client_codes = all_codes[rows]
    days = ledger[L.DATE].to_numpy(dtype="datetime64[ns]")[rows].astype("datetime64[D]").astype("int64")
    amounts = ledger[L.AMOUNT].to_numpy(dtype=float)[rows]
    first_day = int(days.min())
    span = int(days.max()) - first_day + 1
    n_groups = len(groups.categories)
    # one int64 per line for (client, category, day): sorted unique keys are the visits, in order
    pair_of_line = client_codes.astype("int64") * n_groups + groups.codes[keep].astype("int64")
    keys, visit_of_line = np.unique(pair_of_line * span + (days - first_day), return_inverse=True)
    spend = np.bincount(visit_of_line.ravel(), weights=amounts)
    pair, day = keys // span, keys % span + first_day
    gap = np.diff(day, prepend=day[:1]).astype(float)
    gap[np.r_[True, pair[1:] != pair[:-1]]] = np.nan  # the first visit of a pair has no gap
    visits = pd.DataFrame({"pair": pair, "day": day, "gap": gap, "amount": spend})
    by_pair = visits.groupby("pair", sort=True)
    table = pd.DataFrame(
        {
            CATEGORY_VISITS: by_pair.size(),
            "last_day": by_pair["day"].max(),
            USUAL_INTERVAL: by_pair["gap"].median(),
            "spend": by_pair["amount"].mean(),
        }
    )
    table = table.loc[(table[CATEGORY_VISITS] >= rules.overdue_min_visits) & (table[USUAL_INTERVAL] > 0)]
    if table.empty:
        return empty_rhythm()
    table = table.reset_index()
    table["c"], table["g"] = table["pair"] // n_groups, table["pair"] % n_groups
    as_of_day = int(np.datetime64(as_of.normalize(), "D").astype("int64"))
    interval = table[USUAL_INTERVAL].astype(float)
    since = as_of_day - table["last_day"].astype("int64")
    lost_days = (as_of - months_before(as_of, rules.lost_after_months)).days
    yearly = table["spend"].clip(lower=0.0) * DAYS_PER_YEAR / interval
    missed = ((since - interval) / interval).clip(lower=0.0, upper=1.0)
    out = pd.DataFrame(
        {
            L.CLIENT: pd.Series(np.asarray(clients, dtype=object)[table["c"].to_numpy()], dtype=object),
            CATEGORY: pd.Series(groups.categories.to_numpy(dtype=object)[table["g"].to_numpy()], dtype=object),
            CATEGORY_VISITS: table[CATEGORY_VISITS].astype("int64"),
            LAST_VISIT: table["last_day"].to_numpy().astype("datetime64[D]").astype("datetime64[ns]"),
            USUAL_INTERVAL: interval,
            DAYS_SINCE: since.astype("int64"),
            DUE: ((since > interval) & (since - interval <= lost_days)).to_numpy(),
            YEARLY_VALUE: yearly,
            VALUE_AT_RISK: yearly * missed,
        }
    )
    return out.sort_values([L.CLIENT, CATEGORY], kind="stable").reset_index(drop=True)


def due_by_client(rhythm: pd.DataFrame) -> pd.DataFrame:
    """The due categories of each client, most at stake first (then by category name): the rhythm rows with
    ``due``, indexed by nothing, sorted by client, then value at risk descending."""
    due = rhythm.loc[rhythm[DUE]]
    return due.sort_values(
        [L.CLIENT, VALUE_AT_RISK, CATEGORY], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def category_value_at_risk(rhythm: pd.DataFrame) -> pd.Series:
    """Per client with a due category: the largest value at risk among their due categories."""
    due = rhythm.loc[rhythm[DUE]]
    return due.groupby(L.CLIENT, sort=True)[VALUE_AT_RISK].max()
