"""Calendar durations ("24m", "2y", "90d") and "N months before as_of", shared by rules and scoring."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


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


_DURATION_RE = re.compile(r"^\s*(\d+)\s*(mo|m|y|w|d)\s*$", re.IGNORECASE)
_UNIT = {"m": (1, 0), "mo": (1, 0), "y": (12, 0), "w": (0, 7), "d": (0, 1)}
DURATION_FORMS = "24m, 18mo, 2y, 6w, 90d"


def parse_duration(text: str) -> Duration:
    """'24m', '18mo', '2y', '6w', '90d' → Duration; ValueError naming the accepted forms otherwise."""
    match = _DURATION_RE.match(str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"expected a duration such as {DURATION_FORMS}, got {text!r}")
    count, unit = int(match.group(1)), match.group(2).lower()
    months, days = _UNIT[unit]
    return Duration(months=count * months, days=count * days, text=f"{count}{unit}")
