"""The machine-readable form of an analysis (`--format json`). Keys are stable and English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salon_segment.i18n import _, ngettext
from salon_segment.importers import FileReport
from salon_segment.render import formatting as F
from salon_segment.scoring import SEGMENTS, Analysis
from salon_segment.scoring.prune import PrunePlan
from salon_segment.scoring.segments import RETURNING, A, B, C


def _cents(value: float | None) -> float | None:
    return None if value is None else round(float(value) + 0.0, 2)


def _fraction(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def unavailable_segments(analysis: Analysis) -> set[str]:
    """Segments a client list cannot tell: C always, A and B when it does not split product spend."""
    if analysis.visit_history:
        return set()
    return {C} if analysis.product_split else {A, B, C}


def not_available(analysis: Analysis) -> list[str]:
    """The analyses that need visit history, when only client lists were given."""
    if analysis.visit_history:
        return []
    items = ["regularity", "C", "overdue", "no_shows", "cancellations", "upcoming_bookings"]
    return items if analysis.product_split else ["A", "B", *items]


def file_summary(report: FileReport) -> dict[str, Any]:
    """Row accounting of one input file."""
    return {
        "path": report.path,
        "kind": report.kind,
        "rows_read": report.rows_read,
        "rows_used": report.rows_used,
        "rows_skipped": report.rows_skipped,
        "rows_rejected": report.rows_rejected,
    }


def import_warnings(reports: Sequence[FileReport]) -> list[str]:
    """Things the owner should know about how the files were read (no personal data)."""
    warnings = []
    for report in reports:
        if report.unknown_statuses:
            values = ", ".join(report.unknown_statuses[:8])
            warnings.append(
                _("{path}: unknown status values counted as completed: {values}").format(
                    path=report.path, values=values
                )
            )
        if report.date_note:
            warnings.append(f"{report.path}: {_(report.date_note)}")
        for reason, rows in report.rejected.items():
            shown = ", ".join(str(r) for r in rows[:5]) + (" …" if len(rows) > 5 else "")
            warnings.append(
                ngettext(
                    "{path}: {n} row rejected ({reason}): row {rows}",
                    "{path}: {n} rows rejected ({reason}): rows {rows}",
                    len(rows),
                ).format(path=report.path, n=len(rows), reason=_(reason), rows=shown)
            )
    return warnings


def prune_figures(plan: PrunePlan) -> dict[str, Any]:
    """The prune candidates at the configured inactivity, as analyze reports them."""
    return {
        "inactive": plan.inactive.text,
        "cutoff": plan.cutoff.strftime("%Y-%m-%d"),
        "candidates": len(plan.candidates),
        "register": plan.register,
        "revenue_12m": _cents(plan.revenue_12m),
        "revenue_total": _cents(plan.revenue_total),
    }


def analysis_document(
    analysis: Analysis, reports: Sequence[FileReport], prune: PrunePlan | None = None
) -> dict[str, Any]:
    """The JSON document: as_of, totals, pareto, segments, rules (and the files read)."""
    totals = analysis.totals
    pareto = analysis.pareto
    segments = analysis.segments.set_index("segment")
    unavailable = unavailable_segments(analysis)
    from salon_segment.render.call_list_view import call_list, call_records  # it imports the terminal renderer

    calls = call_records(call_list(analysis)) if analysis.visit_history else []
    return {
        "as_of": analysis.as_of.strftime("%Y-%m-%d"),
        "currency": F.current_currency(),
        "call_list": calls,
        "totals": {
            "clients": totals.clients,
            "visits": totals.visits,
            "revenue": _cents(totals.revenue),
            "product_revenue": _cents(totals.product_revenue),
            "no_shows": totals.no_shows,
            "cancellations": totals.cancellations,
            "upcoming_bookings": totals.upcoming_bookings,
            "overdue_clients": len(analysis.call_list),
            "rows_read": sum(r.rows_read for r in reports),
            "rows_used": sum(r.rows_used for r in reports),
            "rows_skipped": sum(r.rows_skipped for r in reports),
            "rows_rejected": sum(r.rows_rejected for r in reports),
        },
        "pareto": {
            "window_months": pareto.window_months,
            "clients_with_revenue": pareto.clients_with_revenue,
            "revenue": _cents(pareto.revenue),
            "top_20pct_revenue_share": _fraction(pareto.top_revenue_share),
            "top_clients": pareto.top_clients,
            "clients_share_for_80pct_revenue": _fraction(pareto.clients_share_for_target),
            "clients_for_80pct_revenue": pareto.clients_for_target,
            "gini": _fraction(pareto.gini),
        },
        "segments": {
            name: None
            if name in unavailable
            else {
                "clients": int(segments.at[name, "clients"]),
                "revenue": _cents(segments.at[name, "revenue"]),
                "revenue_12m": _cents(segments.at[name, "revenue_12m"]),
                "visits": int(segments.at[name, "visits"]),
            }
            for name in [*SEGMENTS, *([RETURNING] if RETURNING in segments.index else [])]
        },
        "visit_history": analysis.visit_history,
        "not_available": not_available(analysis),
        "rules": analysis.rules.as_dict(),
        "files": [file_summary(r) for r in reports],
        "warnings": import_warnings(reports),
        **({"prune": prune_figures(prune)} if prune is not None else {}),
    }
