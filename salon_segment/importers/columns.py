"""Which export column is which field: the export profile first, then header meaning weighed with the values.

When several headers could be one field (an appointment date beside the date the booking was made; a price
beside net sales; an address "State" beside a booking status; a yes/no "Paid?" beside an amount), every
candidate is scored by what its header means and by what its values look like, and the best one wins. The
candidates and the reasons are kept for ``inspect``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from salon_segment.importers import headers as H
from salon_segment.importers import lexicon
from salon_segment.importers.profiles import ProfileChoice, choose_profile

SAMPLE_ROWS = 500

HINTED_FIELDS = (H.DATE, H.AMOUNT, H.STATUS, H.KIND, H.VISIT_COUNT)


@dataclass(frozen=True)
class Candidate:
    """One column considered for a field, with its score and the reason in words."""

    header: str
    position: int
    score: float
    reason: str


@dataclass(frozen=True)
class ColumnChoice:
    """The field → column mapping of one file, the profile behind it and every candidate considered."""

    mapping: dict[str, int]
    profile: ProfileChoice
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)


def _sample(cells: pd.DataFrame, position: int) -> pd.Series:
    if position not in cells.columns:
        return pd.Series([], dtype=object)
    values = cells[position].iloc[:SAMPLE_ROWS].astype(str).str.strip()
    return values[values != ""]


def _share(values: pd.Series, matches: pd.Series) -> float:
    return float(matches.mean()) if len(values) else 0.0


def _value_evidence(name: str, values: pd.Series) -> tuple[float, str]:
    """(score, reason) for how much ``values`` look like the field ``name``."""
    from salon_segment.importers.values import parse_amounts, parse_dates

    if not len(values):
        return 0.0, "empty in the first rows"
    words = values.map(H.normalize_header)
    if name in (H.AMOUNT, H.VISIT_COUNT, H.TOTAL_SPENT):
        if _share(values, words.isin(lexicon.YES_NO_WORDS)) > 0.5:
            return -10.0, "yes/no values, not money"
        parsed = parse_amounts(values).values
        readable = _share(values, parsed.notna())
        if readable < 0.8:  # a few title, totals or damaged rows are read and rejected later
            return (-10.0 if readable < 0.5 else -2.0), f"only {readable:.0%} of the values are numbers"
        if name == H.VISIT_COUNT and not (parsed.fillna(0) != 0).any():
            return -2.0, "every value is 0"
        return 0.0, "numbers"
    if name == H.DATE:
        readable = _share(values, parse_dates(values).dates.notna())
        if readable < 0.8:
            return (-10.0 if readable < 0.5 else -2.0), f"only {readable:.0%} of the values are dates"
        return 0.0, "dates"
    if name in (H.STATUS, H.KIND):
        lookup = lexicon.STATUS_LOOKUP if name == H.STATUS else lexicon.LINE_TYPE_LOOKUP
        distinct = words.drop_duplicates()
        known = distinct.isin(lookup)
        # a status column may hold words no one knows yet (reported later); an address "State" holds none.
        # A type column must mostly hold line types: "Event Type" (Payment/Refund) is not one.
        if (known.mean() < 0.25 or not known.any()) if name == H.STATUS else known.mean() <= 0.5:
            examples = ", ".join(distinct[~known].head(3))
            return -10.0, f"values are not {'statuses' if name == H.STATUS else 'line types'} ({examples})"
        return 0.0, f"{int(known.sum())} of {len(distinct)} values known"
    return 0.0, ""


def _header_hint(name: str, header: str) -> tuple[float, str]:
    text = f" {H.normalize_header(header)} "
    score, reasons = 0.0, []
    for weight, words in lexicon.HEADER_HINTS.get(name, ()):
        hit = next((w for w in words if f" {H.normalize_header(w)}" in text), None)
        if hit is not None:
            score += weight
            reasons.append(f"'{hit}' in the header")
    return score, ", ".join(reasons)


def _generic_candidates(header: Sequence[str], name: str, free: set[int]) -> list[tuple[int, float, str]]:
    """Columns whose header could name ``name``: exact synonyms score higher than contained ones."""
    found = []
    for position in sorted(free):
        matches = H.header_candidates(header[position])
        if matches and matches[0].exact and matches[0].field != name:
            continue  # "Total spent" is the client list's total, not a line amount that contains "total"
        for match in matches:
            if match.field == name:
                base = (10.0 if match.exact else 6.0) - 0.05 * match.rank
                found.append((position, base, "header is a synonym" if match.exact else "header contains a synonym"))
                break
    return found


def choose_columns(
    header: Sequence[str],
    cells: pd.DataFrame,
    *,
    file_name: str = "",
    overrides: Mapping[str, str] | None = None,
    forced_profile: str | None = None,
) -> ColumnChoice:
    """Map the file's columns: --map overrides, the profile's columns, then generic synonyms weighed by values."""
    choice = choose_profile(header, file_name, forced_profile)
    profile = choice.profile
    mapping = H.map_columns(header, overrides)  # validates overrides; its generic guesses are reconsidered below
    forced = {f: mapping[f] for f in (overrides or {})}
    mapping = dict(forced)
    taken = set(forced.values())
    candidates: dict[str, list[Candidate]] = {}
    if profile is not None:
        for name, position in profile.positions(header).items():
            if name not in mapping and position not in taken:
                mapping[name] = position
                taken.add(position)
                candidates[name] = [Candidate(header[position], position, 100.0, f"profile {profile.id}")]
        taken |= profile.ignored_positions(header)
        if not profile.generic_fields:
            return ColumnChoice(mapping, choice, candidates)
    free = set(range(len(header))) - taken
    # Fields whose columns are often confused are decided first, by header meaning and values together.
    for name in HINTED_FIELDS:
        if name in mapping:
            continue
        scored = []
        for position, base, reason in _generic_candidates(header, name, free):
            hint, hint_reason = _header_hint(name, header[position])
            evidence, evidence_reason = _value_evidence(name, _sample(cells, position))
            reasons = "; ".join(r for r in (reason, hint_reason, evidence_reason) if r)
            scored.append(Candidate(header[position], position, base + hint + evidence, reasons))
        if not scored:
            continue
        scored.sort(key=lambda c: (-c.score, c.position))
        candidates[name] = scored
        sole_date = name == H.DATE and len(scored) == 1 and scored[0].reason.startswith("header is a synonym")
        if scored[0].score > 0 or sole_date:  # a lone "Date" column of junk is refused later, with examples
            if name == H.DATE:
                scored = _appointment_after_creation(scored, cells)
                candidates[name] = scored
            if name == H.AMOUNT:
                scored = _before_tax(scored, header, cells)
                candidates[name] = scored
            mapping[name] = scored[0].position
            free.discard(scored[0].position)
    # The other fields: the synonym mapping of the columns left.
    rest = H.map_columns([h if p in free else "" for p, h in enumerate(header)])
    for name, position in rest.items():
        if name not in mapping and name not in HINTED_FIELDS and position in free:
            mapping[name] = position
            free.discard(position)
    return ColumnChoice(mapping, choice, candidates)


def _appointment_after_creation(scored: list[Candidate], cells: pd.DataFrame) -> list[Candidate]:
    """Of two close date candidates, the later one on most rows is the appointment (a booking is made before)."""
    from salon_segment.importers.values import parse_dates

    if len(scored) < 2 or scored[1].score <= 0 or scored[0].score - scored[1].score > 3:
        return scored
    first, second = (parse_dates(_sample_aligned(cells, c.position)).dates for c in scored[:2])
    both = first.notna() & second.notna()
    if both.sum() < 5:
        return scored
    second_later = float((second[both] > first[both]).mean())
    if second_later >= 0.8:
        winner = Candidate(
            scored[1].header,
            scored[1].position,
            scored[0].score + 1,
            scored[1].reason + "; later than "
            f"{scored[0].header!r} on {second_later:.0%} of rows (bookings are made before the visit)",
        )
        return [winner, scored[0], *scored[2:]]
    return scored


def _before_tax(scored: list[Candidate], header: Sequence[str], cells: pd.DataFrame) -> list[Candidate]:
    """A total that is another column plus a tax column is the amount with tax: the other column is the revenue.

    "Subtotal 20.00, Tax 4.20, Total 24.20": revenue is without tax where the export separates it.
    """
    from salon_segment.importers.values import parse_amounts

    chosen = scored[0]
    taxes = [p for p, h in enumerate(header) if any(f" {w}" in f" {H.normalize_header(h)} " for w in lexicon.TAX_WORDS)]
    others = [p for p, h in enumerate(header) if p != chosen.position and p not in taxes
              and any(f" {w} " in f" {H.normalize_header(h)} " for w in lexicon.SUBTOTAL_WORDS)]  # fmt: skip
    if not taxes or not others:
        return scored
    total = parse_amounts(_sample_aligned(cells, chosen.position)).values
    for other in others:
        part = parse_amounts(_sample_aligned(cells, other)).values
        for tax in taxes:
            added = part + parse_amounts(_sample_aligned(cells, tax)).values
            both = total.notna() & added.notna() & (total != 0)
            if both.sum() >= 3 and float(((total - added).abs() < 0.015)[both].mean()) >= 0.9:
                why = f"{header[other]!r} + {header[tax]!r} = {chosen.header!r}: the amount before tax"
                winner = Candidate(header[other], other, chosen.score + 1, why)
                return [winner, *scored]
    return scored


def _sample_aligned(cells: pd.DataFrame, position: int) -> pd.Series:
    return cells[position].iloc[:SAMPLE_ROWS].astype(str).str.strip().reset_index(drop=True)
