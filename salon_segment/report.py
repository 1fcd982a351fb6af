"""What the library returns: immutable results that hold every computed table, ready for any renderer.

:class:`Report` is one analysis of one set of inputs at one as_of (``salon_segment.analyze``);
:class:`PruneResult` the removal candidates and the rows a cleaned copy drops (``salon_segment.prune``);
:class:`Inspection` how each file was read (``salon_segment.inspect``). Each has ``to_dict()``, the document the
command prints with ``--format json``. The tables only the Excel summary and some commands show (staff, services,
load, sources, monthly trend) are computed on first use and then kept, so a run that never shows them never pays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from salon_segment.cleaned_copy import CleanedCounts
from salon_segment.importers import FileReport, ImportResult
from salon_segment.rules import Rules
from salon_segment.scoring import Analysis, Pareto, Totals
from salon_segment.scoring.movement import Movement
from salon_segment.scoring.prediction import Prediction
from salon_segment.scoring.prune import PrunePlan


@dataclass(frozen=True)
class Report:
    """One analysis: the imported inputs, every scored table, the currency the data names, the prune figures."""

    analysis: Analysis
    imported: ImportResult = field(repr=False)
    currency: str | None = None
    prune_plan: PrunePlan | None = None  # None: the inputs do not date the clients (a summary report)

    @property
    def as_of(self) -> pd.Timestamp:
        return self.analysis.as_of

    @property
    def rules(self) -> Rules:
        return self.analysis.rules

    @property
    def totals(self) -> Totals:
        return self.analysis.totals

    @property
    def pareto(self) -> Pareto:
        return self.analysis.pareto

    @property
    def segments(self) -> pd.DataFrame:
        return self.analysis.segments

    @property
    def clients(self) -> pd.DataFrame:
        """One row per client: segment, metrics, contact (what ``--clients-out`` writes)."""
        return self.analysis.clients

    @property
    def call_list(self) -> pd.DataFrame:
        """Whom to call: the clients at risk, by value at risk, when the forecast ran; else the overdue clients
        (the call list a renderer shows then adds ``analysis.recently_lost_regulars``)."""
        at_risk = self.analysis.at_risk
        return at_risk if at_risk is not None else self.analysis.call_list

    @property
    def forecast(self) -> Prediction | None:
        return self.analysis.prediction

    @property
    def files(self) -> list[FileReport]:
        """How each input was read, with its row accounting."""
        return self.imported.reports

    @property
    def rejects(self) -> pd.DataFrame:
        return self.imported.rejects

    @property
    def notes(self) -> list[str]:
        return self.imported.notes

    @property
    def ledger(self) -> pd.DataFrame:
        return self.imported.ledger

    @cached_property
    def sources(self) -> pd.DataFrame:
        """Where clients come from (empty when the export has no source column)."""
        from salon_segment.scoring.services import sources_summary

        return sources_summary(self.ledger, self.clients, as_of=self.as_of)

    @cached_property
    def trend(self) -> pd.DataFrame:
        """Per month up to as_of: active, new and lost clients, visits, revenue."""
        from salon_segment.scoring.trend import monthly_trend

        return monthly_trend(self.ledger, as_of=self.as_of, rules=self.rules)

    @cached_property
    def staff(self) -> pd.DataFrame:
        """Per staff member over the last 12 months."""
        from salon_segment.scoring.staff import staff_summary

        return staff_summary(self.ledger, self.clients, as_of=self.as_of, rules=self.rules)

    @cached_property
    def services(self) -> pd.DataFrame:
        """Per category: clients, visits, revenue, segment mix, regulars who never used it."""
        from salon_segment.scoring.services import services_summary

        return services_summary(self.ledger, self.clients, as_of=self.as_of)

    @cached_property
    def load(self) -> pd.DataFrame:
        """Visits by weekday × hour over the last 12 months."""
        from salon_segment.scoring.services import load_heatmap

        return load_heatmap(self.ledger, as_of=self.as_of)

    @cached_property
    def movement(self) -> Movement | None:
        """Who moved between segments since the same day a month before as_of (the Excel "Movement" sheet); None
        without visit history."""
        if self.ledger.empty:
            return None
        from salon_segment.scoring.movement import comparison_date, movement

        return movement(self.ledger, from_date=comparison_date(self.as_of), to_date=self.as_of, rules=self.rules,
                        to_clients=self.clients)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """What ``salon-segment analyze … --format json`` prints. Its few sentences for people (``warnings``, the
        call list's ``reason`` and ``approach``) are in the active language: English unless inside
        ``presentation.using``; their amounts in the report's currency."""
        import dataclasses

        from salon_segment.presentation import active, using
        from salon_segment.render.json_report import report_document

        with using(dataclasses.replace(active(), currency=self.currency)):
            return report_document(self)

    def to_json(self, extra: dict[str, Any] | None = None) -> str:
        """``to_dict()`` (and ``extra``'s keys after it) as the JSON text the command prints; written from the
        table columns, without a dict per client."""
        import dataclasses

        from salon_segment.presentation import active, using
        from salon_segment.render.json_report import json_text, report_document

        with using(dataclasses.replace(active(), currency=self.currency)):
            return json_text({**report_document(self, columns=True), **(extra or {})})


@dataclass(frozen=True)
class PruneResult:
    """The removal candidates and, per input file, the spreadsheet rows a cleaned copy leaves out."""

    plan: PrunePlan
    imported: ImportResult = field(repr=False)
    removed_rows: dict[str, list[int]] = field(default_factory=dict)  # report.path → rows of the candidates

    @property
    def candidates(self) -> pd.DataFrame:
        return self.plan.candidates

    @property
    def counts(self) -> list[CleanedCounts]:
        """Per input: rows read = rows kept + rows removed (what a cleaned copy would hold)."""
        return [
            CleanedCounts(r.path, r.rows_read, r.rows_read - len(self.removed_rows.get(r.path, [])),
                          len(self.removed_rows.get(r.path, [])))
            for r in self.imported.reports
        ]  # fmt: skip

    def to_dict(self, counts: Sequence[CleanedCounts] | None = None) -> dict[str, Any]:
        """What ``salon-segment prune … --format json`` prints (``counts``: those of the copies written)."""
        from salon_segment.render.prune_view import prune_document

        return prune_document(self.plan, self.counts if counts is None else counts)


@dataclass(frozen=True)
class Inspection:
    """How each input was read: kind, encoding, header, column mapping, date format, every row accounted for."""

    files: list[FileReport]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """What ``salon-segment inspect … --format json`` prints."""
        from salon_segment.render.inspect_view import inspect_document

        return inspect_document(self.files)
