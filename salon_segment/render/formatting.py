"""How numbers, money, shares and dates look in reports (one place, so locales can change it)."""

from __future__ import annotations

import math

import pandas as pd


def money(value: float | None) -> str:
    """Money with thousands separators and cents: 1,234.50."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.2f}"


def whole(value: float | int | None) -> str:
    """A count with thousands separators."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.0f}"


def share(value: float | None) -> str:
    """A fraction 0..1 as a percentage with one decimal."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * value:.1f}%"


def number(value: float | None, digits: int = 1) -> str:
    """A plain number with ``digits`` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def date(value: object) -> str:
    """An ISO date, or a dash when missing."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return pd.Timestamp(value).strftime("%Y-%m-%d")
