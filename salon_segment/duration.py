"""Calendar durations ("24m", "2y", "90d"), "N months before as_of", and the dates of command-line options.

Every date and duration a user types goes through this module, and all of them are bounded: dates lie in
``EARLIEST``–``LATEST`` (years 1900–2200, well inside pandas' timestamp range), and a duration is at most
``MAX_DURATION_MONTHS``, so ``as_of − duration`` can always be computed; whether it still lies in the range
is checked by ``check_span``. Errors are ValueError with one sentence that says what is accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)
MAX_DURATION_MONTHS = 200 * 12  # 1900 - 200 years is still inside pandas' range (1677-2262)


def months_before(as_of: pd.Timestamp, months: int) -> pd.Timestamp:
    """``as_of`` minus ``months`` calendar months (2026-10-31 minus 2 months is 2026-08-31)."""
    return pd.Timestamp(as_of) - pd.DateOffset(months=months)


@dataclass(frozen=True)
class Duration:
    """A period such as 24 months or 90 days; months and years are calendar months, as everywhere."""

    months: int = 0
    days: int = 0
    text: str = ""

    def before(self, as_of: pd.Timestamp) -> pd.Timestamp:
        """as_of minus this duration (month ends clamp)."""
        return months_before(as_of, self.months) - pd.Timedelta(days=self.days)


_DURATION_RE = re.compile(r"^\s*(\d{1,9})\s*(mo|m|y|w|d)\s*$", re.IGNORECASE)
_UNIT = {"m": (1, 0), "mo": (1, 0), "y": (12, 0), "w": (0, 7), "d": (0, 1)}
DURATION_FORMS = "24m, 18mo, 2y, 6w, 90d"


def parse_duration(text: str) -> Duration:
    """'24m', '18mo', '2y', '6w', '90d' → Duration; ValueError naming the accepted forms otherwise.

    At most 200 years (2400 months, 73,000 days), so that no date arithmetic can overflow.
    """
    match = _DURATION_RE.match(str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"expected a duration such as {DURATION_FORMS}, got {text!r}")
    count, unit = int(match.group(1)), match.group(2).lower()
    months, days = _UNIT[unit]
    if count * months > MAX_DURATION_MONTHS or count * days > MAX_DURATION_MONTHS * 31:
        raise ValueError(f"the duration {text.strip()!r} is longer than 200 years; use e.g. {DURATION_FORMS}")
    return Duration(months=count * months, days=count * days, text=f"{count}{unit}")


def check_span(as_of: pd.Timestamp, duration: Duration, option: str) -> None:
    """ValueError when ``as_of − duration`` lies before EARLIEST (the duration reaches before 1900)."""
    start = duration.before(pd.Timestamp(as_of))
    if start < pd.Timestamp(EARLIEST):
        raise ValueError(
            f"{option} {duration.text} reaches back to {start:%Y-%m-%d}, before {EARLIEST:%Y-%m-%d}; "
            "give a shorter duration or a later --as-of."
        )


_ORDER_FORMS = re.compile(
    r"^(?P<first>dd?|mm?|%d|%m)(?P<sep>[-/. ])(?P<second>dd?|mm?|%d|%m)(?P=sep)(?:yyyy|yy|%y)$", re.IGNORECASE
)
DATE_FORMAT_FORMS = (
    "dd-mm-yyyy or mm/dd/yyyy (also with '-', '/', '.' or a space between the parts, 'yy' for a two-digit year, "
    "or as %d-%m-%Y / %m/%d/%Y)"
)


def parse_date_format(text: str) -> bool:
    """--date-format → True when the month comes first; ValueError listing the accepted forms otherwise.

    Only the day/month order can be chosen (the year comes last), e.g. dd-mm-yyyy, dd.mm.yy, mm/dd/yyyy,
    %d-%m-%Y, %m/%d/%Y.
    """
    match = _ORDER_FORMS.match(str(text).strip())
    if match:
        first, second = match.group("first").lower().lstrip("%"), match.group("second").lower().lstrip("%")
        if {first[0], second[0]} == {"d", "m"}:
            return first.startswith("m")
    raise ValueError(f"expected {DATE_FORMAT_FORMS}, got {text!r}")


ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
DAY_FIRST_DATE = r"(\d{{1,2}})([{separators}])(\d{{1,2}})\2(\d{{4}})"  # 20-11-2026 (nl), 20.11.2026 (ru)


def date_parts(text: str, day_first_separators: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written YYYY-MM-DD or day first with one of the separators (never month
    first); None for any other text. The numbers are not checked: the callers say what is wrong in their words."""
    iso = ISO_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return year, month, day
    pattern = DAY_FIRST_DATE.format(separators=re.escape(day_first_separators))
    day_first = re.fullmatch(pattern, text)
    if day_first:
        return int(day_first.group(4)), int(day_first.group(3)), int(day_first.group(1))
    return None
