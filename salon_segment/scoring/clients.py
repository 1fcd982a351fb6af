"""Per-client metrics and the segment of every client (A, B, C, new, lost; potential without visits)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import segments as S
from salon_segment.scoring.periods import in_last_months, month_period_index, months_before
from salon_segment.scoring.visits import (
    VISIT_HAS_PRODUCT,
    VISIT_IS_VISIT,
    VISIT_PRODUCT_REVENUE,
    VISIT_REVENUE,
    ClientCodes,
    ClientDays,
    client_codes,
    visits_by_code,
)

SEGMENT = "segment"
FIRST_VISIT = "first_visit"
LAST_VISIT = "last_visit"
VISITS = "visits"
REVENUE = "revenue"
PRODUCT_REVENUE = "product_revenue"
REVENUE_WINDOW = "revenue_12m"  # revenue in the Pareto window (12 months by default)
VISITS_WINDOW = "visits_12m"  # visits in the Pareto window
MEDIAN_INTERVAL = "median_interval_days"
INTERVAL_VARIATION = "interval_variation"  # coefficient of variation of the gaps between visits
ACTIVE_MONTHS = "active_months"  # one-month periods with a visit, of the regularity window (rules)
WINDOW_VISITS = "regular_window_visits"  # visits in the regularity window
PRODUCT_VISIT_SHARE = "product_visit_share"  # share of the regularity window's visits with a product
EXPECTED_NEXT = "expected_next_visit"
DAYS_SINCE_LAST = "days_since_last_visit"
DAYS_OVERDUE = "days_overdue"
OVERDUE = "overdue"
NO_SHOWS = "no_shows"
CANCELLATIONS = "cancellations"
UPCOMING = "upcoming_bookings"
NEXT_BOOKING = "next_booking"
HIGH_VALUE = "high_value"  # among the top clients of the Pareto window (set by scoring.analysis)

CLIENT_COLUMNS = (
    L.CLIENT,
    L.CLIENT_NAME,
    L.EMAIL,
    L.PHONE,
    SEGMENT,
    FIRST_VISIT,
    LAST_VISIT,
    VISITS,
    REVENUE,
    PRODUCT_REVENUE,
    REVENUE_WINDOW,
    VISITS_WINDOW,
    MEDIAN_INTERVAL,
    INTERVAL_VARIATION,
    ACTIVE_MONTHS,
    WINDOW_VISITS,
    PRODUCT_VISIT_SHARE,
    EXPECTED_NEXT,
    DAYS_SINCE_LAST,
    DAYS_OVERDUE,
    OVERDUE,
    NO_SHOWS,
    CANCELLATIONS,
    UPCOMING,
    NEXT_BOOKING,
)

_FLOAT_TOLERANCE = 1e-9


def latest_contacts(lines: pd.DataFrame, codes: ClientCodes | None = None) -> pd.DataFrame:
    """The most recent non-empty name, e-mail and phone of each client, indexed by client key.

    "Most recent" is the latest date, and on one day the latest line in file order (ledgers are in file order):
    one int64 per line, day × 2³² + position, whose maximum per client needs no sort. Works on integer codes —
    the client's key and each field's category codes — never on the text of every line. ``codes``: the lines'
    ``client_codes``, when the caller has them already.
    """
    position = np.arange(len(lines), dtype="int64")
    recency = position
    if L.DATE in lines.columns:
        dates = lines[L.DATE].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        days = dates.astype("int64")  # ledger dates lie within 1900–2200, so no overflow below
        undated = np.isnat(dates)  # client-list rows next to a ledger: they count as the latest
        days = np.where(undated, days[~undated].max(initial=0) + 1, days)
        recency = days * 2**32 + position
    clients, everyone = codes if codes is not None else client_codes(lines)
    columns = {}
    for field in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        values = pd.Categorical(lines[field])  # a no-op for the ledger's categorical columns
        empty = values.categories.get_indexer([""])[0]
        present = (values.codes != empty) & (values.codes >= 0) & (clients >= 0)  # -1: missing
        latest = np.full(len(everyone), np.iinfo(np.int64).min, dtype=np.int64)
        np.maximum.at(latest, clients[present], recency[present])  # the maximum per client, without hashing
        has = np.flatnonzero(np.bincount(clients[present], minlength=len(everyone)))
        chosen = (latest[has] & (2**32 - 1)).astype("int64")  # back to the line's position
        text = values.categories.to_numpy(dtype=object)[values.codes[chosen]]
        columns[field] = pd.Series(text, index=has, dtype=object)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(everyone))).dropna(how="all")
    frame.index = pd.Index(everyone[frame.index], name=L.CLIENT, dtype=object)
    return frame


def _interval_stats(client_visits: pd.DataFrame) -> pd.DataFrame:
    """Median gap between consecutive visits, and its coefficient of variation, per client."""
    gaps = client_visits.groupby(L.CLIENT, sort=False)[L.DATE].diff().dt.days
    gaps = pd.DataFrame({L.CLIENT: client_visits[L.CLIENT], "gap": gaps}).dropna()
    by_client = gaps.groupby(L.CLIENT, sort=False)["gap"]
    mean = by_client.mean()
    return pd.DataFrame(
        {
            MEDIAN_INTERVAL: by_client.median(),
            INTERVAL_VARIATION: (by_client.std(ddof=0) / mean).where(mean > 0),
        }
    )


def _status_counts(ledger: pd.DataFrame, as_of: pd.Timestamp, codes: ClientCodes) -> pd.DataFrame:
    """No-shows (on or before as_of), cancellations, and upcoming bookings (after as_of, not cancelled).

    Counted per booking, not per line: the lines of one client on one day with the same status are one booking
    (an appointment for colour, cut and blow-dry that was missed is one no-show).
    """
    dates = ledger[L.DATE]
    after = (dates > as_of).to_numpy()
    status = ledger[L.STATUS]
    flags = {
        NO_SHOWS: (status == L.NO_SHOW).to_numpy() & ~after,
        CANCELLATIONS: (status == L.CANCELLED).to_numpy(),
        UPCOMING: after & (status != L.CANCELLED).to_numpy() & (status != L.UNKNOWN_STATUS).to_numpy(),
    }
    client_days = ClientDays.of(codes[0], dates.to_numpy())
    counts = {}
    for name in (NO_SHOWS, CANCELLATIONS, UPCOMING):
        bookings = np.unique(client_days.keys[flags[name]])
        counts[name] = pd.Series(client_days.client(bookings)).value_counts(sort=False)
    upcoming_days = client_days.keys[flags[UPCOMING]]
    counts[NEXT_BOOKING] = pd.Series(client_days.date(upcoming_days)).groupby(client_days.client(upcoming_days)).min()
    frame = pd.DataFrame(counts)
    frame.index = pd.Index(codes[1][frame.index.to_numpy(dtype="int64")], name=L.CLIENT, dtype=object)
    return frame


def assign_segments(clients: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules) -> pd.Series:
    """The segment of each client from its visits, last visit, active months and product share.

    lost: last visit before as_of - lost_after_months; new: not lost, fewer than new_below_visits visits;
    regular: active in at least regular_min_active_months of the window's one-month periods;
    A: regular with product on at least a_product_visit_share of the window's visits; B: other regulars;
    C: the rest; potential: no visit at all.
    """
    has_visit = clients[VISITS] > 0
    lost = has_visit & (clients[LAST_VISIT] < months_before(as_of, rules.lost_after_months))
    new = has_visit & ~lost & (clients[VISITS] < rules.new_below_visits)
    regular = has_visit & ~lost & ~new & (clients[ACTIVE_MONTHS] >= rules.regular_min_active_months)
    product_share_met = clients[PRODUCT_VISIT_SHARE] >= rules.a_product_visit_share - _FLOAT_TOLERANCE
    segment = np.select(
        [~has_visit, lost, new, regular & product_share_met, regular],
        [S.POTENTIAL, S.LOST, S.NEW, S.A, S.B],
        default=S.C,
    )
    return pd.Series(segment, index=clients.index, dtype=object)


def _regularity(client_visits: pd.DataFrame, as_of: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """Active one-month periods, visits and product share of the visits in the regularity window, per client code."""
    period = month_period_index(client_visits[L.DATE], as_of, rules.regular_window_months)
    recent = client_visits.assign(period=period).loc[period > 0]
    recent_by_client = recent.groupby(L.CLIENT, sort=False)
    return pd.DataFrame(
        {
            ACTIVE_MONTHS: recent_by_client["period"].nunique(),
            WINDOW_VISITS: recent_by_client.size(),
            PRODUCT_VISIT_SHARE: recent_by_client[VISIT_HAS_PRODUCT].mean(),
        }
    )


def expected_next_visit(last_visit: pd.Series, median_interval: pd.Series) -> pd.Series:
    """The last visit plus the usual interval in whole days (NaT without an interval)."""
    return last_visit + pd.to_timedelta(np.floor(median_interval.astype(float)), unit="D")


def client_day_table(ledger: pd.DataFrame, as_of: pd.Timestamp, codes: ClientCodes) -> pd.DataFrame:
    """Per client code and day up to as_of: revenue, product revenue, product bought, visit (refund-only days too).

    The table ``client_metrics`` starts from; the same table at an earlier date is its rows up to that date.
    """
    return visits_by_code(ledger, pd.Timestamp(as_of), codes, with_refund_days=True)


def client_metrics(
    ledger: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    rules: Rules,
    codes: ClientCodes | None = None,
    client_days: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per client in the ledger with every per-client metric and its segment, sorted by client key.

    ``codes`` (``client_codes(ledger)``) and ``client_days`` (``client_day_table`` at as_of): when the caller
    has them already, so that one analysis hashes the client keys and groups the lines once.
    """
    as_of = pd.Timestamp(as_of)
    codes = codes if codes is not None else client_codes(ledger)  # every groupby below runs on integer codes
    keys = codes[1]
    client_days = client_days if client_days is not None else client_day_table(ledger, as_of, codes)
    is_visit = client_days[VISIT_IS_VISIT].to_numpy()
    client_visits = client_days.loc[is_visit]  # refund-only days: their (negative) revenue counts, no visit
    by_day = client_days.groupby(L.CLIENT, sort=False)
    by_client = client_visits.groupby(L.CLIENT, sort=False)
    base = pd.DataFrame(
        {
            REVENUE: by_day[VISIT_REVENUE].sum(),
            PRODUCT_REVENUE: by_day[VISIT_PRODUCT_REVENUE].sum(),
            FIRST_VISIT: by_client[L.DATE].min(),
            LAST_VISIT: by_client[L.DATE].max(),
            VISITS: by_client.size(),
        }
    )
    window = in_last_months(client_days[L.DATE], as_of, rules.pareto_window_months)
    base[REVENUE_WINDOW] = client_days.loc[window].groupby(L.CLIENT, sort=False)[VISIT_REVENUE].sum()
    base[VISITS_WINDOW] = client_days.loc[window & is_visit].groupby(L.CLIENT, sort=False).size()
    base = base.join(_regularity(client_visits, as_of, rules))
    base = base.join(_interval_stats(client_visits))
    base.index = pd.Index(keys[base.index.to_numpy()], name=L.CLIENT, dtype=object)

    everyone = pd.Index(keys, name=L.CLIENT, dtype=object)  # sorted
    contacts = latest_contacts(ledger, codes)
    clients = pd.DataFrame(index=everyone).join(contacts).join(base).join(_status_counts(ledger, as_of, codes))
    for column in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        clients[column] = clients[column].fillna("").astype(str)
    for column in (VISITS, VISITS_WINDOW, ACTIVE_MONTHS, WINDOW_VISITS, NO_SHOWS, CANCELLATIONS, UPCOMING):
        clients[column] = clients[column].fillna(0).astype("int64")
    for column in (REVENUE, PRODUCT_REVENUE, REVENUE_WINDOW, PRODUCT_VISIT_SHARE):
        clients[column] = clients[column].fillna(0.0).astype(float)
    for column in (FIRST_VISIT, LAST_VISIT, NEXT_BOOKING):
        clients[column] = clients[column].astype("datetime64[ns]")

    median = clients[MEDIAN_INTERVAL]
    clients[EXPECTED_NEXT] = expected_next_visit(clients[LAST_VISIT], median)
    clients[DAYS_SINCE_LAST] = (as_of - clients[LAST_VISIT]).dt.days.astype("Int64")
    clients[DAYS_OVERDUE] = (as_of - clients[EXPECTED_NEXT]).dt.days.clip(lower=0).astype("Int64")
    clients[SEGMENT] = assign_segments(clients, as_of=as_of, rules=rules)
    clients[OVERDUE] = (
        (
            ~clients[SEGMENT].isin([S.LOST, S.POTENTIAL])
            & (clients[VISITS] >= rules.overdue_min_visits)
            & (clients[DAYS_SINCE_LAST].astype(float) > rules.overdue_factor * median)
        )
        .fillna(False)
        .astype(bool)
    )
    return clients.reset_index()[list(CLIENT_COLUMNS)]


