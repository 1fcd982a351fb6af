"""How numbers, money, shares and dates look in reports, in the active report language (Babel).

nl: € 1.234,50 and 22-11-2026; ru: 1 234,50 ₽ and 22.11.2026; en: €1,234.50 and 2026-11-22. Everything comes
from CLDR through the language code (``i18n.babel_locale`` and ``i18n.date_pattern``), so a new
``locale/<code>.po`` brings its own money and dates (de: 1.234,50 € and 22.11.2026).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, format_currency, format_decimal, format_percent, parse_pattern

from salon_segment.i18n import babel_locale, date_pattern, language, ngettext
from salon_segment.presentation import current_currency, set_currency  # noqa: F401  (set_currency: re-exported)
from salon_segment.scoring.periods import Duration

MISSING = "–"


def is_missing(value: object) -> bool:
    return value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _locale() -> str:
    return babel_locale(language())


@lru_cache(maxsize=16)
def _babel(locale: str) -> Locale:
    """The parsed Babel locale (Babel's own functions parse the code again on every call)."""
    return Locale.parse(locale)


@lru_cache(maxsize=64)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def money(value: float | None, *, cents: bool = True) -> str:
    """Money in the salon's currency with the language's separators; ``cents=False`` for wide tables."""
    if is_missing(value):
        return MISSING
    currency = current_currency()
    if currency is None:
        return number(float(value), 2 if cents else 0)
    if cents:
        return format_currency(float(value), currency, locale=_babel(_locale()))
    pattern = parse_pattern(Locale.parse(_locale()).currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(
        round(float(value)), Locale.parse(_locale()), currency=currency, currency_digits=False
    )


def whole(value: float | int | None) -> str:
    """A count with the language's thousands separator."""
    if is_missing(value):
        return MISSING
    return _whole(round(float(value)), _locale())


@lru_cache(maxsize=4096)
def _whole(value: int, locale: str) -> str:
    """Counts repeat (days, visits, weeks on a long call list): Babel formats each distinct one once."""
    return format_decimal(value, format="#,##0", locale=locale)


def share(value: float | None) -> str:
    """A fraction 0..1 as a percentage with one decimal."""
    if is_missing(value):
        return MISSING
    return format_percent(float(value), format="#,##0.0%", locale=_locale())


def number(value: float | None, digits: int = 1) -> str:
    """A plain number with ``digits`` decimals."""
    if is_missing(value):
        return MISSING
    pattern = _pattern("#,##0" + ("." + "0" * digits if digits else ""))
    return pattern.apply(float(value), _babel(_locale()))  # what format_decimal does, without parsing again


def date(value: object) -> str:
    """A date in the language's usual form, or a dash when missing."""
    if is_missing(value):
        return MISSING
    return format_date(pd.Timestamp(value).date(), date_pattern(), locale=_locale())


def count(singular: str, plural: str, n: float | int) -> str:
    """A counted phrase in the right plural form: ``count("{n} client", "{n} clients", 21)`` → '21 клиент'."""
    return ngettext(singular, plural, int(n)).format(n=whole(n))


def duration(value: Duration) -> str:
    """'24 months', '90 days', '6 weeks' in the report language (with the right plural form)."""
    if value.months:
        return count("{n} month", "{n} months", value.months)
    if value.days % 7 == 0:
        return count("{n} week", "{n} weeks", value.days // 7)
    return count("{n} day", "{n} days", value.days)
