"""How a report is shown: its language, its currency and the console it is printed on.

The command line builds one :class:`Presentation` (``--lang``/config/LANG, the currency the data names, the
terminal) and hands it to the renderers; the library (:mod:`salon_segment.api`) never sees it. ``using``
activates the language and currency for the duration of rendering (the translation and number-formatting
helpers read them) and restores what was active before, so nothing leaks from one run, or one test, to the next.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from salon_segment import i18n

DEFAULT_CURRENCY = "EUR"  # what the formatting helpers show when nothing was chosen (tests, the library's default)
_state: dict[str, str | None] = {"currency": DEFAULT_CURRENCY}


@dataclass(frozen=True)
class Presentation:
    """Language (en, nl, ru…), currency (ISO code; None: plain numbers) and console width (None: the terminal's)."""

    language: str = i18n.DEFAULT_LANGUAGE
    currency: str | None = DEFAULT_CURRENCY
    width: int | None = None

    def console(self, *, stderr: bool = False) -> Any:
        """A rich console that prints text from the export as written (never read as markup or emoji codes)."""
        from rich.console import Console

        return Console(markup=False, emoji=False, width=self.width, stderr=stderr)


def set_currency(code: str | None) -> None:
    """The salon's currency (ISO code, e.g. EUR, RUB, GBP; None: plain numbers): the data decides, not the language."""
    _state["currency"] = code.upper() if code else None


def current_currency() -> str | None:
    """The active currency code (None when nothing says which: money is shown as plain numbers)."""
    return _state["currency"]


def active() -> Presentation:
    """The language and currency active right now (English and euros unless a ``using`` block says otherwise)."""
    return Presentation(language=i18n.language(), currency=current_currency())


def activate(presentation: Presentation) -> None:
    """Make the presentation's language and currency the active ones (``using`` undoes it; prefer that)."""
    i18n.set_language(presentation.language)
    set_currency(presentation.currency)


@contextlib.contextmanager
def using(presentation: Presentation) -> Iterator[Presentation]:
    """Render with this presentation's language and currency; the previous ones are restored afterwards."""
    with preserved():
        activate(presentation)
        yield presentation


@contextlib.contextmanager
def preserved() -> Iterator[None]:
    """Whatever happens inside, the language and currency are afterwards what they were before."""
    before = active()
    try:
        yield
    finally:
        activate(before)


def reset() -> None:
    """English and euros: the state a fresh process starts in (tests call it between tests)."""
    activate(Presentation())
