"""Per-client regularity metrics: intervals, expected next visit, overdue, bookings."""

import pandas as pd
import pytest

from salon_segment.rules import Rules
from salon_segment.scoring.clients import client_metrics
from tests.helpers import ledger, line, monthly

AS_OF = pd.Timestamp("2026-10-31")
DEFAULT_RULES = Rules()


def metrics(lines, as_of=AS_OF, rules=DEFAULT_RULES):
    return client_metrics(ledger(*lines), as_of=as_of, rules=rules).set_index("client")


def test_intervals_first_last_and_expected_next_visit():
    # gaps 20, 30, 40 days -> median 30, mean 30, population std 8.165 -> variation 0.2722
    c = metrics(monthly("x", ["2026-07-01", "2026-07-21", "2026-08-20", "2026-09-29"])).loc["x"]
    assert c["visits"] == 4
    assert c["first_visit"] == pd.Timestamp("2026-07-01")
    assert c["last_visit"] == pd.Timestamp("2026-09-29")
    assert c["median_interval_days"] == 30
    assert c["interval_variation"] == pytest.approx(8.16497 / 30, rel=1e-4)
    assert c["expected_next_visit"] == pd.Timestamp("2026-10-29")
    assert c["days_since_last_visit"] == 32
    assert c["days_overdue"] == 2
    assert c["active_months"] == 3  # periods 2 (09-29), 3 (08-20), 4 (07-01 and 07-21)
    assert not c["overdue"]  # 32 days is not more than 1.5 x 30


@pytest.mark.parametrize(("last", "overdue"), [("2026-09-15", False), ("2026-09-14", True)])
def test_overdue_is_strictly_more_than_one_and_a_half_intervals(last, overdue):
    # gaps of 30 days -> median 30; 1.5 x 30 = 45 days. as_of - 2026-09-16 = 45 days (not overdue).
    last_ts = pd.Timestamp(last)
    dates = [(last_ts - pd.Timedelta(days=30 * k)).strftime("%Y-%m-%d") for k in (3, 2, 1, 0)]
    as_of = pd.Timestamp("2026-10-30")
    c = metrics(monthly("x", dates), as_of=as_of).loc["x"]
    assert c["days_since_last_visit"] == (as_of - last_ts).days
    assert bool(c["overdue"]) is overdue


def test_overdue_needs_three_visits_and_excludes_lost():
    lines = monthly("two", ["2026-08-01", "2026-08-10"]) + monthly("lost", ["2026-06-01", "2026-06-10", "2026-06-20"])
    c = metrics(lines)
    assert not c.loc["two", "overdue"]
    assert c.loc["lost", "segment"] == "lost"
    assert not c.loc["lost", "overdue"]


def test_no_shows_cancellations_and_upcoming_bookings_per_client():
    lines = [
        line("x", "2026-10-01"),
        line("x", "2026-10-05", status="no_show"),
        line("x", "2026-10-06", status="cancelled"),
        line("x", "2026-11-20", status="cancelled"),  # cancelled future line: a cancellation, not a booking
        line("x", "2026-11-10", status="booked"),
        line("x", "2026-11-12", status="completed"),  # dated after as_of: an upcoming booking
    ]
    c = metrics(lines).loc["x"]
    assert (c["no_shows"], c["cancellations"], c["upcoming_bookings"]) == (1, 2, 2)
    assert c["next_booking"] == pd.Timestamp("2026-11-10")
    assert c["visits"] == 1


def test_revenue_in_window_and_latest_contact_details():
    lines = [
        line("x", "2025-10-31", 100, name="Old Name", phone="0611"),  # exactly 12 months before: outside
        line("x", "2025-11-01", 40, email="x@example.nl"),
        line("x", "2026-10-01", 60, kind="product", name="New Name"),
    ]
    c = metrics(lines).loc["x"]
    assert c["revenue"] == 200
    assert c["revenue_12m"] == 100
    assert c["visits_12m"] == 2
    assert c["product_revenue"] == 60
    assert (c["client_name"], c["email"], c["phone"]) == ("New Name", "x@example.nl", "0611")


def test_empty_ledger_gives_no_clients():
    assert metrics([]).empty
