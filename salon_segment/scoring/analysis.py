"""The whole client-base analysis of one ledger at one as_of date."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring.client_list import client_list_metrics, list_only_clients
from salon_segment.scoring.data_end import StaleAsOf, data_ends_before
from salon_segment.scoring.left_out import LeftOut, left_out
from salon_segment.scoring.pareto import Pareto, pareto, sampled_curve
from salon_segment.scoring.periods import months_before
from salon_segment.scoring.prediction import (
    DEFAULT_HORIZON_DAYS,
    Prediction,
    predict,
    with_forecast,
)
from salon_segment.scoring.prediction import at_risk as calls_at_risk
from salon_segment.scoring.rhythm import category_rhythm, due_by_client, empty_rhythm
from salon_segment.scoring.segments import LOST, RETURNING, SEGMENTS
from salon_segment.scoring.visits import ClientCodes, client_codes, completed_lines, completed_mask

RECENTLY_LOST_MONTHS = 3
RECENTLY_LOST_MIN_VISITS = 6


@dataclass(frozen=True)
class Totals:
    """Headline counts. clients: clients with at least one visit; revenue: completed lines up to as_of."""

    clients: int
    visits: int
    revenue: float
    product_revenue: float | None  # None: a client list that does not split product spend
    no_shows: int | None  # None: not available without visit history
    cancellations: int | None
    upcoming_bookings: int | None
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None


@dataclass(frozen=True)
class Analysis:
    """Everything `analyze` reports: per-client metrics, segment summary, Pareto and totals."""

    as_of: pd.Timestamp
    rules: Rules
    totals: Totals
    pareto: Pareto
    clients: pd.DataFrame
    segments: pd.DataFrame
    visit_history: bool = True  # False when only client lists with totals were given
    product_split: bool = True  # whether product spend is known (always with visit history)
    left_out: LeftOut | None = None  # lines that are neither revenue nor visits, and walk-in sales
    prediction: Prediction | None = None  # who will come back in the horizon, with its back-test
    rhythm: pd.DataFrame | None = None  # per client and treatment category: usual interval, due (scoring.rhythm)
    # the ledger's lines as integer client codes, shared (e.g. by the prune figures) instead of hashed again
    client_codes: ClientCodes | None = field(default=None, repr=False, compare=False)
    stale: StaleAsOf | None = None  # as_of is well after the data's last date (a warning: everyone looks gone)

    @property
    def call_list(self) -> pd.DataFrame:
        """Overdue clients, most overdue first (then by revenue, then key)."""
        overdue = self.clients.loc[self.clients[C.OVERDUE]]
        return overdue.sort_values(
            [C.DAYS_OVERDUE, C.REVENUE_WINDOW, L.CLIENT], ascending=[False, False, True], kind="stable"
        )

    @cached_property
    def at_risk(self) -> pd.DataFrame | None:
        """Whom to call ranked by value at risk (``prediction.at_risk``); None without a forecast.

        Computed once: the terminal, the JSON and the Excel call list all show it."""
        if self.prediction is None:
            return None
        return calls_at_risk(self.clients, self.prediction, as_of=self.as_of, rules=self.rules, rhythm=self.rhythm)

    @cached_property
    def due_categories(self) -> pd.DataFrame:
        """The treatment categories each client is due for, most at stake first (``rhythm.due_by_client``)."""
        return due_by_client(self.rhythm if self.rhythm is not None else empty_rhythm())

    @cached_property
    def pareto_curve(self) -> pd.DataFrame:
        """The Pareto chart's points (client_share, revenue_share) over the Pareto window's revenue."""
        revenue = self.clients[C.REVENUE_WINDOW]
        return sampled_curve(revenue.loc[revenue > 0])

    @property
    def recently_lost_regulars(self) -> pd.DataFrame:
        """Lost clients with at least 6 visits whose last visit is within 3 months of the lost cut-off:
        worth a call before they settle elsewhere. Most valuable (12-month revenue) first."""
        lost_since = months_before(self.as_of, self.rules.lost_after_months + RECENTLY_LOST_MONTHS)
        chosen = self.clients.loc[
            (self.clients[C.SEGMENT] == LOST)
            & (self.clients[C.VISITS] >= RECENTLY_LOST_MIN_VISITS)
            & (self.clients[C.LAST_VISIT] >= lost_since)
        ]
        return chosen.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable")

    def top_clients(self, n: int = 10) -> pd.DataFrame:
        """The n clients with the most revenue in the Pareto window."""
        ranked = self.clients.loc[self.clients[C.REVENUE_WINDOW] > 0]
        return ranked.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable").head(n)


def default_as_of(
    ledger: pd.DataFrame, *, today: pd.Timestamp, client_list: pd.DataFrame | None = None
) -> pd.Timestamp | None:
    """The latest completed line dated on or before today (else the latest last visit of a client list)."""
    today = pd.Timestamp(today).normalize()
    dates = completed_lines(ledger, today, [L.DATE])[L.DATE]
    if dates.empty and client_list is not None and not client_list.empty:
        for column in (L.LAST_VISIT, L.CREATED):
            dates = client_list[column].dropna()
            dates = dates[dates <= today]
            if not dates.empty:
                break
    return None if dates.empty else pd.Timestamp(dates.max())


def segment_summary(clients: pd.DataFrame) -> pd.DataFrame:
    """Per segment (A, B, C, new, lost, in that order): clients, shares, revenue, visits per client, ticket."""
    visited = clients.loc[clients[C.VISITS] > 0]
    grouped = visited.groupby(C.SEGMENT, sort=False).agg(
        clients=(L.CLIENT, "size"),
        revenue=(C.REVENUE, "sum"),
        revenue_12m=(C.REVENUE_WINDOW, "sum"),
        visits=(C.VISITS, "sum"),
    )
    order = list(SEGMENTS) + ([RETURNING] if RETURNING in grouped.index else [])
    summary = grouped.reindex(order).fillna(0)
    summary["clients"] = summary["clients"].astype("int64")
    summary["visits"] = summary["visits"].astype("int64")
    total_clients = summary["clients"].sum()
    total_revenue = summary["revenue"].sum()
    summary["client_share"] = summary["clients"] / total_clients if total_clients else 0.0
    summary["revenue_share"] = summary["revenue"] / total_revenue if total_revenue else 0.0
    summary["visits_per_client"] = (summary["visits"] / summary["clients"]).where(summary["clients"] > 0, 0.0)
    summary["average_ticket"] = (summary["revenue"] / summary["visits"]).where(summary["visits"] > 0, 0.0)
    summary.index.name = C.SEGMENT
    return summary.reset_index()


def _totals(ledger: pd.DataFrame, clients: pd.DataFrame, as_of: pd.Timestamp) -> Totals:
    completed = completed_mask(ledger, as_of)  # the completed lines' columns as arrays: no copy of the ledger
    dates = pd.Series(ledger[L.DATE].to_numpy()[completed])
    amount = pd.Series(ledger[L.AMOUNT].to_numpy()[completed])
    product = (ledger[L.KIND] == L.PRODUCT).to_numpy()[completed]
    return Totals(
        clients=int((clients[C.VISITS] > 0).sum()),
        visits=int(clients[C.VISITS].sum()),
        revenue=float(amount.sum()),
        product_revenue=float(amount[product].sum()),
        no_shows=int(clients[C.NO_SHOWS].sum()),
        cancellations=int(clients[C.CANCELLATIONS].sum()),
        upcoming_bookings=int(clients[C.UPCOMING].sum()),
        first_date=None if dates.empty else pd.Timestamp(dates.min()),
        last_date=None if dates.empty else pd.Timestamp(dates.max()),
    )


def _list_totals(clients: pd.DataFrame, client_list: pd.DataFrame, product_split: bool) -> Totals:
    last = clients[C.LAST_VISIT].dropna()
    # a client who visited: visits counted, a last visit dated, or money spent (a client summary report without
    # dates: a product-only buyer has a service count of 0)
    visited = (clients[C.VISITS] > 0) | clients[C.LAST_VISIT].notna() | (clients[C.REVENUE] > 0)
    return Totals(
        clients=int(visited.sum()),
        visits=int(clients[C.VISITS].sum()),
        revenue=float(clients[C.REVENUE].sum()),
        product_revenue=float(clients[C.PRODUCT_REVENUE].sum()) if product_split else None,
        no_shows=None,
        cancellations=None,
        upcoming_bookings=None,
        first_date=None
        if client_list[L.FIRST_VISIT].dropna().empty
        else pd.Timestamp(client_list[L.FIRST_VISIT].min()),
        last_date=None if last.empty else pd.Timestamp(last.max()),
    )


def high_value(revenue: pd.Series, top_share: float) -> pd.Series:
    """The Pareto window's top clients (the same ceil(share × N) as the Pareto line, ties included).

    It lets a report say "C, high value" for a top spender who does not come every month: the segment says how
    regularly a client comes, this flag how much they bring.
    """
    values = revenue.astype(float).fillna(0.0)
    positive = values[values > 0]
    top = math.ceil(top_share * len(positive) - 1e-9)
    if top == 0:
        return pd.Series(False, index=revenue.index)
    return (values >= positive.nlargest(top).min()) & (values > 0)


def analyze(
    ledger: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    rules: Rules,
    client_list: pd.DataFrame | None = None,
    walk_ins: pd.DataFrame | None = None,
    horizon_days: int | None = DEFAULT_HORIZON_DAYS,
) -> Analysis:
    """Score a ledger: segments, regularity, Pareto over the last ``rules.pareto_window_months``.

    With a client list as well, its clients that never visited are added as ``potential``. With a client
    list only, the figures that need no visit history are computed (see ``client_list``).
    """
    as_of = pd.Timestamp(as_of).normalize()
    has_list = client_list is not None and not client_list.empty
    stale = data_ends_before(ledger, as_of=as_of, rules=rules, client_list=client_list)
    pareto_options = {
        "top_client_share": rules.pareto_top_client_share,
        "revenue_share_target": rules.pareto_revenue_share,
    }
    if ledger.empty and has_list:
        clients = client_list_metrics(client_list, as_of=as_of, rules=rules)
        split = bool(client_list[L.PRODUCT_REVENUE].notna().any())
        return Analysis(
            as_of=as_of,
            rules=rules,
            totals=_list_totals(clients, client_list, split),
            pareto=pareto(clients[C.REVENUE], window_months=None, **pareto_options),
            clients=clients,
            segments=segment_summary(clients),
            visit_history=False,
            product_split=split,
            stale=stale,
        )
    codes = client_codes(ledger)  # hashed once, and the lines grouped by client and day once, for every figure
    client_days = C.client_day_table(ledger, as_of, codes)
    clients = C.client_metrics(ledger, as_of=as_of, rules=rules, codes=codes, client_days=client_days)
    window_revenue = clients[C.REVENUE_WINDOW]
    clients[C.HIGH_VALUE] = high_value(window_revenue, rules.pareto_top_client_share)
    if has_list:
        extra = list_only_clients(client_list, pd.Index(clients[L.CLIENT]), as_of=as_of, rules=rules)
        clients = pd.concat([clients, extra], ignore_index=True).sort_values(L.CLIENT, kind="stable")
        clients = clients.reset_index(drop=True)
    totals = _totals(ledger, clients, as_of)
    prediction = None
    if horizon_days:
        prediction = predict(
            ledger, clients, as_of=as_of, rules=rules, horizon_days=horizon_days, codes=codes, client_days=client_days
        )
    clients = with_forecast(clients, prediction)
    return Analysis(
        as_of=as_of,
        rules=rules,
        totals=totals,
        pareto=pareto(window_revenue, window_months=rules.pareto_window_months, **pareto_options),
        clients=clients,
        segments=segment_summary(clients),
        left_out=left_out(ledger, as_of=as_of, client_revenue=totals.revenue, walk_ins=walk_ins),
        prediction=prediction,
        rhythm=category_rhythm(ledger, as_of=as_of, rules=rules, codes=codes),
        client_codes=codes,
        stale=stale,
    )
