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
