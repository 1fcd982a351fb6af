"""Who comes back: BG/NBD against hand-computed likelihoods and published CDNOW figures, the forecast's contract,
the back-test and the data-derived lost threshold."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special

from salon_segment.ledger import make_ledger
from salon_segment.scoring import bgnbd
from salon_segment.scoring.backtest import backtest, lost_threshold
from salon_segment.scoring.forecast import FORECAST_COLUMNS, forecast
from salon_segment.scoring.forecast_inputs import inputs_from_ledger
from salon_segment.scoring.glm import auc, brier
from salon_segment.scoring.visits import visits as ledger_visits
from tests.helpers import ROOT

AS_OF = pd.Timestamp("2025-06-30")
# lifetimes' documented BG/NBD fit on its CDNOW sample (docs/Quickstart.md), the figures of Fader, Hardie & Lee
PUBLISHED = {"r": 0.242593, "alpha": 4.413532, "a": 0.792886, "b": 2.425752}


def _benchmark_module():
    spec = importlib.util.spec_from_file_location("prediction_benchmark", ROOT / "benchmarks" / "prediction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def salon():
    """A simulated salon with rhythms: visits up to as_of + 30 days, bookings and no-shows known at as_of."""
    return _benchmark_module().salon_case(11, 1500, 30)


def _cdnow_file(name: str) -> Path | None:
    """A lifetimes dataset file: $SALON_SEGMENT_CDNOW_DIR or an installed lifetimes; None (skip) otherwise."""
    folders = [os.environ.get("SALON_SEGMENT_CDNOW_DIR", "")]
    spec = importlib.util.find_spec("lifetimes")
    if spec and spec.origin:
        folders.append(str(Path(spec.origin).parent / "datasets"))
    found = [Path(f) / name for f in folders if f and (Path(f) / name).is_file()]
    return found[0] if found else None


# ------------------------------------------------------------------------------------------------ BG/NBD
def test_log_likelihood_of_tiny_histories_by_hand():
    # r = α = a = b = 1. No repeat visit in 5 weeks: (α / (α + T))^r = 1/6.
    # Two repeats, last at 2, T = 5: B(1, 3)/B(1, 1) · Γ(3)/Γ(1) · (6^-3 + 1/2 · 3^-3) = 1/3 · 2 · 5/216 = 5/324.
    ll = bgnbd.bgnbd_log_likelihood(1, 1, 1, 1, [0, 2], [0, 2], [5, 5])
    np.testing.assert_allclose(np.exp(ll), [1 / 6, 5 / 324], rtol=1e-12)
    # r=2, α=3, a=0.5, b=1.5; x=1, t_x=1, T=4: B(.5, 2.5)/B(.5, 1.5) = 0.75, Γ(3)·3²/Γ(2) = 18,
    # bracket 7^-3 + (0.5/1.5)·4^-3
    ll = bgnbd.bgnbd_log_likelihood(2, 3, 0.5, 1.5, [1], [1], [4])
    np.testing.assert_allclose(np.exp(ll), [0.75 * 18 * (1 / 343 + 1 / 192)], rtol=1e-12)


def test_gradient_matches_finite_differences():
    x = np.array([0, 1, 3, 7, 0, 2.0])
    t_x = np.array([0, 3, 10, 30, 0, 1.5])
    T = np.array([12, 20, 31, 40, 3, 2.0])
    data = bgnbd._Compact.of(x, t_x, T, np.ones(x.size))
    theta = np.log([0.7, 3.0, 0.8, 2.5])
    error = optimize.check_grad(
        lambda th: bgnbd._objective(th, data, 0.01)[0], lambda th: bgnbd._objective(th, data, 0.01)[1], theta
    )
    assert error < 1e-6


def test_predictions_match_textbook_formulas_and_hardies_spreadsheet():
    p = bgnbd.BgNbdParams(**PUBLISHED)
    x, t_x, T, t = np.array([0, 1, 2, 5, 20.0]), np.array([0, 10, 30.43, 35, 38]), np.full(5, 38.86), 39.0
    r, al, a, b = p.r, p.alpha, p.a, p.b
    textbook = (
        (a + b + x - 1)
        / (a - 1)
        * (1 - ((al + T) / (al + T + t)) ** (r + x) * special.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    )
    alive = 1 / (1 + (x > 0) * a / (b + x - 1) * ((al + T) / (al + t_x)) ** (r + x))
    np.testing.assert_allclose(bgnbd.bgnbd_p_alive(p, x, t_x, T), alive, rtol=1e-10)
    np.testing.assert_allclose(bgnbd.bgnbd_expected_visits(p, t, x, t_x, T), textbook * alive, rtol=1e-8)
    # Hardie's Excel sheet: a client with x=2, t_x=30.43, T=38.86 makes 1.226 purchases in the next 39 weeks
    assert bgnbd.bgnbd_expected_visits(p, 39, 2, 30.43, 38.86)[()] == pytest.approx(1.226, abs=1e-3)
    times = [0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00]
    expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576]
    np.testing.assert_allclose(bgnbd.bgnbd_unconditional_expected(p, times), expected, atol=1e-3)
    # P(return) for a client without repeats is the Gamma-Poisson "at least one": 1 − ((α+T)/(α+T+t))^r
    assert bgnbd.bgnbd_p_return(p, 13, 0, 0, 20)[()] == pytest.approx(1 - ((al + 20) / (al + 33)) ** r)
    p_return = bgnbd.bgnbd_p_return(p, t, x, t_x, T)
    assert np.all((p_return >= 0) & (p_return <= bgnbd.bgnbd_p_alive(p, x, t_x, T)))


def test_expected_visits_stay_finite_for_very_frequent_clients():
    p = bgnbd.BgNbdParams(**PUBLISHED)
    value = bgnbd.bgnbd_expected_visits(p, 13, np.array([300.0, 800.0]), np.array([150.0, 155.0]), np.full(2, 156.0))
    assert np.all(np.isfinite(value)) and np.all(value > 0)


def test_fit_recovers_simulated_parameters():
    truth = bgnbd.BgNbdParams(0.5, 6.0, 0.6, 3.0)
    rng = np.random.default_rng(2024)
    T = rng.uniform(20, 80, 30_000)
    x, t_x = bgnbd.simulate_bgnbd(rng, truth, T)
    fit = bgnbd.fit_bgnbd(x, t_x, T)
    assert fit.r == pytest.approx(truth.r, rel=0.07)
    assert fit.alpha == pytest.approx(truth.alpha, rel=0.07)
    assert fit.a == pytest.approx(truth.a, rel=0.15)
    assert fit.b == pytest.approx(truth.b, rel=0.15)


def test_fit_on_lifetimes_cdnow_sample_matches_published_parameters():
    path = _cdnow_file("cdnow_customers_summary.csv")
    if path is None:
        pytest.skip("CDNOW sample not found: pip install lifetimes, or set SALON_SEGMENT_CDNOW_DIR")
    data = pd.read_csv(path)
    fit = bgnbd.fit_bgnbd(data["frequency"], data["recency"], data["T"])
    for name, value in PUBLISHED.items():
        assert getattr(fit, name) == pytest.approx(value, rel=0.01), name
    assert fit.clients == 2357
    assert fit.log_likelihood == pytest.approx(-9582.43, abs=0.05)


# ------------------------------------------------------------------------------------------------ forecast
def _scores(result, visits: pd.DataFrame, horizon: int) -> tuple[np.ndarray, pd.DataFrame]:
    window = visits[(visits["date"] > AS_OF) & (visits["date"] <= AS_OF + pd.Timedelta(days=horizon))]
    actual = window.groupby("client").size().reindex(result.clients.index).fillna(0).to_numpy()
    return actual, result.clients


def test_rhythm_salon_forecast_beats_bgnbd_and_days_since_last_visit(salon):
    visits, bookings, missed = salon
    result = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=bookings, missed=missed)
    actual, c = _scores(result, visits, 30)
    came = actual > 0
    assert result.model.method == "shifted"
    model_auc = auc(c["p_return"].to_numpy(), came)
    assert model_auc > auc(c["bgnbd_p_return"].to_numpy(), came) + 0.02
    assert model_auc > auc(-c["days_since_last_visit"].to_numpy(), came) + 0.02
    assert brier(c["p_return"].to_numpy(), came) < brier(c["bgnbd_p_return"].to_numpy(), came)
    assert c["expected_visits"].sum() / actual.sum() == pytest.approx(1.0, abs=0.15)


def test_contract_rows_ranges_determinism_and_no_mutation(salon):
    visits, bookings, missed = salon
    copies = visits.copy(), bookings.copy(), missed.copy()
    first = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=bookings, missed=missed)
    second = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=bookings, missed=missed)
    pd.testing.assert_frame_equal(first.clients, second.clients)
    pd.testing.assert_frame_equal(visits, copies[0])
    pd.testing.assert_series_equal(bookings, copies[1])
    pd.testing.assert_frame_equal(missed, copies[2])
    c = first.clients
    assert list(c.columns) == list(FORECAST_COLUMNS)
    assert list(c.index) == sorted(visits.loc[visits["date"] <= AS_OF, "client"].unique())
    assert c["p_return"].between(0, 1).all()
    assert (c["expected_visits"] >= c["p_return"] - 1e-12).all() and (c["expected_visits"] >= 0).all()
    assert (c["expected_revenue"] >= 0).all()
    np.testing.assert_allclose(c["value_at_risk"], (1 - c["p_return"]) * c["yearly_value"])
    assert np.isfinite(c.to_numpy(dtype=float)).all()


def test_a_booking_inside_the_horizon_makes_return_near_certain(salon):
    visits, _, _ = salon
    without = forecast(visits, as_of=AS_OF, horizon_days=30).clients
    lapsed = without["p_return"].idxmin()
    assert without.loc[lapsed, "p_return"] < 0.5
    inside = pd.Series({lapsed: AS_OF + pd.Timedelta(days=20)})
    outside = pd.Series({lapsed: AS_OF + pd.Timedelta(days=45)})
    booked = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=inside).clients
    later = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=outside).clients
    assert booked.loc[lapsed, "p_return"] >= 0.95
    assert booked.loc[lapsed, "expected_visits"] >= booked.loc[lapsed, "p_return"]
    assert later.loc[lapsed, "p_return"] <= without.loc[lapsed, "p_return"]  # booked, but after the horizon
    others = booked.index != lapsed  # a booking elsewhere makes the unbooked a little less likely to come
    assert (booked.loc[others, "p_return"] <= without.loc[others, "p_return"]).all()
    assert booked.loc[others, "p_return"].sum() > 0.99 * without.loc[others, "p_return"].sum()


def test_small_salon_falls_back_to_bgnbd_and_ledger_helper_reads_bookings_and_no_shows():
    lines = pd.DataFrame(
        {
            "client": ["ann", "ann", "ann", "bob", "bob", "cy", "ann", "bob", "dee"],
            "date": [
                "2025-01-05",
                "2025-02-16",
                "2025-03-30",
                "2025-02-01",
                "2025-05-20",
                "2025-06-01",
                "2025-07-10",
                "2025-06-10",
                "2025-07-01",
            ],
            "amount": [60.0, 60.0, 65.0, 40.0, 40.0, 90.0, 0.0, 0.0, 0.0],
            "status": ["completed"] * 6 + ["booked", "no_show", "booked"],
        }
    )
    ledger = make_ledger(lines)
    inputs = inputs_from_ledger(ledger, AS_OF)
    assert dict(inputs.bookings) == {"ann": pd.Timestamp("2025-07-10"), "dee": pd.Timestamp("2025-07-01")}
    assert list(inputs.missed["client"]) == ["bob"]
    result = forecast(inputs.visits, as_of=AS_OF, horizon_days=30, bookings=inputs.bookings, missed=inputs.missed)
    assert result.model.method == "bgnbd" and result.model.reason
    assert list(result.clients.index) == ["ann", "bob", "cy"]  # dee has only a booking: not seen yet
    assert result.clients.loc["ann", "p_return"] >= 0.95
    assert result.clients["p_return"].between(0, 1).all()


def test_unsorted_input_with_same_day_rows_gives_the_same_forecast(salon):
    visits, _, _ = salon
    past = visits.loc[visits["date"] <= AS_OF]
    doubled = pd.concat([past, past.iloc[::7].assign(revenue=0.0)]).sample(frac=1.0, random_state=3)
    a = forecast(past, as_of=AS_OF, horizon_days=30).clients
    b = forecast(doubled, as_of=AS_OF, horizon_days=30).clients
    pd.testing.assert_frame_equal(a, b)


def test_missed_counts_as_a_series_are_accepted(salon):
    visits, _, missed = salon
    counts = missed.groupby("client").size()
    result = forecast(visits, as_of=AS_OF, horizon_days=30, missed=counts)
    assert result.clients["p_return"].between(0, 1).all()


def _as_codes(visits: pd.DataFrame, bookings: pd.Series, missed: pd.DataFrame, extra: str = "zz-list-only"):
    """The same inputs with clients named by codes into sorted keys (as an analysis passes them), plus one key
    that has no visit (as a client-list client has)."""
    keys = np.array(sorted({*visits["client"], *bookings.index, *missed["client"], extra}), dtype=object)
    index = pd.Index(keys)
    return (
        visits.assign(client=index.get_indexer(visits["client"])),
        bookings.set_axis(index.get_indexer(bookings.index)),
        missed.assign(client=index.get_indexer(missed["client"])),
        keys,
    )


def test_clients_named_by_integer_codes_give_the_identical_forecast_and_backtest(salon):
    visits, bookings, missed = salon
    coded, coded_bookings, coded_missed, keys = _as_codes(visits, bookings, missed)
    by_key = forecast(visits, as_of=AS_OF, horizon_days=30, bookings=bookings, missed=missed)
    by_code = forecast(coded, as_of=AS_OF, horizon_days=30, bookings=coded_bookings, missed=coded_missed,
                       client_keys=keys)  # fmt: skip
    pd.testing.assert_frame_equal(by_key.clients, by_code.clients, check_exact=True)
    assert by_key.codes is None and list(keys[by_code.codes]) == list(by_code.clients.index)
    end = AS_OF + pd.Timedelta(days=30)
    a = backtest(visits, as_of=end, horizon_days=30, missed=missed)
    b = backtest(coded, as_of=end, horizon_days=30, missed=coded_missed, client_keys=keys)
    pd.testing.assert_frame_equal(a.per_client, b.per_client, check_exact=True)
    assert (a.auc, a.brier, a.recency_brier, a.actual_revenue) == (b.auc, b.brier, b.recency_brier, b.actual_revenue)
    assert lost_threshold(visits, as_of=AS_OF) == lost_threshold(coded, as_of=AS_OF)


def test_importing_scoring_does_not_load_scipy():
    """scipy (0.2-0.5 s of start-up) is imported by the forecast's first fit, not by ``import salon_segment.scoring``:
    commands that fit nothing do not pay for it."""
    code = "import sys, salon_segment.scoring; print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


# ------------------------------------------------------------------------------------------------ back-test
def test_backtest_scores_the_forecast_made_one_horizon_ago(salon):
    visits, _, missed = salon
    end = AS_OF + pd.Timedelta(days=30)
    result = backtest(visits, as_of=end, horizon_days=30, missed=missed)
    assert result.fitted_at == AS_OF and result.method == "shifted"
    assert result.clients == visits.loc[visits["date"] <= AS_OF, "client"].nunique()
    window = visits[(visits["date"] > AS_OF) & (visits["date"] <= end)]
    assert result.actual_visits == len(window)
    assert result.actual_revenue == pytest.approx(window["revenue"].sum())
    assert result.returned == window["client"].nunique()
    assert result.auc > result.recency_auc and result.auc > result.bgnbd_auc and result.beats_recency
    assert result.brier < min(result.bgnbd_brier, result.lost_rule_brier, result.recency_brier)
    assert 0.5 < result.lost_rule_auc < result.recency_auc
    assert result.visits_ratio == pytest.approx(1.0, abs=0.15)
    assert {"actual_visits", "actual_revenue", "lost_rule"} <= set(result.per_client.columns)


def test_lost_threshold_from_the_salons_own_gaps(salon):
    visits, _, _ = salon
    days = lost_threshold(visits, as_of=AS_OF)
    assert days is not None and 40 <= days <= 200
    assert lost_threshold(visits, as_of=AS_OF, below=0.5) <= days
    tiny = ledger_visits(make_ledger(pd.DataFrame({"client": ["a", "a"], "date": ["2025-01-01", "2025-02-01"]})),
                         as_of=AS_OF)  # fmt: skip
    assert lost_threshold(tiny, as_of=AS_OF) is None


def _cdnow_visits() -> pd.DataFrame:
    path = _cdnow_file("CDNOW_master.txt")
    if path is None:
        pytest.skip("CDNOW_master.txt not found: pip install lifetimes, or set SALON_SEGMENT_CDNOW_DIR")
    bench = _benchmark_module()
    return bench.load_cdnow(path)


def test_bgnbd_on_cdnow_master_matches_lifetimes():
    # lifetimes 0.11.3 on CDNOW_master, calibration end 1997-09-30, weeks (freq "D", multiplier 7):
    # r 0.2516, α 4.7889, a 0.7234, b 2.1611 (measured in ../shared/research/analytics.md, §1.3)
    data = _benchmark_module().frt(_cdnow_visits(), pd.Timestamp("1997-09-30"))
    fit = bgnbd.fit_bgnbd(data["x"], data["t_x"], data["T"])
    for name, value in {"r": 0.2516, "alpha": 4.7889, "a": 0.7234, "b": 2.1611}.items():
        assert getattr(fit, name) == pytest.approx(value, rel=0.01), name


def test_forecast_on_cdnow_is_at_least_as_good_as_bgnbd():
    visits = _cdnow_visits()
    as_of, horizon = pd.Timestamp("1997-09-30"), 91
    result = forecast(visits, as_of=as_of, horizon_days=horizon)
    window = visits[(visits["date"] > as_of) & (visits["date"] <= as_of + pd.Timedelta(days=horizon))]
    actual = window.groupby("client").size().reindex(result.clients.index).fillna(0).to_numpy()
    came, c = actual > 0, result.clients
    assert auc(c["p_return"].to_numpy(), came) > auc(c["bgnbd_p_return"].to_numpy(), came)
    assert brier(c["p_return"].to_numpy(), came) <= brier(c["bgnbd_p_return"].to_numpy(), came)
    assert c["expected_visits"].sum() / actual.sum() == pytest.approx(1.0, abs=0.15)
