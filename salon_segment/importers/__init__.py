"""Importers: any salon export → one visit ledger, with a report of how every row was read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.importers.normalize import REJECT_COLUMNS, FileReport, ImportOptions, to_ledger
from salon_segment.importers.source import RawTable, read_table

__all__ = ["FileReport", "ImportOptions", "ImportResult", "RawTable", "read_exports", "read_table", "to_ledger"]


@dataclass(frozen=True)
class ImportResult:
    """The merged ledger of all inputs, one report per file, and every rejected row."""

    ledger: pd.DataFrame
    reports: list[FileReport]
    rejects: pd.DataFrame

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


def read_exports(paths: Sequence[Path], options: ImportOptions | None = None) -> ImportResult:
    """Read every export and merge them into one ledger (clients matched by identity key)."""
    options = options or ImportOptions()
    ledgers, reports, rejects = [], [], []
    for path in paths:
        raw = read_table(Path(path), encoding=options.encoding, sheet=options.sheet, overrides=options.columns)
        ledger, report, rejected = to_ledger(raw, options)
        ledgers.append(ledger)
        reports.append(report)
        rejects.append(rejected)
    ledger = pd.concat(ledgers, ignore_index=True) if ledgers else L.empty_ledger()
    rejected_all = pd.concat(rejects, ignore_index=True) if rejects else pd.DataFrame(columns=list(REJECT_COLUMNS))
    return ImportResult(ledger=ledger, reports=reports, rejects=rejected_all)
