"""Invariants that must hold for any ledger (hypothesis)."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_segment.rules import Rules
from salon_segment.scoring import SEGMENTS, analyze
from salon_segment.scoring.pareto import pareto
from tests.helpers import ledger, line

AS_OF = pd.Timestamp("2026-10-31")

lines = st.lists(
    st.builds(
        lambda client, offset, amount, kind, status: line(
            f"c{client}",
            (AS_OF - pd.Timedelta(days=offset)).strftime("%Y-%m-%d"),
            amount,
            kind=kind,
            status=status,
        ),
        client=st.integers(0, 12),
        offset=st.integers(-60, 800),  # negative offsets are future lines
        amount=st.floats(-50, 500, allow_nan=False).map(lambda v: round(v, 2)),
        kind=st.sampled_from(["service", "product"]),
        status=st.sampled_from(["completed", "completed", "completed", "no_show", "cancelled", "booked"]),
    ),
    max_size=80,
)
revenues = st.lists(st.floats(0.01, 10_000, allow_nan=False), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(lines)
def test_segments_partition_the_visited_clients(rows):
    analysis = analyze(ledger(*rows), as_of=AS_OF, rules=Rules())
    clients = analysis.clients
    visited = clients[clients["visits"] > 0]
    assert visited["segment"].isin(SEGMENTS).all()
    assert (clients.loc[clients["visits"] == 0, "segment"] == "potential").all()
    assert clients["client"].is_unique
    assert int(analysis.segments["clients"].sum()) == analysis.totals.clients == len(visited)
    # a client whose only lines up to as_of are refunds has no visit (no segment) but their refunds are revenue
    refunds_without_visit = clients.loc[clients["visits"] == 0, "revenue"].sum()
    assert analysis.segments["revenue"].sum() + refunds_without_visit == pytest.approx(
        analysis.totals.revenue, abs=1e-6
    )
    assert (clients.loc[clients["visits"] == 0, "revenue"] <= 0).all()


@settings(max_examples=200, deadline=None)
@given(revenues)
def test_pareto_shares_are_fractions_and_80pct_needs_at_most_80pct_plus_one_client(values):
    p = pareto(pd.Series(values), window_months=12)
    n = p.clients_with_revenue
    assert 0 <= p.top_revenue_share <= 1
    assert 0 <= p.gini <= 1
    assert 0 < p.clients_share_for_target <= 1
    assert p.clients_share_for_target <= 0.8 + 1 / n + 1e-12


@settings(max_examples=200, deadline=None)
@given(revenues, st.floats(0.01, 50_000, allow_nan=False))
def test_more_revenue_for_the_top_client_never_lowers_the_top_share(values, extra):
    before = pareto(pd.Series(values), window_months=12).top_revenue_share
    boosted = sorted(values, reverse=True)
    boosted[0] += extra
    after = pareto(pd.Series(boosted), window_months=12).top_revenue_share
    assert after >= before - 1e-12


@settings(max_examples=100, deadline=None)
@given(lines)
def test_scoring_does_not_modify_its_input(rows):
    data = ledger(*rows)
    copy = data.copy(deep=True)
    analyze(data, as_of=AS_OF, rules=Rules())
    pd.testing.assert_frame_equal(data, copy)
