"""Rhythm per treatment category: hand-computed intervals, the due boundaries, and the call list."""

import pandas as pd
import pytest

from salon_segment import ledger as L
from salon_segment.render.call_list_view import call_list, call_records
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from salon_segment.scoring import rhythm as R

AS_OF = pd.Timestamp("2026-11-20")
WEEK = pd.Timedelta(weeks=1)


def _anna() -> list[tuple]:
    """Colour every 6 weeks (last 9 weeks ago, €80), a cut every 10 weeks (last 3 weeks ago, €40)."""
    colour = [("anna", AS_OF - (9 + 6 * k) * WEEK, "Colour", "Full colour", 80.0) for k in range(4)]
    cut = [("anna", AS_OF - (3 + 10 * k) * WEEK, "Cut", "Cut and blow-dry", 40.0) for k in range(3)]
    return colour + cut


def _ledger(rows: list[tuple]) -> pd.DataFrame:
    return L.make_ledger(pd.DataFrame(rows, columns=[L.CLIENT, L.DATE, L.CATEGORY, L.ITEM, L.AMOUNT]))


def test_interval_per_category_is_the_median_gap_of_its_visit_days():
    table = R.category_rhythm(_ledger(_anna()), as_of=AS_OF, rules=Rules()).set_index(R.CATEGORY)
    assert table.loc["Colour", R.USUAL_INTERVAL] == 42.0
    assert table.loc["Cut", R.USUAL_INTERVAL] == 70.0
    assert table.loc["Colour", R.DAYS_SINCE] == 63
    assert table.loc["Cut", R.DAYS_SINCE] == 21
    assert bool(table.loc["Colour", R.DUE]) and not bool(table.loc["Cut", R.DUE])
    # €80 a visit every 42 days: 80 × 365.25 / 42 a year; half a rhythm missed (63 − 42 = 21 of 42 days)
    assert table.loc["Colour", R.YEARLY_VALUE] == pytest.approx(80 * 365.25 / 42)
    assert table.loc["Colour", R.VALUE_AT_RISK] == pytest.approx(80 * 365.25 / 42 * 0.5)
    assert table.loc["Cut", R.VALUE_AT_RISK] == 0.0


def test_two_visits_in_a_category_are_no_rhythm_and_products_no_treatment():
    rows = [("bo", AS_OF - 20 * WEEK, "Nails", "Gel", 30.0), ("bo", AS_OF - 14 * WEEK, "Nails", "Gel", 30.0)]
    product = [("bo", AS_OF - k * WEEK, "Retail", "Shampoo 250 ml", 15.0) for k in (1, 5, 9)]
    ledger = _ledger(rows + product)
    ledger[L.KIND] = pd.Categorical([L.SERVICE, L.SERVICE, L.PRODUCT, L.PRODUCT, L.PRODUCT])
    assert R.category_rhythm(ledger, as_of=AS_OF, rules=Rules()).empty


@pytest.mark.parametrize(
    ("days_since", "due"),
    [
        (42, False),  # exactly the usual interval: not due yet
        (43, True),  # a day later: due
        (42 + 61, True),  # late by the lost rule (2 months before 2026-11-20 is 61 days): still due
        (42 + 62, False),  # later than that: the treatment was dropped
    ],
)
def test_due_boundaries(days_since, due):
    last = AS_OF - pd.Timedelta(days=days_since)
    rows = [("cy", last - pd.Timedelta(days=42 * k), "Colour", "Colour", 80.0) for k in range(3)]
    table = R.category_rhythm(_ledger(rows), as_of=AS_OF, rules=Rules())
    assert bool(table[R.DUE].iloc[0]) is due


def _salon() -> pd.DataFrame:
    """Anna plus 30 regulars who come every 3 weeks and came last week (enough history for the forecast)."""
    rows = _anna()
    for n in range(30):
        rows += [(f"regular{n:02d}", AS_OF - (1 + 3 * k) * WEEK - pd.Timedelta(days=n % 5), "Cut", "Cut", 35.0)
                 for k in range(30)]  # fmt: skip
    return _ledger(rows)


def test_a_client_due_for_colour_is_on_the_call_list_as_due_for_colour():
    analysis = analyze(_salon(), as_of=AS_OF, rules=Rules())
    calls = call_list(analysis)
    anna = calls.loc[calls[L.CLIENT] == "anna"]
    assert len(anna) == 1
    row = anna.iloc[0]
    assert "due for Colour: last 9 weeks ago, usually every 6 weeks" in row["reason"]
    assert "Cut" not in row["reason"]
    record = next(r for r in call_records(calls) if r[L.CLIENT] == "anna")
    assert [d["category"] for d in record["due_categories"]] == ["Colour"]
    assert record["due_categories"][0]["days_since"] == 63
    if record["reason_code"] == "due_category":  # not at risk overall: ranked by the colour's value at risk
        assert record["value_at_risk"] == pytest.approx(80 * 365.25 / 42 * 0.5)


def test_due_only_clients_rank_with_the_rest_by_value_at_risk():
    analysis = analyze(_salon(), as_of=AS_OF, rules=Rules())
    values = call_list(analysis)["value_at_risk"].tolist()
    assert values == sorted(values, reverse=True)
