"""Whom to let go: clients not seen for a given time ("detox" of the client register). Pure.

A client is a candidate when their last completed visit is before as_of − inactive (exactly that long ago is
kept). An upcoming booking (a line after as_of that is not cancelled) always exempts a client. No-shows and
cancellations are not visits, but one within the period is noted beside the candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import N_, _
from salon_segment.scoring.clients import latest_contacts
from salon_segment.scoring.periods import Duration, in_last_months
from salon_segment.scoring.visits import ClientCodes, ClientDays, client_codes, completed_mask

NOTE = "note"  # English, for files; renderers build their own text from the two attempt columns
ATTEMPT_DATE = "attempt_date"  # the latest no-show or cancellation within the period
ATTEMPT_STATUS = "attempt_status"
REVENUE_TOTAL = "revenue_total"
REVENUE_12M = "revenue_12m"
AGE_BUCKET = "inactive_for"
CANDIDATE_COLUMNS = (
    L.CLIENT, L.CLIENT_NAME, L.EMAIL, L.PHONE, L.FIRST_VISIT, L.LAST_VISIT, L.VISITS, REVENUE_TOTAL, REVENUE_12M,
    AGE_BUCKET, NOTE, ATTEMPT_DATE, ATTEMPT_STATUS,
)  # fmt: skip
# (label, at least this many years since the last visit)
AGE_BUCKETS = ((N_("under 1 y"), 0), (N_("1–2 y"), 1), (N_("2–3 y"), 2), (N_("3–5 y"), 3), (N_("5 y+"), 5))
NEVER_VISITED = N_("never visited")
AGE_ORDER = (NEVER_VISITED, *(label for label, _ in AGE_BUCKETS))


@dataclass(frozen=True)
class PrunePlan:
    """The candidates (sorted by last visit, never-visited first) and the owner's sanity figures."""

    as_of: pd.Timestamp
    inactive: Duration
    cutoff: pd.Timestamp
    register: int
    candidates: pd.DataFrame
    revenue_12m: float
    revenue_total: float
    age_distribution: dict[str, int]


def _extreme(values: np.ndarray, codes: np.ndarray, clients: int, *, latest: bool) -> np.ndarray:
    """Per client code, the latest (or earliest) of the lines' datetimes; NaT for a client without a line.

    ``np.maximum.at`` on the integer codes: an order of magnitude faster than a groupby, and exact."""
    ticks = values.view("int64")
    found = np.full(clients, np.iinfo(np.int64).min if latest else np.iinfo(np.int64).max, dtype="int64")
    (np.maximum if latest else np.minimum).at(found, codes, ticks)
    found[np.bincount(codes, minlength=clients) == 0] = np.iinfo(np.int64).min  # NaT
    return found.view(values.dtype)


def _ledger_clients(
    ledger: pd.DataFrame, as_of: pd.Timestamp, cutoff: pd.Timestamp, codes: ClientCodes | None = None
) -> pd.DataFrame:
    """Per client of a visit ledger: visits, first/last visit, revenue, upcoming booking, last attempt.

    Grouped on integer client codes (one hashing of the key text instead of one per figure; none when the caller
    has the ledger's ``client_codes`` already).
    """
    codes, everyone = codes if codes is not None else client_codes(ledger)
    clients = len(everyone)
    dates = ledger[L.DATE]
    status = ledger[L.STATUS]
    past = (dates <= as_of).to_numpy()
    completed = completed_mask(ledger, as_of)
    visit_codes = codes[completed]
    date_values = dates.to_numpy()
    visit_dates = date_values[completed]
    amounts = pd.Series(ledger[L.AMOUNT].to_numpy()[completed])
    recent = in_last_months(pd.Series(visit_dates), as_of, 12).to_numpy()
    attempt = (status.isin([L.NO_SHOW, L.CANCELLED]) & (dates >= cutoff)).to_numpy() & past
    attempts = pd.DataFrame(
        {L.DATE: date_values[attempt], L.STATUS: status.to_numpy()[attempt], "code": codes[attempt]}
    )
    attempts = attempts.sort_values(L.DATE, kind="stable").groupby("code").last()
    upcoming = ~past & (status != L.CANCELLED).to_numpy()
    client_days = ClientDays.of(visit_codes, visit_dates)  # visits are client-days, each counted once
    visits_per_code = np.bincount(client_days.client(pd.unique(client_days.keys)), minlength=clients)
    frame = pd.DataFrame(
        {
            L.FIRST_VISIT: _extreme(visit_dates, visit_codes, clients, latest=False),
            L.LAST_VISIT: _extreme(visit_dates, visit_codes, clients, latest=True),
            L.VISITS: pd.Series(visits_per_code).where(lambda n: n > 0).astype(float),
            REVENUE_TOTAL: amounts.groupby(visit_codes).sum(),  # pandas' (compensated) sums, as always
            REVENUE_12M: amounts[recent].groupby(visit_codes[recent]).sum(),
            "seen": _extreme(date_values[past], codes[past], clients, latest=True),  # the never-visited: any line
            "upcoming": np.bincount(codes[upcoming], minlength=clients) > 0,
            ATTEMPT_DATE: attempts[L.DATE],
            ATTEMPT_STATUS: attempts[L.STATUS],
        },
        index=pd.RangeIndex(clients),
    )
    frame.index = pd.Index(everyone, name=L.CLIENT, dtype=object)
    return frame


