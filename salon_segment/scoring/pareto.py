"""Pareto (80/20) figures over client revenue: who carries the salon."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Pareto:
    """Concentration of revenue among clients with positive revenue in the window.

    Shares are fractions in [0, 1]; they are None when no client has positive revenue.
    """

    window_months: int | None  # None: lifetime spend (client lists)
    clients_with_revenue: int
    revenue: float
    top_client_share: float
    top_clients: int
    top_revenue_share: float | None
    revenue_share_target: float
    clients_for_target: int
    clients_share_for_target: float | None
    gini: float | None


def pareto(
    revenue: pd.Series,
    *,
    window_months: int | None,
    top_client_share: float = 0.2,
    revenue_share_target: float = 0.8,
) -> Pareto:
    """Pareto figures for a Series of revenue per client (already restricted to the window).

    top_revenue_share: revenue of the ceil(top_client_share * N) best clients / total.
    clients_share_for_target: smallest k whose cumulative revenue reaches the target share, / N.
    gini: 0 when everyone spends the same, towards 1 when one client brings everything.
    """
    values = np.sort(revenue.to_numpy(dtype=float)[revenue.to_numpy(dtype=float) > 0])[::-1]
    n = len(values)
    total = float(values.sum())
    if n == 0:
        return Pareto(window_months, 0, 0.0, top_client_share, 0, None, revenue_share_target, 0, None, None)
    top = math.ceil(top_client_share * n - _TOLERANCE)
    top_share = float(values[:top].sum() / total)
    cumulative = np.cumsum(values)
    k = int(np.searchsorted(cumulative, revenue_share_target * total * (1 - _TOLERANCE), side="left")) + 1
    k = min(k, n)
    ascending = values[::-1]
    ranks = np.arange(1, n + 1)
    gini = float((2 * np.sum(ranks * ascending)) / (n * total) - (n + 1) / n)
    return Pareto(
        window_months=window_months,
        clients_with_revenue=n,
        revenue=total,
        top_client_share=top_client_share,
        top_clients=top,
        top_revenue_share=min(1.0, max(0.0, top_share)),
        revenue_share_target=revenue_share_target,
        clients_for_target=k,
        clients_share_for_target=k / n,
        gini=min(1.0, max(0.0, gini)),
    )


def pareto_curve(revenue: pd.Series) -> pd.DataFrame:
    """Cumulative client share vs cumulative revenue share, best clients first (for charts)."""
    values = np.sort(revenue.to_numpy(dtype=float)[revenue.to_numpy(dtype=float) > 0])[::-1]
    n = len(values)
    if n == 0:
        return pd.DataFrame({"client_share": [], "revenue_share": []})
    return pd.DataFrame(
        {
            "client_share": np.arange(1, n + 1) / n,
            "revenue_share": np.cumsum(values) / values.sum(),
        }
    )


CURVE_POINTS = 100


def sampled_curve(revenue: pd.Series, points: int = CURVE_POINTS) -> pd.DataFrame:
    """(0, 0) and up to ``points`` evenly spaced points of ``pareto_curve``, the last one included (for a chart)."""
    curve = pareto_curve(revenue)
    picked = np.arange(0)
    if len(curve):
        step = max(1, math.ceil(len(curve) / points))
        picked = np.arange(step - 1, len(curve), step)
        if picked[-1] != len(curve) - 1:
            picked = np.append(picked, len(curve) - 1)
    start = pd.DataFrame({"client_share": [0.0], "revenue_share": [0.0]})
    return pd.concat([start, curve.iloc[picked]], ignore_index=True)
