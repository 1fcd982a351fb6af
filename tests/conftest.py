"""Every test runs with a neutral locale, whatever the developer's LANG (nl_NL.UTF-8, ru_RU.UTF-8…), and starts
from English and euros.

The report language and the currency fall back to LANG/LC_ALL; tests that are about that pass their own
environment. Without this, a Dutch or Russian shell would turn the English expectations into Dutch output. The
active language and currency (``salon_segment.presentation``) are reset before and after every test, so a test
that sets them cannot change the next one.

Every test also gets its own home and config folder (HOME, XDG_CONFIG_HOME): the pseudonym key that
``--pseudonymize`` creates in the user's config folder lands there, never in the developer's own.
"""

import pytest

from salon_segment import presentation

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LC_MONETARY", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch):
    """C.UTF-8 for the locale variables (English, no currency from the territory); English and euros active."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.setenv(variable, "C.UTF-8")
    presentation.reset()
    yield
    presentation.reset()


@pytest.fixture(autouse=True)
def private_config_folder(monkeypatch, tmp_path_factory):
    """A fresh HOME and XDG_CONFIG_HOME per test (platformdirs' user config folder follows them)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / ".config"
