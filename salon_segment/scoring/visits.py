"""From ledger lines to visits: all completed lines of one client on one calendar day, on or before as_of."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from salon_segment import ledger as L

VISIT_REVENUE = "revenue"
VISIT_PRODUCT_REVENUE = "product_revenue"
VISIT_HAS_PRODUCT = "has_product"
VISIT_COLUMNS = (L.CLIENT, L.DATE, VISIT_REVENUE, VISIT_PRODUCT_REVENUE, VISIT_HAS_PRODUCT)


def completed_lines(ledger: pd.DataFrame, as_of: pd.Timestamp, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Completed lines dated on or before as_of: the lines that make visits and revenue.

    ``columns`` limits the copy to what the caller uses (a full copy of a large ledger is the slow part).
    """
    mask = (ledger[L.STATUS] == L.COMPLETED) & (ledger[L.DATE] <= as_of)
    return ledger.loc[mask, list(columns) if columns is not None else slice(None)]


def visits(ledger: pd.DataFrame, *, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per (client, day) with that day's revenue, product revenue and whether a product was bought.

    Sorted by client, then date.
    """
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.KIND, L.AMOUNT])
    is_product = lines[L.KIND] == L.PRODUCT
    frame = pd.DataFrame(
        {
            L.CLIENT: lines[L.CLIENT],
            L.DATE: lines[L.DATE],
            VISIT_REVENUE: lines[L.AMOUNT],
            VISIT_PRODUCT_REVENUE: lines[L.AMOUNT].where(is_product, 0.0),
            VISIT_HAS_PRODUCT: is_product,
        }
    )
    grouped = frame.groupby([L.CLIENT, L.DATE], sort=True, observed=True).agg(
        {VISIT_REVENUE: "sum", VISIT_PRODUCT_REVENUE: "sum", VISIT_HAS_PRODUCT: "any"}
    )
    return grouped.reset_index()[list(VISIT_COLUMNS)]
