"""Export profiles: one small module per booking system's report, found by a registry and chosen by score.

A profile says how to recognise a report (its marker headers, words in the file name), which header is which
field, the report's role (sales/visits, no-show report, cancellations, bookings, client list, product
catalogue) and its own words (statuses, line types, placeholder clients). Adding a system is one new module
in this package that defines ``PROFILES``; the registry imports every module here. Unknown exports fall back
to the generic reader (header synonyms and value evidence), reported as profile ``generic``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from salon_segment.i18n import N_
from salon_segment.importers.headers import header_positions, normalize_header

VISITS = "visits"  # sales or appointment lines
NO_SHOWS = "no_shows"  # a report of no-shows only: every line is a no-show
CANCELLATIONS = "cancellations"  # a report of cancellations only
BOOKINGS = "bookings"  # a report of (future) bookings: every line is booked
CLIENT_LIST = "client_list"  # one row per client with totals
CATALOGUE = "catalogue"  # a product or service listing: names, no clients
ROLES = (VISITS, NO_SHOWS, CANCELLATIONS, BOOKINGS, CLIENT_LIST, CATALOGUE)

STRONG, MEDIUM, WEAK = N_("strong"), N_("medium"), N_("weak")  # how good the public evidence for the profile is
MIN_SCORE = 0.6  # below this a profile is not trusted and the generic reader takes the file


@dataclass(frozen=True)
class Profile:
    """How one report of one booking system is read."""

    id: str
    system: str
    report: str
    evidence: str  # STRONG, MEDIUM or WEAK; the sources are in docs/exports.md
    required: tuple[str, ...]  # headers that must all be present
    markers: tuple[str, ...] = ()  # further headers typical of the report: each raises the score
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # field → headers, first present wins
    role: str = VISITS
    file_words: tuple[str, ...] = ()  # words in the file name that the role needs (a no-show report)
    statuses: Mapping[str, str] = field(default_factory=dict)  # the report's own status words → ledger status
    line_types: Mapping[str, str] = field(default_factory=dict)  # the report's own type words → line type
    placeholders: tuple[str, ...] = ()  # client names or codes that mean "no client" (walk-in)
    subtract: tuple[str, ...] = ()  # amount = amount column minus these columns (Vagaro: Price − Disc)
    month_first: bool | None = None  # the date order the system writes, where the evidence says
    ignore: tuple[str, ...] = ()  # headers that must never be read as any field (an address "State")
    generic_fields: bool = True  # let the generic reader fill fields the profile does not name
    catalogue_kind: str = ""  # for a catalogue: the line type of its items (product or service)
    default_line_type: str = ""  # every line is of this type unless a type column says otherwise (appointments)
    line_type_columns: Mapping[str, str] = field(default_factory=dict)  # a line whose amount is 0 while this
    # column is not is of that type (Square Transactions: a payment that only sold a gift card)

    def detect(self, header: Sequence[str], file_name: str = "") -> float:
        """A score in [0, 1]: 0 when a required header or file-name word is missing."""
        present = {normalize_header(h) for h in header}
        if not all(normalize_header(r) in present for r in self.required):
            return 0.0
        name = normalize_header(file_name)
        if self.file_words and not any(normalize_header(w) in name for w in self.file_words):
            return 0.0
        found = len(self.required) + sum(normalize_header(m) in present for m in self.markers)
        score = found / (len(self.required) + len(self.markers))
        # a report with many headers of its own is the more specific match; a file-name word confirms the role
        return min(1.0, 0.6 + 0.4 * score + (0.05 if self.file_words else 0.0) + 0.01 * len(self.required))

    def positions(self, header: Sequence[str]) -> dict[str, int]:
        """Field → column position for the columns this profile names (first listed header present wins)."""
        by_text = header_positions(header)
        mapping: dict[str, int] = {}
        taken: set[int] = set()
        for name, candidates in self.columns.items():
            for candidate in candidates:
                position = by_text.get(normalize_header(candidate))
                if position is not None and position not in taken:
                    mapping[name] = position
                    taken.add(position)
                    break
        return mapping

    def ignored_positions(self, header: Sequence[str]) -> set[int]:
        """Columns the generic reader must leave alone: the ignored headers and those subtracted from amounts."""
        ignored = {normalize_header(h) for h in (*self.ignore, *self.subtract)}
        return {p for p, h in enumerate(header) if normalize_header(h) in ignored}


@dataclass(frozen=True)
class ProfileChoice:
    """The profile chosen for a file (None: generic), its score, and the best other candidate."""

    profile: Profile | None
    score: float
    runner_up: Profile | None = None
    runner_up_score: float = 0.0

    @property
    def name(self) -> str:
        return self.profile.id if self.profile else "generic"


def _load() -> tuple[Profile, ...]:
    found: list[Profile] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        found.extend(importlib.import_module(f"{__name__}.{module.name}").PROFILES)
    ids = [p.id for p in found]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise RuntimeError(f"export profiles defined twice: {', '.join(duplicated)}")
    return tuple(found)


PROFILES: tuple[Profile, ...] = _load()
BY_ID: Mapping[str, Profile] = {p.id: p for p in PROFILES}


def choose_profile(header: Sequence[str], file_name: str = "", forced: str | None = None) -> ProfileChoice:
    """The best-scoring profile for a header (and file name), with the runner-up; generic below MIN_SCORE."""
    if forced:
        if forced == "generic":
            return ProfileChoice(None, 0.0)
        if forced not in BY_ID:
            raise LookupError(f"unknown export profile {forced!r}; profiles are generic, {', '.join(sorted(BY_ID))}")
        return ProfileChoice(BY_ID[forced], 1.0)
    scored = sorted(((p.detect(header, file_name), p.id) for p in PROFILES), reverse=True)
    best_score, best_id = scored[0] if scored else (0.0, "")
    runner_score, runner_id = scored[1] if len(scored) > 1 else (0.0, "")
    runner = BY_ID.get(runner_id) if runner_score > 0 else None
    if best_score < MIN_SCORE:
        return ProfileChoice(None, best_score, BY_ID.get(best_id) if best_score > 0 else None, best_score)
    return ProfileChoice(BY_ID[best_id], best_score, runner, runner_score)
