"""Report languages: every user-facing string passes through ``_``; catalogues are gettext .po files.

English is the source language (message ids are the English text). ``salon_segment/locale/<lang>.po`` holds
the Dutch and Russian translations; they are read with Babel when a language is chosen, so there is no
compile step. ``N_`` marks strings that are translated later, at display time (reasons, labels).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("en", "nl", "ru")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).parent / "locale"

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "messages": {}}


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet."""
    return message


def _(message: str) -> str:
    """Translate a message id (English text) into the active report language."""
    messages = _state["messages"]
    assert isinstance(messages, dict)
    return messages.get(message, message)


def language() -> str:
    """The active report language."""
    return str(_state["language"])


def read_catalogue(lang: str) -> dict[str, str]:
    """Message id → translation of one language's .po file (empty translations are left out)."""
    from babel.messages.pofile import read_po

    with (CATALOGUE_DIR / f"{lang}.po").open("rb") as handle:
        catalogue = read_po(handle)
    return {m.id: m.string for m in catalogue if m.id and isinstance(m.id, str) and m.string}


def set_language(lang: str) -> None:
    """Make ``lang`` the report language (ValueError for a language without a catalogue)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _state["language"] = lang
    _state["messages"] = {} if lang == DEFAULT_LANGUAGE else read_catalogue(lang)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The first of LC_ALL, LC_MESSAGES, LANG that names a supported language ('nl_NL.UTF-8' → 'nl')."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return None


def resolve_language(option: str | None, configured: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, else the config's ``lang``, else the environment, else English."""
    return option or configured or language_from_environment(environ) or DEFAULT_LANGUAGE
