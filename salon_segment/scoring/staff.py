"""Per staff member: who keeps clients coming back, and who took clients with them. Pure and vectorised."""

from __future__ import annotations

import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring.periods import in_last_months, months_before
from salon_segment.scoring.segments import LOST, A, B
from salon_segment.scoring.visits import completed_lines

STAFF = "staff"
CLIENTS = "clients"
VISITS = "visits"
REVENUE = "revenue"
PRODUCT_SHARE = "product_share"
FIRST_VISITS = "first_visit_clients"
RETENTION = "first_visit_retention"
REBOOKING = "rebooking"
REGULARS = "regulars"
LOST_FOLLOWERS = "lost_clients_who_followed"
LAST_SEEN = "last_working_day"
RETURN_DAYS = 90


def staff_visits(ledger: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per (client, day, staff) of completed lines, with that staff member's revenue that day."""
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.STAFF, L.KIND, L.AMOUNT])
    lines = lines.assign(product=lines[L.AMOUNT].where(lines[L.KIND] == L.PRODUCT, 0.0))
    grouped = lines.groupby([L.CLIENT, L.DATE, L.STAFF], sort=True, observed=True)
    return grouped.agg(revenue=(L.AMOUNT, "sum"), product=("product", "sum")).reset_index()


def usual_staff(ledger: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Each client's usual staff member: the one they visited most (ties: the most recent)."""
    visits = staff_visits(ledger, as_of)
    visits = visits.loc[visits[L.STAFF] != ""]
    counted = visits.groupby([L.CLIENT, L.STAFF], sort=False).agg(n=(L.DATE, "size"), last=(L.DATE, "max"))
    counted = counted.reset_index().sort_values([L.CLIENT, "n", "last"], ascending=[True, False, False])
    return counted.drop_duplicates(L.CLIENT).set_index(L.CLIENT)[L.STAFF]


def staff_summary(
    ledger: pd.DataFrame, clients: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules, period_months: int = 12
) -> pd.DataFrame:
    """Per staff member over the period: clients, visits, revenue, product share, first-visit retention
    (first visit with them, back within 90 days), rebooking (next visit within 1.5 x the salon's median
    interval), regulars (A+B) who usually see them, and lost clients who followed a departed stylist.
    """
    as_of = pd.Timestamp(as_of)
    visits = staff_visits(ledger, as_of)
    in_period = visits.loc[in_last_months(visits[L.DATE], as_of, period_months) & (visits[L.STAFF] != "")]
    by_staff = in_period.groupby(L.STAFF, sort=True)
    summary = pd.DataFrame(
        {
            CLIENTS: by_staff[L.CLIENT].nunique(),
            VISITS: by_staff.size(),
            REVENUE: by_staff[REVENUE].sum(),
            "product": by_staff["product"].sum(),
        }
    )
    # a share of the period's revenue, in [0, 1]: product refunds can outweigh product sales in a short period
    share = (summary["product"] / summary[REVENUE]).clip(0.0, 1.0)
    summary[PRODUCT_SHARE] = share.where(summary[REVENUE] > 0, 0.0)

    days = visits[[L.CLIENT, L.DATE]].drop_duplicates().sort_values([L.CLIENT, L.DATE])
    days["next"] = days.groupby(L.CLIENT, sort=False)[L.DATE].shift(-1)
    first_day = days.groupby(L.CLIENT, sort=False)[L.DATE].min()
    first = visits.merge(first_day.rename("first"), left_on=L.CLIENT, right_index=True)
    first = first.loc[(first[L.DATE] == first["first"]) & (first[L.STAFF] != "")]
    first = first.drop_duplicates(L.CLIENT).merge(days[[L.CLIENT, L.DATE, "next"]], on=[L.CLIENT, L.DATE])
    observable = (first[L.DATE] <= as_of - pd.Timedelta(days=RETURN_DAYS)) & in_last_months(
        first[L.DATE], as_of, period_months
    )
    first = first.loc[observable]
    first = first.assign(returned=(first["next"] - first[L.DATE]).dt.days <= RETURN_DAYS)
    retention = first.groupby(L.STAFF).agg(first_visits=(L.CLIENT, "size"), returned=("returned", "mean"))
    summary[FIRST_VISITS] = retention["first_visits"].reindex(summary.index).fillna(0).astype("int64")
    summary[RETENTION] = retention["returned"].reindex(summary.index)

    gaps = (days["next"] - days[L.DATE]).dt.days.dropna()
    window = rules.overdue_factor * (float(gaps.median()) if len(gaps) else 0.0)
    staffed = in_period.merge(days[[L.CLIENT, L.DATE, "next"]], on=[L.CLIENT, L.DATE])
    rebooked = (staffed["next"] - staffed[L.DATE]).dt.days <= window
    decided = rebooked | (staffed[L.DATE] + pd.Timedelta(days=window) <= as_of)  # too recent to tell: left out
    summary[REBOOKING] = rebooked[decided].groupby(staffed.loc[decided, L.STAFF]).mean().reindex(summary.index)

    usual = usual_staff(ledger, as_of)
    segment = clients.set_index(L.CLIENT)[C.SEGMENT]
    regular = segment.isin([A, B]).reindex(usual.index, fill_value=False)
    summary[REGULARS] = usual[regular].value_counts().reindex(summary.index).fillna(0).astype("int64")

    last_seen = visits.loc[visits[L.STAFF] != ""].groupby(L.STAFF)[L.DATE].max()
    departed = last_seen[last_seen < months_before(as_of, rules.lost_after_months)].index
    client_visits = days.groupby(L.CLIENT).size()
    followers = usual[
        usual.isin(departed)
        & (client_visits.reindex(usual.index, fill_value=0) >= rules.new_below_visits)
        & (segment.reindex(usual.index) == LOST)
    ]
    everyone = summary.index.union(pd.Index(departed))
    summary = summary.reindex(everyone)
    summary[LOST_FOLLOWERS] = followers.value_counts().reindex(everyone).fillna(0).astype("int64")
    summary[LAST_SEEN] = last_seen.reindex(everyone)
    for column in (CLIENTS, VISITS, REGULARS, FIRST_VISITS):
        summary[column] = summary[column].fillna(0).astype("int64")
    summary[REVENUE] = summary[REVENUE].fillna(0.0)
    summary[PRODUCT_SHARE] = summary[PRODUCT_SHARE].fillna(0.0)
    summary.index.name = STAFF
    columns = [CLIENTS, VISITS, REVENUE, PRODUCT_SHARE, FIRST_VISITS, RETENTION, REBOOKING, REGULARS, LOST_FOLLOWERS]
    return (
        L.plain_text(summary.reset_index()[[STAFF, *columns, LAST_SEEN]])
        .sort_values([REVENUE, STAFF], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
