"""Importers: any salon export → one visit ledger (and a client list), with a report of how every row was read."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.importers.normalize import (
    CLIENT_LIST_KIND,
    REJECT_COLUMNS,
    SKIP_OVERLAP,
    FileReport,
    ImportOptions,
    Normalized,
    normalize,
)
from salon_segment.importers.snapshot import InputSet
from salon_segment.importers.source import RawTable, read_table

__all__ = [
    "FileReport",
    "ImportOptions",
    "ImportResult",
    "Normalized",
    "RawTable",
    "normalize",
    "read_exports",
    "read_table",
]


@dataclass(frozen=True)
class ImportResult:
    """The merged ledger of all visit exports, the merged client list, one report per file, every reject."""

    ledger: pd.DataFrame
    client_list: pd.DataFrame
    reports: list[FileReport]
    rejects: pd.DataFrame
    snapshots: dict[str, bytes] = dataclasses.field(default_factory=dict, repr=False)  # report.path → bytes read
    aliases: dict[str, str] = dataclasses.field(default_factory=dict)  # each given path → its report's path
    notes: list[str] = dataclasses.field(default_factory=list)  # inputs named twice or with the same content

    @property
    def rows_read(self) -> int:
        return sum(r.rows_read for r in self.reports)

    @property
    def rows_used(self) -> int:
        return sum(r.rows_used for r in self.reports)

    @property
    def rows_skipped(self) -> int:
        return sum(r.rows_skipped for r in self.reports)

    @property
    def rows_rejected(self) -> int:
        return sum(r.rows_rejected for r in self.reports)

    @property
    def has_visits(self) -> bool:
        return any(r.kind != CLIENT_LIST_KIND for r in self.reports)


_OVERLAP_KEY = (L.LINE_ID, L.CLIENT, L.DATE, L.ITEM, L.AMOUNT)


def drop_overlaps(parts: list[Normalized]) -> list[Normalized]:
    """Drop lines of later files that an earlier file already holds, by line/receipt id (+ same content).

    Identical lines within one file are kept (two shampoos on one receipt are two sales): each line is keyed
    with its occurrence number within its own file.
    """
    seen: pd.DataFrame | None = None
    out = []
    for part in parts:
        ledger = part.table
        if part.kind == CLIENT_LIST_KIND or ledger.empty or (ledger[L.LINE_ID] == "").all():
            out.append(part)
            continue
        keyed = ledger.loc[ledger[L.LINE_ID] != "", list(_OVERLAP_KEY)].copy()
        keyed["occurrence"] = keyed.groupby(list(_OVERLAP_KEY), sort=False).cumcount()
        if seen is not None:
            duplicate = keyed.merge(seen, how="left", indicator=True)["_merge"].eq("both").to_numpy()
            drop_index = keyed.index[duplicate]
            if len(drop_index):
                rows = ledger.loc[drop_index, L.SOURCE_ROW].tolist()
                report = dataclasses.replace(
                    part.report,
                    rows_used=part.report.rows_used - len(rows),
                    skipped={**part.report.skipped, SKIP_OVERLAP: rows},
                )
                part = dataclasses.replace(
                    part, table=ledger.drop(index=drop_index).reset_index(drop=True), report=report
                )
        seen = keyed if seen is None else pd.concat([seen, keyed]).drop_duplicates()
        out.append(part)
    return out


def with_broken_lines(part: Normalized, raw: RawTable) -> Normalized:
    """Count the CSV lines the reader set aside (unbalanced quotes) as read and rejected, with their rows."""
    if not raw.broken:
        return part
    rows = [row for numbers in raw.broken.values() for row in numbers]
    report = dataclasses.replace(
        part.report,
        rows_read=part.report.rows_read + len(rows),
        rejected={**part.report.rejected, **{reason: list(numbers) for reason, numbers in raw.broken.items()}},
    )
    extra = pd.DataFrame(
        [(str(raw.path), row, reason) for reason, numbers in raw.broken.items() for row in numbers],
        columns=list(REJECT_COLUMNS),
    )
    rejects = pd.concat([part.rejects, extra], ignore_index=True) if len(part.rejects) else extra
    rejects = rejects.sort_values("source_row", kind="stable").reset_index(drop=True)
    return dataclasses.replace(part, report=report, rejects=rejects)


def read_exports(
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    *,
    delimiter: str | None = None,
    keep_bytes: bool = True,
) -> ImportResult:
    """Read every export (visit exports and client lists) and merge them; clients match by identity key.

    Each file is read from disk once, into a snapshot that the cleaned copy of ``prune`` uses too
    (``ImportResult.snapshots``; with ``keep_bytes=False`` each file's bytes are let go once it is parsed).
    A file named twice (also through a link) or a copy with the same bytes is read once, with a note.
    ``delimiter`` forces the CSV delimiter (``ImportOptions.delimiter`` when that option exists).
    """
    options = options or ImportOptions()
    delimiter = delimiter or getattr(options, "delimiter", None)
    inputs = InputSet(options.limits)
    kept: dict[str, bytes] = {}
    parts = []
    for path in paths:
        snapshot = inputs.take(path)
        if snapshot is None:
            continue
        raw = read_table(
            snapshot.path,
            encoding=options.encoding,
            sheet=options.sheet,
            overrides=options.columns,
            limits=options.limits,
            delimiter=delimiter,
            snapshot=snapshot,
        )
        if keep_bytes:
            kept[str(snapshot.path)] = snapshot.data
        del snapshot
        raw = dataclasses.replace(raw, data=b"")  # normalising does not need the bytes
        parts.append(with_broken_lines(normalize(raw, options), raw))
        del raw
    parts = drop_overlaps(parts)
    ledgers = [p.table for p in parts if p.kind != CLIENT_LIST_KIND]
    lists = [p.table for p in parts if p.kind == CLIENT_LIST_KIND]
    rejects = [p.rejects for p in parts]
    return ImportResult(
        ledger=L.with_categories(pd.concat(ledgers, ignore_index=True)) if ledgers else L.empty_ledger(),
        client_list=pd.concat(lists, ignore_index=True) if lists else L.empty_client_list(),
        reports=[p.report for p in parts],
        rejects=pd.concat(rejects, ignore_index=True) if rejects else pd.DataFrame(columns=list(REJECT_COLUMNS)),
        snapshots=kept,
        aliases=inputs.aliases,
        notes=inputs.notes,
    )
