"""Vectorised parsing of export cells: dates, amounts, statuses, kinds and identity keys.

Each parser works on the column's unique values (exports repeat dates and prices a lot) and maps the
results back, so a million lines cost a few thousand regex matches. One convention is chosen per column.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.i18n import N_
from salon_segment.importers import lexicon
from salon_segment.importers.headers import normalize_header
from salon_segment.importers.month_names import parse_month_names
from salon_segment.importers.plain_text import by_parts
from salon_segment.importers.text_column import TextColumn, TextLike, per_unique

# ---------------------------------------------------------------- dates

_DATE_RE = (
    r"^\s*(?P<a>\d{1,4})(?P<sep>[-./])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
    r"(?:[ T,]+(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?\s*$"
)
_SERIAL_RE = r"^\s*(?P<serial>\d{5})(?:\.\d+)?\s*$"
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
MIN_YEAR, MAX_YEAR = 1900, 2200
NOTE_MIXED_ORDER = N_("the column mixes day-first and month-first dates; the minority does not parse")
NOTE_CHOSE_DAY_FIRST = N_(
    "every date reads both day-first and month-first; chose day-first from the file's conventions "
    "(override with --date-format)"
)
NOTE_CHOSE_MONTH_FIRST = N_(
    "every date reads both day-first and month-first; chose month-first (US style) from the file's conventions "
    "(override with --date-format)"
)


@dataclass(frozen=True)
class ParsedDates:
    """Parsed dates (NaT where a value did not parse), "HH:MM" times, and the format chosen."""

    dates: pd.Series
    column: TextColumn = field(repr=False)
    time_texts: np.ndarray = field(repr=False)  # "HH:MM" or "" per distinct value of the column
    date_format: str = ""
    note: str = ""

    @functools.cached_property
    def times(self) -> pd.Series:
        """The "HH:MM" time of every row (empty without one), as categories; made when asked for."""
        return self.column.categorical(self.time_texts)


def _two_digit_year(year: pd.Series) -> pd.Series:
    return year.where(year >= 100, np.where(year < 69, 2000 + year, 1900 + year))


def parse_dates(values: TextLike, *, month_first_hint: bool = False) -> ParsedDates:
    """Parse one column of export dates; the day/month order is chosen for the whole column.

    Accepts yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, two-digit years, optional
    24-hour or AM/PM times, and Excel serial day numbers. When both day-first and month-first read every
    value, ``month_first_hint`` decides (US-style exports) and the note says so.
    """
    column = TextColumn.of(values)
    uniques = column.uniques
    parts = uniques.str.extract(_DATE_RE)
    a = pd.to_numeric(parts["a"], errors="coerce")
    b = pd.to_numeric(parts["b"], errors="coerce")
    c = pd.to_numeric(parts["c"], errors="coerce")
    matched = a.notna()
    year_first = matched & (parts["a"].str.len() == 4)
    other = matched & ~year_first
    note = ""
    if other.any():
        day_over_12 = bool((a[other] > 12).any())
        month_over_12 = bool((b[other] > 12).any())
        if day_over_12 and not month_over_12:
            month_first = False
        elif month_over_12 and not day_over_12:
            month_first = True
        elif day_over_12 and month_over_12:
            month_first = int((b[other] > 12).sum()) > int((a[other] > 12).sum())
            note = NOTE_MIXED_ORDER
        else:
            month_first = month_first_hint
            note = NOTE_CHOSE_MONTH_FIRST if month_first else NOTE_CHOSE_DAY_FIRST
    else:
        month_first = False
    year = pd.Series(np.where(year_first, a, c), dtype="float64")
    month = pd.Series(np.where(year_first, b, np.where(month_first, a, b)), dtype="float64")
    day = pd.Series(np.where(year_first, c, np.where(month_first, b, a)), dtype="float64")
    year = _two_digit_year(year)
    matched &= year.between(MIN_YEAR, MAX_YEAR)  # a salon export holds no year 2263: not a date, not an overflow
    parsed = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}).where(matched), errors="coerce")
    serial = pd.to_numeric(uniques.str.extract(_SERIAL_RE)["serial"], errors="coerce")
    serial = serial.where((serial >= 20000) & (serial <= 80000))
    from_serial = EXCEL_EPOCH + pd.to_timedelta(serial, unit="D")
    parsed = parsed.where(parsed.notna(), from_serial)

    hour = pd.to_numeric(parts["hh"], errors="coerce")
    minute = pd.to_numeric(parts["mm"], errors="coerce")
    ampm = parts["ampm"].fillna("").str.lower().str[0]
    named_format = ""
    wordy = parsed.isna() & uniques.str.contains(r"[^\W\d_]", regex=True)
    if wordy.any():  # "March 5, 2025 10:00am", "02 Feb 2026, 1:46pm", "5 марта 2025 г."
        named, named_format = parse_month_names(uniques[wordy])
        year_ok = named["year"].between(MIN_YEAR, MAX_YEAR)
        named_dates = pd.to_datetime(named[["year", "month", "day"]].where(year_ok, np.nan), errors="coerce")
        parsed = parsed.where(~wordy, named_dates.reindex(uniques.index))
        hour = hour.where(~wordy, named["hh"].reindex(uniques.index))
        minute = minute.where(~wordy, named["mm"].reindex(uniques.index))
        ampm = ampm.where(~wordy, named["ampm"].reindex(uniques.index).fillna(""))
    hour = hour.where(ampm != "p", hour % 12 + 12).where(ampm != "a", hour % 12)
    valid_time = hour.between(0, 23) & minute.between(0, 59)
    times = hour.astype("Int64").astype(str).str.zfill(2) + ":" + minute.astype("Int64").astype(str).str.zfill(2)
    times = times.where(valid_time, "")

    if named_format and int(parsed[wordy].notna().sum()) > max(int(year_first.sum()), int(other.sum())):
        date_format = named_format
    elif year_first.sum() >= other.sum() and year_first.any():
        date_format = "yyyy-mm-dd"
    elif other.any():
        sep = parts.loc[other, "sep"].mode().iloc[0]
        date_format = sep.join(["mm", "dd", "yyyy"] if month_first else ["dd", "mm", "yyyy"])
    elif serial.notna().any():
        date_format = "excel serial"
    else:
        date_format = "unknown"
    return ParsedDates(
        dates=column.spread(parsed.to_numpy(dtype="datetime64[ns]")),
        column=column,
        time_texts=times.fillna("").to_numpy(dtype=object),
        date_format=date_format,
        note=note,
    )


def date_format_to_order(date_format: str) -> bool:
    """True when a --date-format value such as 'mm/dd/yyyy' or '%m/%d/%Y' puts the month first."""
    text = date_format.lower().replace("%", "")
    return text.find("m") < text.find("d")


# ---------------------------------------------------------------- amounts

_CURRENCY_RE = re.compile(r"(?i)(eur|usd|gbp|rub|chf|руб\.?|р\.|€|\$|£|₽|kr\.?)")
_KEEP_RE = re.compile(r"[^\d,.\-]")


@dataclass(frozen=True)
class ParsedAmounts:
    """Parsed numbers (NaN where a non-empty value did not parse; empty cells are 0) and the decimal mark."""

    values: pd.Series
    decimal: str


def parse_amounts(values: TextLike) -> ParsedAmounts:
    """Parse money/quantity cells: '42,50', '€ 1.234,50', '1 234,50 ₽', '(12.50)', '12,50-', '-12.50', '1E+03'.

    The decimal mark is decided for the whole column from values that show it (a mark followed by one
    or two digits at the end); a lone mark followed by exactly three digits is a thousands separator, and so is
    every mark of a column whose values show no decimals at all ('€ 1.250' among whole euros is 1,250).
    Cells of dashes only ('-', '---') are empty; scientific notation ('1E+03', '1e3') is read as such.
    """
    column = TextColumn.of(values)
    uniques = column.uniques
    empty = uniques.str.fullmatch(r"[\s\-–—]*")
    scientific = pd.to_numeric(
        uniques.where(uniques.str.fullmatch(r"[+\-−]?\d+(?:[.,]\d+)?[eE][+\-]?\d{1,3}")).str.replace("−", "-")
        .str.replace(",", ".", regex=False),
        errors="coerce",
    )
    negative = (uniques.str.startswith(("-", "−", "(")) | uniques.str.endswith(("-", ")"))) & uniques.str.contains(
        r"\d", regex=True
    )
    cleaned = uniques.str.replace(_CURRENCY_RE, "", regex=True)
    cleaned = cleaned.str.replace("−", "-", regex=False)
    cleaned = cleaned.str.replace(_KEEP_RE, "", regex=True).str.replace("-", "", regex=False)
    cleaned = cleaned.str.strip(".,")
    comma_decimal = cleaned.str.contains(r",\d{1,2}$", regex=True) | cleaned.str.contains(r"\.\d{3},\d+$", regex=True)
    point_decimal = cleaned.str.contains(r"\.\d{1,2}$", regex=True) | cleaned.str.contains(r",\d{3}\.\d+$", regex=True)
    decimal = "," if comma_decimal.sum() > point_decimal.sum() else "."
    thousands = "." if decimal == "," else ","
    number = cleaned.str.replace(thousands, "", regex=False)
    if not comma_decimal.any() and not point_decimal.any():  # whole amounts only: '1.250' and '1,250' are 1250
        grouped = cleaned.str.fullmatch(r"\d{1,3}(?:[.,]\d{3})+")
        number = number.where(~grouped, cleaned.str.replace(r"[.,]", "", regex=True))
        decimal = "" if not grouped.any() else decimal
    if decimal == ",":
        number = number.str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(number.where(number.str.count(r"\.") <= 1), errors="coerce")
    parsed = parsed.where(~negative, -parsed)
    parsed = parsed.where(scientific.isna(), scientific)
    parsed = parsed.where(~empty, 0.0)
    return ParsedAmounts(column.spread(parsed.to_numpy(dtype=float)), decimal or ".")


# ---------------------------------------------------------------- statuses and kinds

_STATUS_LOOKUP = lexicon.STATUS_LOOKUP  # the words are in lexicon.py
_KIND_LOOKUP = {word: kind for word, kind in lexicon.LINE_TYPE_LOOKUP.items() if kind in (L.PRODUCT, L.SERVICE)}


def map_statuses(values: TextLike) -> tuple[pd.Series, list[str]]:
    """Status words → completed/no_show/cancelled/booked; empty → completed.

    Unknown words count as completed and are returned (sorted) for a warning.
    """
    column = TextColumn.of(values)
    normalized = column.uniques.map(normalize_header)
    mapped = normalized.map(_STATUS_LOOKUP)
    present = pd.Series(False, index=column.uniques.index)
    present[np.unique(column.codes)] = True  # only values that occur in these rows
    unknown = sorted(set(column.uniques[mapped.isna() & (normalized != "") & present].tolist()))
    return column.categorical(mapped.fillna(L.COMPLETED).to_numpy(dtype=object)), unknown


def kinds_from_type(values: TextLike) -> pd.Series:
    """Type column words → service/product; missing (NaN) where the word is not known."""
    return per_unique(values, lambda uniques: uniques.map(normalize_header).map(_KIND_LOOKUP).to_numpy(dtype=object))


def names_a_product(items: TextLike, keywords: tuple[str, ...]) -> pd.Series:
    """True where the text names a product keyword as a whole word ('Shampoo 250 ml', not 'Shampooing')."""
    if not keywords:
        return pd.Series(False, index=items.index)
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(k.casefold()) for k in keywords) + r")(?!\w)"
    return per_unique(items, lambda uniques: uniques.str.casefold().str.contains(pattern, regex=True).to_numpy(bool))


def kinds_from_keywords(items: TextLike, keywords: tuple[str, ...]) -> pd.Series:
    """'product' where the item names a product keyword as a whole word, else 'service'."""
    return pd.Series(np.where(names_a_product(items, keywords), L.PRODUCT, L.SERVICE), index=items.index, dtype=object)


# ---------------------------------------------------------------- identity


def normalize_email(values: TextLike) -> pd.Series:
    """Trimmed, lower-case e-mail; empty when the value has no '@'."""

    return per_unique(values, email_text)


def email_text(uniques: pd.Series, column: TextColumn | None = None) -> pd.Series:
    """Distinct values → trimmed, lower-case e-mail, empty without an '@' (``column``: the values' column, whose
    Arrow copy is reused)."""
    arrow, plain = (column.arrow, column.plain) if column is not None else (None, None)
    result = by_parts(uniques, _plain_email, _email_text, arrow=arrow, plain=plain)
    return pd.Series(result, index=uniques.index, dtype=object)


def _plain_email(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.if_else(pc.match_substring(plain, "@"), pc.ascii_lower(plain), "")


def _email_text(uniques: pd.Series) -> pd.Series:
    text = uniques.str.strip().str.lower()
    return text.where(text.str.contains("@", regex=False), "")


CONSENT_WORDS = {
    True: ("yes", "y", "true", "1", "x", "on", "ja", "j", "waar", "да", "д", "wahr", "oui", "si", "sì",
           "subscribed", "opted in", "opt in", "accepted", "granted", "ingeschreven", "подписан"),
    False: ("no", "n", "false", "0", "off", "nee", "onwaar", "нет", "н", "nein", "falsch", "non",
            "unsubscribed", "opted out", "opt out", "declined", "refused", "afgemeld", "uitgeschreven", "отписан",
            "отказ"),
}  # fmt: skip
_CONSENT_LOOKUP = {normalize_header(w): said for said, words in CONSENT_WORDS.items() for w in words}


def consent_text(uniques: pd.Series, *, opt_out: bool) -> pd.Series:
    """Distinct values of a consent column → ``ledger.CONSENT_YES`` / ``CONSENT_NO`` / "" (blank: not said).

    An opt-out column is read inverted. A blank cell is unknown in either kind of column (a blank opt-out cell
    does not say the client agreed). An answer that is not a known yes/no word is an opt-out: a client is never
    assumed to have said yes."""
    said = uniques.map(lambda text: _CONSENT_LOOKUP.get(normalize_header(text)))
    blank = uniques.map(normalize_header) == ""
    agrees = said.map({True: not opt_out, False: opt_out})
    out = agrees.map({True: L.CONSENT_YES, False: L.CONSENT_NO}).fillna(L.CONSENT_NO).astype(object)
    return out.where(~blank, "")


def normalize_phone(values: TextLike) -> pd.Series:
    """Digits only; empty when fewer than 6 digits remain (not a usable phone number)."""
    return per_unique(values, phone_digits)


def phone_digits(uniques: pd.Series) -> pd.Series:
    """Distinct values → digits only, empty when fewer than 6 digits remain."""
    digits = uniques.str.replace(r"\D", "", regex=True)
    return digits.where(digits.str.len() >= 6, "")


def fold_words(values: pd.Series) -> pd.Series:
    """Case-folded words, punctuation and underscores as single spaces ('Totaal:' → 'totaal', 'WALK_IN' and
    'Walk-In' → 'walk in'), vectorised."""
    return values.astype(str).str.casefold().str.replace(r"[\W_]+", " ", regex=True).str.strip()


def fold_name(values: TextLike) -> pd.Series:
    """Case-folded name with runs of white space collapsed."""
    return per_unique(values, fold_text)


def fold_text(uniques: pd.Series, column: TextColumn | None = None) -> pd.Series:
    """Distinct values → case-folded, runs of white space as one space (``column`` as for ``email_text``)."""
    arrow, plain = (column.arrow, column.plain) if column is not None else (None, None)
    result = by_parts(uniques, _plain_lower, _fold_text, arrow=arrow, plain=plain)
    return pd.Series(result, index=uniques.index, dtype=object)


def _plain_lower(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.ascii_lower(plain)


def _fold_text(uniques: pd.Series) -> pd.Series:
    return uniques.str.casefold().str.split().str.join(" ").fillna("")
