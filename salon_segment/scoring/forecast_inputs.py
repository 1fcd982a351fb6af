"""What the forecast reads from a ledger as of a date: client-day visits, the next booking, the missed lines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.scoring.visits import VISIT_COLUMNS, VISIT_IS_VISIT
from salon_segment.scoring.visits import visits as ledger_visits


@dataclass(frozen=True)
class ForecastInputs:
    """What ``forecast`` needs, taken from a ledger as of a date."""

    visits: pd.DataFrame  # one row per client-day with a completed line on or before as_of
    bookings: pd.Series  # per client: the first booked line after as_of
    missed: pd.DataFrame  # client and date of each no-show or cancelled line on or before as_of
    client_keys: np.ndarray | None = None  # when given, clients are named by their integer codes into these keys


def inputs_from_ledger(
    ledger: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    codes: tuple[np.ndarray, np.ndarray] | None = None,
    client_days: pd.DataFrame | None = None,
) -> ForecastInputs:
    """Visits, next bookings and dated no-shows/cancellations from a ledger (``salon_segment.ledger``).

    ``codes`` and ``client_days``: the ledger's ``visits.client_codes`` and the per client code and day table at
    as_of with refund-only days (``scoring.clients.client_day_table``), when the caller has them already; the
    clients are then named by their codes (``client_keys`` = ``codes[1]``), as ``forecast`` accepts them.
    """
    as_of = pd.Timestamp(as_of)
    status = ledger[L.STATUS]
    dates = ledger[L.DATE]
    with_codes = codes is not None and client_days is not None
    client = codes[0] if with_codes else ledger[L.CLIENT].to_numpy()
    # a booking is any line after as_of that is not cancelled (as the analysis' upcoming bookings count them)
    upcoming = (~status.isin([L.CANCELLED, L.UNKNOWN_STATUS]) & (dates > as_of)).to_numpy()
    bookings = (
        pd.DataFrame({L.CLIENT: client[upcoming], L.DATE: dates.to_numpy()[upcoming]})
        .groupby(L.CLIENT, sort=True)[L.DATE]
        .min()
    )
    gone = (status.isin([L.NO_SHOW, L.CANCELLED]) & (dates <= as_of)).to_numpy()
    missed = pd.DataFrame({L.CLIENT: client[gone], L.DATE: dates.to_numpy()[gone]})
    if not with_codes:
        return ForecastInputs(ledger_visits(ledger, as_of=as_of), bookings, missed)
    visits = client_days.loc[client_days[VISIT_IS_VISIT].to_numpy(), list(VISIT_COLUMNS)].reset_index(drop=True)
    return ForecastInputs(visits, bookings, missed, client_keys=codes[1])
