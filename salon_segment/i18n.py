"""Report languages: every user-facing string passes through ``_`` or ``ngettext``; catalogues are .po files.

English is the source language (message ids are the English text). ``salon_segment/locale/<lang>.po`` holds
the Dutch and Russian translations. When a language is chosen its .po file is read with Babel and compiled in
memory into a standard :class:`gettext.GNUTranslations` (no compile step, no .mo files), so ``ngettext``
picks the plural form with the catalogue's ``Plural-Forms`` rule (Babel's CLDR rules: one/other in English
and Dutch; one/few/many in Russian: 1 клиент, 2 клиента, 5 клиентов, 21 клиент). ``N_`` marks strings that
are translated later, at display time (reasons, labels). Error messages raised with English text (importers,
config, output) are translated when shown, by :func:`translate_message` (templates in ``salon_segment/messages.py``).
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "nl", "ru")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).parent / "locale"

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "translations": gettext.NullTranslations()}


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet."""
    return message


def _translations() -> gettext.NullTranslations:
    translations = _state["translations"]
    assert isinstance(translations, gettext.NullTranslations)
    return translations


def _(message: str) -> str:
    """Translate a message id (English text) into the active report language."""
    return _translations().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for the count ``n`` (format ``{n}`` in it yourself), in the report language."""
    return _translations().ngettext(singular, plural, int(n))


def language() -> str:
    """The active report language."""
    return str(_state["language"])


def _read_po(lang: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with (CATALOGUE_DIR / f"{lang}.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled translations of one language (English: the identity, with English plural rules)."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, _read_po(lang))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def normalise_language(value: str) -> str | None:
    """'NL', ' nl ', 'nl_NL', 'nl-BE' → 'nl'; None for a language without a catalogue."""
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def unknown_language_message(value: str) -> str:
    """One plain sentence for an unsupported language, listing the ones there are."""
    return _("{value!r} is not a report language; choose en (English), nl (Dutch) or ru (Russian).").format(value=value)


def set_language(lang: str) -> None:
    """Make ``lang`` the report language (case-insensitive; ValueError for a language without a catalogue)."""
    code = normalise_language(lang)
    if code is None:
        raise ValueError(unknown_language_message(lang))
    _state["language"] = code
    _state["translations"] = translations(code)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The first of LC_ALL, LC_MESSAGES, LANG that names a supported language ('nl_NL.UTF-8' → 'nl')."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = normalise_language(environ.get(variable, ""))
        if code:
            return code
    return None


def resolve_language(option: str | None, configured: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, else the config's ``lang``, else the environment, else English."""
    return option or configured or language_from_environment(environ) or DEFAULT_LANGUAGE


def translate_message(message: str) -> str:
    """An English message raised as an exception, in the report language (unchanged when it has no template)."""
    if language() == DEFAULT_LANGUAGE:
        return message
    from salon_segment.messages import translate

    return translate(message, _)


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for the catalogue; translated later with :func:`ngettext`."""
    return singular, plural
