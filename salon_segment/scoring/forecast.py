"""Who comes back: P(return), expected visits and revenue in the next horizon, and value at risk, per client.

The model is "back-shifted": the same features are computed one horizon before ``as_of`` from the history up to
then, and what each client did in the following horizon (which the data already shows) is the label. A
penalised logistic regression (P(return)) and a Poisson regression (visit count) learn from that, and are then
applied to the features at ``as_of``. Features: BG/NBD's own P(return) and expected visits (refitted at each
date), visits, age, days since the last visit, and the client's rhythm — their typical interval and its spread
(log-normal gaps, shrunk toward the salon's typical rhythm for clients with few visits) and the probability that
the next visit, given how long it has already been, falls inside the horizon. A booking inside the horizon makes
a return near-certain. With too little history for the shifted fit the forecast is BG/NBD's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.scoring import bgnbd
from salon_segment.scoring.glm import Glm, fit_glm
from salon_segment.scoring.visits import VISIT_REVENUE

FEATURES = (
    "bgnbd_logit_p", "bgnbd_log_visits", "log_visits", "log_days_since", "log_age", "one_timer",
    "log_interval", "log_spread", "log_overdue", "due_logit", "log_spend", "log_missed",
)  # fmt: skip
FORECAST_COLUMNS = (
    "p_return", "expected_visits", "expected_revenue", "value_at_risk", "yearly_value", "usual_interval_days",
    "days_since_last_visit", "visits", "bgnbd_p_return", "bgnbd_expected_visits",
)  # fmt: skip
MIN_TRAINING_CLIENTS = 200
MIN_TRAINING_SHARE = 0.25  # visits up to as_of − horizon, as a share of visits up to as_of
PRIOR_GAPS = 2.0  # a client's own log-interval is shrunk as if the salon's typical one had been seen twice
PRIOR_SPREAD_GAPS = 3.0
PRIOR_VISITS_SPEND = 2.0
BOOKED_MISS_CAP = 0.05  # a booked client returns with P ≥ 0.95
WEEK = 7.0
BGNBD_PENALIZER = 1e-3
BGNBD_MAX_CLIENTS = 25_000
RETURN_LEVEL_BAND = 0.05  # mean P(return) within ±5% of the training rate moved as BG/NBD's moves
VISITS_BAND = 0.10  # total expected visits within ±10% of BG/NBD's total


@dataclass(frozen=True)
class ForecastModel:
    """What the forecast was fitted on and how: parameters and diagnostics for the report."""

    as_of: pd.Timestamp
    horizon_days: int
    method: str  # "shifted" (back-shifted regression on BG/NBD and rhythm features) or "bgnbd" (fallback)
    reason: str  # why the fallback was used; "" otherwise
    bgnbd: bgnbd.BgNbdParams  # fitted at as_of, time unit weeks
    training_date: pd.Timestamp
    training_clients: int
    training_return_rate: float
    features: tuple[str, ...]
    return_model: Glm | None
    visits_model: Glm | None
    base_interval_days: float
    base_spend: float
    bgnbd_total_visits: float  # BG/NBD's expected visits over all clients at as_of: the guard on the total
    return_level: float  # guard on mean P(return): training rate × (BG/NBD's mean P now ÷ at the training date)


@dataclass(frozen=True)
class Forecast:
    """Per-client forecast (index: client key, columns ``FORECAST_COLUMNS``) and the model behind it."""

    clients: pd.DataFrame
    model: ForecastModel
    codes: np.ndarray | None = None  # per row: the client's code in ``forecast``'s ``client_keys``, when given


@dataclass(frozen=True)
class _History:
    keys: np.ndarray  # client keys, sorted
    code: np.ndarray  # per visit: index into keys; visits sorted by (code, day), one per client-day
    day: np.ndarray  # per visit: days since 1970-01-01
    revenue: np.ndarray
    missed_code: np.ndarray | None  # per missed appointment (no-show or cancellation), when dated
    missed_day: np.ndarray | None
    missed_counts: np.ndarray | None  # per client, when only counts are known
    index: pd.Index  # per client: what the inputs name it by (its key, or its code in the caller's client_keys)


def _days(values: object) -> np.ndarray:
    return np.asarray(values, dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)


def _client_codes(visits: pd.DataFrame, client_keys: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """(code of each visit, the sorted keys of the clients with a visit, how the inputs name those clients).

    With ``client_keys`` the visits' client column holds codes into those sorted keys: the codes of the clients
    present are renumbered in order, which is what factorizing their keys with ``sort=True`` gives, without
    hashing any text."""
    if client_keys is None:
        code, keys = pd.factorize(visits[L.CLIENT].to_numpy(), sort=True)
        keys = np.asarray(keys, dtype=object)
        return code, keys, pd.Index(keys)
    full = visits[L.CLIENT].to_numpy(dtype=np.int64)
    present = np.bincount(full, minlength=len(client_keys)) > 0
    keys = np.asarray(client_keys, dtype=object)[present]
    return (np.cumsum(present) - 1)[full], keys, pd.Index(np.flatnonzero(present))


def _history(
    visits: pd.DataFrame, missed: pd.Series | pd.DataFrame | None, client_keys: np.ndarray | None = None
) -> _History:
    code, keys, index = _client_codes(visits, client_keys)
    day = _days(visits[L.DATE].to_numpy())
    revenue = visits[VISIT_REVENUE].to_numpy(dtype=float) if VISIT_REVENUE in visits else np.zeros(day.size)
    span = int(day.max(initial=0)) - int(day.min(initial=0)) + 1
    key = code.astype(np.int64) * span + (day - day.min(initial=0))
    if key.size and not bool(np.all(key[1:] > key[:-1])):  # unsorted or several rows a day: sort and merge
        order = np.argsort(key, kind="stable")
        key, code, day, revenue = key[order], code[order], day[order], revenue[order]
        start = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        code, day, revenue = code[start], day[start], np.add.reduceat(revenue, start)
    if missed is None:
        return _History(keys, code, day, revenue, None, None, None, index)
    if isinstance(missed, pd.DataFrame):
        m_code = index.get_indexer(missed[L.CLIENT].to_numpy())
        known = m_code >= 0
        m_day = _days(missed[L.DATE].to_numpy())[known]
        return _History(keys, code, day, revenue, m_code[known], m_day, None, index)
    counts = pd.Series(missed, dtype=float).reindex(index).fillna(0.0).to_numpy()
    return _History(keys, code, day, revenue, None, None, counts, index)


@dataclass(frozen=True)
class _Features:
    code: np.ndarray  # clients seen by the reference day
    X: np.ndarray
    n: np.ndarray
    since: np.ndarray
    interval: np.ndarray  # typical interval in days (median of the client's log-normal gap)
    mean_gap: np.ndarray  # expected gap in days (log-normal mean)
    spend: np.ndarray  # revenue per visit, shrunk toward the salon's
    missed: np.ndarray
    bg_p: np.ndarray
    bg_ev: np.ndarray
    bg: bgnbd.BgNbdParams
    base_interval: float
    base_spend: float


def _features(h: _History, ref: int, horizon: int, warm: bgnbd.BgNbdParams | None = None) -> _Features:
    """Everything about each client seen by day ``ref``, from the visits on or before it."""
    from scipy import special  # on first use, not at import (0.2-0.5 s)

    mask = h.day <= ref
    code, day, revenue = h.code[mask], h.day[mask], h.revenue[mask]
    k = h.keys.size
    n_all = np.bincount(code, minlength=k)
    seen = np.flatnonzero(n_all)
    start = np.flatnonzero(np.r_[True, code[1:] != code[:-1]]) if code.size else np.zeros(0, np.int64)
    end = np.r_[start[1:], code.size] - 1
    first, last = day[start], day[end]  # clients in code order = seen order
    n = n_all[seen].astype(float)
    rev = np.bincount(code, weights=revenue, minlength=k)[seen]
    same = code[1:] == code[:-1]
    log_gap = np.log(np.maximum(np.diff(day)[same], 1).astype(float))
    gap_code = code[1:][same]
    lg_sum = np.bincount(gap_code, weights=log_gap, minlength=k)[seen]
    lg_sq = np.bincount(gap_code, weights=log_gap * log_gap, minlength=k)[seen]
    gaps = n - 1.0
    own_mean = lg_sum / np.maximum(gaps, 1.0)
    deviation = np.maximum(lg_sq - lg_sum * own_mean, 0.0)  # Σ (log gap − own mean)²
    has_gap = gaps >= 1
    base_mu = float(np.median(own_mean[has_gap])) if has_gap.any() else float(np.log(max(horizon, 1)))
    several = gaps >= 2
    base_var = float(deviation[several].sum() / (gaps[several] - 1).sum()) if several.any() else 0.25
    between = float(np.var(own_mean[several])) if several.sum() > 1 else base_var
    tau2 = max(between - base_var / max(float(np.median(gaps[several])) if several.any() else 1.0, 1.0), 0.01)
    mu = (lg_sum + PRIOR_GAPS * base_mu) / (gaps + PRIOR_GAPS)
    var = (deviation + PRIOR_SPREAD_GAPS * base_var) / (np.maximum(gaps - 1, 0) + PRIOR_SPREAD_GAPS)
    var_pred = var * (1 + 1 / (gaps + PRIOR_GAPS)) + tau2 * PRIOR_GAPS / (gaps + PRIOR_GAPS)
    sigma = np.sqrt(np.maximum(var_pred, 1e-4))
    since = (ref - last).astype(float)
    age = (ref - first).astype(float)
    # P(next gap ≤ since + horizon | next gap > since) for a log-normal gap: "due inside the horizon"
    lo = np.where(since > 0, (np.log(np.maximum(since, 1e-9)) - mu) / sigma, -np.inf)
    hi = (np.log(since + horizon) - mu) / sigma
    due = -np.expm1(special.log_ndtr(-hi) - special.log_ndtr(-lo))
    base_spend = float(rev.sum() / n.sum()) if n.size else 0.0
    spend = (rev + PRIOR_VISITS_SPEND * base_spend) / (n + PRIOR_VISITS_SPEND)
    if h.missed_code is not None:
        missed = np.bincount(h.missed_code[h.missed_day <= ref], minlength=k)[seen].astype(float)
    elif h.missed_counts is not None:
        missed = h.missed_counts[seen]
    else:
        missed = np.zeros(seen.size)
    x, t_x, T = gaps, (last - first) / WEEK, age / WEEK
    initial = None if warm is None else (warm.r, warm.alpha, warm.a, warm.b)
    bg = bgnbd.fit_bgnbd(x, t_x, T, penalizer=BGNBD_PENALIZER, initial=initial, max_clients=BGNBD_MAX_CLIENTS)
    bg_p = bgnbd.bgnbd_p_return(bg, horizon / WEEK, x, t_x, T)
    bg_ev = bgnbd.bgnbd_expected_visits(bg, horizon / WEEK, x, t_x, T)
    X = np.column_stack(
        [
            special.logit(np.clip(bg_p, 1e-6, 1 - 1e-6)), np.log(bg_ev + 1e-3), np.log(n), np.log1p(since),
            np.log1p(age), (n == 1).astype(float), mu, np.log(sigma), np.log1p(since) - mu,
            special.logit(np.clip(due, 1e-6, 1 - 1e-6)), np.log(np.maximum(spend, 0.0) + 1.0), np.log1p(missed),
        ]
    )  # fmt: skip
    return _Features(
        seen, X, n, since, np.exp(mu), np.exp(mu + 0.5 * sigma * sigma), spend, missed, bg_p, bg_ev, bg,
        float(np.exp(base_mu)), base_spend,
    )  # fmt: skip


def _window_counts(h: _History, after: int, until: int) -> tuple[np.ndarray, np.ndarray]:
    """Per client code: visits and revenue with day in (after, until]."""
    inside = (h.day > after) & (h.day <= until)
    k = h.keys.size
    return (
        np.bincount(h.code[inside], minlength=k).astype(float),
        np.bincount(h.code[inside], weights=h.revenue[inside], minlength=k),
    )


def _booked_inside(bookings: pd.Series | None, index: pd.Index, ref: int, horizon: int) -> np.ndarray:
    """Per client code: a booking dated in (ref, ref + horizon]."""
    if bookings is None or len(bookings) == 0:
        return np.zeros(len(index), dtype=bool)
    dates = pd.Series(pd.to_datetime(bookings), index=bookings.index).reindex(index)
    day = _days(dates.to_numpy())
    valid = dates.notna().to_numpy()
    return valid & (day > ref) & (day <= ref + horizon)


def _fit(h: _History, as_of: pd.Timestamp, horizon: int) -> tuple[ForecastModel, _Features]:
    ref = int(_days([as_of])[0])
    train_ref = ref - horizon
    share = float((h.day <= train_ref).sum()) / max(int((h.day <= ref).sum()), 1)
    reason = ""
    train = None
    if share < MIN_TRAINING_SHARE:
        reason = f"only {share:.0%} of the visits are before {horizon} days ago"
    else:
        train = _features(h, train_ref, horizon)
        if train.code.size < MIN_TRAINING_CLIENTS:
            reason = f"only {train.code.size} clients before {horizon} days ago"
    now = _features(h, ref, horizon, warm=None if train is None else train.bg)
    return_model = visits_model = None
    rate = level = float("nan")
    if train is not None and not reason:
        count = _window_counts(h, train_ref, ref)[0][train.code]
        returned = count > 0
        rate = float(returned.mean())
        level = rate * float(now.bg_p.mean()) / max(float(train.bg_p.mean()), 1e-9)
        if min(int(returned.sum()), int((~returned).sum())) < 20:
            reason = "fewer than 20 clients returned (or stayed away) in the last horizon"
        else:
            return_model = fit_glm(train.X, returned, "logistic")
            visits_model = fit_glm(train.X, count, "poisson")
    model = ForecastModel(
        as_of=pd.Timestamp(as_of),
        horizon_days=horizon,
        method="bgnbd" if return_model is None else "shifted",
        reason=reason,
        bgnbd=now.bg,
        training_date=pd.Timestamp(as_of) - pd.Timedelta(days=horizon),
        training_clients=0 if train is None else int(train.code.size),
        training_return_rate=rate,
        features=FEATURES,
        return_model=return_model,
        visits_model=visits_model,
        base_interval_days=now.base_interval,
        base_spend=now.base_spend,
        bgnbd_total_visits=float(now.bg_ev.sum()),
        return_level=level,
    )
    return model, now


def _within(value: float, target: float, band: float) -> float:
    return min(max(value, target / (1.0 + band)), target * (1.0 + band))


def _guard(model: ForecastModel, p: np.ndarray, ev: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keep the level of the back-shifted model near what the structure says now.

    The regression is trained one horizon earlier; on an ageing client base (a single cohort, as in CDNOW) its
    level drifts. Mean P(return) is held within ±5% of the training return rate moved by BG/NBD's own change
    between the two dates (a logit shift keeps the ranking), total visits within ±10% of BG/NBD's total. On a
    steady client base neither bound binds.
    """
    from scipy import optimize, special  # on first use, not at import (0.2-0.5 s)

    mean = float(p.mean())
    target = _within(mean, model.return_level, RETURN_LEVEL_BAND)
    if np.isfinite(target) and abs(target - mean) > 1e-12 and 0.0 < target < 1.0:
        logit = special.logit(np.clip(p, 1e-12, 1 - 1e-12))
        shift = optimize.brentq(lambda s: float(special.expit(logit + s).mean()) - target, -30.0, 30.0)
        p = special.expit(logit + shift)
    total = float(ev.sum())
    if total > 0 and model.bgnbd_total_visits > 0:
        ev = ev * (_within(total, model.bgnbd_total_visits, VISITS_BAND) / total)
    return p, ev


