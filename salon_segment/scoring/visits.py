"""From ledger lines to visits: all completed lines of one client on one calendar day, on or before as_of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L

VISIT_REVENUE = "revenue"
VISIT_PRODUCT_REVENUE = "product_revenue"
VISIT_HAS_PRODUCT = "has_product"
VISIT_IS_VISIT = "is_visit"  # False for a day with only refunds: its revenue counts, the day is no visit
VISIT_COLUMNS = (L.CLIENT, L.DATE, VISIT_REVENUE, VISIT_PRODUCT_REVENUE, VISIT_HAS_PRODUCT)


def completed_mask(ledger: pd.DataFrame, as_of: pd.Timestamp) -> np.ndarray:
    """True for completed revenue lines (service, product, refund) dated on or before as_of.

    Gift card, membership, deposit, tip and fee lines are neither revenue nor visits (see ledger.LINE_TYPES).
    """
    return (
        (ledger[L.STATUS] == L.COMPLETED) & (ledger[L.DATE] <= as_of) & ledger[L.KIND].isin(L.REVENUE_TYPES)
    ).to_numpy()


def completed_lines(ledger: pd.DataFrame, as_of: pd.Timestamp, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Completed lines dated on or before as_of (``completed_mask``).

    ``columns`` limits the copy to what the caller uses (a full copy of a large ledger is the slow part).
    """
    return ledger.loc[completed_mask(ledger, as_of), list(columns) if columns is not None else slice(None)]


ClientCodes = tuple[np.ndarray, np.ndarray]


def client_codes(ledger: pd.DataFrame) -> ClientCodes:
    """(code of each line's client, the client keys in sorted order): hash the key text once, group on integers."""
    codes, keys = pd.factorize(ledger[L.CLIENT].to_numpy(), sort=True)
    return codes, np.asarray(keys, dtype=object)


@dataclass(frozen=True)
class ClientDays:
    """One int64 per line for its (client code, calendar day): code × span + day − first_day.

    Grouping on it groups by client and day at once, on integers; ``client`` and ``date`` decode a key.
    """

    keys: np.ndarray
    first_day: int
    span: int

    @classmethod
    def of(cls, codes: np.ndarray, dates: np.ndarray) -> ClientDays:
        days = np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[D]").astype("int64")
        first_day = int(days.min(initial=0))
        span = int(days.max(initial=0)) - first_day + 1
        return cls(codes.astype("int64") * span + (days - first_day), first_day, span)

    def client(self, keys: np.ndarray) -> np.ndarray:
        return keys // self.span

    def date(self, keys: np.ndarray) -> np.ndarray:
        return (keys % self.span + self.first_day).astype("datetime64[D]").astype("datetime64[ns]")


def visits(ledger: pd.DataFrame, *, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per (client, day) with that day's revenue, product revenue and whether a product was bought.

    Sorted by client, then date.
    """
    codes = client_codes(ledger)
    frame = visits_by_code(ledger, as_of, codes)
    frame[L.CLIENT] = pd.Series(codes[1][frame[L.CLIENT].to_numpy()], index=frame.index, dtype=object)
    return frame


def visits_by_code(
    ledger: pd.DataFrame, as_of: pd.Timestamp, codes: ClientCodes, *, with_refund_days: bool = False
) -> pd.DataFrame:
    """``visits`` with the client as its integer code from ``client_codes(ledger)``.

    Grouped on one int64 per line (client code × day span + day): several times faster than grouping on the
    client's text and the date.
    """
    mask = completed_mask(ledger, as_of)
    lines = ledger.loc[mask, [L.DATE, L.KIND, L.AMOUNT]]
    client_days = ClientDays.of(codes[0][mask], lines[L.DATE].to_numpy())
    amount = lines[L.AMOUNT].to_numpy()
    is_sale = ((lines[L.KIND] != L.REFUND).to_numpy()) & (amount >= 0)  # a service or product bought, not a refund
    is_product = (lines[L.KIND] == L.PRODUCT).to_numpy()
    frame = pd.DataFrame(
        {
            VISIT_REVENUE: amount,
            VISIT_PRODUCT_REVENUE: np.where(is_product, amount, 0.0),
            VISIT_HAS_PRODUCT: is_product & is_sale,
            VISIT_IS_VISIT: is_sale,
        }
    )
    grouped = frame.groupby(client_days.keys, sort=True).agg(
        {VISIT_REVENUE: "sum", VISIT_PRODUCT_REVENUE: "sum", VISIT_HAS_PRODUCT: "any", VISIT_IS_VISIT: "any"}
    )
    keys = grouped.index.to_numpy()
    grouped.insert(0, L.CLIENT, client_days.client(keys))
    grouped.insert(1, L.DATE, client_days.date(keys))
    grouped = grouped.reset_index(drop=True)
    if with_refund_days:
        return grouped[[*VISIT_COLUMNS, VISIT_IS_VISIT]]
    return grouped.loc[grouped[VISIT_IS_VISIT].to_numpy(), list(VISIT_COLUMNS)].reset_index(drop=True)
