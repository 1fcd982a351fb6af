"""Activity per calendar month: is the base growing or shrinking? Pure and vectorised."""

from __future__ import annotations

import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring.visits import VISIT_REVENUE, visits

MONTH = "month"
ACTIVE = "active_clients"
NEW = "new_clients"
LOST = "lost_clients"
VISITS = "visits"
REVENUE = "revenue"
REVENUE_PER_CLIENT = "revenue_per_client"
TREND_COLUMNS = (MONTH, ACTIVE, NEW, LOST, VISITS, REVENUE, REVENUE_PER_CLIENT)


def monthly_trend(ledger: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """Per month up to as_of: clients with a visit, clients whose first visit it was, clients who became
    lost in it (last visit + lost_after_months falls in the month), visits, revenue and revenue per client.
    """
    as_of = pd.Timestamp(as_of)
    client_visits = visits(ledger, as_of=as_of)
    if client_visits.empty:
        return pd.DataFrame(
            {c: pd.Series([], dtype="int64" if c != MONTH else "datetime64[ns]") for c in TREND_COLUMNS}
        )
    month = client_visits[L.DATE].dt.to_period("M")
    per_month = client_visits.assign(month=month).groupby("month", sort=True)
    first = client_visits.groupby(L.CLIENT, sort=False)[L.DATE].agg(["min", "max"])
    became_lost = first["max"] + pd.DateOffset(months=rules.lost_after_months) + pd.Timedelta(days=1)
    became_lost = became_lost[became_lost <= as_of].dt.to_period("M")
    months = pd.period_range(month.min(), as_of.to_period("M"), freq="M", name="month")
    trend = pd.DataFrame(
        {
            ACTIVE: per_month[L.CLIENT].nunique(),
            NEW: first["min"].dt.to_period("M").value_counts(),
            LOST: became_lost.value_counts(),
            VISITS: per_month.size(),
            REVENUE: per_month[VISIT_REVENUE].sum(),
        }
    ).reindex(months, fill_value=0)
    trend = trend.fillna(0)
    for column in (ACTIVE, NEW, LOST, VISITS):
        trend[column] = trend[column].astype("int64")
    trend[REVENUE_PER_CLIENT] = (trend[REVENUE] / trend[ACTIVE]).where(trend[ACTIVE] > 0, 0.0)
    trend.index = trend.index.to_timestamp()
    return trend.rename_axis(MONTH).reset_index()[list(TREND_COLUMNS)]


def period_trend(ledger: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules, by: str = "month") -> pd.DataFrame:
    """The monthly trend, or summed per quarter (``by="quarter"``; active clients counted per quarter)."""
    monthly = monthly_trend(ledger, as_of=as_of, rules=rules)
    if by == "month" or monthly.empty:
        return monthly
    client_visits = visits(ledger, as_of=pd.Timestamp(as_of))
    quarter = client_visits[L.DATE].dt.to_period("Q")
    active = client_visits.assign(q=quarter).groupby("q")[L.CLIENT].nunique()
    summed = monthly.groupby(monthly[MONTH].dt.to_period("Q"))[[NEW, LOST, VISITS, REVENUE]].sum()
    summed[ACTIVE] = active.reindex(summed.index).fillna(0).astype("int64")
    summed[REVENUE_PER_CLIENT] = (summed[REVENUE] / summed[ACTIVE]).where(summed[ACTIVE] > 0, 0.0)
    summed.index = summed.index.to_timestamp()
    return summed.rename_axis(MONTH).reset_index()[list(TREND_COLUMNS)]


VISIT_NUMBER = "visit_number"
REACHED = "clients_reached"
NEVER_BACK = "never_came_back"
CHURN = "churn"


def churn_by_visit_number(
    ledger: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules, max_visit: int = 10
) -> pd.DataFrame:
    """For n = 1..max_visit: clients whose n-th visit is at least ``lost_after_months`` old, and the share of
    them who never came back after it — where the salon loses people."""
    as_of = pd.Timestamp(as_of)
    client_visits = visits(ledger, as_of=as_of)[[L.CLIENT, L.DATE]]
    number = client_visits.groupby(L.CLIENT, sort=False).cumcount() + 1
    total = client_visits.groupby(L.CLIENT, sort=False)[L.DATE].transform("size")
    settled = client_visits[L.DATE] < as_of - pd.DateOffset(months=rules.lost_after_months)
    frame = pd.DataFrame({VISIT_NUMBER: number, "last": number == total}).loc[settled & (number <= max_visit)]
    grouped = frame.groupby(VISIT_NUMBER)
    out = pd.DataFrame({REACHED: grouped.size(), NEVER_BACK: grouped["last"].sum().astype("int64")})
    out = out.reindex(range(1, max_visit + 1), fill_value=0)
    out[CHURN] = (out[NEVER_BACK] / out[REACHED]).where(out[REACHED] > 0)
    out.index.name = VISIT_NUMBER
    return out.reset_index()


def compare_windows(ledger: pd.DataFrame, *, as_of: pd.Timestamp, start: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """Equal-length windows before and after ``start`` (after = start .. as_of): active clients, visits per
    client, spend per client, new clients, first-visit 90-day return rate. Seasonality is not removed."""
    as_of, start = pd.Timestamp(as_of), pd.Timestamp(start)
    length = as_of - start
    client_visits = visits(ledger, as_of=as_of)
    first = client_visits.groupby(L.CLIENT)[L.DATE].transform("min")
    following = client_visits.groupby(L.CLIENT)[L.DATE].shift(-1)
    rows = {}
    for name, low, high in (("before", start - length, start), ("after", start, as_of)):
        inside = (client_visits[L.DATE] >= low) & (
            client_visits[L.DATE] < high if name == "before" else client_visits[L.DATE] <= high
        )
        window = client_visits.loc[inside]
        clients = window[L.CLIENT].nunique()
        firsts = client_visits.loc[inside & (client_visits[L.DATE] == first)]
        observable = firsts[L.DATE] <= as_of - pd.Timedelta(days=90)
        returned = (following.loc[firsts.index] - firsts[L.DATE]).dt.days <= 90
        rows[name] = {
            "from": low,
            "to": high,
            "active_clients": clients,
            "visits_per_client": len(window) / clients if clients else 0.0,
            "revenue_per_client": float(window["revenue"].sum()) / clients if clients else 0.0,
            "new_clients": len(firsts),
            "first_visit_90d_return": float(returned[observable].mean()) if observable.any() else float("nan"),
        }
    return pd.DataFrame(rows).T.rename_axis("window").reset_index()