def segments_at(
    ledger: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    rules: Rules,
    codes: ClientCodes | None = None,
    client_days: pd.DataFrame | None = None,
) -> pd.Series:
    """Every client's segment as of a date, indexed by client key: ``client_metrics(...)[SEGMENT]`` without the
    metrics the segments do not use (``codes`` and ``client_days`` as there)."""
    as_of = pd.Timestamp(as_of)
    codes = codes if codes is not None else client_codes(ledger)
    client_days = client_days if client_days is not None else client_day_table(ledger, as_of, codes)
    client_visits = client_days.loc[client_days[VISIT_IS_VISIT].to_numpy()]
    by_client = client_visits.groupby(L.CLIENT, sort=False)
    base = pd.DataFrame({LAST_VISIT: by_client[L.DATE].max(), VISITS: by_client.size()})
    base = base.join(_regularity(client_visits, as_of, rules)).reindex(pd.RangeIndex(len(codes[1])))
    base[VISITS] = base[VISITS].fillna(0).astype("int64")
    base[ACTIVE_MONTHS] = base[ACTIVE_MONTHS].fillna(0).astype("int64")
    base[PRODUCT_VISIT_SHARE] = base[PRODUCT_VISIT_SHARE].fillna(0.0).astype(float)
    base[LAST_VISIT] = base[LAST_VISIT].astype("datetime64[ns]")
    segment = assign_segments(base, as_of=as_of, rules=rules)
    return segment.set_axis(pd.Index(codes[1], name=L.CLIENT, dtype=object)).rename(SEGMENT)
