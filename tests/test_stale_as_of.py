"""An as_of well after the data's last line warns (everyone would look overdue, then lost) in every report:
the library's Report, the terminal, the JSON, the Excel summary, and `movement --to`."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import salon_segment
from salon_segment import ledger as L
from salon_segment.duration import Duration
from salon_segment.rules import Rules
from salon_segment.scoring.data_end import STALE_AFTER_DAYS, data_ends_before, last_date, stale_as_of, whole_months
from tests.helpers import EXAMPLES
from tests.test_hardening_files import invoke

DUTCH = EXAMPLES / "salon-nl.csv"  # its last completed visit: 2026-11-20
LAST = pd.Timestamp("2026-11-20")
RULES = Rules()  # lost after 2 months


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def lines(*rows: tuple[str, str]) -> pd.DataFrame:
    """A ledger's date and status columns (all that last_date reads)."""
    return pd.DataFrame({L.DATE: [day(d) for d, _ in rows], L.STATUS: [s for _, s in rows]})


def test_the_last_date_is_the_latest_line_that_happened_not_a_booking_or_cancellation_ahead():
    ledger = lines(
        ("2026-11-18", L.COMPLETED), ("2026-11-20", L.NO_SHOW), ("2027-01-15", L.BOOKED), ("2027-01-10", L.CANCELLED)
    )
    assert last_date(ledger) == day("2026-11-20")
    assert last_date(lines(("2027-01-15", L.BOOKED))) is None


def test_a_client_list_dates_the_data_by_its_last_visit_else_its_created_date():
    client_list = pd.DataFrame({L.LAST_VISIT: [day("2026-10-01"), pd.NaT], L.CREATED: [day("2026-12-01"), pd.NaT]})
    assert last_date(lines(), client_list) == day("2026-10-01")
    undated_visits = client_list.assign(**{L.LAST_VISIT: pd.NaT})
    assert last_date(lines(), undated_visits) == day("2026-12-01")
    assert last_date(lines(("2026-11-20", L.COMPLETED)), client_list) == day("2026-11-20")  # the later of both


@pytest.mark.parametrize(
    ("as_of", "warned"),
    [
        ("2026-11-19", False),  # before the last line: a look back
        ("2026-11-20", False),
        ("2026-11-23", False),  # a weekend later
        ("2026-12-04", False),  # 14 days: the last day without a warning
        ("2026-12-05", True),  # 15 days
    ],
)
def test_up_to_fourteen_days_after_the_last_line_is_not_warned_about(as_of, warned):
    assert STALE_AFTER_DAYS == 14
    assert (stale_as_of(day(as_of), LAST, RULES) is not None) is warned


def test_the_gap_is_in_days_below_two_months_and_in_whole_months_from_two_on():
    assert stale_as_of(day("2026-12-20"), LAST, RULES).gap == Duration(days=30)
    assert stale_as_of(day("2027-01-19"), LAST, RULES).gap == Duration(days=60)  # 1 month and 30 days
    assert stale_as_of(day("2027-01-20"), LAST, RULES).gap == Duration(months=2)
    assert stale_as_of(day("2027-03-01"), LAST, RULES).gap == Duration(months=3)


def test_everyone_is_lost_once_the_last_line_is_before_the_lost_cut_off():
    # lost: last visit before as_of − 2 months; 2027-01-20 − 2 months is 2026-11-20 itself: not yet lost
    assert not stale_as_of(day("2027-01-20"), LAST, RULES).all_lost
    assert stale_as_of(day("2027-01-21"), LAST, RULES).all_lost
    assert not stale_as_of(day("2027-01-21"), LAST, Rules(lost_after_months=3)).all_lost


@pytest.mark.parametrize("as_of", ["2026-11-01", "2026-11-20", "2026-12-04", "2026-12-05", "2027-01-10", "2027-03-01"])
def test_the_quick_search_of_the_recent_lines_agrees_with_the_whole_ledger(as_of):
    ledger = lines(
        ("2026-06-01", L.COMPLETED), ("2026-11-20", L.COMPLETED), ("2026-12-20", L.BOOKED), ("2027-01-05", L.CANCELLED)
    )  # bookings and cancellations close to as_of do not hide that nothing happened after 2026-11-20
    expected = stale_as_of(day(as_of), day("2026-11-20"), RULES)
    assert data_ends_before(ledger, as_of=day(as_of), rules=RULES) == expected
    assert (expected is None) is (as_of <= "2026-12-04")


