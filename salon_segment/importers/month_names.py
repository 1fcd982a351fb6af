"""Dates written with month names: "March 5, 2025 10:00am", "02 Feb 2026, 1:46pm", "5 maart 2025 14:30",
"5 марта 2025 г.", "Oct 6, 2025 - 7:02 PM", "5. März 2025".

The month names (wide and abbreviated, in the grammatical forms a date uses and the stand-alone ones) come from
the Unicode CLDR through Babel for en, nl, ru, de, fr, it and es; only the patterns around them are ours.
Works on a column's distinct values, vectorised with pandas' regex extraction.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np
import pandas as pd

LOCALES = ("en", "nl", "ru", "de", "fr", "it", "es")


def fold(text: str) -> str:
    """Case-folded, accents removed (й and ё keep their base letters), trailing dots dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(".")


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of the supported languages → 1..12 (names that disagree are left out)."""
    from babel.dates import get_month_names

    names: dict[str, set[int]] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    folded = fold(name)
                    names.setdefault(folded, set()).add(number)
                    if width == "wide" and len(folded) > 3:
                        names.setdefault(folded[:3], set()).add(number)  # "Sept", "Okt": 3 letters are unambiguous
                        names.setdefault(folded[:4], set()).add(number)
    return {name: numbers.pop() for name, numbers in names.items() if len(numbers) == 1 and len(name) >= 3}


_TIME = (
    r"(?:[\s,\-–—@]*(?:at|a|à|om|um|в|alle|las)?[\s,]*"
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_YEAR_TAIL = r"(?:\s*(?:г|гг|года|jr)\.?)?"
_MONTH_FIRST = re.compile(
    r"^\s*(?:[^\W\d_]+\.?,?\s+)?(?P<mon>[^\W\d_]{3,}\.?)\s+(?P<d>\d{1,2})(?:st|nd|rd|th|e|er)?\.?,?\s+(?P<y>\d{4})"
    + _YEAR_TAIL + _TIME + r"\s*$"
)
_DAY_FIRST = re.compile(
    r"^\s*(?:[^\W\d_]+\.?,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th|e|er)?\.?\s*(?:de\s+)?(?P<mon>[^\W\d_]{3,})\.?,?\s*"
    r"(?:de\s+)?(?P<y>\d{4})" + _YEAR_TAIL + _TIME + r"\s*$"
)


def parse_month_names(uniques: pd.Series) -> tuple[pd.DataFrame, str]:
    """For each distinct text: year, month, day, hour, minute and am/pm (NaN where it is no month-name date),
    and the format found ("mmm d, yyyy" or "d mmm yyyy"), or "" when none matched."""
    text = uniques.astype(str).map(fold).str.replace("\u00a0", " ", regex=False)
    lookup = month_numbers()
    found, counts = [], []
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        parts = text.str.extract(pattern)
        month = parts["mon"].str.strip(".").map(lookup)
        found.append(parts.assign(month=month).where(month.notna()))
        counts.append(int(month.notna().sum()))
    best = found[0].combine_first(found[1])  # each value in whichever form it is written
    best_format = "" if not any(counts) else "mmm d, yyyy" if counts[0] >= counts[1] else "d mmm yyyy"
    frame = pd.DataFrame(
        {
            "year": pd.to_numeric(best["y"], errors="coerce"),
            "month": best["month"].astype(float),
            "day": pd.to_numeric(best["d"], errors="coerce"),
            "hh": pd.to_numeric(best["hh"], errors="coerce"),
            "mm": pd.to_numeric(best["mm"], errors="coerce"),
            "ampm": best["ampm"].fillna("").str.replace(r"[\s.]", "", regex=True).str[:1].to_numpy(dtype=object),
        },
        index=uniques.index,
    )
    frame.loc[frame["month"].isna(), ["year", "day", "hh", "mm"]] = np.nan
    return frame, best_format
