"""Who comes back: the forecast of salon_segment.scoring.forecast against BG/NBD, Pareto/NBD and recency.

    python benchmarks/prediction.py [--cdnow PATH/TO/CDNOW_master.txt] [--clients 100000]

For each data set and calibration date, every model is fitted on the visits up to the date and scored on what
happened in the following horizon: AUC of P(return) (how well it ranks who comes back), Brier score (how
well-calibrated the probability is), total predicted ÷ actual visits, and mean absolute error of the expected
visits per client. Days since the last visit is the naive ranking baseline (AUC only; it has no probability).

Data: (a) CDNOW, the public CD-store purchase history used by Fader, Hardie & Lee (23,570 customers of the
first quarter of 1997, purchases to mid-1998). It is not shipped with salon-segment; `lifetimes` bundles it:
``pip install lifetimes`` (its ``lifetimes/datasets/CDNOW_master.txt`` is found automatically) or download it
from https://github.com/CamDavidsonPilon/lifetimes/tree/master/lifetimes/datasets and pass ``--cdnow``.
(b) Synthetic salons generated here (``simulate_salon``): clients with their own interval (3–10 weeks) and
regularity, one-time clients, per-visit churn, no-shows and bookings. Last: fit + predict time for 100k clients.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from salon_segment.ledger import make_ledger
from salon_segment.scoring import bgnbd
from salon_segment.scoring.forecast import forecast
from salon_segment.scoring.forecast_inputs import inputs_from_ledger
from salon_segment.scoring.glm import auc, brier

WEEK = 7.0


# --------------------------------------------------------------------------------------------- synthetic salons
def simulate_salon(
    seed: int = 0,
    clients: int = 4000,
    *,
    as_of: str = "2025-06-30",
    horizon_days: int = 90,
    years: float = 3.0,
    one_timers: float = 0.3,
    churn: tuple[float, float] = (1.0, 15.0),
    spread: tuple[float, float] = (0.1, 0.5),
    booking_rate: float = 0.5,
) -> pd.DataFrame:
    """A salon's ledger lines (client, date, amount, status) up to as_of + horizon, plus bookings known at as_of.

    Each client arrives at a uniform time over ``years`` before as_of, keeps their own interval (3–10 weeks) with
    a coefficient of variation drawn from ``spread`` (gamma-distributed gaps), is a one-timer with probability
    ``one_timers``, otherwise leaves after each visit with a probability drawn from Beta(``churn``) (raised by
    their no-show rate). Each appointment is a no-show with the client's rate (Beta(1, 20)); the client then
    comes 3–14 days later. Alive clients whose next appointment is within 6 weeks after as_of have it booked
    with probability ``booking_rate`` (a "booked" line). Lines after as_of are the outcome to predict.
    """
    rng = np.random.default_rng(seed)
    end = pd.Timestamp(as_of)
    start_day = -int(years * 365)
    arrival = rng.integers(start_day, 1, clients).astype(float)  # day relative to as_of
    interval = rng.uniform(21, 70, clients)
    cv = rng.uniform(*spread, clients)
    shape = 1 / cv**2
    miss_rate = rng.beta(1, 20, clients)
    leave = np.clip(rng.beta(*churn, clients) + 0.5 * miss_rate, 0, 1)
    leave = np.where(rng.random(clients) < one_timers, 1.0, leave)
    spend = rng.lognormal(np.log(60), 0.4, clients)
    rows_client, rows_day, rows_status = [], [], []
    now = arrival.copy()
    alive = np.ones(clients, dtype=bool)
    first = True
    booked_next = np.full(clients, np.nan)
    for _ in range(400):
        active = alive & (now <= horizon_days)
        if not active.any():
            break
        missed = active & (rng.random(clients) < miss_rate) & (not first)
        rows_client.append(np.flatnonzero(missed))
        rows_day.append(now[missed])
        rows_status.append(np.full(missed.sum(), "no_show"))
        visit_day = np.where(missed, now + rng.integers(3, 15, clients), now)
        came = active & (visit_day <= horizon_days)
        rows_client.append(np.flatnonzero(came))
        rows_day.append(visit_day[came])
        rows_status.append(np.full(came.sum(), "completed"))
        # the appointment straddling as_of is the one a client may have booked
        straddle = active & (now <= 0) & np.isnan(booked_next)
        alive = active & (rng.random(clients) >= leave)
        first = False
        gap = rng.gamma(shape, interval / shape)
        nxt = visit_day + np.maximum(np.round(gap), 1)
        booked = straddle & alive & (nxt > 0) & (nxt <= 42) & (rng.random(clients) < booking_rate)
        booked_next = np.where(booked, nxt, booked_next)
        now = np.where(alive, nxt, np.inf)
    client = np.concatenate(rows_client)
    day = np.concatenate(rows_day)
    status = np.concatenate(rows_status)
    hidden_future = (day > 0) & (status == "no_show")  # a future no-show is not known at as_of
    client, day, status = client[~hidden_future], day[~hidden_future], status[~hidden_future]
    has_booking = np.flatnonzero(~np.isnan(booked_next))
    client = np.concatenate([client, has_booking])
    day = np.concatenate([day, booked_next[has_booking]])
    status = np.concatenate([status, np.full(has_booking.size, "booked")])
    amount = np.where(status == "completed", np.round(spend[client] * rng.lognormal(0, 0.2, client.size), 2), 0.0)
    return pd.DataFrame(
        {
            "client": pd.Series(client).map("c{:06d}".format).to_numpy(),
            "date": end + pd.to_timedelta(day.astype(np.int64), unit="D"),
            "amount": amount,
            "status": status,
        }
    )


# ----------------------------------------------------------------------------------------------------- CDNOW
def find_cdnow(path: str | None) -> Path | None:
    """CDNOW_master.txt from --cdnow, else from an installed lifetimes; None if neither."""
    if path:
        return Path(path)
    spec = importlib.util.find_spec("lifetimes")
    if spec and spec.origin:
        candidate = Path(spec.origin).parent / "datasets" / "CDNOW_master.txt"
        if candidate.is_file():
            return candidate
    return None


def load_cdnow(path: Path) -> pd.DataFrame:
    """Visits (client, date, revenue): CDNOW's purchase lines, same-day lines summed into one visit."""
    raw = pd.read_csv(
        path, sep=r"\s+", skiprows=1, header=None, names=["client", "date", "cds", "revenue"],
        dtype={"client": str, "date": str},
    )  # fmt: skip
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw.groupby(["client", "date"], as_index=False)["revenue"].sum()


