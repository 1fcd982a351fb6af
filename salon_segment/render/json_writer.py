"""JSON text byte-identical to ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster.

With ``indent`` the standard library falls back to its pure-Python encoder, a generator per nesting level. Here
the indented layout is written directly and every scalar is encoded by the same C functions the standard
library uses (``encode_basestring``, ``float.__repr__``, ``int.__repr__``). A long list of records can be held
as :class:`Records` (one list per key instead of one dict per record): its scalars are then encoded column by
column, and :func:`record_lines` writes each record on one line, as ``json.JSONEncoder(ensure_ascii=False)``
would.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

_string = json.encoder.encode_basestring  # the C function when available, as json.dumps(ensure_ascii=False)
_INFINITY = float("inf")


@dataclass(frozen=True)
class Records(Sequence[dict[str, Any]]):
    """A list of records held column-wise: ``columns[k][i]`` is the value of ``keys[k]`` in record i.

    Iterating (or indexing) gives plain dicts, so a document holding one reads like a list of dicts; ``list``
    of it is exactly that list.
    """

    keys: tuple[str, ...]
    columns: tuple[list[Any], ...]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            rows = zip(*(column[index] for column in self.columns), strict=True)
            return [dict(zip(self.keys, row, strict=True)) for row in rows]
        return {key: column[index] for key, column in zip(self.keys, self.columns, strict=True)}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        keys = self.keys
        return (dict(zip(keys, row, strict=True)) for row in zip(*self.columns, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Records, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by content, like a list


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _unserialisable(value: object) -> str:
    return json.JSONEncoder().default(value)  # raises the standard library's TypeError


def scalar(value: Any) -> str | None:
    """The JSON text of a string, number, bool or None; None for a list, dict or anything else."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def key_text(key: Any) -> str:
    """A dict key as JSON writes it (numbers, bools and None as quoted text)."""
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, float):
        return _string(_float(key))
    if key is True or key is False or key is None:
        return _string(json.dumps(key))
    if isinstance(key, int):
        return _string(int.__repr__(key))
    return json.dumps({key: None})  # raises json's own TypeError: no other key can be written


_NUMBERS = frozenset({int, float, bool})
_compact = json.JSONEncoder(ensure_ascii=False).encode
_NOT_FINITE = frozenset({"nan", "inf", "-inf"})  # float.__repr__ of what JSON writes as NaN, Infinity


def tokens(values: list[Any]) -> list[str | None]:
    """The JSON text of each scalar of a column (None for a list, a dict or anything else).

    A column of one type (text, whole numbers, finite floats, with or without nulls) is encoded with one C
    function mapped over it; a mixed one value by value."""
    kinds = set(map(type, values))
    plain = kinds - {type(None)}
    if values and plain and plain <= _NUMBERS:  # the C encoder over the whole column; no comma inside a number
        return _compact(values)[1:-1].split(", ")  # type: ignore[return-value]
    if len(plain) == 1 and len(kinds) <= 2:
        kind = next(iter(plain))
        encode = {str: _string, int: int.__repr__, float: float.__repr__}.get(kind)
        if encode is not None:
            if len(kinds) == 1:
                texts: list[str | None] = list(map(encode, values))
            else:
                texts = ["null" if value is None else encode(value) for value in values]
            if kind is not float or _NOT_FINITE.isdisjoint(texts):
                return texts
    return [scalar(value) for value in values]


def _column(values: list[Any], level: int) -> list[str]:
    """The JSON text of each value of a column (nested values indented as at ``level``)."""
    return [
        text if text is not None else indented(value, level)
        for text, value in zip(tokens(values), values, strict=True)
    ]


def indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for a value nested ``level`` deep."""
    parts: list[str] = []
    _write(value, level, parts.append)
    return "".join(parts)


def _write(value: Any, level: int, out: Callable[[str], Any]) -> None:
    text = scalar(value)
    if text is not None:
        out(text)
        return
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, Records):
        if not len(value):
            out("[]")
            return
        _write_records(value, level, out)
        return
    if isinstance(value, (list, tuple)):
        if not value:
            out("[]")
            return
        out("[")
        first = True
        for item in value:
            out(inner if first else "," + inner)
            first = False
            _write(item, level + 1, out)
        out("\n" + "  " * level + "]")
        return
    if isinstance(value, dict):
        if not value:
            out("{}")
            return
        out("{")
        first = True
        for key, item in value.items():
            out((inner if first else "," + inner) + key_text(key) + ": ")
            first = False
            _write(item, level + 1, out)
        out("\n" + "  " * level + "}")
        return
    out(_unserialisable(value))


def _write_records(records: Records, level: int, out: Callable[[str], Any]) -> None:
    """A list of records, indented, its scalars encoded column by column."""
    item = "\n" + "  " * (level + 1)
    field = "\n" + "  " * (level + 2)
    if not records.keys:
        texts = ["{}"] * len(records)
    else:
        columns = [_column(column, level + 2) for column in records.columns]
        fields = ",".join(field + _string(key).replace("%", "%%") + ": %s" for key in records.keys)
        template = "{" + fields + "\n" + "  " * (level + 1) + "}"
        texts = [template % row for row in zip(*columns, strict=True)]
    out("[" + item + ("," + item).join(texts) + "\n" + "  " * level + "]")


def record_lines(records: Records | Sequence[dict[str, Any]]) -> list[str]:
    """Each record as ``json.JSONEncoder(ensure_ascii=False).encode`` writes it (on one line)."""
    if not isinstance(records, Records):
        encode = json.JSONEncoder(ensure_ascii=False).encode
        return [encode(r) for r in records]
    if not records.keys:
        return ["{}"] * len(records)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    columns = []
    for column in records.columns:
        texts = tokens(column)
        columns.append([t if t is not None else encode(v) for t, v in zip(texts, column, strict=True)])
    template = "{" + ", ".join(_string(key).replace("%", "%%") + ": %s" for key in records.keys) + "}"
    return [template % row for row in zip(*columns, strict=True)]
