"""How each input file was read (`salon-segment inspect`): the view an owner opens when a number looks wrong."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel

from salon_segment.i18n import N_, _
from salon_segment.importers import FileReport
from salon_segment.render import formatting as F
from salon_segment.render.terminal import label_grid

ROW_EXAMPLES = 8
DELIMITER_NAMES = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab"), "|": N_("pipe")}


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:ROW_EXAMPLES])
    return shown + (" …" if len(numbers) > ROW_EXAMPLES else "")


def _reasons(groups: dict[str, list[int]]) -> str:
    if not groups:
        return "0"
    return "\n".join(
        _("{reason}: {n} (rows {rows})").format(reason=_(reason), n=F.whole(len(rows)), rows=_rows(rows))
        for reason, rows in groups.items()
    )


def file_view(report: FileReport) -> RenderableType:
    """One file: kind, dialect, header, column mapping, date/decimal conventions, row accounting."""
    grid = label_grid()
    grid.add_row(_("Kind"), _(report.kind))
    grid.add_row(_("Export"), _profile_line(report))
    if report.sheet is not None:
        grid.add_row(_("Sheet"), report.sheet)
    else:
        delimiter = DELIMITER_NAMES.get(report.delimiter or "", report.delimiter or "")
        grid.add_row(_("Encoding"), f"{report.encoding} · {_('delimiter')} {_(delimiter)}")
    grid.add_row(_("Header"), _("row {row}").format(row=report.header_row))
    grid.add_row(_("Columns"), "\n".join(f"{header} → {field}" for field, header in report.mapping.items()))
    choices = _choices(report)
    if choices:
        grid.add_row(_("Chosen over"), choices)
    if report.unmapped:
        grid.add_row(_("Not used"), ", ".join(report.unmapped))
    date_line = f"{report.date_format}"
    if report.date_example:
        date_line += "  " + _("(e.g. {example})").format(example=report.date_example)
    if report.date_note:
        date_line += "\n" + report.date_note
    grid.add_row(_("Dates"), date_line)
    if report.decimal:
        mark = _("decimal comma") if report.decimal == "," else _("decimal point")
        example = "  " + _("(e.g. {example})").format(example=report.amount_example) if report.amount_example else ""
        grid.add_row(_("Amounts"), mark + example)
    grid.add_row(
        _("Rows"),
        F.count("{n} row read", "{n} rows read", report.rows_read)
        + " = "
        + _("{used} used + {skipped} skipped + {rejected} rejected").format(
            used=F.whole(report.rows_used), skipped=F.whole(report.rows_skipped), rejected=F.whole(report.rows_rejected)
        ),
    )
    grid.add_row(_("Skipped"), _reasons(report.skipped))
    grid.add_row(_("Rejected"), _reasons(report.rejected))
    if report.unknown_statuses:
        grid.add_row(_("Unknown status"), ", ".join(report.unknown_statuses[:ROW_EXAMPLES]))
    if report.status_lines:
        grid.add_row(_("Lines"), _counts_line({**report.line_type_lines, **report.status_lines}))
    grid.add_row(_("Date range"), f"{F.date(report.first_date)} – {F.date(report.last_date)}")
    grid.add_row(_("Clients"), F.whole(report.clients))
    return Panel(grid, title=report.path, box=box.ROUNDED, title_align="left")


def _profile_line(report: FileReport) -> str:
    if report.profile == "generic":
        text = _("not a known export: read by its headers and values")
    else:
        text = _("{system}, {report} (profile {profile}, score {score}, evidence {evidence})").format(
            system=report.profile_system,
            report=report.profile_report,
            profile=report.profile,
            score=f"{report.profile_score:.2f}",
            evidence=_(report.profile_evidence),
        )
    if report.runner_up:
        text += "\n" + _("runner-up: {profile} (score {score})").format(
            profile=report.runner_up, score=f"{report.runner_up_score:.2f}"
        )
    return text


def _choices(report: FileReport) -> str:
    """Fields for which several columns were considered: the winner and why, and the others."""
    lines = []
    for field, candidates in report.candidates.items():
        if len(candidates) > 1:
            others = ", ".join(f"{c['header']!r} ({c['reason']})" for c in candidates[1:4])
            lines.append(f"{field}: {candidates[0]['header']!r} ({candidates[0]['reason']}) — {others}")
    return "\n".join(lines)


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {F.whole(n)}" for name, n in counts.items())


def inspect_view(reports: Sequence[FileReport]) -> RenderableType:
    """Every file's view, one panel each."""
    return Group(*(file_view(r) for r in reports))


def _plain(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return value


def inspect_document(reports: Sequence[FileReport]) -> dict[str, Any]:
    """The same as JSON: one object per file."""
    files = []
    for report in reports:
        files.append(
            {
                "path": report.path,
                "kind": report.kind,
                "encoding": report.encoding,
                "delimiter": report.delimiter,
                "sheet": report.sheet,
                "header_row": report.header_row,
                "mapping": report.mapping,
                "unmapped": report.unmapped,
                "date_format": report.date_format,
                "date_note": report.date_note,
                "date_example": report.date_example,
                "decimal": report.decimal,
                "amount_example": report.amount_example,
                "rows_read": report.rows_read,
                "rows_used": report.rows_used,
                "rows_skipped": report.rows_skipped,
                "rows_rejected": report.rows_rejected,
                "skipped": report.skipped,
                "rejected": report.rejected,
                "unknown_statuses": report.unknown_statuses,
                "first_date": _plain(report.first_date),
                "last_date": _plain(report.last_date),
                "clients": report.clients,
                "profile": report.profile,
                "profile_score": report.profile_score,
                "runner_up": report.runner_up or None,
                "runner_up_score": report.runner_up_score,
                "role": report.role,
                "candidates": report.candidates,
                "unknown_status_lines": report.unknown_status_lines,
                "status_lines": report.status_lines,
                "line_type_lines": report.line_type_lines,
            }
        )
    document: dict[str, Any] = {"files": files}
    if len(files) == 1:  # one file: its profile and column choice also at the top, where a script looks first
        document.update({k: files[0][k] for k in ("profile", "profile_score", "runner_up", "candidates")})
    return document
