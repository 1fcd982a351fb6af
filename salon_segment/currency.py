"""Which currency the amounts are in: the export when it says, else the config, else LANG, else none.

An export says it with a symbol or code in its amounts (``€ 42,50``, ``1 234,50 ₽``, ``$35.00``, ``120 Kč``) or
in a money header (``Сумма, руб.``, ``Amount (EUR)``). When the files name two different currencies nothing is
guessed; a configured currency never overrides what the data says; ``LANG=nl_NL.UTF-8`` means euros only when
neither the data nor the config tells. Without any of these, money is shown as a plain number.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from salon_segment.i18n import territories_from_environment

MONEY_FIELDS = ("amount", "total_spent", "service_spent", "product_spent")
# marker (matched as a whole word where it is made of letters) → ISO code
MARKERS: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "евро": "EUR",
    "₽": "RUB", "руб": "RUB", "руб.": "RUB", "р.": "RUB", "rub": "RUB", "рублей": "RUB",
    "£": "GBP", "gbp": "GBP",
    "$": "USD", "usd": "USD", "us$": "USD",
    "kč": "CZK", "czk": "CZK",
    "zł": "PLN", "pln": "PLN",
    "₴": "UAH", "грн": "UAH", "uah": "UAH",
    "₸": "KZT", "kzt": "KZT", "тг": "KZT",
    "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "byn": "BYN", "₺": "TRY",
}  # fmt: skip
DOLLAR_TERRITORIES = {"US", "CA", "AU", "NZ", "SG", "HK"}
_WORD = re.compile(r"[^\W\d_]+\.?|[€₽£$₴₸₺]", re.UNICODE)


def currencies_in(text: str) -> set[str]:
    """ISO codes named in one header or amount text ('Сумма, руб.' → {'RUB'}, '€ 42,50' → {'EUR'})."""
    found = set()
    for token in _WORD.findall(text.lower()):
        code = MARKERS.get(token) or MARKERS.get(token.rstrip("."))
        if code:
            found.add(code)
    return found


def from_reports(reports: Sequence[Any]) -> set[str]:
    """Currencies the files' money headers and amount examples name (``report.mapping``, ``amount_example``)."""
    found: set[str] = set()
    for report in reports:
        mapping: Mapping[str, str] = getattr(report, "mapping", {}) or {}
        texts: Iterable[str] = [mapping.get(f, "") for f in MONEY_FIELDS] + [getattr(report, "amount_example", "")]
        for text in texts:
            found |= currencies_in(str(text or ""))
    return found


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The currency of the LANG/LC_ALL territory ('nl_NL.UTF-8' → EUR, 'ru_RU' → RUB), if any."""
    from babel.numbers import get_territory_currencies

    for territory in territories_from_environment("LC_MONETARY", environ):  # one without a currency (AQ): the next
        codes = get_territory_currencies(territory)
        if codes:
            return str(codes[0])
    return None


def resolve(reports: Sequence[Any], configured: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The salon's currency: the data's (when it names exactly one), else the config's, else LANG's, else None.

    A dollar sign alone is US dollars unless the LANG territory has its own dollar (CA, AU, NZ…).
    """
    named = from_reports(reports)
    if len(named) > 1:
        return None  # two currencies in the data: never pick one
    if named:
        code = named.pop()
        local = from_environment(environ)
        if code == "USD" and local and local.endswith("D") and _territory_has_dollar(environ):
            return local
        return code
    return configured or from_environment(environ)


def _territory_has_dollar(environ: Mapping[str, str] | None) -> bool:
    environ = os.environ if environ is None else environ
    text = " ".join(environ.get(v, "") for v in ("LC_ALL", "LC_MONETARY", "LANG"))
    return any(f"_{t}" in text for t in DOLLAR_TERRITORIES)
