import pandas as pd
import pytest

from salon_segment.scoring.periods import in_last_months, month_period_index, months_before

T = pd.Timestamp


@pytest.mark.parametrize(
    ("as_of", "months", "expected"),
    [
        ("2026-10-31", 2, "2026-08-31"),
        ("2026-10-31", 1, "2026-09-30"),  # month end clamps
        ("2026-03-31", 1, "2026-02-28"),
        ("2024-03-31", 1, "2024-02-29"),  # leap year
        ("2026-02-28", 24, "2024-02-28"),
        ("2026-11-22", 12, "2025-11-22"),
    ],
)
def test_months_before_is_calendar_arithmetic(as_of, months, expected):
    assert months_before(T(as_of), months) == T(expected)


def test_in_last_months_excludes_the_start_and_includes_as_of():
    dates = pd.Series(pd.to_datetime(["2025-11-22", "2025-11-23", "2026-11-22", "2026-11-23"]))
    assert in_last_months(dates, T("2026-11-22"), 12).tolist() == [False, True, True, False]


def test_month_period_index_assigns_half_open_one_month_periods():
    as_of = T("2026-10-31")
    dates = pd.Series(
        pd.to_datetime(
            [
                "2026-10-31",  # (09-30, 10-31] -> 1
                "2026-10-01",  # 1
                "2026-09-30",  # (08-31, 09-30] -> 2
                "2026-05-01",  # (04-30, 05-31] -> 6
                "2026-04-30",  # outside the 6 months
                "2026-11-01",  # after as_of
            ]
        )
    )
    assert month_period_index(dates, as_of, 6).tolist() == [1, 1, 2, 6, 0, 0]
