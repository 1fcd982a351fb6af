"""Translate English error messages when they are shown, by matching them against message templates.

Importers, the config loader and the output writers raise errors with English f-strings
(``f"{path}: file not found."``). ``python tools/catalogue.py`` extracts every such f-string as a template
msgid (``"{path}: file not found."``) into the .po catalogues, with the automatic comment :data:`MARK`. When a
message is shown in Dutch or Russian, it is matched against the templates of that language (the most specific
template first); the parts that matched a placeholder are translated themselves when they are messages too
(``"{path}: {reason}."`` around a reason), then filled into the translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

MARK = "raised as an error; translated when shown"
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


def pattern(template: str) -> re.Pattern[str]:
    """A regular expression that matches messages made from ``template`` (placeholders match any text)."""
    parts, position, seen = [], 0, set()
    for match in PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        name = match.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


def templates(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, translation) for every error template of a language, most literal text first."""
    from salon_segment import i18n

    return _templates(i18n.CATALOGUE_DIR, lang)


@lru_cache(maxsize=8)
def _templates(folder: Path, lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    from salon_segment.i18n import _read_po

    found = []
    for message in _read_po(lang):
        if isinstance(message.id, str) and message.string and any(MARK in c for c in message.auto_comments):
            literal = len(PLACEHOLDER.sub("", message.id))
            found.append((literal, pattern(message.id), str(message.string)))
    found.sort(key=lambda item: -item[0])
    return tuple((compiled, translation) for _literal, compiled, translation in found)


def translate(message: str, gettext: Callable[[str], str], depth: int = 0) -> str:
    """``message`` in the active language: an exact catalogue entry, else the first template that matches it."""
    from salon_segment.i18n import language

    exact = gettext(message)
    if exact != message or depth > 3:
        return exact
    for compiled, translation in templates(language()):
        match = compiled.match(message)
        if match:
            return _fill(translation, {k: translate(v, gettext, depth + 1) for k, v in match.groupdict().items()})
    return message


def _fill(translation: str, values: dict[str, str]) -> str:
    """Put the matched (and translated) parts into the translation's placeholders."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), translation)
