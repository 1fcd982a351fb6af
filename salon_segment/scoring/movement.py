"""Movement between two dates: every client's segment at both, who moved where, and which regulars slipped.

A client's segment at a date is the segment ``analyze`` gives with that date as as_of (only lines dated on or
before it count), so the two sides follow the same rules. A client without a visit on or before ``from_date``
is ``not_yet_client`` there; a first visit exactly on ``from_date`` counts (a visit on as_of always does), so
that client is ``new`` at ``from_date``. Clients without a visit on or before ``to_date`` (bookings or no-shows
only) are in neither side: they were never clients.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring.clients import client_metrics
from salon_segment.scoring.data_end import StaleAsOf, data_ends_before
from salon_segment.scoring.periods import months_before
from salon_segment.scoring.segments import LOST, SEGMENTS, A, B
from salon_segment.scoring.segments import C as SEG_C

NOT_YET_CLIENT = "not_yet_client"
FROM_SEGMENTS: tuple[str, ...] = (*SEGMENTS, NOT_YET_CLIENT)  # registry order, then "not yet a client"
TO_SEGMENTS: tuple[str, ...] = SEGMENTS
SLIPPING_FROM: tuple[str, ...] = (A, B)
SLIPPING_TO: tuple[str, ...] = (SEG_C, LOST)

FROM_SEGMENT = "from_segment"
TO_SEGMENT = "to_segment"
CLIENTS = "clients"
REVENUE_12M = C.REVENUE_WINDOW  # revenue in the Pareto window (12 months by default) before to_date
REVENUE_12M_FROM = "revenue_12m_from"  # the same window before from_date: what the client used to bring
REASON_CODE = "reason_code"
STOPPED_COMING = "stopped_coming"  # now lost: no visit for lost_after_months
CAME_LESS_OFTEN = "came_less_often"  # now C: visits in fewer of the regularity window's months

DEFAULT_COMPARISON_MONTHS = 1  # the Excel summary compares with the same date one month earlier

CLIENT_COLUMNS = (
    L.CLIENT,
    L.CLIENT_NAME,
    L.EMAIL,
    L.PHONE,
    FROM_SEGMENT,
    TO_SEGMENT,
    C.LAST_VISIT,
    C.DAYS_SINCE_LAST,
    C.MEDIAN_INTERVAL,
    C.ACTIVE_MONTHS,
    C.VISITS,
    REVENUE_12M,
    REVENUE_12M_FROM,
)
AT_TO_COLUMNS = (*CLIENT_COLUMNS[:4], C.SEGMENT, *CLIENT_COLUMNS[6:-1])  # what as of to_date says
TRANSITION_COLUMNS = (FROM_SEGMENT, TO_SEGMENT, CLIENTS, REVENUE_12M)
SLIPPING_COLUMNS = (*CLIENT_COLUMNS[:6], REASON_CODE, *CLIENT_COLUMNS[6:])


@dataclass(frozen=True)
class Movement:
    """Who moved where between ``from_date`` and ``to_date``.

    clients: one row per client with a visit on or before to_date (``CLIENT_COLUMNS``; visits, last visit,
    interval and revenue_12m as of to_date), sorted by client key. transitions: the (from, to) pairs that hold
    at least one client, in registry order, with their clients and revenue_12m as of to_date. slipping: the
    clients who were A or B at from_date and are C or lost at to_date, with a reason code, most valuable
    (revenue of the 12 months before from_date) first.
    """

    from_date: pd.Timestamp
    to_date: pd.Timestamp
    rules: Rules
    clients: pd.DataFrame
    transitions: pd.DataFrame
    slipping: pd.DataFrame
    stale: StaleAsOf | None = None  # to_date is well after the data's last date (a warning: everyone looks gone)

    @property
    def matrix(self) -> pd.DataFrame:
        """Clients per from-segment (rows, ``FROM_SEGMENTS``) and to-segment (columns, ``TO_SEGMENTS``), zeros kept."""
        counts = self.transitions.pivot(index=FROM_SEGMENT, columns=TO_SEGMENT, values=CLIENTS)
        matrix = counts.reindex(index=list(FROM_SEGMENTS), columns=list(TO_SEGMENTS)).fillna(0).astype("int64")
        matrix.index.name, matrix.columns.name = FROM_SEGMENT, TO_SEGMENT
        return matrix


def comparison_date(as_of: pd.Timestamp, months: int = DEFAULT_COMPARISON_MONTHS) -> pd.Timestamp:
    """The same date ``months`` calendar months before as_of (month ends clamp: 31 March → 28/29 February)."""
    return months_before(pd.Timestamp(as_of).normalize(), months)


def _visited(clients: pd.DataFrame) -> pd.DataFrame:
    """Clients with a visit and one of the five segments (no potential or client-list-only rows)."""
    return clients.loc[(clients[C.VISITS] > 0) & clients[C.SEGMENT].isin(SEGMENTS)]


def _transitions(clients: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            FROM_SEGMENT: pd.Categorical(clients[FROM_SEGMENT], categories=list(FROM_SEGMENTS)),
            TO_SEGMENT: pd.Categorical(clients[TO_SEGMENT], categories=list(TO_SEGMENTS)),
            REVENUE_12M: clients[REVENUE_12M].to_numpy(dtype=float),
        }
    )
    grouped = frame.groupby([FROM_SEGMENT, TO_SEGMENT], observed=True, sort=True)[REVENUE_12M].agg(["size", "sum"])
    table = grouped.reset_index().rename(columns={"size": CLIENTS, "sum": REVENUE_12M})
    for column in (FROM_SEGMENT, TO_SEGMENT):
        table[column] = table[column].astype(str).astype(object)
    table[CLIENTS] = table[CLIENTS].astype("int64")
    table[REVENUE_12M] = table[REVENUE_12M].astype(float)
    return table[list(TRANSITION_COLUMNS)]


def _slipping(clients: pd.DataFrame) -> pd.DataFrame:
    chosen = clients.loc[clients[FROM_SEGMENT].isin(SLIPPING_FROM) & clients[TO_SEGMENT].isin(SLIPPING_TO)].copy()
    chosen[REASON_CODE] = (chosen[TO_SEGMENT] == LOST).map({True: STOPPED_COMING, False: CAME_LESS_OFTEN})
    chosen[REASON_CODE] = chosen[REASON_CODE].astype(object)
    ranked = chosen.sort_values([REVENUE_12M_FROM, L.CLIENT], ascending=[False, True], kind="stable")
    return ranked.reset_index(drop=True)[list(SLIPPING_COLUMNS)]


def movement(
    ledger: pd.DataFrame,
    *,
    from_date: pd.Timestamp,
    to_date: pd.Timestamp,
    rules: Rules,
    to_clients: pd.DataFrame | None = None,
) -> Movement:
    """Every client's segment at ``from_date`` and at ``to_date``, the transitions and the slipping list.

    ``to_clients``: ``client_metrics`` (or ``Analysis.clients``) of the same ledger as of ``to_date`` with the
    same rules, when the caller has it already; computed otherwise. ``from_date`` must be before ``to_date``.
    """
    from_date, to_date = pd.Timestamp(from_date).normalize(), pd.Timestamp(to_date).normalize()
    if from_date >= to_date:
        raise ValueError(f"the start date {from_date:%Y-%m-%d} is not before the end date {to_date:%Y-%m-%d}.")
    after = _visited(to_clients if to_clients is not None else client_metrics(ledger, as_of=to_date, rules=rules))
    before = _visited(client_metrics(ledger, as_of=from_date, rules=rules)).set_index(L.CLIENT)
    clients = after[list(AT_TO_COLUMNS)].rename(columns={C.SEGMENT: TO_SEGMENT}).reset_index(drop=True)
    then = clients[L.CLIENT].map(before[C.SEGMENT]).astype(object)
    clients.insert(4, FROM_SEGMENT, then.where(then.notna(), NOT_YET_CLIENT))
    clients[TO_SEGMENT] = clients[TO_SEGMENT].astype(object)
    clients[REVENUE_12M_FROM] = clients[L.CLIENT].map(before[C.REVENUE_WINDOW]).fillna(0.0).astype(float)
    clients = clients.sort_values(L.CLIENT, kind="stable").reset_index(drop=True)
    return Movement(
        from_date=from_date,
        to_date=to_date,
        rules=rules,
        clients=clients,
        transitions=_transitions(clients),
        slipping=_slipping(clients),
        stale=data_ends_before(ledger, as_of=to_date, rules=rules),
    )
