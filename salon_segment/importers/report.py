"""What one input file held and how it was read: the options, the per-file report, the normalised result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from salon_segment.i18n import N_
from salon_segment.importers.source import Limits, RawTable
from salon_segment.rules import Rules

if TYPE_CHECKING:
    from salon_segment.importers.normalize import Plan

VISITS_KIND = N_("visit ledger")
CLIENT_LIST_KIND = N_("client list")
CATALOGUE_KIND = N_("product or service listing")


@dataclass(frozen=True)
class ImportOptions:
    """How to read every input: column overrides, forced encoding/sheet/date order/profile, catalogues, rules."""

    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    sheet: str | None = None
    month_first: bool | None = None
    product_items: frozenset[str] = frozenset()  # folded item names from a --products catalogue
    service_items: frozenset[str] = frozenset()  # folded item names from a service listing given as an input
    rules: Rules = field(default_factory=Rules)
    limits: Limits = field(default_factory=Limits)
    profile: str | None = None  # force an export profile by id ("generic" for none)
    delimiter: str | None = None  # force the CSV delimiter


@dataclass(frozen=True)
class FileReport:
    """What one input file held and how it was read; printed by `inspect`, summarised everywhere."""

    path: str
    kind: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    mapping: dict[str, str]
    unmapped: list[str]
    date_format: str
    date_note: str
    date_example: str
    decimal: str
    amount_example: str
    rows_read: int
    rows_used: int
    skipped: dict[str, list[int]]
    rejected: dict[str, list[int]]
    unknown_statuses: list[str]
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    clients: int
    profile: str = "generic"
    profile_system: str = ""
    profile_report: str = ""
    profile_evidence: str = ""
    profile_score: float = 0.0
    runner_up: str = ""
    runner_up_score: float = 0.0
    role: str = "visits"
    candidates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unknown_status_lines: dict[str, int] = field(default_factory=dict)
    status_lines: dict[str, int] = field(default_factory=dict)  # used lines per status (bookings count per day)
    line_type_lines: dict[str, int] = field(default_factory=dict)  # used lines per line type

    @property
    def rows_skipped(self) -> int:
        return sum(len(rows) for rows in self.skipped.values())

    @property
    def rows_rejected(self) -> int:
        return sum(len(rows) for rows in self.rejected.values())


@dataclass(frozen=True)
class Normalized:
    """One file's result: ledger lines, client rows or catalogue items; its report, rejects and walk-in lines."""

    kind: str
    table: pd.DataFrame
    report: FileReport
    rejects: pd.DataFrame
    walk_ins: pd.DataFrame = field(default_factory=pd.DataFrame)


def file_report(raw: RawTable, plan: Plan, *, used: pd.Series, dates: pd.Series, **values: Any) -> FileReport:
    """The report of one file from its plan, its accounting and what its reader found."""
    choice = plan.columns.profile
    profile = choice.profile
    mapping = plan.mapping
    return FileReport(
        path=str(raw.path),
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_row=raw.header_row,
        mapping={f: raw.header[p] for f, p in sorted(mapping.items(), key=lambda item: item[1])},
        unmapped=[h for p, h in enumerate(raw.header) if p not in mapping.values() and h.strip()],
        rows_read=len(raw.cells),
        rows_used=int(used.sum()),
        first_date=None if dates.dropna().empty else pd.Timestamp(dates.min()),
        last_date=None if dates.dropna().empty else pd.Timestamp(dates.max()),
        profile=choice.name,
        profile_system=profile.system if profile else "",
        profile_report=profile.report if profile else "",
        profile_evidence=profile.evidence if profile else "",
        profile_score=round(choice.score, 3),
        runner_up=choice.runner_up.id if choice.runner_up else "",
        runner_up_score=round(choice.runner_up_score, 3),
        role=plan.role,
        candidates={
            name: [{"header": c.header, "score": round(c.score, 2), "reason": c.reason} for c in found]
            for name, found in plan.columns.candidates.items()
        },
        **values,
    )
