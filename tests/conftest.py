"""Every test runs with a neutral locale, whatever the developer's LANG (nl_NL.UTF-8, ru_RU.UTF-8…).

The report language and the currency fall back to LANG/LC_ALL; tests that are about that pass their own
environment. Without this, a Dutch or Russian shell would turn the English expectations into Dutch output.
"""

import pytest

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LC_MONETARY", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch):
    """C.UTF-8 for the locale variables (English, no currency from the territory)."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.setenv(variable, "C.UTF-8")
