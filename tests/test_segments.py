"""Segment rules with hand-computed expectations, boundaries included."""

import pandas as pd
import pytest

from salon_segment.rules import Rules
from salon_segment.scoring.clients import client_metrics
from tests.helpers import ledger, line, monthly

AS_OF = pd.Timestamp("2026-10-31")
DEFAULT_RULES = Rules()
# one visit in each of the 6 one-month periods (as_of - k months, as_of - (k-1) months]
SIX_MONTHS = ["2026-10-15", "2026-09-15", "2026-08-15", "2026-07-15", "2026-06-15", "2026-05-15"]


def segment_of(lines, rules=DEFAULT_RULES, as_of=AS_OF):
    clients = client_metrics(ledger(*lines), as_of=as_of, rules=rules)
    return dict(zip(clients["client"], clients["segment"], strict=True))


def test_last_visit_exactly_two_months_ago_is_not_lost():
    # as_of 2026-10-31 minus 2 months = 2026-08-31
    lines = monthly("kept", ["2026-06-01", "2026-07-01", "2026-08-31"]) + monthly(
        "gone", ["2026-06-01", "2026-07-01", "2026-08-30"]
    )
    assert segment_of(lines) == {"gone": "lost", "kept": "C"}


def test_lost_wins_over_new():
    assert segment_of([line("x", "2026-01-10")]) == {"x": "lost"}


@pytest.mark.parametrize(("visits", "expected"), [(1, "new"), (2, "new"), (3, "C")])
def test_new_means_under_three_visits(visits, expected):
    dates = ["2026-10-01", "2026-10-10", "2026-10-20"][:visits]
    assert segment_of(monthly("x", dates)) == {"x": expected}


def test_same_day_lines_count_as_one_visit_for_new():
    lines = [line("x", "2026-10-01"), line("x", "2026-10-01", kind="product"), line("x", "2026-10-20")]
    assert segment_of(lines) == {"x": "new"}


def test_no_shows_do_not_make_a_client_regular_or_old():
    lines = [*monthly("x", ["2026-10-01", "2026-10-10"]), line("x", "2026-10-20", status="no_show")]
    assert segment_of(lines) == {"x": "new"}


def test_regular_needs_a_visit_in_every_one_of_six_months():
    regular = monthly("reg", SIX_MONTHS)
    gap = monthly("gap", [*SIX_MONTHS[:5], "2026-04-30"])  # 2026-04-30 is outside (as_of - 6 months = 04-30)
    assert segment_of(regular + gap) == {"gap": "C", "reg": "B"}


def test_five_of_six_is_regular_when_the_salon_sets_it():
    lines = monthly("x", [*SIX_MONTHS[:5], "2026-03-01"])
    assert segment_of(lines) == {"x": "C"}
    assert segment_of(lines, Rules(regular_min_active_months=5)) == {"x": "B"}


@pytest.mark.parametrize(("product_visits", "expected"), [(1, "B"), (2, "A"), (6, "A")])
def test_a_needs_products_on_at_least_a_third_of_recent_visits(product_visits, expected):
    lines = monthly("x", SIX_MONTHS) + [line("x", d, 20, kind="product") for d in SIX_MONTHS[:product_visits]]
    assert segment_of(lines) == {"x": expected}  # 2 of 6 visits is exactly one third


def test_products_bought_before_the_window_do_not_make_a():
    lines = monthly("x", SIX_MONTHS) + [line("x", d, 20, kind="product") for d in ["2025-01-01", "2025-02-01"]]
    lines += monthly("x", ["2025-01-01", "2025-02-01"])
    assert segment_of(lines) == {"x": "B"}


def test_client_with_only_bookings_is_potential_not_a_segment():
    lines = [line("p", "2026-11-15", status="booked"), line("q", "2026-10-01", status="no_show")]
    assert segment_of(lines) == {"p": "potential", "q": "potential"}


def test_every_visited_client_is_in_exactly_one_segment():
    lines = (
        monthly("reg", SIX_MONTHS)
        + monthly("occ", ["2026-01-01", "2026-05-01", "2026-10-01"])
        + [
            line("one", "2026-10-30"),
            line("old", "2020-01-01"),
        ]
    )
    assert segment_of(lines) == {"old": "lost", "occ": "C", "one": "new", "reg": "B"}
