"""Which client every line belongs to: the client id if present, else the e-mail, else the phone digits, else
the folded name, chosen per distinct value and by integer codes, with one take of the text at the end."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salon_segment.importers.plain_text import by_parts
from salon_segment.importers.values import TextColumn, TextLike, fold_text


def identity_keys(
    client_id: TextLike | None, email: TextLike, phone: TextLike, name: TextLike, *, index: pd.Index | None = None
) -> pd.Series:
    """Per line: the client id if present, else the e-mail, else the phone digits, else the folded name.

    Chosen per distinct value and by integer codes (which column's which distinct value each line takes), then
    one take of the text: no comparison or fill over the text of every line.
    """
    choice = identity_choice(client_id, email, phone, name)
    return pd.Series(choice.keys(), index=index if index is not None else choice.index, dtype=object)


@dataclass(frozen=True)
class IdentityChoice:
    """Every line's identity key as a position in ``pool`` (the distinct texts of the key columns, one after
    the other; the same text may stand at two positions)."""

    chosen: np.ndarray
    pool: np.ndarray
    index: pd.Index

    def keys(self) -> np.ndarray:
        """The key text of every line (object array)."""
        return self.pool[self.chosen] if len(self.pool) else np.full(len(self.chosen), "", dtype=object)

    def present(self) -> np.ndarray:
        """True per line where it has a key."""
        return (self.pool != "")[self.chosen] if len(self.pool) else np.zeros(len(self.chosen), dtype=bool)

    def distinct(self, rows: np.ndarray | None = None) -> int:
        """How many different key texts the lines (or the ``rows`` mask of them) hold."""
        chosen = self.chosen if rows is None else self.chosen[rows]
        if not len(self.pool):
            return int(len(chosen) > 0)
        taken = np.zeros(len(self.pool), dtype=bool)
        taken[chosen] = True
        return len(pd.unique(self.pool[taken]))


def identity_choice(client_id: TextLike | None, email: TextLike, phone: TextLike, name: TextLike) -> IdentityChoice:
    """``identity_keys`` as positions into the distinct texts, before the text of every line is taken."""
    names = TextColumn.of(name)
    sources = [names.with_uniques(fold_text(names.uniques, names)), TextColumn.of(phone), TextColumn.of(email)]
    if client_id is not None:
        column = TextColumn.of(client_id)
        stripped = by_parts(column.uniques, _plain_id, _id_text, arrow=column.arrow, plain=column.plain)
        sources.append(column.with_uniques(pd.Series(stripped, index=column.uniques.index, dtype=object)))
    pool, chosen, offset = [], None, 0
    for source in sources:  # from the weakest key to the strongest
        values = source.uniques.fillna("").to_numpy(dtype=object)
        codes = source.codes
        if len(values) and (codes < 0).any():  # a missing cell reads as the last distinct value, as ``spread`` does
            codes = np.where(codes < 0, len(values) - 1, codes)
        pick = codes.astype(np.int64) + offset
        chosen = pick if chosen is None else np.where((values != "")[codes], pick, chosen)
        pool.append(values)
        offset += len(values)
    if not offset:
        chosen = np.zeros(len(sources[0].codes), dtype=np.int64)
    return IdentityChoice(chosen, np.concatenate(pool), sources[0].index)


def _id_text(uniques: pd.Series) -> pd.Series:
    """A client id as text: trimmed, a spreadsheet's "1042.0" as "1042"."""
    return uniques.str.strip().str.replace(r"\.0$", "", regex=True)


def _plain_id(plain: object) -> object:
    import pyarrow.compute as pc

    return pc.replace_substring_regex(plain, r"\.0$", "")
