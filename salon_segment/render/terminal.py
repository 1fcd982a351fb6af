"""The analysis on one terminal screen (rich), readable at 80 columns."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from salon_segment import ledger as L
from salon_segment.i18n import _, ngettext
from salon_segment.importers import FileReport
from salon_segment.render import formatting as F
from salon_segment.render.call_list_view import call_list, call_list_view
from salon_segment.render.columns import SEGMENT_TABLE, TOP_CLIENT_TABLE
from salon_segment.render.fitted import FittedColumn, FittedTable
from salon_segment.render.forecast_view import forecast_warnings
from salon_segment.render.json_report import import_warnings, stale_warnings, unavailable_segments
from salon_segment.render.left_out_view import left_out_lines
from salon_segment.render.segment_labels import segment_approach, segment_label
from salon_segment.scoring import clients as C
from salon_segment.scoring.analysis import Analysis
from salon_segment.scoring.prune import PrunePlan

TOP_CLIENTS = 10


def label_grid() -> Table:
    """Two columns: bold labels on the left, values on the right (headers, cards, file reports)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    return grid


def _header(analysis: Analysis, reports: Sequence[FileReport]) -> RenderableType:
    totals = analysis.totals
    files = ", ".join(r.path for r in reports)
    rejected = sum(r.rows_rejected for r in reports)
    skipped = sum(r.rows_skipped for r in reports)
    grid = label_grid()
    grid.add_row(_("Files"), files)
    grid.add_row(_("Period"), f"{F.date(totals.first_date)} – {F.date(totals.last_date)}")
    grid.add_row(_("As of"), F.date(analysis.as_of))
    grid.add_row(
        _("Clients"),
        " · ".join(
            [
                F.count("{n} client with a visit", "{n} clients with a visit", totals.clients),
                F.count("{n} visit", "{n} visits", totals.visits),
                _("revenue {revenue}").format(revenue=F.money(totals.revenue)),
            ]
        ),
    )
    grid.add_row(
        _("Rows"),
        F.count("{n} row read", "{n} rows read", sum(r.rows_read for r in reports))
        + " · "
        + _("used: {used} · skipped: {skipped} · rejected: {rejected}").format(
            used=F.whole(sum(r.rows_used for r in reports)), skipped=F.whole(skipped), rejected=F.whole(rejected)
        ),
    )
    if not analysis.visit_history:
        return Panel(grid, title=_("salon-segment analysis"), box=box.ROUNDED, expand=False)
    grid.add_row(
        _("Bookings"),
        " · ".join(
            [
                F.count("{n} no-show", "{n} no-shows", totals.no_shows),
                F.count("{n} cancellation", "{n} cancellations", totals.cancellations),
                F.count("{n} upcoming booking", "{n} upcoming bookings", totals.upcoming_bookings),
            ]
        ),
    )
    return Panel(grid, title=_("salon-segment analysis"), box=box.ROUNDED, expand=False)


def _pareto(analysis: Analysis) -> RenderableType:
    p = analysis.pareto
    if p.clients_with_revenue == 0:
        body = Text(
            F.count(
                "No client has revenue in the last {n} month.",
                "No client has revenue in the last {n} months.",
                p.window_months or 0,
            )
        )
    else:
        strong = "[bold]{}[/bold]".format
        body = Text.from_markup(
            "\n".join(
                [
                    _("Top {share} of clients ({top} of {n}) bring {revenue_share} of revenue.").format(
                        share=F.share(p.top_client_share),
                        top=F.whole(p.top_clients),
                        n=F.whole(p.clients_with_revenue),
                        revenue_share=strong(F.share(p.top_revenue_share)),
                    ),
                    _("{target} of revenue comes from {client_share} of clients ({k}).").format(
                        target=F.share(p.revenue_share_target),
                        client_share=strong(F.share(p.clients_share_for_target)),
                        k=F.whole(p.clients_for_target),
                    ),
                    _(
                        "How evenly spending is spread: Gini {gini} "
                        "(0 = everyone spends the same, 1 = one client brings all)."
                    ).format(gini=F.number(p.gini, 2)),
                ]
            )
        )
    if p.window_months is None:
        title = _("Who carries the salon: total spent, {revenue}").format(revenue=F.money(p.revenue))
    else:
        title = _("Who carries the salon: {period}, revenue {revenue}").format(
            period=F.count("last {n} month", "last {n} months", p.window_months), revenue=F.money(p.revenue)
        )
    return Panel(body, title=title, box=box.ROUNDED)


def _segments(analysis: Analysis) -> RenderableType:
    unavailable = unavailable_segments(analysis)
    rows = [
        [segment_label(row.segment), *["–"] * 6]
        if row.segment in unavailable
        else [
            segment_label(row.segment),
            F.whole(row.clients),
            F.share(row.client_share),
            F.money(row.revenue, cents=False),
            F.share(row.revenue_share),
            F.number(row.visits_per_client),
            F.money(row.average_ticket, cents=False),
        ]
        for row in analysis.segments.itertuples(index=False)
    ]
    cells = list(zip(*rows, strict=True)) if rows else [()] * 7
    header = [column.short_header() for column in SEGMENT_TABLE]
    table = FittedTable(  # a narrow terminal drops visits per client, then revenue share: figures are never cut
        _("Client segments"),
        [
            FittedColumn(header[0], cells[0], figure=False, options={"min_width": 5}),
            FittedColumn(header[1], cells[1]),
            FittedColumn(header[2], cells[2]),
            FittedColumn(header[3], cells[3]),
            FittedColumn(header[4], cells[4], rank=1),
            FittedColumn(header[5], cells[5], rank=2),
            FittedColumn(header[6], cells[6]),
        ],
    )
    approaches = Table.grid(padding=(0, 1))
    approaches.add_column(no_wrap=True, style="bold")
    approaches.add_column()
    for segment in analysis.segments["segment"]:
        if segment in unavailable:
            continue
        approaches.add_row(segment_label(segment), segment_approach(segment))
    return Group(table, approaches)


