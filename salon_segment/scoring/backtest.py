"""How far to trust the forecast: refit one horizon ago and compare with what happened; the data's lost threshold.

``backtest`` fits the forecast at ``as_of − horizon`` with the visits up to then and scores it on the visits in
(as_of − horizon, as_of]: AUC of P(return) (how well it ranks who came back; 0.5 is a coin), Brier score (mean
squared error of the probability; lower is better), predicted vs actual visits and revenue. The same AUC and
Brier are given for BG/NBD, for the coaching rule "lost = last visit at least N months before" (a 0/1
prediction) and for days since the last visit (ranked; its Brier is that of a one-variable logistic fit one
horizon earlier). ``lost_threshold`` finds, from the salon's own gaps between visits, the number of days without
a visit after which fewer than 20% of clients come back within a year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.scoring.forecast import forecast
from salon_segment.scoring.glm import auc, brier, fit_glm
from salon_segment.scoring.visits import VISIT_REVENUE


@dataclass(frozen=True)
class Backtest:
    """The forecast made one horizon before as_of, against what happened since."""

    as_of: pd.Timestamp  # end of the checked window
    fitted_at: pd.Timestamp  # as_of − horizon: the forecast's own as_of
    horizon_days: int
    method: str  # the forecast's method at fitted_at ("shifted" or "bgnbd")
    clients: int  # clients seen by fitted_at
    returned: int  # of those, clients with a visit in the window
    auc: float
    brier: float
    predicted_visits: float
    actual_visits: float
    predicted_revenue: float
    actual_revenue: float
    visits_mae: float  # mean absolute error of expected visits per client
    bgnbd_auc: float
    bgnbd_brier: float
    lost_rule_auc: float
    lost_rule_brier: float
    recency_auc: float
    recency_brier: float
    per_client: pd.DataFrame  # index client: the forecast at fitted_at, actual_visits, actual_revenue, lost_rule

    @property
    def visits_ratio(self) -> float:
        """Predicted ÷ actual visits (1 is exact)."""
        return self.predicted_visits / self.actual_visits if self.actual_visits else float("nan")

    @property
    def beats_recency(self) -> bool:
        """Whether the forecast ranks returns better than days since the last visit does; True when the window
        cannot tell (every client came back, or none: no AUC), since nothing then speaks against it."""
        return not bool(self.auc <= self.recency_auc)


def _recency_probability(visits: pd.DataFrame, fitted_at: pd.Timestamp, horizon: pd.Timedelta) -> pd.Series:
    """P(return) from days since the last visit alone: a logistic fit on the horizon before fitted_at."""
    earlier = fitted_at - horizon
    last_then = visits.loc[visits[L.DATE] <= earlier].groupby(L.CLIENT)[L.DATE].max()
    window = visits.loc[(visits[L.DATE] > earlier) & (visits[L.DATE] <= fitted_at), L.CLIENT]
    came = last_then.index.isin(pd.unique(window))
    last_now = visits.loc[visits[L.DATE] <= fitted_at].groupby(L.CLIENT)[L.DATE].max()
    now_days = np.log1p((fitted_at - last_now).dt.days.to_numpy(dtype=float))[:, None]
    if came.all() or not came.any():
        return pd.Series(float(came.mean()) if came.size else 0.5, index=last_now.index)
    model = fit_glm(np.log1p((earlier - last_then).dt.days.to_numpy(dtype=float))[:, None], came, "logistic")
    return pd.Series(model.predict(now_days), index=last_now.index)


def backtest(
    visits: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    horizon_days: int,
    missed: pd.Series | pd.DataFrame | None = None,
    lost_after_months: int = 2,
    client_keys: np.ndarray | None = None,
) -> Backtest:
    """Refit the forecast at as_of − horizon_days and score it on (as_of − horizon_days, as_of].

    Bookings are not used (which bookings existed back then is not known); ``missed`` and ``client_keys`` as for
    ``forecast`` (with ``client_keys`` every grouping by client runs on the integer codes).
    """
    as_of = pd.Timestamp(as_of)
    horizon = pd.Timedelta(days=horizon_days)
    fitted_at = as_of - horizon
    past = visits.loc[visits[L.DATE] <= as_of]
    result = forecast(past, as_of=fitted_at, horizon_days=horizon_days, missed=missed, client_keys=client_keys)
    per_client = result.clients.copy()
    named = per_client.index if result.codes is None else pd.Index(result.codes)  # as the inputs name the clients
    window = past.loc[past[L.DATE] > fitted_at]
    revenue = window[VISIT_REVENUE] if VISIT_REVENUE in window else pd.Series(0.0, index=window.index)
    grouped = pd.DataFrame({L.CLIENT: window[L.CLIENT], "revenue": revenue}).groupby(L.CLIENT)["revenue"]
    per_client["actual_visits"] = grouped.size().reindex(named).fillna(0).astype(np.int64).to_numpy()
    per_client["actual_revenue"] = grouped.sum().reindex(named).fillna(0.0).to_numpy()
    last = fitted_at - pd.to_timedelta(per_client["days_since_last_visit"], unit="D")
    per_client["lost_rule"] = last <= fitted_at - pd.DateOffset(months=lost_after_months)
    came = (per_client["actual_visits"] > 0).to_numpy()
    lost_p = (~per_client["lost_rule"]).to_numpy(dtype=float)
    recency_p = _recency_probability(past, fitted_at, horizon).reindex(named).to_numpy()
    return Backtest(
        as_of=as_of,
        fitted_at=fitted_at,
        horizon_days=horizon_days,
        method=result.model.method,
        clients=len(per_client),
        returned=int(came.sum()),
        auc=auc(per_client["p_return"].to_numpy(), came),
        brier=brier(per_client["p_return"].to_numpy(), came),
        predicted_visits=float(per_client["expected_visits"].sum()),
        actual_visits=float(per_client["actual_visits"].sum()),
        predicted_revenue=float(per_client["expected_revenue"].sum()),
        actual_revenue=float(per_client["actual_revenue"].sum()),
        visits_mae=float((per_client["expected_visits"] - per_client["actual_visits"]).abs().mean()),
        bgnbd_auc=auc(per_client["bgnbd_p_return"].to_numpy(), came),
        bgnbd_brier=brier(per_client["bgnbd_p_return"].to_numpy(), came),
        lost_rule_auc=auc(lost_p, came),
        lost_rule_brier=brier(lost_p, came),
        recency_auc=auc(-per_client["days_since_last_visit"].to_numpy(dtype=float), came),
        recency_brier=brier(recency_p, came),
        per_client=per_client,
    )


def lost_threshold(
    visits: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    within_days: int = 365,
    below: float = 0.2,
    min_at_risk: int = 50,
) -> int | None:
    """Days without a visit after which P(a visit within ``within_days``) falls below ``below``; None if unknown.

    Estimated from every gap between two visits (a return) and every client's current absence (still open,
    censored at as_of), with a Kaplan–Meier curve of "days until the next visit": P(return within W | away g
    days) = 1 − S(g + W) / S(g). Only days g with at least ``min_at_risk`` absences still observed at g + W
    count; None when no such day has a probability below ``below`` (too little history, or clients come back).
    """
    as_of = pd.Timestamp(as_of)
    past = visits.loc[visits[L.DATE] <= as_of, [L.CLIENT, L.DATE]]
    code = pd.factorize(past[L.CLIENT].to_numpy())[0]
    day = past[L.DATE].to_numpy().astype("datetime64[D]").astype(np.int64)
    same_client = code[1:] == code[:-1]
    if not bool(np.all((code[1:] > code[:-1]) | (same_client & (day[1:] >= day[:-1])))):  # else sorted already
        order = np.lexsort((day, code))
        code, day = code[order], day[order]
    same = code[1:] == code[:-1]
    gaps = np.diff(day)[same & (np.diff(day) > 0)]
    last = day[np.r_[code[1:] != code[:-1], True]] if day.size else day
    open_gaps = int(np.datetime64(as_of.date(), "D").astype(np.int64)) - last
    if gaps.size < min_at_risk:
        return None
    longest = int(max(gaps.max(initial=0), open_gaps.max(initial=0))) + 1
    events = np.bincount(gaps, minlength=longest + 1).astype(float)
    censored = np.bincount(open_gaps, minlength=longest + 1).astype(float)
    ended_before = np.concatenate([[0.0], np.cumsum(events + censored)[:-1]])  # gaps shorter than g
    at_risk = events.sum() + censored.sum() - ended_before  # gaps of length ≥ g
    hazard = np.divide(events, at_risk, out=np.zeros_like(events), where=at_risk > 0)
    survival = np.cumprod(1.0 - hazard)  # S(g) = P(gap > g)
    g = np.arange(1, longest + 1 - within_days) if longest > within_days else np.zeros(0, np.int64)
    if g.size == 0:
        return None
    valid = (at_risk[g + within_days] >= min_at_risk) & (survival[g] > 0)
    p_return = 1.0 - np.divide(survival[g + within_days], survival[g], out=np.ones(g.size), where=survival[g] > 0)
    hit = np.flatnonzero(valid & (p_return < below))
    return int(g[hit[0]]) if hit.size else None
