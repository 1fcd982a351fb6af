import pandas as pd

from salon_segment.scoring.visits import visits
from tests.helpers import ledger, line

AS_OF = pd.Timestamp("2026-06-30")


def test_same_day_lines_are_one_visit_with_summed_revenue():
    result = visits(
        ledger(line("a", "2026-06-01", 40), line("a", "2026-06-01", 20, kind="product"), line("a", "2026-06-02", 10)),
        as_of=AS_OF,
    )
    assert len(result) == 2
    first = result.iloc[0]
    assert first["revenue"] == 60
    assert first["product_revenue"] == 20
    assert bool(first["has_product"]) is True
    assert bool(result.iloc[1]["has_product"]) is False


def test_no_shows_cancellations_bookings_and_future_lines_are_never_visits():
    result = visits(
        ledger(
            line("a", "2026-06-01", status="no_show"),
            line("a", "2026-06-02", status="cancelled"),
            line("a", "2026-06-03", status="booked"),
            line("a", "2026-07-01"),  # completed but after as_of
            line("a", "2026-06-30"),  # on as_of: counts
        ),
        as_of=AS_OF,
    )
    assert result["date"].tolist() == [pd.Timestamp("2026-06-30")]


def test_refund_lines_net_the_day_revenue():
    result = visits(
        ledger(line("a", "2026-06-01", 30, kind="product"), line("a", "2026-06-01", -30, kind="product")), as_of=AS_OF
    )
    assert result.iloc[0]["revenue"] == 0


def test_empty_ledger_gives_no_visits():
    assert visits(ledger(), as_of=AS_OF).empty