def _top_clients(analysis: Analysis) -> RenderableType:
    top = analysis.top_clients(TOP_CLIENTS)
    if analysis.visit_history:
        title = _("Top clients: {period}").format(
            period=F.count("last {n} month", "last {n} months", analysis.rules.pareto_window_months)
        )
        visits_column = C.VISITS_WINDOW
    else:
        title, visits_column = _("Top clients: total spent"), C.VISITS
    rows = [
        [
            str(row[L.CLIENT_NAME] or row[L.CLIENT]),
            segment_label(row[C.SEGMENT], bool(row.get(C.HIGH_VALUE, False))),
            F.whole(row[visits_column]),
            F.money(row[C.REVENUE_WINDOW]),
            F.date(row[C.LAST_VISIT]),
        ]
        for _index, row in top.iterrows()
    ]
    cells = list(zip(*rows, strict=True)) if rows else [()] * 5
    header = [column.header() for column in TOP_CLIENT_TABLE]
    return FittedTable(
        title,
        [
            FittedColumn(header[0], cells[0], figure=False, options={"max_width": 28}),
            FittedColumn(header[1], cells[1], figure=False),
            FittedColumn(header[2], cells[2], rank=1),
            FittedColumn(header[3], cells[3]),
            FittedColumn(header[4], cells[4]),
        ],
    )


def _call_list(analysis: Analysis, excel: str | None) -> RenderableType:
    return call_list_view(call_list(analysis), excel=excel)


def _rules(analysis: Analysis) -> RenderableType:
    """The rules that were applied (a client list: only the ones that need no visit history)."""
    r = analysis.rules
    parts = [
        F.count("lost = no visit for {n} month", "lost = no visit for {n} months", r.lost_after_months),
        F.count("new = under {n} visit", "new = under {n} visits", r.new_below_visits),
    ]
    if not analysis.visit_history:
        if analysis.product_split:
            parts.append(_("A = bought products, B = did not (from the list's product spend)"))
        parts.append(_("Pareto on total spent"))
        return Text(_("Rules: {rules}.").format(rules=" · ".join(parts)), style="dim")
    parts += [
        ngettext(
            "regular = a visit in {active} of the last {n} month",
            "regular = a visit in {active} of the last {n} months",
            r.regular_window_months,
        ).format(active=F.whole(r.regular_min_active_months), n=F.whole(r.regular_window_months)),
        _("A = regular with products on ≥{share} of visits").format(share=F.share(r.a_product_visit_share)),
        _("overdue = {factor}× own usual interval").format(factor=F.number(r.overdue_factor, 1)),
    ]
    return Text(_("Rules: {rules}.").format(rules=" · ".join(parts)), style="dim")


def _warnings(analysis: Analysis, reports: Sequence[FileReport]) -> list[RenderableType]:
    return [Text(warning, style="yellow") for warning in stale_warnings(analysis.stale) + import_warnings(reports)]


def _client_list_note(analysis: Analysis) -> RenderableType:
    return Panel(
        Text(
            ngettext(
                "From a client list: Pareto on total spent, lost on the last visit, new on fewer than {new} visit"
                "{ab}. Regularity, C, the call list, no-shows and cancellations need visit history: export "
                "appointments or sales per visit to see them.",
                "From a client list: Pareto on total spent, lost on the last visit, new on fewer than {new} visits"
                "{ab}. Regularity, C, the call list, no-shows and cancellations need visit history: export "
                "appointments or sales per visit to see them.",
                analysis.rules.new_below_visits,
            ).format(
                new=analysis.rules.new_below_visits,
                ab=_(", A/B on product spend") if analysis.product_split else "",
            )
        ),
        title=_("Not available from a client list"),
        box=box.ROUNDED,
    )


def _prune_line(plan: PrunePlan | None) -> list[RenderableType]:
    if plan is None:
        return []
    return [
        Text(
            ngettext(
                "Not seen for {inactive} (since {cutoff}): {n} client, {total} revenue in total; "
                "review them with salon-segment prune.",
                "Not seen for {inactive} (since {cutoff}): {n} clients, {total} revenue in total; "
                "review them with salon-segment prune.",
                len(plan.candidates),
            ).format(
                inactive=F.duration(plan.inactive),
                cutoff=F.date(plan.cutoff),
                n=F.whole(len(plan.candidates)),
                total=F.money(plan.revenue_total),
            )
        )
    ]


def analysis_view(
    analysis: Analysis, reports: Sequence[FileReport], prune: PrunePlan | None = None, *, excel: str | None = None
) -> RenderableType:
    """The whole analysis report as one rich renderable (``excel``: the workbook written, for the call list)."""
    if not analysis.visit_history:
        return Group(
            _header(analysis, reports),
            *_warnings(analysis, reports),
            _client_list_note(analysis),
            _pareto(analysis),
            _segments(analysis),
            Text(""),
            _top_clients(analysis),
            *_prune_line(prune),
            _rules(analysis),
        )
    parts: list[RenderableType] = [
        _header(analysis, reports),
        *_warnings(analysis, reports),
        *[Text(w, style="yellow") for w in forecast_warnings(analysis.prediction)],
        *left_out_lines(analysis),
        _pareto(analysis),
        _segments(analysis),
        Text(""),
        _top_clients(analysis),
        _call_list(analysis, excel),
        *_prune_line(prune),
        _rules(analysis),
    ]
    return Group(*parts)
