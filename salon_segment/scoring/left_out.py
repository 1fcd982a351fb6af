"""What the analysis left out of revenue and visits, and why: gift cards, memberships, deposits, tips and fees
sold; walk-in sales; lines with a status word nobody knows. An owner who sees a total should see what is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from salon_segment import ledger as L
from salon_segment.scoring.visits import completed_mask

LINE_TYPE = "line_type"  # a ledger line type (gift_card, membership, deposit, tip, fee, other)
LINES = "lines"
AMOUNT = "amount"


@dataclass(frozen=True)
class WalkIns:
    """Sales without a client (walk-in, anonymous): in no client's figures, shown as one line."""

    lines: int
    revenue: float
    share: float  # of all service and product revenue up to as_of, walk-ins included


@dataclass(frozen=True)
class LeftOut:
    """Everything an analysis did not count, by reason."""

    line_types: pd.DataFrame  # line_type, lines, amount: one row per kind of line left out, sorted by type
    walk_ins: WalkIns
    unknown_status_lines: int  # lines whose status word no profile knows: not visits


def left_out(
    ledger: pd.DataFrame, *, as_of: pd.Timestamp, client_revenue: float, walk_ins: pd.DataFrame | None = None
) -> LeftOut:
    """Count the completed lines up to as_of that are not revenue, and the walk-in sales beside the clients'."""
    past = (ledger[L.DATE] <= as_of).to_numpy()
    completed = (ledger[L.STATUS] == L.COMPLETED).to_numpy() & past
    other = ledger.loc[completed & ledger[L.KIND].isin(L.NOT_REVENUE_TYPES).to_numpy(), [L.KIND, L.AMOUNT]]
    grouped = other.groupby(other[L.KIND].astype(object), sort=True)[L.AMOUNT].agg(["size", "sum"])
    line_types = pd.DataFrame(
        {
            LINE_TYPE: grouped.index.astype(str),
            LINES: grouped["size"].astype("int64").to_numpy(),
            AMOUNT: grouped["sum"].round(2).to_numpy(),
        }
    )
    if walk_ins is not None and not walk_ins.empty:
        sold = walk_ins.loc[completed_mask(walk_ins, as_of)]
        lines, revenue = len(sold), float(sold[L.AMOUNT].sum())
    else:
        lines, revenue = 0, 0.0
    total = client_revenue + revenue
    unknown = int(((ledger[L.STATUS] == L.UNKNOWN_STATUS).to_numpy() & past).sum())
    return LeftOut(
        line_types=line_types,
        walk_ins=WalkIns(lines, round(revenue, 2), revenue / total if total > 0 else 0.0),
        unknown_status_lines=unknown,
    )
