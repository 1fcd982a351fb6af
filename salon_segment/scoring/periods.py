"""Calendar arithmetic shared by every rule: "N months before as_of" clamps month ends like pd.DateOffset."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salon_segment.duration import Duration, months_before, parse_duration

__all__ = ["Duration", "in_last_months", "month_period_index", "months_before", "parse_duration"]


def in_last_months(dates: pd.Series, as_of: pd.Timestamp, months: int) -> pd.Series:
    """True for dates d with as_of - months < d <= as_of."""
    return (dates > months_before(as_of, months)) & (dates <= as_of)


def month_period_index(dates: pd.Series, as_of: pd.Timestamp, months: int) -> pd.Series:
    """For each date, k in 1..months such that as_of - k months < d <= as_of - (k-1) months; 0 outside.

    Vectorised with searchsorted over the month boundaries, oldest first.
    """
    bounds = np.array([months_before(as_of, k) for k in range(months, -1, -1)], dtype="datetime64[ns]")
    values = dates.to_numpy(dtype="datetime64[ns]")
    position = np.searchsorted(bounds, values, side="left")  # bounds[p-1] < d <= bounds[p]
    inside = (position >= 1) & (position <= months)
    k = np.where(inside, months + 1 - position, 0)
    return pd.Series(k, index=dates.index, dtype="int64")
