"""The machine-readable form of an analysis (`--format json`). Keys are stable and English."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from salon_segment.i18n import _, ngettext
from salon_segment.importers import FileReport
from salon_segment.render.columns import DEPRECATED_PARETO_KEYS, deprecated_aliases
from salon_segment.render.forecast_view import client_columns, forecast_document, forecast_warnings
from salon_segment.render.json_writer import Records, indented, key_text, record_lines
from salon_segment.scoring import SEGMENTS, Analysis
from salon_segment.scoring.data_end import StaleAsOf
from salon_segment.scoring.prune import PrunePlan
from salon_segment.scoring.segments import RETURNING, A, B, C

if TYPE_CHECKING:
    from salon_segment.report import Report


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


REJECTED_WARNING_SHARE = 0.02  # more rejected rows than this: a warning with the top reasons
AMBIGUOUS_SCORE_GAP = 2.0  # two column candidates this close: a warning to check the choice


def import_warnings(reports: Sequence[FileReport]) -> list[str]:
    """Things the owner should know about how the files were read (no personal data)."""
    warnings = []
    for report in reports:
        if report.unknown_status_lines or report.unknown_statuses:
            counts = report.unknown_status_lines or dict.fromkeys(report.unknown_statuses, 0)
            values = ", ".join(f"{word} ({n})" if n else word for word, n in list(counts.items())[:8])
            message = _("{path}: status words no profile knows, not counted as visits: {values}")
            warnings.append(message.format(path=report.path, values=values))
        if report.date_note:
            warnings.append(f"{report.path}: {_(report.date_note)}")
        for field, candidates in report.candidates.items():
            if len(candidates) > 1 and 0 < candidates[0]["score"] - candidates[1]["score"] < AMBIGUOUS_SCORE_GAP:
                message = _("{path}: the {field} column could be {first!r} or {second!r}; chose {first!r}")
                first, second = candidates[0]["header"], candidates[1]["header"]
                warnings.append(message.format(path=report.path, field=field, first=first, second=second))
        if report.rows_read and report.rows_rejected > REJECTED_WARNING_SHARE * report.rows_read:
            top = sorted(report.rejected.items(), key=lambda item: -len(item[1]))[:3]
            reasons = "; ".join(f"{_(reason)} ({len(rows)})" for reason, rows in top)
            warnings.append(
                ngettext(
                    "{path}: {n} of {total} row rejected — {reasons}; see --rejects-out",
                    "{path}: {n} of {total} rows rejected — {reasons}; see --rejects-out",
                    report.rows_read,
                ).format(path=report.path, n=report.rows_rejected, total=report.rows_read, reasons=reasons)
            )
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


def stale_warnings(stale: StaleAsOf | None, option: str = "--as-of") -> list[str]:
    """A warning when the as_of (given with ``option``) is well after the data's last date (``scoring.data_end``):
    how far, and what to do."""
    if stale is None:
        return []
    from salon_segment.render import formatting as F

    if stale.all_lost:
        text = _(
            "as of {as_of} is {gap} after the last line in the data ({last}): every client looks lost; pass an "
            "earlier {option} or a newer export."
        )
    else:
        text = _(
            "as of {as_of} is {gap} after the last line in the data ({last}): clients look more overdue and less "
            "regular than they are; pass an earlier {option} or a newer export."
        )
    return [
        text.format(
            as_of=F.date(stale.as_of), gap=F.duration(stale.gap), last=F.date(stale.last_date), option=option
        )
    ]


def json_text(document: dict[str, Any]) -> str:
    """The document as indented JSON (``json.dumps(..., ensure_ascii=False, indent=2)``); a long list of per-client
    records (50 or more, at the top level) one record a line (fast, and readable)."""
    clients = document.get("clients")
    if not isinstance(clients, (list, Records)) or len(clients) < 50:
        return indented(document)
    items = []
    for key, value in document.items():
        if key == "clients":
            text = "[\n" + ",\n".join("    " + line for line in record_lines(value)) + "\n  ]"
        else:
            text = indented(value, 1)
        items.append(key_text(key) + ": " + text)
    return "{\n  " + ",\n  ".join(items) + "\n}"


def left_out_figures(analysis: Analysis) -> dict[str, Any]:
    """Lines that are neither revenue nor visits (by line type), walk-in sales, unknown statuses."""
    left = analysis.left_out
    if left is None:
        return {}
    return {
        "left_out": {
            "line_types": [
                {"line_type": str(row.line_type), "lines": int(row.lines), "amount": _cents(row.amount)}
                for row in left.line_types.itertuples(index=False)
            ],
            "unknown_status_lines": left.unknown_status_lines,
        },
        "walk_in_sales": {
            "lines": left.walk_ins.lines,
            "revenue": _cents(left.walk_ins.revenue),
            "share": _fraction(left.walk_ins.share),
        },
    }


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


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates as YYYY-MM-DD, missing as null, money rounded to cents."""
    out = []
    for record in frame.to_dict("records"):
        clean = {}
        for key, value in record.items():
            if isinstance(value, pd.Timestamp):
                value = value.strftime("%Y-%m-%d")
            elif value is pd.NaT or value is None or (isinstance(value, float) and math.isnan(value)):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            if isinstance(value, float):
                value = round(value, 6)
            clean[str(key)] = value
        out.append(clean)
    return out


