"""Excel column widths from content: wide enough for the values and the header's longest word, capped."""

from __future__ import annotations

import pandas as pd

MIN_WIDTH, MAX_WIDTH = 6, 50
SAMPLE = 20_000  # rows looked at: a width does not need every client
FIXED = {"date": 11, "share": 8, "flag": 6}
PADDING = {"money": 7, "number": 4, "count": 2}  # currency sign, decimals, separators


def column_width(header: str, kind: str, values: pd.Series) -> float:
    """Characters for a column: its header wraps at spaces, so the longest word counts (short headers whole)."""
    words = max((len(word) for word in header.split()), default=0)
    need = max(words, len(header) if len(header) <= 12 else 0)
    sample = values.head(SAMPLE)
    if kind in FIXED:
        need = max(need, FIXED[kind])
    elif kind in PADDING:
        largest = pd.to_numeric(sample, errors="coerce").abs().max()
        need = max(need, (len(f"{largest:,.0f}") if pd.notna(largest) else 1) + PADDING[kind])
    elif len(sample):
        lengths = sample.dropna().astype(str).str.len()
        need = max(need, int(lengths.max()) if len(lengths) else 0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, need) + 2))
