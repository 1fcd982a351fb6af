"""One client's history at a glance: find clients by key, name, e-mail or phone, and build their card."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from salon_segment import ledger as L
from salon_segment.i18n import N_
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring.rhythm import category_rhythm, empty_rhythm
from salon_segment.scoring.services import service_groups
from salon_segment.scoring.visits import completed_lines


def _fold(values: pd.Series) -> pd.Series:
    """Case-folded text without accents ('Zoë' → 'zoe'), vectorised."""
    decomposed = values.astype(str).str.casefold().str.normalize("NFKD")
    return decomposed.str.replace(r"[\u0300-\u036f]", "", regex=True)


def find_clients(clients: pd.DataFrame, query: str) -> pd.DataFrame:
    """Clients whose key equals the query, whose name contains it (accent- and case-insensitive), or whose
    e-mail or phone digits match it."""
    folded = _fold(pd.Series([query])).iloc[0].strip()
    digits = re.sub(r"\D", "", query)
    match = (clients[L.CLIENT].astype(str).str.casefold() == query.strip().casefold()) | _fold(
        clients[L.CLIENT_NAME]
    ).str.contains(folded, regex=False)
    match |= clients[L.EMAIL].astype(str).str.casefold() == folded
    if len(digits) >= 6:
        match |= clients[L.PHONE].astype(str).str.replace(r"\D", "", regex=True).str.endswith(digits[-9:])
    return clients.loc[match]


@dataclass(frozen=True)
class ClientCard:
    """Everything about one client: the metrics row, why their segment, habits, and their last visits."""

    client: pd.Series
    segment_reason: str
    service_revenue: float
    favourite_staff: str
    usual_weekday: int | None
    usual_hour: int | None
    categories_used: list[str]
    categories_never_used: list[str]
    last_visits: pd.DataFrame
    rhythm: pd.DataFrame = field(default_factory=empty_rhythm)  # per treatment category the client repeats


def segment_reason(client: pd.Series, rules: Rules) -> str:
    """Which rule put the client in their segment (a message id with placeholders)."""
    return {
        "lost": N_("no visit for more than {lost} months"),
        "new": N_("fewer than {new} visits"),
        "A": N_("a visit in {active} of the last {window} months, products on {share} of them"),
        "B": N_("a visit in {active} of the last {window} months, few products"),
        "C": N_("visits, but not every month"),
        "potential": N_("known, never visited"),
    }.get(str(client[C.SEGMENT]), "")


def client_card(
    ledger: pd.DataFrame, client: pd.Series, *, as_of: pd.Timestamp, rules: Rules, visits: int = 10
) -> ClientCard:
    """The card of one client (``client`` is a row of ``client_metrics``)."""
    lines = completed_lines(ledger, as_of)
    all_groups = service_groups(lines)
    mine = lines.loc[lines[L.CLIENT] == client[L.CLIENT]]
    groups = all_groups.loc[mine.index]
    used = sorted(set(groups) - {""})
    never = sorted(set(all_groups) - set(used) - {""})
    staff = mine.loc[mine[L.STAFF] != "", L.STAFF]
    days = mine.drop_duplicates(L.DATE)
    hours = pd.to_numeric(days[L.TIME].str.split(":").str[0], errors="coerce").dropna()
    history = (
        mine.groupby(L.DATE)
        .agg(
            items=(L.ITEM, lambda s: ", ".join(sorted(set(s) - {""}))),
            staff=(L.STAFF, "first"),
            revenue=(L.AMOUNT, "sum"),
        )
        .sort_index(ascending=False)
        .head(visits)
        .reset_index()
    )
    return ClientCard(
        client=client,
        segment_reason=segment_reason(client, rules),
        service_revenue=float(mine.loc[mine[L.KIND] == L.SERVICE, L.AMOUNT].sum()),
        favourite_staff=str(staff.value_counts().index[0]) if len(staff) else "",
        usual_weekday=int(days[L.DATE].dt.day_of_week.mode().iloc[0]) if len(days) else None,
        usual_hour=int(hours.mode().iloc[0]) if len(hours) else None,
        categories_used=used,
        categories_never_used=never,
        last_visits=history,
        rhythm=_own_rhythm(ledger, client[L.CLIENT], as_of=as_of, rules=rules),
    )


def _own_rhythm(ledger: pd.DataFrame, key: str, *, as_of: pd.Timestamp, rules: Rules) -> pd.DataFrame:
    """The client's rhythm per treatment category (categories as the whole export defines them: its category
    column when any line has one, else the item names)."""
    has_category = bool((ledger[L.CATEGORY] != "").any())
    mine = ledger.loc[(ledger[L.CLIENT] == key).to_numpy()]
    if has_category:  # the client's own lines without a category are no treatment group of the export's
        mine = mine.loc[(mine[L.CATEGORY] != "").to_numpy()]
    return category_rhythm(mine, as_of=as_of, rules=rules).reset_index(drop=True)
