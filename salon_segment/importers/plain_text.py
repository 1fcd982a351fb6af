"""Per-distinct-value text functions done by Arrow for plain ASCII values, by Python for the rest.

A column's distinct values are mostly plain: printable ASCII without white space at either end and without two
spaces in a row ("Client 0000123", "ann@example.com", "2026-11-20"). On such a value Python's ``strip``,
``casefold``, ``split``/``join``, ``\\d`` and ``[^\\W_]`` do exactly what Arrow's ASCII kernels do, so Arrow
computes them for the plain values in one vectorised pass (no Python call per value) and the Python function
runs on the others only. Each function here is elementwise, so splitting the values this way cannot change a
result; any value Arrow cannot hold (a lone surrogate) sends the whole column to Python.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

# printable ASCII, no space at either end, no two spaces in a row (or empty)
_PLAIN = r"^(?:[!-~]+(?: [!-~]+)*)?$"


def arrow_text(values: object) -> object | None:
    """The values as an Arrow string array, None when Arrow cannot hold them (not str, lone surrogates)."""
    import pyarrow as pa

    try:
        arrow = pa.array(np.asarray(values, dtype=object), from_pandas=False)
    except (pa.ArrowException, TypeError, ValueError, UnicodeError):
        return None
    return arrow if arrow.type == pa.string() and not arrow.null_count else None  # str only, no None


def plain_mask(arrow: object) -> np.ndarray:
    """True per value that is plain ASCII (see the module docstring)."""
    import pyarrow.compute as pc

    return pc.match_substring_regex(arrow, _PLAIN).to_numpy(zero_copy_only=False).astype(bool, copy=False)


def by_parts(
    uniques: pd.Series,
    fast: Callable[[object], object],
    slow: Callable[[pd.Series], object],
    *,
    arrow: object | None = None,
    plain: np.ndarray | None = None,
) -> np.ndarray:
    """``slow(uniques)`` as an array, with ``fast`` (an Arrow function) computing the plain values' results.

    ``fast`` must give, on plain values, exactly what ``slow`` gives on them. ``arrow`` and ``plain``: the
    values' ``arrow_text`` and ``plain_mask`` when the caller has them already.
    """
    arrow = arrow if arrow is not None else arrow_text(uniques) if len(uniques) else None
    if arrow is None:
        return np.asarray(slow(uniques))
    plain = plain if plain is not None else plain_mask(arrow)
    result = np.asarray(fast(arrow).to_numpy(zero_copy_only=False))
    if plain.all():
        return result
    if not plain.any():
        return np.asarray(slow(uniques))
    other = ~plain
    result = result.astype(object) if result.dtype != bool else result.copy()
    result[other] = np.asarray(slow(uniques[other]))
    return result


def lengths(uniques: pd.Series, arrow: object | None = None) -> np.ndarray:
    """``len`` of every value (Arrow counts code points, as ``len`` does, for any value it can hold)."""
    import pyarrow.compute as pc

    arrow = arrow if arrow is not None else arrow_text(uniques) if len(uniques) else None
    if arrow is None:
        return uniques.str.len().to_numpy(dtype="int64", na_value=0)
    return pc.utf8_length(arrow).to_numpy(zero_copy_only=False).astype("int64")


def sorted_codes(values: np.ndarray, arrow: object | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """``pd.factorize(values, sort=True)`` of str values by Arrow: UTF-8 bytes sort in code-point order, the
    order Python sorts str in. None when Arrow cannot hold the values (``arrow``: their ``arrow_text``)."""
    import pyarrow.compute as pc

    arrow = arrow if arrow is not None else arrow_text(values) if len(values) else None
    if arrow is None:
        return None
    encoded = pc.dictionary_encode(arrow)
    order = pc.sort_indices(encoded.dictionary).to_numpy(zero_copy_only=False)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    codes = rank[encoded.indices.to_numpy(zero_copy_only=False)]
    categories = np.asarray(encoded.dictionary.to_numpy(zero_copy_only=False), dtype=object)[order]
    return codes, categories