def _predict(model: ForecastModel, f: _Features, booked: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    if model.return_model is None or model.visits_model is None:
        p, ev = f.bg_p, f.bg_ev
    else:
        p, ev = _guard(model, model.return_model.predict(f.X), model.visits_model.predict(f.X))
    # a booking fails (no-show, cancellation) at the client's own rate, shrunk toward 3% and capped at 5%;
    # only if it fails and the client does not come otherwise is there no visit
    miss = np.minimum((f.missed + 0.3) / (f.n + f.missed + 10.0), BOOKED_MISS_CAP)
    booked_p = np.clip(1.0 - miss * (1.0 - p), 0.0, 1.0)
    # the model was trained without bookings, so its returners include the booked ones: a client without a booking
    # in the horizon is less likely to come, by Bayes with the share of returners who booked ahead
    share = min(float(booked.sum()) / max(float(p.sum()), 1e-9), 0.95)
    unbooked = (1.0 - share) / (1.0 - share * p)
    # visits per returning client, E[count | count ≥ 1], at most one plus one per usual interval in the horizon
    per_return = np.clip(ev / np.maximum(p, 1e-9), 1.0, 1.0 + horizon / np.maximum(f.interval, 1.0))
    ev = np.where(booked, booked_p * per_return, ev * unbooked)
    p = np.where(booked, booked_p, p * unbooked)
    return p, np.maximum(ev, p)


MIN_GAP_DAYS = 7.0  # "usually every 2 days" from two visits close together is no rhythm to value a year by
YEAR_DAYS = 365.25
MIN_FIRST_YEAR_CLIENTS = 30


def _yearly_visits(h: _History, now: _Features, ref: int) -> np.ndarray:
    """Visits a year each client would make had they stayed: their own rhythm (at most one a week); for a
    one-time client, what the salon's clients made in the year after their first visit (data-derived), since a
    single visit says nothing about a rhythm."""
    from_rhythm = YEAR_DAYS / np.maximum(now.mean_gap, MIN_GAP_DAYS)
    start = np.flatnonzero(np.r_[True, h.code[1:] != h.code[:-1]])  # visits are sorted by client, then day
    first = np.repeat(h.day[start], np.diff(np.r_[start, h.code.size]))
    seen_a_year = first <= ref - YEAR_DAYS
    clients = int(np.count_nonzero(seen_a_year[start]))
    if clients < MIN_FIRST_YEAR_CLIENTS:  # too few clients known for a year: one more visit, no more
        first_year = 1.0
    else:
        followed = ((h.day > first) & (h.day <= first + YEAR_DAYS) & seen_a_year).sum()
        first_year = followed / clients  # visits after the first, within a year, per client
    return np.where(now.n <= 1, first_year, from_rhythm)


def forecast(
    visits: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    horizon_days: int,
    bookings: pd.Series | None = None,
    missed: pd.Series | pd.DataFrame | None = None,
    client_keys: np.ndarray | None = None,
) -> Forecast:
    """Per-client forecast for (as_of, as_of + horizon_days] from the visits on or before as_of.

    ``visits``: one row per client-day (columns client, date and, optionally, revenue), as
    ``salon_segment.scoring.visits.visits`` returns it; rows after as_of are ignored. ``bookings``: per client
    (index), the date of their next booking after as_of (NaT for none). ``missed``: no-shows and cancellations,
    either dated (a frame with client and date; counted as of each date the model looks at) or as counts per
    client (then the same counts are used at both dates). Every client with a visit on or before as_of gets a
    row; the frame is sorted by client key. ``client_keys``: sorted client keys (``visits.client_codes``) when the
    client columns of ``visits`` and ``missed`` and the index of ``bookings`` or missed counts hold integer codes
    into them instead of the keys (an analysis has them already: nothing is hashed again).
    """
    if horizon_days < 1:
        raise ValueError("horizon_days must be at least 1")
    as_of = pd.Timestamp(as_of)
    h = _history(visits.loc[visits[L.DATE] <= as_of], missed, client_keys)
    if h.code.size == 0:
        raise ValueError("no visits on or before as_of")
    model, now = _fit(h, as_of, horizon_days)
    ref = int(_days([as_of])[0])
    booked = _booked_inside(bookings, h.index, ref, horizon_days)[now.code]
    p, ev = _predict(model, now, booked, horizon_days)
    yearly = _yearly_visits(h, now, ref) * now.spend
    clients = pd.DataFrame(
        {
            "p_return": p,
            "expected_visits": ev,
            "expected_revenue": ev * now.spend,
            "value_at_risk": (1.0 - p) * yearly,
            "yearly_value": yearly,
            "usual_interval_days": now.interval,
            "days_since_last_visit": now.since.astype(np.int64),
            "visits": now.n.astype(np.int64),
            "bgnbd_p_return": now.bg_p,
            "bgnbd_expected_visits": now.bg_ev,
        },
        index=pd.Index(h.keys[now.code], name=L.CLIENT),
    )
    return Forecast(clients, model, None if client_keys is None else h.index.to_numpy()[now.code])
