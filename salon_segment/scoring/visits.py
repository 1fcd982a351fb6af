"""From ledger lines to visits: all completed lines of one client on one calendar day, on or before as_of."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
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

    Sorted by client, then date. Grouped on one int64 per line (client code × day span + day), which is several
    times faster than grouping on the client's text and the date.
    """
    lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.KIND, L.AMOUNT])
    codes, clients = pd.factorize(lines[L.CLIENT].to_numpy(), sort=True)
    days = lines[L.DATE].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype("int64")
    first_day = int(days.min(initial=0))
    span = int(days.max(initial=0)) - first_day + 1
    client_day = codes.astype("int64") * span + (days - first_day)
    is_product = (lines[L.KIND] == L.PRODUCT).to_numpy()
    amount = lines[L.AMOUNT].to_numpy()
    frame = pd.DataFrame(
        {
            VISIT_REVENUE: amount,
            VISIT_PRODUCT_REVENUE: np.where(is_product, amount, 0.0),
            VISIT_HAS_PRODUCT: is_product,
        }
    )
    grouped = frame.groupby(client_day, sort=True).agg(
        {VISIT_REVENUE: "sum", VISIT_PRODUCT_REVENUE: "sum", VISIT_HAS_PRODUCT: "any"}
    )
    keys = grouped.index.to_numpy()
    client_keys = np.asarray(clients, dtype=object)[keys // span]
    grouped.insert(0, L.CLIENT, pd.Series(client_keys, index=grouped.index, dtype=object))
    grouped.insert(1, L.DATE, (keys % span + first_day).astype("datetime64[D]").astype("datetime64[ns]"))
    return grouped.reset_index(drop=True)[list(VISIT_COLUMNS)]
