"""How numbers, money, shares and dates look in reports, in the active report language (Babel).

nl: € 1.234,50 and 22-11-2026; ru: 1 234,50 ₽ and 22.11.2026; en: €1,234.50 and 2026-11-22. Everything comes
from CLDR through the language code (``i18n.babel_locale`` and ``i18n.date_pattern``), so a new
``locale/<code>.po`` brings its own money and dates (de: 1.234,50 € and 22.11.2026).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_precision,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

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
        fast = _fast_formatter(_locale(), currency, 2)
        return fast(float(value)) if fast else format_currency(float(value), currency, locale=_babel(_locale()))
    pattern = parse_pattern(Locale.parse(_locale()).currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(
        round(float(value)), Locale.parse(_locale()), currency=currency, currency_digits=False
    )


# Values on which a fast formatter must give Babel's text exactly before it is used: rounding ties (2.675 is
# 2.68 in Babel, which rounds the float's shortest text half to even), signed zeros, the first group separator
# (some locales group only from five digits) and long numbers (Indian grouping is 2 after the first 3).
_PROBES = (0.0, -0.0, 0.004, -0.004, 0.005, 0.015, 2.675, 7.5, 12.0, 999.995, 1234.5, -1234.5, 12345.678,
           1234567.5, -98765432.125, 1e16, 1e-7)  # fmt: skip


@lru_cache(maxsize=64)
def _fast_formatter(locale: str, currency: str | None, digits: int) -> Callable[[float], str] | None:
    """Babel's money (or ``number``) text for this locale rebuilt with ``format`` on a Decimal, about 15× faster
    on a long call list: the amount rounded as Babel does (its shortest text, half to even), CLDR's separators,
    and the prefix and suffix read off Babel's own output. None (use Babel) unless it equals Babel's on every
    probe, so a locale whose pattern does something else simply stays on Babel."""
    babel = _babel(locale)
    if currency is not None:
        digits = get_currency_precision(currency)

        def slow(value: float) -> str:
            return format_currency(value, currency, locale=babel)
    else:
        pattern = _pattern("#,##0" + ("." + "0" * digits if digits else ""))

        def slow(value: float) -> str:
            return pattern.apply(value, babel)

    quantum = Decimal(1).scaleb(-digits)
    separators = str.maketrans({",": get_group_symbol(babel), ".": get_decimal_symbol(babel)})

    def body(value: float) -> str:
        return format(Decimal(repr(abs(value))).quantize(quantum, ROUND_HALF_EVEN), ",f").translate(separators)

    wraps = []
    for sample in (1234567.5, -1234567.5):
        text, core = slow(sample), body(sample)
        if text.count(core) != 1:
            return None
        wraps.append(text.split(core))
    (plus_prefix, plus_suffix), (minus_prefix, minus_suffix) = wraps

    def fast(value: float) -> str:
        if not math.isfinite(value):
            return slow(value)
        if math.copysign(1.0, value) < 0:  # Babel's sign is the Decimal's: -0.0 and -0.004 are negative
            return minus_prefix + body(value) + minus_suffix
        return plus_prefix + body(value) + plus_suffix

    return fast if all(fast(probe) == slow(probe) for probe in _PROBES) else None


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
    fast = _fast_formatter(_locale(), None, digits)
    if fast:
        return fast(float(value))
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