def _list_clients(client_list: pd.DataFrame) -> pd.DataFrame:
    """Per client of a client list: what it says of visits and spend (created date when never visited)."""
    grouped = client_list.groupby(L.CLIENT, sort=False)
    clients = pd.DataFrame(
        {
            L.FIRST_VISIT: grouped[L.FIRST_VISIT].min(),
            L.LAST_VISIT: grouped[L.LAST_VISIT].max(),
            L.VISITS: grouped[L.VISITS].max(),
            REVENUE_TOTAL: grouped[L.REVENUE].max(),
            "seen": grouped[L.CREATED].min(),
        }
    )
    clients.index.name = L.CLIENT
    return clients


def _contacts(ledger: pd.DataFrame, client_list: pd.DataFrame) -> pd.DataFrame:
    """The latest non-empty name, e-mail and phone per client over both sources (list entries last)."""
    parts = [frame[[L.CLIENT, L.CLIENT_NAME, L.EMAIL, L.PHONE]] for frame in (ledger, client_list) if not frame.empty]
    if not parts:
        return pd.DataFrame(columns=[L.CLIENT_NAME, L.EMAIL, L.PHONE], index=pd.Index([], name=L.CLIENT))
    both = pd.concat(parts, ignore_index=True)
    for field in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        both[field] = both[field].fillna("").astype(str)
    return latest_contacts(both)


def _age_bucket(years: pd.Series) -> pd.Series:
    edges = [b for _, b in AGE_BUCKETS]
    labels = np.array([label for label, _ in AGE_BUCKETS], dtype=object)
    position = np.searchsorted(np.array(edges, dtype=float), years.to_numpy(dtype=float), side="right") - 1
    bucket = labels[np.clip(position, 0, len(labels) - 1)]
    return pd.Series(np.where(years.isna(), NEVER_VISITED, bucket), index=years.index, dtype=object)


def _notes(clients: pd.DataFrame) -> pd.Series:
    dates = clients[ATTEMPT_DATE].dt.strftime("%Y-%m-%d")
    did = np.where(clients[ATTEMPT_STATUS] == L.NO_SHOW, "did not come", "cancelled")
    note = "booked " + dates + ", " + pd.Series(did, index=clients.index)
    return note.where(clients[ATTEMPT_DATE].notna(), "")


def can_prune(ledger: pd.DataFrame, client_list: pd.DataFrame | None) -> bool:
    """Whether the inputs date the clients at all: a client summary report without dates cannot be pruned."""
    if not ledger.empty or client_list is None or client_list.empty:
        return True
    return not client_list[[L.LAST_VISIT, L.CREATED]].isna().all().all()