def test_an_old_client_list_date_does_not_cut_the_quick_search_short():
    ledger = lines(("2026-11-20", L.COMPLETED))
    client_list = pd.DataFrame({L.LAST_VISIT: [day("2025-01-01")], L.CREATED: [pd.NaT]})
    warned = data_ends_before(ledger, as_of=day("2027-03-01"), rules=RULES, client_list=client_list)
    assert warned == stale_as_of(day("2027-03-01"), day("2026-11-20"), RULES)
    assert warned is not None and warned.all_lost
    recent_list = client_list.assign(**{L.LAST_VISIT: [day("2027-02-25")]})  # the list knows a later visit
    assert data_ends_before(ledger, as_of=day("2027-03-01"), rules=RULES, client_list=recent_list) is None


def test_no_dated_line_no_warning():
    assert stale_as_of(day("2027-03-01"), None, RULES) is None


@given(st.dates(min_value=pd.Timestamp("1990-01-01").date(), max_value=pd.Timestamp("2100-12-31").date()),
       st.integers(min_value=-400, max_value=4000))  # fmt: skip
def test_a_warning_exactly_when_more_than_fourteen_days_with_a_gap_that_fits(last, days):
    last = pd.Timestamp(last)
    as_of = last + pd.Timedelta(days=days)
    stale = stale_as_of(as_of, last, RULES)
    assert (stale is not None) is (days > STALE_AFTER_DAYS)
    if stale is not None:
        months = whole_months(last, as_of)
        assert salon_segment.duration.months_before(as_of, months) >= last
        assert salon_segment.duration.months_before(as_of, months + 1) < last
        assert stale.gap.days == (0 if stale.gap.months else days)


@pytest.fixture(scope="module")
def imported():
    return salon_segment.read(DUTCH)


def test_the_library_report_warns_naming_both_dates_and_what_to_do(imported):
    warnings = salon_segment.analyze(imported, as_of="2027-03-01").to_dict()["warnings"]
    assert warnings[0] == (
        "as of 2027-03-01 is 3 months after the last line in the data (2026-11-20): every client looks lost; "
        "pass an earlier --as-of or a newer export."
    )
    assert salon_segment.analyze(imported, as_of="2026-12-04").analysis.stale is None
    assert not any("last line" in w for w in salon_segment.analyze(imported, as_of="2026-11-20").to_dict()["warnings"])


def test_a_gap_short_of_the_lost_cut_off_says_clients_look_overdue(imported):
    warnings = salon_segment.analyze(imported, as_of="2026-12-20").to_dict()["warnings"]
    assert warnings[0].startswith("as of 2026-12-20 is 30 days after the last line in the data (2026-11-20): ")
    assert "more overdue and less regular" in warnings[0]


def test_the_terminal_json_and_excel_show_the_warning(tmp_path):
    result = invoke("analyze", DUTCH, "--as-of", "2027-03-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "every client looks lost" in json.loads(result.output)["warnings"][0]
    excel = tmp_path / "summary.xlsx"
    result = invoke("analyze", DUTCH, "--as-of", "2027-03-01", "--excel", excel)
    assert result.exit_code == 0, result.output
    assert "every client looks lost" in " ".join(result.output.split())
    sheet = load_workbook(excel)["Summary"]
    rows = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(1, 30)}
    assert "every client looks lost" in rows["Warning"]


def test_the_warning_is_in_the_report_language(imported):
    result = invoke("analyze", DUTCH, "--as-of", "2027-03-01", "--format", "json", "--lang", "nl")
    warning = json.loads(result.output)["warnings"][0]
    assert "01-03-2027" in warning and "20-11-2026" in warning and "3 maanden" in warning
    result = invoke("analyze", DUTCH, "--as-of", "2027-03-01", "--format", "json", "--lang", "ru")
    assert "01.03.2027" in json.loads(result.output)["warnings"][0]


def test_movement_warns_about_a_to_date_after_the_data():
    result = invoke("movement", DUTCH, "--from", "2026-10-01", "--to", "2027-03-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["warnings"] == [
        "as of 2027-03-01 is 3 months after the last line in the data (2026-11-20): every client looks lost; "
        "pass an earlier --to or a newer export."
    ]
    result = invoke("movement", DUTCH, "--from", "2026-10-01", "--to", "2027-03-01")
    assert "pass an earlier --to" in " ".join(result.output.split())
    result = invoke("movement", DUTCH, "--from", "2026-10-01", "--to", "2026-11-20", "--format", "json")
    assert json.loads(result.output)["warnings"] == []
