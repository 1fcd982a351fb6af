"""What each export line is (service, product, gift card, membership, deposit, tip, fee, refund, other), its
status, and whether its client is a placeholder (walk-in, anonymous).

The export's own type column decides first, a product catalogue second, product words in the item last, and
never against the export. Status words no profile or lexicon knows are never a completed visit. Vectorised on
each column's distinct values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.importers import lexicon, plain_text
from salon_segment.importers.headers import normalize_header
from salon_segment.importers.values import TextColumn, fold_name, fold_words

_TYPES = np.array(sorted(L.LINE_TYPES), dtype=object)  # categories in sorted order, as the ledger keeps them
_CODE = {kind: i for i, kind in enumerate(_TYPES)}
_STATUSES = np.array(sorted(L.STATUSES), dtype=object)
_STATUS_CODE = {status: i for i, status in enumerate(_STATUSES)}
# "Shampoo 250 ml", "Styling gel 150ml", "Repair mask 200 g": retail products carry their size.
SIZE_PATTERN = r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:ml|mℓ|cl|l|ltr|g|gr|kg|oz|fl oz|мл|г|гр)(?!\w)"


def _lookup(words: Mapping[str, str]) -> dict[str, str]:
    return {normalize_header(word): kind for word, kind in words.items()}


def _per_unique_codes(column: TextColumn, lookup: Mapping[str, str], codes: Mapping[str, int]) -> np.ndarray:
    """Each row's code from its distinct value's word (−1 where the word is not known)."""
    per_unique = column.uniques.map(normalize_header).map(lookup).map(codes).fillna(-1).to_numpy(dtype=np.int8)
    return per_unique[column.codes]


def _names_any(column: TextColumn, words: tuple[str, ...], size: bool = False) -> np.ndarray:
    """True per row where the text holds one of ``words`` as whole words (or a retail size)."""
    pattern = "|".join(re.escape(w.casefold()) for w in words) if words else ""
    parts = [rf"(?<!\w)(?:{pattern})(?!\w)"] if pattern else []
    if size:
        parts.append(SIZE_PATTERN)
    if not parts:
        return np.zeros(len(column.codes), dtype=bool)
    hit = column.uniques.str.casefold().str.contains("|".join(parts), regex=True).to_numpy(dtype=bool)
    return hit[column.codes] if hit.any() else np.zeros(len(column.codes), dtype=bool)


def line_types(
    n: int,
    *,
    type_column: TextColumn | None,
    item: TextColumn | None,
    category: TextColumn | None,
    type_words: Mapping[str, str],
    product_items: frozenset[str],
    service_items: frozenset[str],
    keywords: tuple[str, ...],
    index: pd.Index,
    default: str = "",
) -> pd.Series:
    """Every line's type, as a categorical column over ``ledger.LINE_TYPES``.

    ``default``: the line type of a report whose every line is of one type (an appointments report books
    services): no guessing from words then, unless the export's own type column says otherwise.
    """
    service, product = _CODE[L.SERVICE], _CODE[L.PRODUCT]
    codes = np.full(n, _CODE[default or L.SERVICE], dtype=np.int8)  # a report of one line type: no guessing
    if not default and product_items:  # a product listing is the whole range: what it does not list is a service
        if item is not None:
            codes = np.where(fold_name(item).isin(product_items).to_numpy(), product, codes)
    elif not default and (item is not None or category is not None):  # product words or a retail size
        guessed = np.zeros(n, dtype=bool)
        for column, size in ((item, True), (category, False)):
            if column is not None:
                guessed |= _names_any(column, keywords, size=size)
        if item is not None:
            guessed &= ~_names_any(item, lexicon.TREATMENT_WORDS)  # "Hydrating serum facial" is a treatment
            if service_items:
                guessed &= ~fold_name(item).isin(service_items).to_numpy()
        codes = np.where(guessed, product, codes)
    from_type = np.full(n, -1, dtype=np.int8)
    if type_column is not None:
        lookup = {**lexicon.LINE_TYPE_LOOKUP, **_lookup(type_words)}
        from_type = _per_unique_codes(type_column, lookup, _CODE)
        codes = np.where(from_type >= 0, from_type, codes)  # the export's own word wins where it is known
    if item is not None:  # an item that is nothing but a type word: "Custom Amount", "Tip", "Gift card"
        whole_item = _per_unique_codes(item, lexicon.WHOLE_ITEM_LOOKUP, _CODE)
        codes = np.where((from_type < 0) & (whole_item >= 0), whole_item, codes)
        # a deposit or a gift card sold at the desk, booked as a "service" line
        generic = (from_type < 0) | (from_type == service)
        for kind, words in lexicon.ITEM_NOT_REVENUE_WORDS.items():
            named = _names_any(item, words)
            if named.any():
                codes = np.where(generic & (codes == service) & named, _CODE[kind], codes)
    return L.text_categories(codes, _TYPES).set_axis(index)


def line_statuses(
    n: int, *, status: TextColumn | None, fixed: str | None, words: Mapping[str, str], index: pd.Index
) -> tuple[pd.Series, dict[str, int]]:
    """Every line's status, and the unknown status words with their line counts.

    A report of one kind (a no-show report) gives every line its status; an empty status cell is a completed
    line; a word neither the profile nor the lexicon knows is ``unknown``: never a visit, always reported.
    """
    if fixed is not None or status is None:
        code = _STATUS_CODE[fixed or L.COMPLETED]
        return L.text_categories(np.full(n, code, dtype=np.int8), _STATUSES).set_axis(index), {}
    lookup = {**lexicon.STATUS_LOOKUP, **_lookup(words), "": L.COMPLETED}
    codes = _per_unique_codes(status, lookup, _STATUS_CODE)
    unknown_rows = codes < 0
    counts = np.bincount(status.codes[unknown_rows], minlength=len(status.uniques))
    unknown = {str(status.uniques.iloc[i]): int(c) for i, c in enumerate(counts) if c}
    codes = np.where(unknown_rows, _STATUS_CODE[L.UNKNOWN_STATUS], codes)
    return L.text_categories(codes, _STATUSES).set_axis(index), dict(sorted(unknown.items()))


def _plain_digit(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.match_substring_regex(plain, "[0-9]")


@functools.lru_cache(maxsize=32)
def _placeholder_words(extra: tuple[str, ...]) -> frozenset[str]:
    """The folded placeholder words of the lexicon and of a profile (folded once per run)."""
    folded = fold_words(pd.Series([*lexicon.PLACEHOLDER_CLIENTS, *extra], dtype=object))
    return frozenset(folded) - {""}


def placeholder_clients(columns: list[TextColumn], extra: tuple[str, ...], n: int) -> np.ndarray:
    """True per row where a client field holds a placeholder ("Walk-In", "WALK_IN", "Гость", "Zonder naam")."""
    words = _placeholder_words(tuple(extra))
    longest = max(len(w) for w in words) + 4
    hit = None
    for column in columns:
        uniques = column.uniques
        # a placeholder is a short word without digits ("Walk-In", "WALK_IN", "Гость"): only those are folded
        candidate = plain_text.lengths(uniques, column.arrow) <= longest
        if candidate.any():
            short = uniques[candidate]
            candidate[candidate] = ~np.asarray(
                plain_text.by_parts(short, _plain_digit, lambda other: other.str.contains(r"\d", regex=True)),
                dtype=bool,
            )
        per_unique = np.zeros(len(uniques), dtype=bool)
        per_unique[candidate] = fold_words(uniques[candidate]).isin(words).to_numpy(dtype=bool)
        hit = per_unique[column.codes] if hit is None else hit | per_unique[column.codes]
    return hit if hit is not None else np.zeros(n, dtype=bool)