def prune_plan(
    ledger: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    inactive: Duration,
    client_list: pd.DataFrame | None = None,
    contacts: pd.DataFrame | None = None,
    codes: ClientCodes | None = None,
) -> PrunePlan:
    """Candidates for removal at ``inactive`` before ``as_of``, from a visit ledger and/or client lists.

    ``contacts`` (name, e-mail, phone by client key) and ``codes`` (the ledger's ``client_codes``), e.g. from the
    analysis, save recomputing them.
    """
    as_of = pd.Timestamp(as_of).normalize()
    cutoff = inactive.before(as_of)
    client_list = client_list if client_list is not None else L.empty_client_list()
    if not can_prune(ledger, client_list):
        raise SalonSegmentError(
            _("the client list has neither a last-visit nor a created/added date column; prune needs one of them.")
        )
    from_ledger = _ledger_clients(ledger, as_of, cutoff, codes)
    from_list = _list_clients(client_list) if not client_list.empty else from_ledger.iloc[:0]
    only_in_list = from_list.loc[~from_list.index.isin(from_ledger.index)]
    clients = pd.concat([from_ledger, only_in_list])
    if not from_list.empty:  # a list may know older visits than the export holds
        both = from_list.reindex(clients.index)
        clients[L.LAST_VISIT] = (
            clients[L.LAST_VISIT]
            .where(clients[L.LAST_VISIT] >= both[L.LAST_VISIT], both[L.LAST_VISIT])
            .fillna(clients[L.LAST_VISIT])
        )
    clients["upcoming"] = clients["upcoming"].fillna(False).astype(bool)
    visited = clients[L.LAST_VISIT].notna()
    never = ~visited & (clients[L.VISITS].fillna(0) == 0)
    candidate = (
        (visited & (clients[L.LAST_VISIT] < cutoff)) | (never & clients["seen"].notna() & (clients["seen"] < cutoff))
    ) & ~clients["upcoming"]
    chosen = clients.loc[candidate].copy()
    chosen[AGE_BUCKET] = _age_bucket((as_of - chosen[L.LAST_VISIT]).dt.days / 365.25)
    chosen[NOTE] = _notes(chosen)
    chosen = chosen.join(contacts if contacts is not None else _contacts(ledger, client_list))
    for field in (L.CLIENT_NAME, L.EMAIL, L.PHONE):
        chosen[field] = chosen[field].fillna("").astype(object)
    chosen[ATTEMPT_STATUS] = chosen[ATTEMPT_STATUS].astype(object).fillna("")
    chosen[REVENUE_TOTAL] = chosen[REVENUE_TOTAL].fillna(0.0)
    chosen[REVENUE_12M] = chosen[REVENUE_12M].fillna(0.0)
    chosen[L.VISITS] = chosen[L.VISITS].fillna(0).astype("int64")
    chosen = chosen.reset_index().sort_values([L.LAST_VISIT, L.CLIENT], na_position="first", kind="stable")
    chosen = chosen[list(CANDIDATE_COLUMNS)].reset_index(drop=True)
    distribution = chosen[AGE_BUCKET].value_counts()
    return PrunePlan(
        as_of=as_of,
        inactive=inactive,
        cutoff=cutoff,
        register=len(clients),
        candidates=chosen,
        revenue_12m=float(chosen[REVENUE_12M].sum()),
        revenue_total=float(chosen[REVENUE_TOTAL].sum()),
        age_distribution={label: int(distribution.get(label, 0)) for label in AGE_ORDER if distribution.get(label, 0)},
    )


def rows_of_clients(ledger: pd.DataFrame, client_list: pd.DataFrame, clients: pd.Series) -> dict[str, list[int]]:
    """Source file → spreadsheet rows that belong to the given clients (the lines a cleaned copy drops)."""
    parts = [
        frame.loc[frame[L.CLIENT].isin(clients), [L.SOURCE_FILE, L.SOURCE_ROW]]
        for frame in (ledger, client_list)
        if not frame.empty
    ]
    if not parts:
        return {}
    rows = pd.concat(parts, ignore_index=True).sort_values([L.SOURCE_FILE, L.SOURCE_ROW])
    return rows.astype({L.SOURCE_ROW: int}).groupby(L.SOURCE_FILE)[L.SOURCE_ROW].agg(list).to_dict()
