"""Movement between two dates (issue #20): hand-computed transitions and slipping list, boundaries, invariants.

The ledger below, with the default rules (lost after 2 months, new under 3 visits, regular = a visit in each of
the last 6 one-month periods, A = a product on at least a third of those visits), between 2026-06-30 and
2026-10-31:

- anna: a cut and a shampoo on the 15th of January–June, then nothing: A on 06-30, lost on 10-31 (last visit
  06-15 is before 08-31). Gaps 31, 28, 31, 30, 31 days: usually every 31 days (4 weeks); 138 days ago (20 weeks).
- bart: cuts on 15 May and 15 June (new on 06-30: 2 visits), then monthly to October: B on 10-31.
- cor: cuts on the 15th of January–October, with a shampoo from July: B on 06-30 (no product), A on 10-31
  (products on 4 of the 6 window visits).
- dina: cuts on the 15th of January–June, then 15 August and 15 October: B on 06-30; on 10-31 visits in the
  periods of October, August, June and May only (4 of 6): C. Gaps 31, 28, 31, 30, 31, 61, 61: every 31 days.
- eva: first visit 2026-09-01, after from: not yet a client, then new.
- fay: first visit exactly on from (2026-06-30), again on 10-01: new on both dates (a visit on as_of counts).
- gus: a no-show on 2026-05-01, first visit 2026-10-20: not yet a client on 06-30 (a no-show is no visit), new.
- hal: one visit in January 2025: lost on both dates.
- ivy: only a booking after to: never a client, in neither table.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_segment.i18n import set_language
from salon_segment.render.movement_view import movement_document, slipping_list
from salon_segment.rules import Rules
from salon_segment.scoring.analysis import analyze
from salon_segment.scoring.clients import client_metrics
from salon_segment.scoring.movement import NOT_YET_CLIENT, comparison_date, movement
from tests.helpers import ledger, line

FROM, TO = pd.Timestamp("2026-06-30"), pd.Timestamp("2026-10-31")
RULES = Rules()
MONTHS = [f"2026-{m:02d}-15" for m in range(1, 11)]  # the 15th of January–October 2026


def salon_lines() -> list[dict]:
    lines = []
    for day in MONTHS[:6]:
        lines += [line("anna", day, 50.0), line("anna", day, 20.0, kind="product")]
    lines += [line("bart", day) for day in MONTHS[4:]]
    for index, day in enumerate(MONTHS):
        lines.append(line("cor", day))
        if index >= 6:
            lines.append(line("cor", day, 20.0, kind="product"))
    lines += [line("dina", day) for day in [*MONTHS[:6], "2026-08-15", "2026-10-15"]]
    lines += [line("eva", "2026-09-01")]
    lines += [line("fay", "2026-06-30"), line("fay", "2026-10-01")]
    lines += [line("gus", "2026-05-01", status="no_show"), line("gus", "2026-10-20")]
    lines += [line("hal", "2025-01-10")]
    lines += [line("ivy", "2026-11-15", status="booked")]
    return lines


@pytest.fixture(scope="module")
def moved():
    return movement(ledger(*salon_lines()), from_date=FROM, to_date=TO, rules=RULES)


def test_every_client_has_its_segment_at_both_dates(moved):
    segments = {r["client"]: (r["from_segment"], r["to_segment"]) for r in moved.clients.to_dict("records")}
    assert segments == {
        "anna": ("A", "lost"),
        "bart": ("new", "B"),
        "cor": ("B", "A"),
        "dina": ("B", "C"),
        "eva": (NOT_YET_CLIENT, "new"),
        "fay": ("new", "new"),
        "gus": (NOT_YET_CLIENT, "new"),
        "hal": ("lost", "lost"),
    }


def test_transitions_count_clients_and_their_12_month_revenue_in_registry_order(moved):
    expected = [
        ("A", "lost", 1, 420.0),  # 6 × (50 + 20), all within the 12 months up to 10-31
        ("B", "A", 1, 580.0),  # 6 × 50 + 4 × 70
        ("B", "C", 1, 400.0),
        ("new", "B", 1, 300.0),
        ("new", "new", 1, 100.0),
        ("lost", "lost", 1, 0.0),  # January 2025 is outside the window
        (NOT_YET_CLIENT, "new", 2, 100.0),
    ]
    assert list(moved.transitions.itertuples(index=False, name=None)) == expected
    assert list(moved.transitions.columns) == ["from_segment", "to_segment", "clients", "revenue_12m"]


def test_the_matrix_keeps_every_pair_with_zeros(moved):
    matrix = moved.matrix
    assert list(matrix.index) == ["A", "B", "C", "new", "lost", NOT_YET_CLIENT]
    assert list(matrix.columns) == ["A", "B", "C", "new", "lost"]
    assert matrix.loc["B"].tolist() == [1, 0, 1, 0, 0]
    assert int(matrix.to_numpy().sum()) == 8


def test_slipping_is_a_or_b_then_c_or_lost_now_most_valuable_first(moved):
    slipping = moved.slipping
    assert slipping["client"].tolist() == ["anna", "dina"]  # 420 before from, then 300
    assert slipping["reason_code"].tolist() == ["stopped_coming", "came_less_often"]
    assert slipping["revenue_12m_from"].tolist() == [420.0, 300.0]
    assert slipping["days_since_last_visit"].tolist() == [138, 16]
    assert slipping["median_interval_days"].tolist() == [31.0, 31.0]
    assert slipping["active_months"].tolist() == [2, 4]  # anna: May and June of the window


def test_the_reason_says_the_change_the_gap_and_the_rhythm(moved):
    set_language("en")
    reasons = slipping_list(moved).set_index("client")["reason"].to_dict()
    assert reasons == {
        "anna": "A → lost: last visit 20 weeks ago, usually every 4 weeks",
        "dina": "B → C: visits in 4 of the last 6 months, usually every 4 weeks",
    }


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "A-klant → verloren: laatste bezoek 20 weken geleden, meestal elke 4 weken"),
        ("ru", "A-клиенты → потерянные: последний визит 20 недель назад, обычно раз в 4 недели"),
    ],
)
def test_the_reason_is_in_the_report_language(moved, lang, expected):
    set_language(lang)
    try:
        assert slipping_list(moved)["reason"].iloc[0] == expected
    finally:
        set_language("en")


def test_the_document_is_language_neutral(moved):
    set_language("nl")
    try:
        document = movement_document(moved)
    finally:
        set_language("en")
    assert document["from"] == "2026-06-30" and document["to"] == "2026-10-31"
    assert document["slipping"] == ["anna", "dina"]
    assert document["transitions"][0] == {"from_segment": "A", "to_segment": "lost", "clients": 1, "revenue_12m": 420.0}
    assert document["transitions"][-1]["from_segment"] == "not_yet_client"


@pytest.mark.parametrize(
    ("first_visit", "expected"),
    [("2026-06-29", "new"), ("2026-06-30", "new"), ("2026-07-01", NOT_YET_CLIENT)],
    ids=["day-before-from", "on-from", "day-after-from"],
)
def test_a_client_first_seen_on_from_is_a_client_then_after_it_not_yet(first_visit, expected):
    lines = [line("x", first_visit), line("x", "2026-10-30")]
    result = movement(ledger(*lines), from_date=FROM, to_date=TO, rules=RULES)
    assert result.clients["from_segment"].tolist() == [expected]
    assert result.clients["to_segment"].tolist() == ["new"]


def test_the_same_segments_as_analyze_on_both_dates(moved):
    book = ledger(*salon_lines())
    for date, column in ((FROM, "from_segment"), (TO, "to_segment")):
        clients = client_metrics(book, as_of=date, rules=RULES)
        visited = clients.loc[clients["visits"] > 0].set_index("client")["segment"].to_dict()
        shown = moved.clients.set_index("client")[column]
        assert shown[shown != NOT_YET_CLIENT].to_dict() == visited


def test_to_clients_from_the_analysis_give_the_same_movement(moved):
    book = ledger(*salon_lines())
    analysis = analyze(book, as_of=TO, rules=RULES, horizon_days=None)
    again = movement(book, from_date=FROM, to_date=TO, rules=RULES, to_clients=analysis.clients)
    pd.testing.assert_frame_equal(again.transitions, moved.transitions)
    pd.testing.assert_frame_equal(again.slipping, moved.slipping)


def test_from_must_be_before_to():
    with pytest.raises(ValueError, match="not before"):
        movement(ledger(line("x", "2026-01-01")), from_date=TO, to_date=TO, rules=RULES)


def test_an_empty_ledger_moves_nobody():
    result = movement(ledger(), from_date=FROM, to_date=TO, rules=RULES)
    assert result.transitions.empty and result.slipping.empty and result.clients.empty
    assert int(result.matrix.to_numpy().sum()) == 0


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [("2026-11-20", "2026-10-20"), ("2026-03-31", "2026-02-28"), ("2024-03-31", "2024-02-29")],
)
def test_the_summary_compares_with_the_same_date_a_month_earlier(as_of, expected):
    assert comparison_date(pd.Timestamp(as_of)) == pd.Timestamp(expected)


visit_lines = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "e", "f"]),
        st.integers(min_value=0, max_value=600),  # days after 2025-06-01
        st.sampled_from(["service", "product"]),
        st.sampled_from(["completed", "completed", "completed", "no_show"]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(visit_lines, st.integers(min_value=1, max_value=400))
def test_transitions_account_for_every_client_and_their_revenue(rows, gap):
    start = pd.Timestamp("2025-06-01")
    lines = [line(c, str((start + pd.Timedelta(days=d)).date()), 10.0, kind=k, status=s) for c, d, k, s in rows]
    book = ledger(*lines)
    to_date = pd.Timestamp("2027-01-01")
    result = movement(book, from_date=to_date - pd.Timedelta(days=gap), to_date=to_date, rules=RULES)
    at_to = client_metrics(book, as_of=to_date, rules=RULES)
    visited = at_to.loc[at_to["visits"] > 0]
    assert result.transitions["clients"].sum() == len(visited) == len(result.clients)
    assert result.transitions["revenue_12m"].sum() == pytest.approx(visited["revenue_12m"].sum())
    to_counts = result.transitions.groupby("to_segment")["clients"].sum().to_dict()
    assert to_counts == visited["segment"].value_counts().to_dict()
    slipping = result.slipping
    assert slipping["from_segment"].isin(["A", "B"]).all() and slipping["to_segment"].isin(["C", "lost"]).all()
    chosen = result.clients["from_segment"].isin(["A", "B"]) & result.clients["to_segment"].isin(["C", "lost"])
    assert set(slipping["client"]) == set(result.clients.loc[chosen, "client"])
    assert (result.transitions["clients"] > 0).all()
