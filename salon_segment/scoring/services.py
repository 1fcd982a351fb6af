"""Per service category: who uses it, the regulars who never do (cross-sell), busy and quiet hours, sources."""

from __future__ import annotations

import pandas as pd

from salon_segment import ledger as L
from salon_segment.scoring import clients as C
from salon_segment.scoring.periods import in_last_months
from salon_segment.scoring.segments import LOST, POTENTIAL, A, B
from salon_segment.scoring.segments import C as SEG_C
from salon_segment.scoring.visits import completed_lines

GROUP = "category"
CLIENTS = "clients"
VISITS = "visits"
REVENUE = "revenue"
SHARE_A, SHARE_B, SHARE_C = "share_A", "share_B", "share_C"
GAP = "regulars_never_used"


def service_groups(lines: pd.DataFrame) -> pd.Series:
    """The category of each line, or its item when the export has no categories."""
    has_category = (lines[L.CATEGORY] != "").any()
    return lines[L.CATEGORY] if has_category else lines[L.ITEM]


def services_summary(ledger: pd.DataFrame, clients: pd.DataFrame, *, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per category: clients, visits, revenue, the A/B/C mix of its clients, and how many active regulars
    (A and B) never used it — the ready list for a targeted offer."""
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.CATEGORY, L.ITEM, L.AMOUNT])
    lines = lines.assign(group=service_groups(lines))
    lines = lines.loc[lines["group"] != ""]
    by_group = lines.groupby("group", sort=True)
    summary = pd.DataFrame(
        {
            CLIENTS: by_group[L.CLIENT].nunique(),
            VISITS: lines[[L.CLIENT, L.DATE, "group"]].drop_duplicates().groupby("group").size(),
            REVENUE: by_group[L.AMOUNT].sum(),
        }
    )
    segment = clients.set_index(L.CLIENT)[C.SEGMENT]
    pairs = lines[["group", L.CLIENT]].drop_duplicates()
    pairs = pairs.assign(segment=pairs[L.CLIENT].map(segment))
    mix = pd.crosstab(pairs["group"], pairs["segment"], normalize="index")
    for name, column in ((A, SHARE_A), (B, SHARE_B), (SEG_C, SHARE_C)):
        summary[column] = mix[name].reindex(summary.index).fillna(0.0) if name in mix.columns else 0.0
    regulars = segment[segment.isin([A, B])].index
    used = pairs.loc[pairs[L.CLIENT].isin(regulars)].groupby("group")[L.CLIENT].nunique()
    summary[GAP] = (len(regulars) - used.reindex(summary.index).fillna(0)).astype("int64")
    summary.index.name = GROUP
    return (
        L.plain_text(summary.reset_index())
        .sort_values([REVENUE, GROUP], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def cross_sell_list(ledger: pd.DataFrame, clients: pd.DataFrame, category: str, *, as_of: pd.Timestamp) -> pd.DataFrame:
    """Active regulars (A and B) who never used ``category`` (case-insensitive), most valuable first."""
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.CATEGORY, L.ITEM])
    groups = service_groups(lines)
    users = lines.loc[groups.str.casefold() == category.casefold(), L.CLIENT].unique()
    chosen = clients.loc[clients[C.SEGMENT].isin([A, B]) & ~clients[L.CLIENT].isin(users)]
    return chosen.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable")


WEEKDAY = "weekday"
HOUR = "hour"


def load_heatmap(ledger: pd.DataFrame, *, as_of: pd.Timestamp, period_months: int = 12) -> pd.DataFrame:
    """Visits (client-days) by weekday (0 = Monday) × start hour over the period; lines without a time
    are left out. Rows: weekdays 0..6; columns: the hours the salon is ever busy in."""
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.TIME])
    lines = lines.loc[in_last_months(lines[L.DATE], as_of, period_months) & (lines[L.TIME] != "")]
    hour = pd.to_numeric(lines[L.TIME].str.split(":").str[0], errors="coerce")
    first = lines.assign(hour=hour).dropna(subset=["hour"]).sort_values(L.TIME)
    first = first.drop_duplicates([L.CLIENT, L.DATE])
    table = pd.crosstab(first[L.DATE].dt.day_of_week, first["hour"].astype(int))
    hours = range(int(table.columns.min()), int(table.columns.max()) + 1) if len(table.columns) else []
    table = table.reindex(index=range(7), columns=list(hours), fill_value=0)
    table.index.name, table.columns.name = WEEKDAY, HOUR
    return table


def quietest_slots(heatmap: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n least busy (weekday, hour) slots among the days and hours the salon is open."""
    open_days = heatmap.index[heatmap.sum(axis=1) > 0]
    stacked = heatmap.loc[open_days].stack().rename(VISITS).reset_index()
    return stacked.sort_values([VISITS, WEEKDAY, HOUR], kind="stable").head(n).reset_index(drop=True)


SOURCE = "source"
FIRST_YEAR_REVENUE = "first_year_revenue"
STILL_ACTIVE = "share_still_active"


def sources_summary(ledger: pd.DataFrame, clients: pd.DataFrame, *, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per marketing source (a client's first non-empty source): clients, revenue in their first 12 months,
    and the share not lost. Empty when the export has no source column."""
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.SOURCE, L.SOURCE_ROW, L.AMOUNT])
    if (lines[L.SOURCE] == "").all():
        return pd.DataFrame(columns=[SOURCE, CLIENTS, FIRST_YEAR_REVENUE, STILL_ACTIVE])
    ordered = lines.sort_values([L.DATE, L.SOURCE_ROW], kind="stable")
    source = ordered.loc[ordered[L.SOURCE] != ""].groupby(L.CLIENT)[L.SOURCE].first()
    first = ordered.groupby(L.CLIENT)[L.DATE].min()
    year_end = lines[L.CLIENT].map(first + pd.DateOffset(months=12))
    first_year = lines.loc[lines[L.DATE] < year_end].groupby(L.CLIENT)[L.AMOUNT].sum()
    segment = clients.set_index(L.CLIENT)[C.SEGMENT]
    frame = pd.DataFrame({SOURCE: source})
    frame[FIRST_YEAR_REVENUE] = first_year.reindex(frame.index).fillna(0.0)
    frame["active"] = ~segment.reindex(frame.index).isin([LOST, POTENTIAL])
    grouped = frame.groupby(SOURCE, sort=True)
    summary = pd.DataFrame(
        {
            CLIENTS: grouped.size(),
            FIRST_YEAR_REVENUE: grouped[FIRST_YEAR_REVENUE].sum(),
            STILL_ACTIVE: grouped["active"].mean(),
        }
    )
    return (
        L.plain_text(summary.reset_index())
        .sort_values([CLIENTS, SOURCE], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
