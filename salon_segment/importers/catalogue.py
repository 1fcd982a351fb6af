"""A product catalogue (`--products FILE`): any export with an item-name column; its items are retail products."""

from __future__ import annotations

from pathlib import Path

from salon_segment.errors import InputFileError
from salon_segment.importers import headers as H
from salon_segment.importers.source import read_table
from salon_segment.importers.values import fold_name


def read_product_catalogue(path: Path, *, encoding: str | None = None) -> frozenset[str]:
    """Folded item names of a product listing (case and spacing do not matter when matching)."""
    raw = read_table(Path(path), encoding=encoding)
    position = H.map_columns(raw.header).get(H.ITEM)
    if position is None:
        found = ", ".join(repr(h) for h in raw.header if h.strip())[:300]
        raise InputFileError(
            f"{path}: no product name column was recognised in the header on row {raw.header_row} (found: {found})."
        )
    names = fold_name(raw.cells[position].astype(str).str.strip())
    return frozenset(n for n in names.unique() if n)
