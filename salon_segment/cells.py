"""One cell sanitiser for every written cell (CSV and Excel), and the formula neutralisation rules.

``clean`` makes any text a valid spreadsheet cell: C0 control characters other than tab, line feed and carriage
return, DEL and the C1 controls are removed; U+FFFE, U+FFFF and lone surrogates (which no file can encode)
become U+FFFD; text over Excel's 32,767 characters is cut with a visible ``…[truncated]`` marker.

Formula neutralisation (OWASP CSV injection guidance) — the exact rule, also in SECURITY.md:

* A *piece* of a text cell is the cell's text from its start, and the text after every ``;``, ``,``, line feed
  and CR (Excel in a ``;``-list-separator locale splits a comma CSV line at ``;``, quotes or not, and a line
  break can end a record once the quotes are out of step).
* A piece is *dangerous* when it matches ``'*[ "]*[=+\\-@\\t\\r]``: optional apostrophes, optional spaces or
  double quotes, then one of ``= + - @`` tab or CR.
* CSV outputs put one apostrophe before every dangerous piece; Excel outputs before a dangerous cell start
  (an Excel cell is never split). Numbers written as numbers are never touched.
* Reading back: remove one apostrophe at the start of every piece that is an apostrophe followed by a dangerous
  piece (``restore_csv``). Because a piece that already starts with apostrophes gets one more, this gives back
  the original text exactly.
"""

from __future__ import annotations

import re

import pandas as pd

EXCEL_MAX_CHARS = 32_767
TRUNCATED = "…[truncated]"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NONCHARS = re.compile(r"[\ufffe\uffff\ud800-\udfff]")
_DIRTY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_DANGER = r"'*[ \"]*[=+\-@\t\r]"
_CELL_START = re.compile(rf"^(?={_DANGER})")
_PIECE_START = re.compile(rf"(^|[;,\r\n])(?={_DANGER})")
_CELL_TRIGGER = re.compile(rf"^{_DANGER}")  # the same test without look-ahead: fast on Arrow strings
_PIECE_TRIGGER = re.compile(rf"(?:^|[;,\r\n]){_DANGER}")
_NOTHING = re.compile(r"(?!)")
_ESCAPED_PIECE = re.compile(rf"(^|[;,\r\n])'(?={_DANGER})")


def _truncate(text: str) -> str:
    """Text over Excel's cell limit cut to it, ending in the visible marker."""
    if len(text) <= EXCEL_MAX_CHARS:
        return text
    return text[: EXCEL_MAX_CHARS - len(TRUNCATED)] + TRUNCATED


def _clean_characters(text: str) -> str:
    """Controls removed, non-characters and lone surrogates replaced (no truncation)."""
    return _CONTROLS.sub("", _NONCHARS.sub("\ufffd", text))


def clean(text: str) -> str:
    """Text that every spreadsheet and XML writer accepts: no stray controls or non-characters, ≤ 32,767 chars."""
    return _truncate(_clean_characters(text))


def inert(text: str) -> str:
    """One Excel text cell, clean and with a leading apostrophe when a spreadsheet would run it as a formula."""
    return _truncate(_CELL_START.sub("'", _clean_characters(text)))


def inert_csv(text: str) -> str:
    """One CSV text field, clean and with an apostrophe before every dangerous piece (see the module rule)."""
    return _truncate(_PIECE_START.sub(r"\1'", _clean_characters(text)))


def restore_csv(text: str) -> str:
    """The original text of a field written by ``inert_csv`` (when it was not cleaned or truncated)."""
    return _ESCAPED_PIECE.sub(r"\1", text)


def _as_text(values: pd.Series) -> pd.Series:
    """Text without lone surrogates (pandas' string columns cannot hold them): cleaned one by one if needed."""
    try:
        return values.astype(str)
    except UnicodeEncodeError:
        return values.astype(object).map(lambda v: _clean_characters(str(v))).astype(str)


def _series(values: pd.Series, pattern: re.Pattern[str], replacement: str) -> pd.Series:
    """A column cleaned, neutralised by ``pattern`` → ``replacement`` and truncated; regexes only where needed."""
    text = _as_text(values)
    # One search over the joined column first: Arrow's regex engine cannot take the surrogate range, so a
    # per-cell ``str.contains(_DIRTY)`` runs Python's re once per cell even when (as nearly always) none is dirty.
    if _DIRTY.search("\n".join(text.tolist())) is not None:
        dirty = text.str.contains(_DIRTY, regex=True)
        text = text.where(~dirty, text[dirty].map(_clean_characters))
    if pattern is not _NOTHING:
        trigger = _CELL_TRIGGER if pattern is _CELL_START else _PIECE_TRIGGER
        hit = text.str.contains(trigger, regex=True)
        if hit.any():
            chosen = text[hit]
            split = chosen.str.contains(r"[;,\r\n]", regex=True) if pattern is _PIECE_START else chosen.str.len() < 0
            fixed = ("'" + chosen).where(~split, chosen[split].map(lambda t: pattern.sub(replacement, t)))
            text = text.where(~hit, fixed)
    too_long = text.str.len() > EXCEL_MAX_CHARS
    if too_long.any():
        text = text.where(~too_long, text[too_long].map(_truncate))
    return text


def clean_text(values: pd.Series) -> pd.Series:
    """``clean`` on a column of text (vectorised)."""
    return _series(values, _NOTHING, "")


def inert_text(values: pd.Series) -> pd.Series:
    """``inert`` on a column of text (vectorised)."""
    return _series(values, _CELL_START, "'")


def inert_csv_text(values: pd.Series) -> pd.Series:
    """``inert_csv`` on a column of text (vectorised)."""
    return _series(values, _PIECE_START, r"\1'")