def report_document(report: Report, *, columns: bool = False) -> dict[str, Any]:
    """The JSON document of ``analyze``: the analysis, the files read, the prune figures, where clients come from.

    ``columns``: the call list and the per-client records as :class:`Records` (for :func:`json_text`, which writes
    them faster), not lists of dicts."""
    document = analysis_document(
        report.analysis, report.files, report.prune_plan, currency=report.currency, columns=columns
    )
    return {**document, "sources": records(report.sources)}


def pareto_figures(analysis: Analysis) -> dict[str, Any]:
    """Who carries the salon: the configured shares beside what they measured; the deprecated keys while true."""
    pareto = analysis.pareto
    figures = {
        "window_months": pareto.window_months,
        "clients_with_revenue": pareto.clients_with_revenue,
        "revenue": _cents(pareto.revenue),
        "top_clients_share": _fraction(pareto.top_client_share),
        "top_clients_revenue_share": _fraction(pareto.top_revenue_share),
        "top_clients": pareto.top_clients,
        "revenue_target_share": _fraction(pareto.revenue_share_target),
        "clients_share_for_revenue_target": _fraction(pareto.clients_share_for_target),
        "clients_for_revenue_target": pareto.clients_for_target,
        "gini": _fraction(pareto.gini),
    }
    for old, new in deprecated_aliases(DEPRECATED_PARETO_KEYS, analysis.rules).items():
        figures[old] = figures[new]
    return figures


def analysis_document(
    analysis: Analysis,
    reports: Sequence[FileReport],
    prune: PrunePlan | None = None,
    *,
    currency: str | None,
    columns: bool = False,
) -> dict[str, Any]:
    """The JSON document: as_of, totals, pareto, segments, rules (and the files read).

    ``columns``: the call list and the per-client records as :class:`Records`, else as lists of dicts."""
    totals = analysis.totals
    segments = analysis.segments.set_index("segment")
    unavailable = unavailable_segments(analysis)
    from salon_segment.render.call_list_view import call_columns, call_list  # it imports the terminal renderer

    calls = call_columns(call_list(analysis)) if analysis.visit_history else []
    document = {
        "as_of": analysis.as_of.strftime("%Y-%m-%d"),
        "currency": currency,
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
        "pareto": pareto_figures(analysis),
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
        "warnings": stale_warnings(analysis.stale) + import_warnings(reports) + forecast_warnings(analysis.prediction),
        **left_out_figures(analysis),
        "forecast": forecast_document(analysis.prediction, analysis.rules.lost_after_months),
        "clients": client_columns(analysis.clients),
        **({"prune": prune_figures(prune)} if prune is not None else {}),
    }
    if columns:
        return document
    return {key: list(value) if isinstance(value, Records) else value for key, value in document.items()}
