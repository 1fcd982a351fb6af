"""Recognise export headers in English, Dutch, Russian, German and French, and find the header row.

The synonyms per field are in ``lexicon.py`` (``HEADER_SYNONYMS``), the field names in ``fields.py``.

Matching ignores case, accents and punctuation. An exact match beats a header that merely contains a
synonym; within a field, earlier synonyms win (so a net amount is preferred over a gross total).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from salon_segment.importers.fields import *  # noqa: F403  (the field names, used as H.DATE, H.CLIENT_ID…)
from salon_segment.importers.lexicon import HEADER_SYNONYMS as SYNONYMS
from salon_segment.importers.lexicon import normalize_header as normalize_header

FIELDS = tuple(SYNONYMS)


_EXACT: dict[str, tuple[str, int]] = {}
for _field, _words in SYNONYMS.items():
    for _rank, _word in enumerate(_words):
        _EXACT.setdefault(normalize_header(_word), (_field, _rank))


@dataclass(frozen=True)
class HeaderMatch:
    """How one export header was recognised: field, exact or contained, and the synonym's rank."""

    field: str
    exact: bool
    rank: int


def header_candidates(header: object) -> list[HeaderMatch]:
    """Every field a header may name, best first: the exact match, then contained synonyms, longest first.

    'Client email' contains 'client' and 'email': when the client name is already mapped, it is the e-mail.
    """
    return list(_candidates(normalize_header(header)))


# synonyms of three characters or more by their first word: a header can only contain those whose first word it has
_BY_FIRST_WORD: dict[str, list[tuple[int, str, str, int]]] = {}
for _position, (_synonym, (_field, _rank)) in enumerate(_EXACT.items()):
    if len(_synonym) >= 3:
        _BY_FIRST_WORD.setdefault(_synonym.split(" ")[0], []).append((_position, _synonym, _field, _rank))


@lru_cache(maxsize=65536)
def _candidates(normalized: str) -> tuple[HeaderMatch, ...]:
    """``header_candidates`` of a normalised header (the header search meets the same cells many times)."""
    if not normalized:
        return ()
    candidates: list[HeaderMatch] = []
    if normalized in _EXACT:
        field, rank = _EXACT[normalized]
        candidates.append(HeaderMatch(field, True, rank))
    padded = f" {normalized} "
    possible = sorted(entry for word in set(normalized.split(" ")) for entry in _BY_FIRST_WORD.get(word, ()))
    contained = sorted(
        ((len(synonym), field, rank) for _, synonym, field, rank in possible if f" {synonym} " in padded),
        key=lambda item: (-item[0], item[2]),
    )
    seen = {c.field for c in candidates}
    for _, field, rank in contained:
        if field not in seen:
            candidates.append(HeaderMatch(field, False, rank))
            seen.add(field)
    return tuple(candidates)


def match_header(header: object) -> HeaderMatch | None:
    """The field a single header most likely names, or None. 'Datum afspraak' contains 'datum'."""
    candidates = header_candidates(header)
    return candidates[0] if candidates else None


def header_positions(headers: Sequence[object]) -> dict[str, int]:
    """Normalised header text → the position of its first column (the one place a header is looked up by text)."""
    positions: dict[str, int] = {}
    for position, text in enumerate(headers):
        positions.setdefault(normalize_header(text), position)
    return positions


class MissingHeaderError(LookupError):
    """A column mapping names a header no column has (the message names --map; the reader knows the origin)."""

    def __init__(self, text: str, *, field: str, header: str) -> None:
        super().__init__(text)
        self.field, self.header = field, header


def map_columns(headers: Sequence[str], overrides: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field → column position. Overrides (field → exact header text) win; each column serves one field.

    Exact header matches are assigned first (best synonym rank first), then contained matches in column order,
    each header taking its best candidate whose field is still free.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)} in the column mapping; fields are {', '.join(FIELDS)}")
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    by_text = header_positions(headers)
    for field, header in overrides.items():
        position = by_text.get(normalize_header(header))
        if position is None:
            raise MissingHeaderError(
                f"--map {field}={header}: no column is headed {header!r}", field=field, header=header
            )
        mapping[field] = position
        taken.add(position)
    candidates = {p: header_candidates(h) for p, h in enumerate(headers) if p not in taken}
    exact = sorted((c[0].rank, p, c[0].field) for p, c in candidates.items() if c and c[0].exact)
    for _, position, field in exact:
        if field not in mapping:
            mapping[field] = position
            taken.add(position)
    for position, options in candidates.items():
        if position in taken:
            continue
        for match in options:
            if match.field not in mapping:
                mapping[match.field] = position
                taken.add(position)
                break
    return mapping


def header_score(cells: Sequence[object], overrides: Mapping[str, str] | None = None) -> int:
    """How many distinct fields a candidate header row names (used to find the header row)."""
    override_texts = {normalize_header(h) for h in (overrides or {}).values()}
    fields: set[str] = set()
    for cell in cells:
        if normalize_header(cell) in override_texts:
            fields.add(f"override:{normalize_header(cell)}")
            continue
        match = match_header(cell)
        if match is not None:
            fields.add(match.field)
    return len(fields)


def find_header_row(records: Sequence[Sequence[object]], overrides: Mapping[str, str] | None = None) -> int | None:
    """Index of the first record naming the most fields (at least two); None when no record does.

    A record that holds every required header of an export profile counts as naming them all: a till's service
    listing ("IsActive, Code, Desc, Cate, Price, Cost") names few fields in any language, yet is its header.
    """
    from salon_segment.importers.profiles import PROFILES

    required = [{normalize_header(h) for h in p.required} for p in PROFILES]
    best_index, best_score = None, 1
    for index, cells in enumerate(records):
        score = header_score(cells, overrides)
        present = {normalize_header(c) for c in cells}
        score = max([score, *(len(r) + 1 for r in required if r <= present)])
        if score > best_score:
            best_index, best_score = index, score
    return best_index
