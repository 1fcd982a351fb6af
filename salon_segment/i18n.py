"""Report languages: every user-facing string passes through ``_`` or ``ngettext``; catalogues are .po files.

English is the source language (message ids are the English text). ``salon_segment/locale/<code>.po`` holds
the translations of one language (Dutch and Russian today); the report languages are English plus the codes
of those files (:func:`languages`), so adding a language is adding its .po file. What else a language means
(its Babel locale: money, numbers, month names, the short date form) comes from CLDR (:func:`babel_locale`,
``render/formatting.py``). When a language is chosen its .po file is read with Babel and compiled in
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
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).parent / "locale"  # a module attribute, so that a test can point it elsewhere
# Where CLDR's default territory for a code is not the one the reports use: English reports are British
# (CLDR's "en" is American: US$ for other dollars, M/d/yy dates), so money and month names are en_GB's.
LOCALE_OVERRIDES = {"en": "en_GB"}
# Where CLDR's short date is not the one the reports use: English reports use ISO dates (en_GB's 22/11/2026
# reads as the 11th of the 22nd month to an American reader, and en's 11/22/26 the other way round).
DATE_PATTERN_OVERRIDES = {"en": "yyyy-MM-dd"}

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


def languages() -> tuple[str, ...]:
    """The report languages: English (the source language) and the code of every ``locale/<code>.po`` file."""
    return _languages(CATALOGUE_DIR)


@lru_cache(maxsize=4)
def _languages(folder: Path) -> tuple[str, ...]:
    found = sorted(path.stem.lower() for path in folder.glob("*.po"))
    return (DEFAULT_LANGUAGE, *(code for code in found if code != DEFAULT_LANGUAGE))


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale of a report language (default: the active one): CLDR's likely territory ('nl' → 'nl_NL')."""
    code = lang or language()
    if code in LOCALE_OVERRIDES:
        return LOCALE_OVERRIDES[code]
    return _likely_locale(code)


@lru_cache(maxsize=16)
def _likely_locale(code: str) -> str:
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    territory = Locale.parse(get_global("likely_subtags").get(code, code)).territory
    try:
        return str(Locale.parse(f"{code}_{territory}")) if territory else code
    except (UnknownLocaleError, ValueError):
        return code


def date_pattern(lang: str | None = None) -> str:
    """The report language's date form as a CLDR pattern: its short date with the whole year ('dd-MM-y' for nl,
    'dd.MM.y' for ru and for de, whose short date has 'yy'); ISO for English."""
    return _date_pattern(lang or language())


@lru_cache(maxsize=16)
def _date_pattern(code: str) -> str:
    if code in DATE_PATTERN_OVERRIDES:
        return DATE_PATTERN_OVERRIDES[code]
    import re

    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=babel_locale(code)).pattern
    return re.sub(r"(?<!y)y{1,4}(?!y)", "y", pattern)  # 'yy' would print 26: a report shows the whole year


def _read_po(lang: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with (CATALOGUE_DIR / f"{lang}.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def translations(lang: str) -> gettext.NullTranslations:
    """The compiled translations of one language (English: the identity, with English plural rules)."""
    return _translations_in(CATALOGUE_DIR, lang)


@lru_cache(maxsize=8)
def _translations_in(folder: Path, lang: str) -> gettext.NullTranslations:
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
    return code if code in languages() else None


def language_list() -> str:
    """The report languages as the active language says them: 'en (English), nl (Dutch) or ru (Russian)'."""
    from babel import Locale
    from babel.lists import format_list

    shown = babel_locale()
    return format_list(
        [f"{code} ({Locale.parse(code).get_language_name(shown)})" for code in languages()], style="or", locale=shown
    )


def unknown_language_message(value: str) -> str:
    """One plain sentence for an unsupported language, listing the ones there are (names from CLDR)."""
    return _("{value!r} is not a report language; choose {languages}.").format(value=value, languages=language_list())


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


def territories_from_environment(category: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """The territories LC_ALL, ``category`` (LC_MONETARY, LC_TELEPHONE…) and LANG name, in that order
    ('nl_NL.UTF-8' → 'NL'): the salon's country when the config does not say."""
    environ = os.environ if environ is None else environ
    found = (re.match(r"[a-z]{2,3}_([A-Z]{2})", environ.get(variable, "")) for variable in ("LC_ALL", category, "LANG"))
    return [match.group(1) for match in found if match]


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