# ------------------------------------------------------------------------------------------------ Pareto/NBD
def _pareto_log_a0(params: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """log A0 of Fader & Hardie's Pareto/NBD note (equations 19-20)."""
    r, alpha, s, beta = params
    low, high, third = (alpha, beta, r + x) if alpha < beta else (beta, alpha, s + 1.0)
    rsx = r + s + x
    p1 = special.hyp2f1(rsx, third, rsx + 1.0, (high - low) / (high + t_x))
    p2 = special.hyp2f1(rsx, third, rsx + 1.0, (high - low) / (high + T))
    q1, q2 = high + t_x, high + T
    a = np.log(p1) + rsx * np.log(q2)
    b = np.log(p2) + rsx * np.log(q1)
    gap = np.minimum(b - a, -1e-300)
    diff = np.where(a > b, np.log(-np.expm1(gap)) + a, -np.inf)
    return np.maximum(diff, -700.0) - rsx * np.log(q1 * q2)


def pareto_log_likelihood(params: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    r, alpha, s, beta = params
    head = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    dead = np.log(s / (r + s + x)) + _pareto_log_a0(params, x, t_x, T)
    return head + np.logaddexp(alive, dead)


def fit_pareto(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Maximum likelihood (Nelder-Mead on log parameters, like lifetimes)."""

    def loss(theta: np.ndarray) -> float:
        value = -pareto_log_likelihood(np.exp(theta), x, t_x, T).mean()
        return float(value) if np.isfinite(value) else 1e10

    result = optimize.minimize(loss, np.log([0.5, 10.0, 0.5, 10.0]), method="Nelder-Mead",
                               options={"maxiter": 4000, "xatol": 1e-6, "fatol": 1e-10})  # fmt: skip
    return np.exp(result.x)


def pareto_predict(
    params: np.ndarray, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray, grid: int = 24
) -> tuple[np.ndarray, np.ndarray]:
    """(P(at least one purchase in (T, T+t]), expected purchases) under Pareto/NBD.

    P(return) = P(alive) × (1 − E[μ/(λ+μ) + λ/(λ+μ)·exp(−(λ+μ)t)]) over the posterior rates of an alive client,
    λ ~ Gamma(r + x, α + T), μ ~ Gamma(s, β + T), by a midpoint quantile grid.
    """
    r, alpha, s, beta = params
    log_odds = np.log(s / (r + s + x)) + (r + x) * np.log(alpha + T) + s * np.log(beta + T)
    p_alive = special.expit(-(log_odds + _pareto_log_a0(params, x, t_x, T)))
    expected = (r + x) * (beta + T) / ((alpha + T) * (s - 1.0)) * (1.0 - ((beta + T) / (beta + T + t)) ** (s - 1.0))
    u = (np.arange(grid) + 0.5) / grid
    lam = stats.gamma.ppf(u[:, None], r + x[None, :]) / (alpha + T)[None, :]
    mu = stats.gamma.ppf(u, s)[:, None] / (beta + T)[None, :]
    total = lam[:, None, :] + mu[None, :, :]
    none = (mu[None, :, :] + lam[:, None, :] * np.exp(-total * t)) / total
    return p_alive * (1.0 - none.mean(axis=(0, 1))), p_alive * expected


# ------------------------------------------------------------------------------------------------ evaluation
def frt(visits: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per client seen by as_of: x (repeat visits), t_x and T in weeks, days since the last visit."""
    past = visits.loc[visits["date"] <= as_of]
    g = past.groupby("client")["date"].agg(["min", "max", "size"])
    return pd.DataFrame(
        {
            "x": (g["size"] - 1).astype(float),
            "t_x": (g["max"] - g["min"]).dt.days / WEEK,
            "T": (as_of - g["min"]).dt.days / WEEK,
            "since": (as_of - g["max"]).dt.days.astype(float),
        }
    )


def score(
    name: str, p: np.ndarray | None, ev: np.ndarray | None, actual: np.ndarray, rank: np.ndarray | None = None
) -> dict:
    came = actual > 0
    return {
        "model": name,
        "AUC": auc(p if rank is None else rank, came),
        "Brier": brier(p, came) if p is not None else float("nan"),
        "visits ratio": float(ev.sum() / actual.sum()) if ev is not None else float("nan"),
        "MAE": float(np.abs(ev - actual).mean()) if ev is not None else float("nan"),
    }


def evaluate(
    visits: pd.DataFrame,
    as_of: str,
    horizon_days: int,
    *,
    bookings: pd.Series | None = None,
    missed: pd.DataFrame | None = None,
    pareto: bool = True,
) -> list[dict]:
    """Every model fitted on visits up to as_of, scored on (as_of, as_of + horizon]."""
    as_of_ts = pd.Timestamp(as_of)
    end = as_of_ts + pd.Timedelta(days=horizon_days)
    started = time.perf_counter()
    result = forecast(visits, as_of=as_of_ts, horizon_days=horizon_days, bookings=bookings, missed=missed)
    seconds = time.perf_counter() - started
    c = result.clients
    window = visits.loc[(visits["date"] > as_of_ts) & (visits["date"] <= end)]
    actual = window.groupby("client").size().reindex(c.index).fillna(0).to_numpy(dtype=float)
    data = frt(visits, as_of_ts).reindex(c.index)
    x, t_x, T = data["x"].to_numpy(), data["t_x"].to_numpy(), data["T"].to_numpy()
    bg = bgnbd.fit_bgnbd(x, t_x, T)
    t = horizon_days / WEEK
    rows = [
        score(f"salon-segment ({result.model.method}, {seconds:.2f} s)", c["p_return"].to_numpy(),
              c["expected_visits"].to_numpy(), actual),
        score("BG/NBD", bgnbd.bgnbd_p_return(bg, t, x, t_x, T), bgnbd.bgnbd_expected_visits(bg, t, x, t_x, T), actual),
    ]  # fmt: skip
    if pareto:
        params = fit_pareto(x, t_x, T)
        p, ev = pareto_predict(params, t, x, t_x, T)
        rows.append(score("Pareto/NBD", p, ev, actual))
    rows.append(score("days since last visit", None, None, actual, rank=-data["since"].to_numpy()))
    lost = data["since"].to_numpy() >= (as_of_ts - (as_of_ts - pd.DateOffset(months=2))).days
    rows.append(score("lost rule (2 months)", (~lost).astype(float), None, actual))
    return rows


def show(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(f"  {'model':<40} {'AUC':>7} {'Brier':>7} {'visits ratio':>13} {'MAE':>7}")
    for row in rows:
        cells = [f"{row[k]:>{w}.3f}" if np.isfinite(row[k]) else f"{'–':>{w}}" for k, w in
                 (("AUC", 7), ("Brier", 7), ("visits ratio", 13), ("MAE", 7))]  # fmt: skip
        print(f"  {row['model']:<40} " + " ".join(cells))


def salon_case(
    seed: int, clients: int, horizon_days: int, **kwargs: object
) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Visits up to as_of + horizon, bookings and no-shows known at as_of, for a simulated salon."""
    ledger = make_ledger(simulate_salon(seed, clients, horizon_days=horizon_days, **kwargs))
    as_of = pd.Timestamp("2025-06-30")
    known = inputs_from_ledger(ledger, as_of)
    everything = inputs_from_ledger(ledger, as_of + pd.Timedelta(days=horizon_days))
    return everything.visits, known.bookings, known.missed


def timing(clients: int, repeats: int = 3) -> tuple[float, int, int]:
    """Best-of-``repeats`` seconds for forecast() on a simulated salon with ``clients`` clients."""
    visits, bookings, missed = salon_case(7, clients, 90)
    visits = visits.loc[visits["date"] <= pd.Timestamp("2025-06-30")]
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        forecast(visits, as_of=pd.Timestamp("2025-06-30"), horizon_days=90, bookings=bookings, missed=missed)
        best = min(best, time.perf_counter() - started)
    return best, visits["client"].nunique(), len(visits)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cdnow", help="path to CDNOW_master.txt (default: from an installed lifetimes)")
    parser.add_argument("--clients", type=int, default=100_000, help="clients for the timing run")
    parser.add_argument("--salon-clients", type=int, default=5000, help="clients per synthetic salon")
    args = parser.parse_args(argv)
    path = find_cdnow(args.cdnow)
    if path is None:
        print("CDNOW skipped: pass --cdnow PATH/CDNOW_master.txt or pip install lifetimes (see the docstring).")
    else:
        visits = load_cdnow(path)
        for as_of, horizon in (("1997-09-30", 91), ("1997-12-31", 182)):
            show(f"CDNOW, calibration end {as_of}, next {horizon // 7} weeks", evaluate(visits, as_of, horizon))
    for seed, horizon, kwargs in (
        (1, 30, {}),
        (2, 60, {}),
        (3, 90, {}),
        (4, 42, {"spread": (0.05, 0.25), "one_timers": 0.4, "booking_rate": 0.3}),
        (5, 90, {"spread": (0.3, 0.8), "churn": (1.0, 8.0), "booking_rate": 0.0}),
    ):
        visits, bookings, missed = salon_case(seed, args.salon_clients, horizon, **kwargs)
        label = ", ".join(f"{k}={v}" for k, v in kwargs.items()) or "defaults"
        show(f"Synthetic salon {seed} ({label}), next {horizon} days",
             evaluate(visits, "2025-06-30", horizon, bookings=bookings, missed=missed))  # fmt: skip
    seconds, clients, rows = timing(args.clients)
    print(f"\nforecast() fit + predict: {clients:,} clients, {rows:,} visits: {seconds:.2f} s (best of 3)")


if __name__ == "__main__":
    main()
