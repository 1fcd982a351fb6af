"""The column schema: every shared table's columns (key, label, format kind) for the terminal, JSON, CSV and Excel.

A key is the machine name (JSON, ``--clients-out`` headers, DataFrame columns); it never bakes in a configured
value: the window or share it depends on is in the JSON's ``rules``. A label is a message id; when it names a
configured value it says so with ``{n}`` and ``setting`` (the Rules field), so the header states the value the
report was made with ("Active months of 8"). Keys renamed in this release keep their old names as deprecated
aliases for one release, written only while the old name is still true (``deprecated_aliases``).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Literal

import pandas as pd

from salon_segment import ledger as L
from salon_segment.i18n import N_, Nn_, _, ngettext
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring import prediction as P
from salon_segment.scoring import services as SV
from salon_segment.scoring import staff as ST
from salon_segment.scoring import trend as T
from salon_segment.scoring.prune import REVENUE_12M as PRUNE_REVENUE_12M
from salon_segment.scoring.prune import REVENUE_TOTAL as PRUNE_REVENUE_TOTAL

Kind = Literal["text", "phone", "count", "number", "money", "date", "share", "flag"]
SEGMENT_LABEL = "segment_label"  # the segment in the report language (Excel), beside the machine id


@dataclass(frozen=True)
class Column:
    """One column of a shared table.

    ``label`` is a message id, or a (singular, plural) pair counted by ``setting``; ``{n}`` in it is the value
    of the Rules field ``setting``. ``kind`` says how a cell is typed and formatted (Excel widths come from
    the content, ``render/widths.py``).
    """

    key: str
    label: str | tuple[str, str]
    kind: Kind = "text"
    _kw: KW_ONLY
    setting: str | None = None
    wrapped: str | None = None  # the label on two lines, for narrow terminal tables

    def short_header(self) -> str:
        """The two-line label for a narrow terminal table (the label when it has none)."""
        return _(self.wrapped) if self.wrapped else self.header()

    def header(self, rules: Rules | None = None) -> str:
        """The label in the report language, with the configured value of ``setting`` filled in."""
        if self.setting is None:
            assert isinstance(self.label, str)
            return _(self.label)
        assert rules is not None, self.key  # a header that states a rule needs the rules
        value = getattr(rules, self.setting)
        if isinstance(self.label, tuple):
            return ngettext(*self.label, value).format(n=value)
        return _(self.label).format(n=value)


def pick(columns: tuple[Column, ...], *keys: str) -> tuple[Column, ...]:
    """The named columns of a table, in the order given."""
    by_key = {column.key: column for column in columns}
    return tuple(by_key[key] for key in keys)


# columns many tables share (clients, staff, services, sources, segments and trend name them alike)
CLIENTS = Column(SV.CLIENTS, N_("Clients"), "count")
VISITS = Column(C.VISITS, N_("Visits"), "count")
REVENUE = Column(C.REVENUE, N_("Revenue"), "money")

# every per-client column, in the order --clients-out writes them
CLIENT_TABLE = (
    Column(L.CLIENT, N_("Client key")),
    Column(L.CLIENT_NAME, N_("Client")),
    Column(L.EMAIL, N_("E-mail")),
    Column(L.PHONE, N_("Phone"), "phone"),
    Column(C.SEGMENT, N_("Segment")),
    Column(C.FIRST_VISIT, N_("First visit"), "date"),
    Column(C.LAST_VISIT, N_("Last visit"), "date"),
    VISITS,
    REVENUE,
    Column(C.PRODUCT_REVENUE, N_("Product revenue"), "money"),
    Column(
        C.REVENUE_WINDOW,
        Nn_("Revenue, last {n} month", "Revenue, last {n} months"),
        "money",
        setting="pareto_window_months",
    ),
    Column(
        C.VISITS_WINDOW,
        Nn_("Visits, last {n} month", "Visits, last {n} months"),
        "count",
        setting="pareto_window_months",
    ),
    Column(C.MEDIAN_INTERVAL, N_("Usual interval (days)"), "number"),
    Column(C.INTERVAL_VARIATION, N_("Interval variation"), "number"),
    Column(C.ACTIVE_MONTHS, N_("Active months of {n}"), "count", setting="regular_window_months"),
    Column(
        C.WINDOW_VISITS,
        Nn_("Visits in the last {n} month", "Visits in the last {n} months"),
        "count",
        setting="regular_window_months",
    ),
    Column(
        C.PRODUCT_VISIT_SHARE,
        Nn_("Visits with products, last {n} month", "Visits with products, last {n} months"),
        "share",
        setting="regular_window_months",
    ),
    Column(C.EXPECTED_NEXT, N_("Expected next visit"), "date"),
    Column(C.DAYS_SINCE_LAST, N_("Days since last visit"), "count"),
    Column(C.DAYS_OVERDUE, N_("Days overdue"), "count"),
    Column(C.OVERDUE, N_("Overdue"), "flag"),
    Column(C.NO_SHOWS, N_("No-shows"), "count"),
    Column(C.CANCELLATIONS, N_("Cancellations"), "count"),
    Column(C.UPCOMING, N_("Upcoming bookings"), "count"),
    Column(C.NEXT_BOOKING, N_("Next booking"), "date"),
    Column(C.HIGH_VALUE, N_("High value"), "flag"),
    Column(P.P_RETURN, N_("Chance of a visit"), "share"),
    Column(P.EXPECTED_VISITS, N_("Expected visits"), "number"),
    Column(P.EXPECTED_REVENUE, N_("Expected revenue"), "money"),
    Column(P.VALUE_AT_RISK, N_("At risk (a year)"), "money"),
    Column(SEGMENT_LABEL, N_("Segment")),
)
# the Excel Clients sheet
CLIENT_SHEET = pick(
    CLIENT_TABLE,
    L.CLIENT_NAME, SEGMENT_LABEL, L.PHONE, L.EMAIL, C.FIRST_VISIT, C.LAST_VISIT, C.VISITS, C.REVENUE,
    C.PRODUCT_REVENUE, C.REVENUE_WINDOW, C.VISITS_WINDOW, C.MEDIAN_INTERVAL, C.ACTIVE_MONTHS, C.EXPECTED_NEXT,
    C.DAYS_OVERDUE, C.NO_SHOWS, C.CANCELLATIONS, C.NEXT_BOOKING, P.P_RETURN, P.EXPECTED_VISITS, P.VALUE_AT_RISK,
    L.CLIENT,
)  # fmt: skip
# the JSON "clients" records
CLIENT_RECORD = pick(
    CLIENT_TABLE, L.CLIENT, C.SEGMENT, C.LAST_VISIT, C.VISITS, C.REVENUE_WINDOW, *P.CLIENT_COLUMNS
)
# the terminal's top clients: visits and revenue in the Pareto window (its title states the window)
TOP_CLIENT_TABLE = (
    Column(L.CLIENT_NAME, N_("Client")),
    Column(SEGMENT_LABEL, N_("Segment")),
    Column(C.VISITS_WINDOW, N_("Visits"), "count"),
    Column(C.REVENUE_WINDOW, N_("Revenue"), "money"),
    Column(C.LAST_VISIT, N_("Last visit"), "date"),
)

REASON, APPROACH = "reason", "approach"
CALL_TABLE = (
    *pick(CLIENT_TABLE, L.CLIENT, L.CLIENT_NAME, L.PHONE, L.EMAIL, C.SEGMENT, C.LAST_VISIT, C.DAYS_SINCE_LAST),
    *pick(CLIENT_TABLE, C.DAYS_OVERDUE, C.REVENUE_WINDOW, C.VISITS, P.P_RETURN, P.VALUE_AT_RISK),
    Column("reason_code", N_("Reason code")),
    Column(REASON, N_("Why")),
    Column(APPROACH, N_("What to do")),
    Column("due_categories", N_("Due treatments")),  # scoring.rhythm: the categories the client is due for
    pick(CLIENT_TABLE, SEGMENT_LABEL)[0],
)
# the JSON call list (every column but the translated segment label) and the Excel sheet
CALL_RECORD = CALL_TABLE[:-1]
CALL_SHEET = pick(
    CALL_TABLE,
    L.CLIENT_NAME, REASON, APPROACH, L.PHONE, L.EMAIL, SEGMENT_LABEL, C.LAST_VISIT, C.DAYS_SINCE_LAST,
    C.DAYS_OVERDUE, C.REVENUE_WINDOW, C.VISITS, P.VALUE_AT_RISK, P.P_RETURN,
)  # fmt: skip

SEGMENT_TABLE = (
    Column(SEGMENT_LABEL, N_("Segment")),
    CLIENTS,
    Column("client_share", N_("Share"), "share"),
    REVENUE,
    Column("revenue_share", N_("Revenue share"), "share", wrapped=N_("Revenue\nshare")),
    Column("visits_per_client", N_("Visits per client"), "number", wrapped=N_("Visits per\nclient")),
    Column("average_ticket", N_("Average ticket"), "money", wrapped=N_("Average\nticket")),
    Column(APPROACH, N_("Approach")),
)

TREND_SHEET = (
    Column(T.MONTH, N_("Month"), "date"),
    Column(T.ACTIVE, N_("Active clients"), "count"),
    Column(T.NEW, N_("New clients"), "count"),
    Column(T.LOST, N_("Lost clients"), "count"),
    VISITS,
    REVENUE,
    Column(T.REVENUE_PER_CLIENT, N_("Revenue per client"), "money"),
)
PRUNE_SHEET = (
    *pick(CLIENT_TABLE, L.CLIENT_NAME, L.PHONE, L.EMAIL, L.FIRST_VISIT, L.LAST_VISIT, L.VISITS),
    Column(PRUNE_REVENUE_TOTAL, N_("Revenue"), "money"),
    Column(PRUNE_REVENUE_12M, N_("Revenue 12 months"), "money"),
    pick(CLIENT_TABLE, L.CLIENT)[0],
)
STAFF_SHEET = (
    Column(ST.STAFF, N_("Staff")),
    CLIENTS,
    VISITS,
    REVENUE,
    Column(ST.PRODUCT_SHARE, N_("Retail"), "share"),
    Column(ST.FIRST_VISITS, N_("First-visit clients"), "count"),
    Column(ST.RETENTION, N_("Back within 90 days"), "share"),
    Column(ST.REBOOKING, N_("Rebooked"), "share"),
    Column(ST.REGULARS, N_("Regulars"), "count"),
    Column(ST.LOST_FOLLOWERS, N_("Lost clients who followed"), "count"),
    Column(ST.LAST_SEEN, N_("Last working day"), "date"),
)
SERVICE_SHEET = (
    Column(SV.GROUP, N_("Category")),
    CLIENTS,
    VISITS,
    REVENUE,
    Column(SV.SHARE_A, N_("Share A"), "share"),
    Column(SV.SHARE_B, N_("Share B"), "share"),
    Column(SV.SHARE_C, N_("Share C"), "share"),
    Column(SV.GAP, N_("Regulars who never used it"), "count"),
)
SOURCE_SHEET = (
    Column(SV.SOURCE, N_("Source")),
    CLIENTS,
    Column(SV.FIRST_YEAR_REVENUE, N_("First-year revenue"), "money"),
    Column(SV.STILL_ACTIVE, N_("Still active"), "share"),
)

# deprecated keys (one release): old name → (new name, the Rules field and value under which the old name is true)
DEPRECATED_CLIENT_KEYS: dict[str, tuple[str, str, float]] = {
    "active_months_6": (C.ACTIVE_MONTHS, "regular_window_months", 6),
    "visits_6m": (C.WINDOW_VISITS, "regular_window_months", 6),
    "product_visit_share_6m": (C.PRODUCT_VISIT_SHARE, "regular_window_months", 6),
}
DEPRECATED_PARETO_KEYS: dict[str, tuple[str, str, float]] = {
    "top_20pct_revenue_share": ("top_clients_revenue_share", "pareto_top_client_share", 0.2),
    "clients_share_for_80pct_revenue": ("clients_share_for_revenue_target", "pareto_revenue_share", 0.8),
    "clients_for_80pct_revenue": ("clients_for_revenue_target", "pareto_revenue_share", 0.8),
}


def deprecated_aliases(deprecated: dict[str, tuple[str, str, float]], rules: Rules) -> dict[str, str]:
    """Old key → new key, for the old keys whose baked-in value is still the configured one."""
    return {
        old: new
        for old, (new, setting, value) in deprecated.items()
        if abs(float(getattr(rules, setting)) - value) < 1e-9
    }


def client_table(clients: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """The per-client table as ``--clients-out`` writes it: schema order, columns the schema does not know
    after, then the deprecated aliases that are still true."""
    known = [c.key for c in CLIENT_TABLE if c.key in clients.columns]
    extra = [c for c in clients.columns if c not in known]
    table = clients[known + extra]
    aliases = {old: table[new] for old, new in deprecated_aliases(DEPRECATED_CLIENT_KEYS, rules).items()}
    return table.assign(**aliases) if aliases else table
