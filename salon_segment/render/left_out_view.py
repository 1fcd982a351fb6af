"""What the totals leave out, in words under the report's header: gift cards, memberships, deposits, tips and
fees sold, walk-in sales, lines with a status word no one knows. Renders ``Analysis.left_out``."""

from __future__ import annotations

from rich.text import Text

from salon_segment import ledger as L
from salon_segment.i18n import N_, _
from salon_segment.render import formatting as F
from salon_segment.scoring.analysis import Analysis

LINE_TYPE_LABELS = {
    L.GIFT_CARD: N_("gift cards and vouchers sold"),
    L.MEMBERSHIP: N_("memberships, packages and series sold"),
    L.DEPOSIT: N_("deposits and prepayments"),
    L.TIP: N_("tips"),
    L.FEE: N_("fees and service charges"),
    L.OTHER: N_("other lines (custom amounts)"),
}


def left_out_lines(analysis: Analysis) -> list[Text]:
    """One dim line per kind of line not counted, and one for walk-in sales (nothing when all was counted)."""
    left = analysis.left_out
    if left is None:
        return []
    lines = [
        Text(
            _("{what}: {lines}, {amount}, not counted as revenue or visits").format(
                what=_(LINE_TYPE_LABELS.get(row.line_type, row.line_type)),
                lines=F.count("{n} line", "{n} lines", int(row.lines)),
                amount=F.money(row.amount),
            ),
            style="dim",
        )
        for row in left.line_types.itertuples(index=False)
    ]
    walk_ins = left.walk_ins
    if walk_ins.lines:
        lines.append(
            Text(
                _("walk-in sales (no client): {lines}, {amount} ({share} of all sales), in no client's figures").format(
                    lines=F.count("{n} line", "{n} lines", walk_ins.lines),
                    amount=F.money(walk_ins.revenue),
                    share=F.share(walk_ins.share),
                ),
                style="dim",
            )
        )
    if left.unknown_status_lines:
        lines.append(
            Text(
                F.count(
                    "{n} line with a status word no one knows: not counted as a visit (see the warning)",
                    "{n} lines with a status word no one knows: not counted as visits (see the warning)",
                    left.unknown_status_lines,
                ),
                style="dim",
            )
        )
    return lines
