"""A text column as integer codes into its distinct values, stripped: what every cell parser works on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment import ledger as L
from salon_segment.importers.plain_text import arrow_text, by_parts, plain_mask, sorted_codes

CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # every C0/C1 control but tab and line feed


@dataclass(frozen=True)
class TextColumn:
    """A text column as codes into its distinct values (stripped): parse each distinct value once.

    Exports repeat dates, prices and names a lot; a million lines often hold a few thousand distinct values.
    """

    codes: np.ndarray
    uniques: pd.Series
    index: pd.Index

    @classmethod
    def of(cls, values: pd.Series | TextColumn) -> TextColumn:
        if isinstance(values, TextColumn):
            return values
        codes, uniques = pd.factorize(values)
        if len(uniques) < 2**31 - 1:  # half the memory of every column's codes (10M lines: 40 MB a column)
            codes = codes.astype(np.int32)
        return cls(np.asarray(codes), _stripped(uniques), values.index)

    @classmethod
    def of_cells(cls, values: pd.Series, *, parsed: bool = False) -> TextColumn:
        """A raw table's column: the CSV parser's categories are its distinct values, in the order they first
        appear, as a factorisation would number them (``source``); anything else is factorised. ``parsed``:
        the categories come from the parser (every one occurs, no cell is missing), so that is not checked."""
        if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.categories.dtype == object:
            codes = values.array.codes  # the smallest integer type that holds them: 10M lines of a few values, 10 MB
            categories = values.cat.categories.to_numpy()
            if not parsed:
                used = np.zeros(len(categories), dtype=bool)
                used[codes] = True  # a missing cell (-1) marks the last category, which then shows as unused
                parsed = bool(len(codes) and used.all() and codes.min() >= 0)
            if parsed:
                return cls(codes, _stripped(categories), values.index)
        return cls.of(values)

    @functools.cached_property
    def arrow(self) -> object | None:
        """The distinct values as an Arrow string array (None when Arrow cannot hold them), made once."""
        return arrow_text(self.uniques) if len(self.uniques) else None

    @functools.cached_property
    def plain(self) -> np.ndarray | None:
        """``plain_text.plain_mask`` of the distinct values, made once (None without ``arrow``)."""
        return plain_mask(self.arrow) if self.arrow is not None else None

    def spread(self, per_unique: object) -> pd.Series:
        """A Series for every row from one value per distinct value."""
        values = np.asarray(per_unique)[self.codes]
        # object stays object: pandas would otherwise convert every string to its own string dtype
        return pd.Series(values, index=self.index, dtype=object if values.dtype == object else None)

    def with_uniques(self, per_unique: pd.Series) -> TextColumn:
        """The same codes into transformed distinct values (e.g. normalised e-mails)."""
        return TextColumn(self.codes, per_unique, self.index)

    def series(self) -> pd.Series:
        """The stripped text of every row."""
        return self.spread(self.uniques.to_numpy(dtype=object))

    def head(self, n: int) -> list[str]:
        """The stripped text of the first ``n`` rows."""
        return self.uniques.to_numpy(dtype=object)[self.codes[:n]].tolist()

    def categorical(self, per_unique: object = None) -> pd.Series:
        """Like ``spread`` (default: the stripped text), as sorted categories for the ledger: one
        factorisation of the distinct values and one take of the codes instead of hashing every row."""
        values = self.uniques.to_numpy(dtype=object) if per_unique is None else np.asarray(per_unique, dtype=object)
        arrow = self.arrow if per_unique is None else None
        codes, categories = sorted_codes(values, arrow) or pd.factorize(values, sort=True)
        return L.text_categories(codes[self.codes], categories).set_axis(self.index)


def _stripped(uniques: object) -> pd.Series:
    """Distinct raw texts without control characters (ESC sequences, BEL, C1 codes never reach a terminal, a
    sheet or a key) and surrounding white space (plain values are left as they are)."""
    distinct = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    return pd.Series(by_parts(distinct, lambda plain: plain, _stripped_slowly), dtype=object)


def _stripped_slowly(uniques: pd.Series) -> pd.Series:
    distinct = uniques.astype(str)
    return distinct.str.replace(CONTROL_CHARACTERS, "", regex=True).str.strip().astype(object)


TextLike = pd.Series | TextColumn


def per_unique(values: TextLike, transform: Callable[[pd.Series], object]) -> pd.Series:
    """Apply a vectorised ``transform`` to the distinct (stripped) values of a column; spread it back."""
    column = TextColumn.of(values)
    return column.spread(transform(column.uniques))
