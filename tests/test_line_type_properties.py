"""Invariants of reading real exports (issue #14): lines that are not revenue change no figure, the wording of
walk-in lines changes no client count, and the order of the columns changes nothing."""

import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salon_segment.importers import read_exports
from salon_segment.rules import Rules
from salon_segment.scoring import analyze

AS_OF = pd.Timestamp("2026-06-30")
HEADER = ["Date", "Client", "Item", "Type", "Amount", "Status"]
NOT_REVENUE = [
    ("Gift card €50", "Gift card"),
    ("Voucher", "Voucher"),
    ("10-visit package", "Package"),
    ("Monthly membership", "Membership"),
    ("Deposit for colour", "Deposit"),
    ("Tip", "Tip"),
]
WALK_IN_WORDS = ["Walk-In", "WALK_IN", "walk in", "Anonymous", "Гость", "Zonder naam", ""]

sale = st.tuples(
    st.integers(0, 6),  # client
    st.integers(0, 400),  # days before as_of
    st.sampled_from([("Cut", "Service"), ("Colour", "Service"), ("Shampoo", "Product"), ("Serum", "Product")]),
    st.integers(5, 200),  # amount
    st.sampled_from(["Completed", "Completed", "Completed", "No show", "Cancelled"]),
)
extra = st.tuples(st.integers(0, 6), st.integers(0, 400), st.sampled_from(NOT_REVENUE), st.integers(5, 300))


def _row(client: str, days: int, item: str, kind: str, amount: int, status: str) -> list[str]:
    date = (AS_OF - pd.Timedelta(days=days)).strftime("%d-%m-%Y")
    return [date, client, item, kind, f"{amount},00", status]


def _write(path, rows, columns=None):
    order = columns or list(range(len(HEADER)))
    lines = [";".join(HEADER[i] for i in order)] + [";".join(r[i] for i in order) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _figures(path) -> dict:
    imported = read_exports([path])
    analysis = analyze(imported.ledger, as_of=AS_OF, rules=Rules(), walk_ins=imported.walk_ins)
    totals = analysis.totals
    return {
        "totals": (
            totals.clients,
            totals.visits,
            round(totals.revenue, 2),
            round(totals.product_revenue, 2),
            totals.no_shows,
            totals.cancellations,
            totals.upcoming_bookings,
        ),
        "segments": analysis.segments[["segment", "clients", "revenue", "visits"]].round(2).to_dict("list"),
        "top_share": None if analysis.pareto.top_revenue_share is None else round(analysis.pareto.top_revenue_share, 9),
        "walk_in_revenue": analysis.left_out.walk_ins.revenue,
    }


SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.lists(sale, min_size=1, max_size=25), st.lists(extra, min_size=1, max_size=10))
def test_gift_card_membership_deposit_and_tip_lines_change_no_figure(tmp_path, sales, extras):
    rows = [_row(f"Client {c}", d, item, kind, a, s) for c, d, (item, kind), a, s in sales]
    before = _figures(_write(tmp_path / "before.csv", rows))
    more = rows + [_row(f"Client {c}", d, item, kind, a, "Completed") for c, d, (item, kind), a in extras]
    after = _figures(_write(tmp_path / "after.csv", more))
    assert after == before


@SETTINGS
@given(st.lists(sale, min_size=1, max_size=25), st.lists(sale, min_size=1, max_size=8), st.data())
def test_relabelling_walk_in_lines_changes_no_client_figure(tmp_path, sales, walk_ins, data):
    rows = [_row(f"Client {c}", d, item, kind, a, s) for c, d, (item, kind), a, s in sales]
    first = data.draw(st.sampled_from(WALK_IN_WORDS))
    second = data.draw(st.sampled_from(WALK_IN_WORDS))
    one = rows + [_row(first, d, item, kind, a, s) for _, d, (item, kind), a, s in walk_ins]
    other = rows + [_row(second, d, item, kind, a, s) for _, d, (item, kind), a, s in walk_ins]
    with_one, with_other = _figures(_write(tmp_path / "one.csv", one)), _figures(_write(tmp_path / "two.csv", other))
    assert with_one == with_other
    without = _figures(_write(tmp_path / "none.csv", rows)) if rows else None
    assert with_one["totals"] == without["totals"]  # walk-in lines are in no client's figures


@SETTINGS
@given(st.lists(sale, min_size=1, max_size=25), st.randoms(use_true_random=False))
def test_the_order_of_the_columns_changes_nothing(tmp_path, sales, rnd: random.Random):
    rows = [_row(f"Client {c}", d, item, kind, a, s) for c, d, (item, kind), a, s in sales]
    order = list(range(len(HEADER)))
    rnd.shuffle(order)
    assert _figures(_write(tmp_path / "shuffled.csv", rows, order)) == _figures(_write(tmp_path / "plain.csv", rows))


def test_a_walk_in_line_is_shown_apart_with_its_share(tmp_path):
    rows = [
        _row("Anna", 10, "Cut", "Service", 60, "Completed"),
        _row("Walk-In", 10, "Cut", "Service", 40, "Completed"),
        _row("Walk-In", 12, "Gift card €50", "Gift card", 50, "Completed"),  # sold to a walk-in: not revenue
    ]
    figures = _figures(_write(tmp_path / "walk.csv", rows))
    assert figures["totals"][:3] == (1, 1, 60.0)
    assert figures["walk_in_revenue"] == 40.0
    imported = read_exports([tmp_path / "walk.csv"])
    share = analyze(imported.ledger, as_of=AS_OF, rules=Rules(), walk_ins=imported.walk_ins).left_out.walk_ins.share
    assert share == pytest.approx(40 / 100)


def test_a_total_that_is_subtotal_plus_tax_is_not_revenue(tmp_path):
    export = tmp_path / "till.csv"
    export.write_text(
        "Date,Time,Customer,Staff,Item,Qty,Unit Price,Subtotal,Tax,Total\n"
        "2026-01-10,10:00,Anna,Lisa,Shampoo,2,10.00,20.00,4.20,24.20\n"
        "2026-01-10,10:00,Anna,Lisa,Cut,1,30.00,30.00,6.30,36.30\n"
        "2026-02-10,11:00,Bob,Lisa,Cut,1,30.00,30.00,6.30,36.30\n",
        encoding="utf-8",
    )
    imported = read_exports([export])
    assert imported.reports[0].mapping["amount"] == "Subtotal"  # Subtotal + Tax = Total: revenue is without tax
    totals = analyze(imported.ledger, as_of=AS_OF, rules=Rules(), horizon_days=None).totals
    assert (totals.revenue, totals.product_revenue) == (80.0, 20.0)
