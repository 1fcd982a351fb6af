"""Importers: any salon export → one visit ledger (and a client list), with a report of how every row was read."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import InputFileError
from salon_segment.i18n import _
from salon_segment.importers.normalize import (
    CATALOGUE_KIND,
    CLIENT_LIST_KIND,
    REJECT_COLUMNS,
    SKIP_OVERLAP,
    VISITS_KIND,
    WALK_IN_COLUMNS,
    FileReport,
    ImportOptions,
    Normalized,
    normalize,
    plan,
)
from salon_segment.importers.options import ReadOptions, read_options
from salon_segment.importers.profiles import CATALOGUE
from salon_segment.importers.report import Dialect, RowAccount
from salon_segment.importers.snapshot import InputSet
from salon_segment.importers.source import RawTable, read_table

__all__ = [
    "Dialect",
    "FileReport",
    "ImportOptions",
    "ImportResult",
    "Normalized",
    "RawTable",
    "ReadOptions",
    "RowAccount",
    "normalize",
    "read_exports",
    "read_options",
    "read_table",
]


@dataclass(frozen=True)
class ImportResult:
    """The merged ledger of all visit exports, the merged client list, one report per file, every reject."""

    ledger: pd.DataFrame
    client_list: pd.DataFrame
    reports: list[FileReport]
    rejects: pd.DataFrame
    walk_ins: pd.DataFrame = dataclasses.field(default_factory=lambda: ImportResult.no_walk_ins())
    snapshots: dict[str, bytes] = dataclasses.field(default_factory=dict, repr=False)  # report.path → bytes read
    aliases: dict[str, str] = dataclasses.field(default_factory=dict)  # each given path → its report's path
    notes: list[str] = dataclasses.field(default_factory=list)  # inputs named twice or with the same content

    @staticmethod
    def no_walk_ins() -> pd.DataFrame:
        """An empty walk-in frame: the lines of placeholder clients (date, line type, status, amount)."""
        return pd.DataFrame(columns=list(WALK_IN_COLUMNS))

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
        return any(r.kind == VISITS_KIND for r in self.reports)


_OVERLAP_KEY = (L.LINE_ID, L.CLIENT, L.DATE, L.ITEM, L.AMOUNT)


def drop_overlaps(parts: list[Normalized]) -> list[Normalized]:
    """Drop lines of later files that an earlier file already holds, by line/receipt id (+ same content).

    Identical lines within one file are kept (two shampoos on one receipt are two sales): each line is keyed
    with its occurrence number within its own file.
    """
    seen: pd.DataFrame | None = None
    out = []
    last = max((i for i, part in enumerate(parts) if part.kind == VISITS_KIND), default=-1)
    for i, part in enumerate(parts):
        ledger = part.table
        alone = seen is None and i == last  # no earlier lines to compare with, no later file to compare it with
        if part.kind != VISITS_KIND or ledger.empty or alone or (ledger[L.LINE_ID] == "").all():
            out.append(part)
            continue
        keyed = ledger.loc[ledger[L.LINE_ID] != "", list(_OVERLAP_KEY)].copy()
        keyed["occurrence"] = keyed.groupby(list(_OVERLAP_KEY), sort=False).cumcount()
        if seen is not None:
            duplicate = keyed.merge(seen, how="left", indicator=True)["_merge"].eq("both").to_numpy()
            drop_index = keyed.index[duplicate]
            if len(drop_index):
                rows = ledger.loc[drop_index, L.SOURCE_ROW].tolist()
                report = dataclasses.replace(part.report, rows=part.report.rows.skipping(SKIP_OVERLAP, rows))
                part = dataclasses.replace(
                    part, table=ledger.drop(index=drop_index).reset_index(drop=True), report=report
                )
        seen = keyed if seen is None else pd.concat([seen, keyed]).drop_duplicates()
        out.append(part)
    return out


def _merged(ledgers: list[pd.DataFrame]) -> pd.DataFrame:
    """One ledger of every visit file's lines (one file's ledger as it is)."""
    if len(ledgers) == 1:
        return ledgers[0]
    return L.with_categories(pd.concat(ledgers, ignore_index=True)) if ledgers else L.empty_ledger()


def with_broken_lines(part: Normalized, raw: RawTable) -> Normalized:
    """Count the CSV lines the reader set aside (unbalanced quotes) as read and rejected, with their rows."""
    if not raw.broken:
        return part
    report = dataclasses.replace(part.report, rows=part.report.rows.rejecting(raw.broken))
    extra = pd.DataFrame(
        [(str(raw.path), row, reason) for reason, numbers in raw.broken.items() for row in numbers],
        columns=list(REJECT_COLUMNS),
    )
    rejects = pd.concat([part.rejects, extra], ignore_index=True) if len(part.rejects) else extra
    rejects = rejects.sort_values("source_row", kind="stable").reset_index(drop=True)
    return dataclasses.replace(part, report=report, rejects=rejects)


def _refuse_when_nothing_is_usable(parts: list[Normalized]) -> None:
    """All data rows rejected or skipped: exit with the likely cause instead of an empty, wrong report."""
    data = [p for p in parts if p.kind != CATALOGUE_KIND and p.report.rows_read]
    if not data or any(p.report.rows_used for p in data):
        return
    reasons: dict[str, int] = {}
    for part in data:
        for reason, rows in [*part.report.rejected.items(), *part.report.skipped.items()]:
            reasons[reason] = reasons.get(reason, 0) + len(rows)
    top = "; ".join(f"{_(r)}: {n}" for r, n in sorted(reasons.items(), key=lambda item: -item[1])[:3])
    rows = sum(p.report.rows_read for p in data)
    raise InputFileError(
        _("{path}: none of its {n} rows could be used ({reasons}); check the columns with inspect, or map them "
          "with --map.").format(path=data[0].report.path, n=rows, reasons=top)
    )


def read_exports(
    paths: Sequence[Path],
    options: ReadOptions | None = None,
    *,
    keep_bytes: bool = True,
) -> ImportResult:
    """Read every export (visits, bookings, client lists, product listings) and merge them by client key.

    Each file is read from disk once, into a snapshot that the cleaned copy of ``prune`` uses too
    (``ImportResult.snapshots``; with ``keep_bytes=False`` each file's bytes are let go once it is parsed).
    A file named twice (also through a link) or a copy with the same bytes is read once, with a note. Product
    and service listings given beside the sales files tell those files' line types. ``options`` (built once by
    ``read_options``) say how to read them.
    """
    options = options or ReadOptions()
    inputs = InputSet(options.limits, single=len(paths) == 1)
    kept: dict[str, bytes] = {}
    raws = []
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
            delimiter=options.delimiter,
            snapshot=snapshot,
        )
        if keep_bytes:
            kept[str(snapshot.path)] = snapshot.data
        del snapshot
        raws.append(dataclasses.replace(raw, data=b""))  # normalising does not need the bytes
        del raw
    plans = [plan(raw, options) for raw in raws]
    if plans and all(p.role == CATALOGUE for p in plans):
        raise InputFileError(
            f"{raws[0].path}: this looks like a product or service listing (items but no clients or dates); "
            "give it next to the sales export (or with --products FILE)."
        )
    catalogues = [normalize(raw, options, p) for raw, p in zip(raws, plans, strict=True) if p.role == CATALOGUE]
    items = {kind: frozenset() for kind in (L.PRODUCT, L.SERVICE)}
    for catalogue in catalogues:
        for kind, names in catalogue.table.groupby(L.KIND)[L.ITEM]:
            items[kind] = items.get(kind, frozenset()) | frozenset(names)
    reading = dataclasses.replace(
        options,
        product_items=options.product_items | items[L.PRODUCT],
        service_items=options.service_items | (items[L.SERVICE] - items[L.PRODUCT]),
    )
    read_catalogues = iter(catalogues)
    parts = [
        next(read_catalogues) if p.role == CATALOGUE else with_broken_lines(normalize(raw, reading, p), raw)
        for raw, p in zip(raws, plans, strict=True)
    ]
    parts = drop_overlaps(parts)
    _refuse_when_nothing_is_usable(parts)
    ledgers = [p.table for p in parts if p.kind == VISITS_KIND]
    lists = [p.table for p in parts if p.kind == CLIENT_LIST_KIND]
    walk_ins = [p.walk_ins for p in parts if p.kind == VISITS_KIND and not p.walk_ins.empty]
    rejects = [p.rejects for p in parts]
    return ImportResult(
        ledger=_merged(ledgers),
        client_list=pd.concat(lists, ignore_index=True) if lists else L.empty_client_list(),
        reports=[p.report for p in parts],
        rejects=pd.concat(rejects, ignore_index=True) if rejects else pd.DataFrame(columns=list(REJECT_COLUMNS)),
        walk_ins=pd.concat(walk_ins, ignore_index=True) if walk_ins else ImportResult.no_walk_ins(),
        snapshots=kept,
        aliases=inputs.aliases,
        notes=inputs.notes,
    )
