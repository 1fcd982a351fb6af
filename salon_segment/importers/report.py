"""What one input file held: how it was read (Dialect), what became of its rows (RowAccount), the result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from salon_segment.i18n import N_
from salon_segment.importers.options import ReadOptions
from salon_segment.importers.source import RawTable

if TYPE_CHECKING:
    from salon_segment.importers.normalize import Plan

VISITS_KIND = N_("visit ledger")
CLIENT_LIST_KIND = N_("client list")
CATALOGUE_KIND = N_("product or service listing")


ImportOptions = ReadOptions  # the former name, kept for library users


@dataclass(frozen=True)
class Dialect:
    """How one file was read: encoding, delimiter, sheet, header row, date order, decimal mark, export profile,
    role and column mapping (field → header text). The part of ``inspect --format json`` a ``--dialect`` pins."""

    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    date_format: str
    decimal: str
    mapping: dict[str, str]
    profile: str = "generic"
    role: str = "visits"


@dataclass(frozen=True)
class RowAccount:
    """What became of every row of one file: read = used + skipped + rejected, with the rows per reason."""

    read: int
    used: int
    skipped: dict[str, list[int]] = field(default_factory=dict)
    rejected: dict[str, list[int]] = field(default_factory=dict)

    @property
    def n_skipped(self) -> int:
        return sum(len(rows) for rows in self.skipped.values())

    @property
    def n_rejected(self) -> int:
        return sum(len(rows) for rows in self.rejected.values())

    @property
    def balanced(self) -> bool:
        """The accounting invariant: every row read was used, skipped or rejected, once."""
        return self.read == self.used + self.n_skipped + self.n_rejected

    def skipping(self, reason: str, rows: list[int]) -> RowAccount:
        """The account with ``rows`` (counted as used so far) skipped for ``reason``."""
        return replace(self, used=self.used - len(rows), skipped={**self.skipped, reason: rows})

    def rejecting(self, reasons: Mapping[str, Sequence[int]]) -> RowAccount:
        """The account with more rows read and rejected at once (lines the reader set aside)."""
        extra = sum(len(rows) for rows in reasons.values())
        return replace(
            self, read=self.read + extra, rejected={**self.rejected, **{r: list(n) for r, n in reasons.items()}}
        )


def _part(part: str, name: str, doc: str) -> Any:
    """A read-only attribute of the report that lives in one of its parts (kept for the renderers)."""
    return property(lambda self: getattr(getattr(self, part), name), doc=doc)


@dataclass(frozen=True)
class FileReport:
    """What one input file held: how it was read (``dialect``), what became of its rows (``rows``), and what the
    reading found (dates, clients, statuses, how the profile and columns were chosen); printed by `inspect`."""

    path: str
    kind: str
    dialect: Dialect
    rows: RowAccount
    unmapped: list[str]
    date_note: str
    date_example: str
    amount_example: str
    unknown_statuses: list[str]
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    clients: int
    profile_system: str = ""
    profile_report: str = ""
    profile_evidence: str = ""
    profile_score: float = 0.0
    runner_up: str = ""
    runner_up_score: float = 0.0
    candidates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unknown_status_lines: dict[str, int] = field(default_factory=dict)
    status_lines: dict[str, int] = field(default_factory=dict)  # used lines per status (bookings count per day)
    line_type_lines: dict[str, int] = field(default_factory=dict)  # used lines per line type

    encoding = _part("dialect", "encoding", "The text encoding (None for a workbook).")
    delimiter = _part("dialect", "delimiter", "The CSV delimiter (None for a workbook).")
    sheet = _part("dialect", "sheet", "The sheet read (None for a CSV).")
    header_row = _part("dialect", "header_row", "The header's row number.")
    date_format = _part("dialect", "date_format", "The date form found (dd-mm-yyyy, yyyy-mm-dd…).")
    decimal = _part("dialect", "decimal", "The decimal mark of the amounts.")
    mapping = _part("dialect", "mapping", "Field → header text.")
    profile = _part("dialect", "profile", "The export profile's id (generic for none).")
    role = _part("dialect", "role", "What the file holds for the reader (visits, client list…).")
    rows_read = _part("rows", "read", "Rows read.")
    rows_used = _part("rows", "used", "Rows used.")
    skipped = _part("rows", "skipped", "Skipped rows per reason.")
    rejected = _part("rows", "rejected", "Rejected rows per reason.")
    rows_skipped = _part("rows", "n_skipped", "Rows skipped.")
    rows_rejected = _part("rows", "n_rejected", "Rows rejected.")


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
    dialect = Dialect(
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        header_row=raw.header_row,
        date_format=values.pop("date_format"),
        decimal=values.pop("decimal"),
        mapping={f: raw.header[p] for f, p in sorted(mapping.items(), key=lambda item: item[1])},
        profile=choice.name,
        role=plan.role,
    )
    rows = RowAccount(len(raw.cells), int(used.sum()), values.pop("skipped"), values.pop("rejected"))
    return FileReport(
        path=str(raw.path),
        dialect=dialect,
        rows=rows,
        unmapped=[h for p, h in enumerate(raw.header) if p not in mapping.values() and h.strip()],
        first_date=None if dates.dropna().empty else pd.Timestamp(dates.min()),
        last_date=None if dates.dropna().empty else pd.Timestamp(dates.max()),
        profile_system=profile.system if profile else "",
        profile_report=profile.report if profile else "",
        profile_evidence=profile.evidence if profile else "",
        profile_score=round(choice.score, 3),
        runner_up=choice.runner_up.id if choice.runner_up else "",
        runner_up_score=round(choice.runner_up_score, 3),
        candidates={
            name: [{"header": c.header, "score": round(c.score, 2), "reason": c.reason} for c in found]
            for name, found in plan.columns.candidates.items()
        },
        **values,
    )
