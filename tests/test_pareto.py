"""Pareto figures, hand-computed."""

import pandas as pd
import pytest

from salon_segment.scoring.pareto import pareto, pareto_curve


def run(values, **kwargs):
    return pareto(pd.Series(values, dtype=float), window_months=12, **kwargs)


def test_ten_clients_hand_computed():
    # total 1000; best two (ceil(0.2 * 10) = 2) bring 400 + 200 = 600
    # cumulative: 400, 600, 700, 800 -> 80% reached by the 4th client -> 4/10
    p = run([400, 200, 100, 100, 50, 50, 40, 30, 20, 10])
    assert p.clients_with_revenue == 10
    assert p.top_clients == 2
    assert p.top_revenue_share == pytest.approx(0.6)
    assert p.clients_for_target == 4
    assert p.clients_share_for_target == pytest.approx(0.4)
    # gini = 2 * sum(i * x_i ascending) / (n * total) - (n + 1) / n
    ascending = [10, 20, 30, 40, 50, 50, 100, 100, 200, 400]
    expected = 2 * sum((i + 1) * x for i, x in enumerate(ascending)) / (10 * 1000) - 11 / 10
    assert p.gini == pytest.approx(expected)


def test_top_share_rounds_the_client_count_up():
    p = run([50, 30, 20])  # ceil(0.6) = 1 client
    assert p.top_clients == 1
    assert p.top_revenue_share == pytest.approx(0.5)
    assert p.clients_for_target == 2  # 50 + 30 = 80 reaches 80% exactly


def test_equal_spenders_have_zero_gini_and_need_eighty_percent_of_clients():
    p = run([10] * 5)
    assert p.gini == pytest.approx(0)
    assert p.top_revenue_share == pytest.approx(0.2)
    assert p.clients_share_for_target == pytest.approx(0.8)


def test_zero_and_negative_revenue_clients_are_left_out():
    p = run([100, 0, -20])
    assert p.clients_with_revenue == 1
    assert p.top_revenue_share == 1.0
    assert p.gini == 0.0


def test_no_revenue_gives_empty_figures():
    p = run([])
    assert p.clients_with_revenue == 0
    assert p.top_revenue_share is None
    assert p.clients_share_for_target is None
    assert p.gini is None


def test_curve_ends_at_one():
    curve = pareto_curve(pd.Series([3.0, 1.0]))
    assert curve["client_share"].tolist() == [0.5, 1.0]
    assert curve["revenue_share"].tolist() == [0.75, 1.0]
