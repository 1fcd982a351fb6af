"""Terminal and JSON views of the salon insights: staff, services, load, trend, sources and the client card."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from salon_segment import ledger as L
from salon_segment.i18n import N_, _, ngettext
from salon_segment.render import formatting as F
from salon_segment.render.json_report import records
from salon_segment.render.segment_labels import segment_label
from salon_segment.render.terminal import label_grid
from salon_segment.scoring import clients as C
from salon_segment.scoring import rhythm as R
from salon_segment.scoring import services as SV
from salon_segment.scoring import staff as ST
from salon_segment.scoring import trend as T
from salon_segment.scoring.card import ClientCard

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
FORMATTERS = {
    "text": lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v),
    "int": F.whole,
    "number": F.number,
    "money": lambda v: F.money(v, cents=False),
    "share": F.share,
    "date": F.date,
    "segment": lambda v: segment_label(str(v)),
    "month": lambda v: pd.Timestamp(v).strftime("%Y-%m"),
    "quarter": lambda v: f"{pd.Timestamp(v).year} Q{pd.Timestamp(v).quarter}",
}

STAFF_COLUMNS = (
    (N_("Staff"), ST.STAFF, "text"),
    (N_("Clients"), ST.CLIENTS, "int"),
    (N_("Visits"), ST.VISITS, "int"),
    (N_("Revenue"), ST.REVENUE, "money"),
    (N_("Retail"), ST.PRODUCT_SHARE, "share"),
    (N_("Back in\n90 days"), ST.RETENTION, "share"),
    (N_("Re-\nbooked"), ST.REBOOKING, "share"),
    (N_("Regulars"), ST.REGULARS, "int"),
    (N_("Lost,\nfollowed"), ST.LOST_FOLLOWERS, "int"),
)
SERVICE_COLUMNS = (
    (N_("Category"), SV.GROUP, "text"),
    (N_("Clients"), SV.CLIENTS, "int"),
    (N_("Visits"), SV.VISITS, "int"),
    (N_("Revenue"), SV.REVENUE, "money"),
    (N_("A"), SV.SHARE_A, "share"),
    (N_("B"), SV.SHARE_B, "share"),
    (N_("C"), SV.SHARE_C, "share"),
    (N_("Regulars\nnever"), SV.GAP, "int"),
)
TREND_COLUMNS = (
    (N_("Period"), T.MONTH, "date"),
    (N_("Active"), T.ACTIVE, "int"),
    (N_("New"), T.NEW, "int"),
    (N_("Lost"), T.LOST, "int"),
    (N_("Visits"), T.VISITS, "int"),
    (N_("Revenue"), T.REVENUE, "money"),
    (N_("Per client"), T.REVENUE_PER_CLIENT, "money"),
)
CHURN_COLUMNS = (
    (N_("Visit"), T.VISIT_NUMBER, "int"),
    (N_("Clients"), T.REACHED, "int"),
    (N_("Never back"), T.NEVER_BACK, "int"),
    (N_("Churn"), T.CHURN, "share"),
)
SOURCE_COLUMNS = (
    (N_("Source"), SV.SOURCE, "text"),
    (N_("Clients"), SV.CLIENTS, "int"),
    (N_("First-year revenue"), SV.FIRST_YEAR_REVENUE, "money"),
    (N_("Still active"), SV.STILL_ACTIVE, "share"),
)
LIST_COLUMNS = (
    (N_("Client"), L.CLIENT_NAME, "text"),
    (N_("Segment"), C.SEGMENT, "segment"),
    (N_("Phone"), L.PHONE, "text"),
    (N_("E-mail"), L.EMAIL, "text"),
    (N_("Last visit"), C.LAST_VISIT, "date"),
)


def frame_table(title: str, frame: pd.DataFrame, columns: Sequence[tuple[str, str, str]], limit: int = 40) -> Table:
    """A rich table of ``frame`` with typed, localised cells; the first column left, the rest right."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, collapse_padding=True)
    for index, (header, _key, _kind) in enumerate(columns):
        if index == 0:
            table.add_column(_(header), overflow="ellipsis", no_wrap=True, max_width=22)
        else:
            widest = max(len(part) for part in _(header).split("\n"))
            table.add_column(_(header), justify="right", no_wrap=True, min_width=widest)
    for record in frame.head(limit).to_dict("records"):
        table.add_row(*(FORMATTERS[kind](record.get(key)) for _h, key, kind in columns))
    if len(frame) > limit:
        table.caption = _("… and {n} more (use --format json)").format(n=F.whole(len(frame) - limit))
    return table


def load_view(heatmap: pd.DataFrame, quiet: pd.DataFrame) -> RenderableType:
    """Visits by weekday × hour; the quietest open slots are listed underneath."""
    table = Table(title=_("Visits by weekday and hour"), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column("")
    for hour in heatmap.columns:
        table.add_column(f"{hour:02d}", justify="right")
    quiet_slots = set(zip(quiet[SV.WEEKDAY], quiet[SV.HOUR], strict=True))
    for weekday, row in heatmap.iterrows():
        cells = [
            Text(str(v), style="bold reverse") if (weekday, hour) in quiet_slots else Text(str(v))
            for hour, v in row.items()
        ]
        table.add_row(_(WEEKDAYS[int(weekday)]), *cells)
    slots = ", ".join(f"{_(WEEKDAYS[int(d)])} {int(h):02d}:00 ({int(n)})" for d, h, n in quiet.itertuples(index=False))
    return Group(table, Text(_("Quietest open slots: {slots}").format(slots=slots or "–")))


def load_document(heatmap: pd.DataFrame, quiet: pd.DataFrame) -> dict[str, Any]:
    """The heat map as {weekday 0-6: {hour: visits}} plus the quietest slots."""
    return {
        "heatmap": {str(int(d)): {str(int(h)): int(v) for h, v in row.items()} for d, row in heatmap.iterrows()},
        "quietest": records(quiet),
    }


def card_view(card: ClientCard, rules: Any) -> RenderableType:
    """One client's card: segment and why, habits, spend, categories, bookings and the last visits."""
    c = card.client
    grid = label_grid()
    reason = segment_reason(
        card.segment_reason,
        lost=rules.lost_after_months,
        new=rules.new_below_visits,
        active=c[C.ACTIVE_MONTHS],
        window=rules.regular_window_months,
        share=F.share(c[C.PRODUCT_VISIT_SHARE]),
    )
    weekday = _(WEEKDAYS[card.usual_weekday]) if card.usual_weekday is not None else "–"
    hour = f"{card.usual_hour:02d}:00" if card.usual_hour is not None else "–"
    rows = [
        (_("Segment"), f"{segment_label(str(c[C.SEGMENT]))}: {reason}"),
        (_("Contact"), " · ".join(v for v in (c[L.PHONE], c[L.EMAIL]) if v) or "–"),
        (_("Visits"), _("{visits} ({first} – {last})").format(
            visits=F.whole(c[C.VISITS]), first=F.date(c[C.FIRST_VISIT]), last=F.date(c[C.LAST_VISIT]),
        )),
        (_("Spent"), _("{total} in total · {per_visit} per visit · services {services} · products {products}").format(
            total=F.money(c[C.REVENUE]),
            per_visit=F.money(c[C.REVENUE] / c[C.VISITS]) if c[C.VISITS] else "–",
            services=F.money(card.service_revenue),
            products=F.money(c[C.PRODUCT_REVENUE]),
        )),
        (_("Rhythm"), " · ".join([
            _rhythm(c[C.MEDIAN_INTERVAL]),
            _("next visit expected {expected}").format(expected=F.date(c[C.EXPECTED_NEXT])),
            _overdue(c[C.DAYS_OVERDUE]),
        ])),
        (_("Habits"), _("usually with {staff} · on {weekday} around {hour}").format(
            staff=card.favourite_staff or "–", weekday=weekday, hour=hour,
        )),
        (_("Per treatment"), _treatment_rhythm(card.rhythm)),
        (_("Uses"), ", ".join(card.categories_used) or "–"),
        (_("Never used"), ", ".join(card.categories_never_used) or "–"),
        (_("Bookings"), " · ".join([
            F.count("{n} no-show", "{n} no-shows", c[C.NO_SHOWS]),
            F.count("{n} cancellation", "{n} cancellations", c[C.CANCELLATIONS]),
            _("next booking {next}").format(next=F.date(c[C.NEXT_BOOKING])),
        ])),
    ]  # fmt: skip
    if "p_return" in c.index and not F.is_missing(c["p_return"]):
        rows.append((_("Next 90 days"), _(
            "{chance} chance of a visit · {visits} visits and {revenue} expected · {risk}/year at risk"
        ).format(
            chance=F.share(c["p_return"]), visits=F.number(c["expected_visits"]),
            revenue=F.money(c["expected_revenue"]), risk=F.money(c["value_at_risk"]),
        )))  # fmt: skip
    for label, value in rows:
        grid.add_row(label, value)
    history = Table(title=_("Last visits"), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    for header in (_("Date"), _("Treatments and products"), _("Staff"), _("Revenue")):
        history.add_column(header, overflow="fold")
    for visit in card.last_visits.itertuples(index=False):
        history.add_row(F.date(visit.date), visit.items, visit.staff, F.money(visit.revenue))
    return Group(Text(str(c[L.CLIENT_NAME] or c[L.CLIENT]), style="bold"), grid, history)


def card_document(card: ClientCard) -> dict[str, Any]:
    """The card as JSON (English keys)."""
    client = records(card.client.to_frame().T)[0]
    return {
        "client": client,
        "segment_reason": card.segment_reason,
        "service_revenue": round(card.service_revenue, 2),
        "favourite_staff": card.favourite_staff,
        "usual_weekday": card.usual_weekday,
        "usual_hour": card.usual_hour,
        "categories_used": card.categories_used,
        "categories_never_used": card.categories_never_used,
        "last_visits": records(card.last_visits),
        "treatment_rhythm": records(card.rhythm.drop(columns=[L.CLIENT])),
    }


def _treatment_rhythm(rhythm: pd.DataFrame) -> str:
    """One line per treatment category the client repeats: due ones as in the call list, then the others."""
    from salon_segment.render.call_list_view import due_line  # it imports the terminal renderer

    if rhythm.empty:
        return "–"
    lines = []
    for row in rhythm.sort_values([R.DUE, R.CATEGORY], ascending=[False, True], kind="stable").to_dict("records"):
        values = {
            "category": row[R.CATEGORY],
            "days_since": row[R.DAYS_SINCE],
            "usual_interval_days": row[R.USUAL_INTERVAL],
        }
        lines.append(due_line(values) if row[R.DUE] else rhythm_line(values))
    return "\n".join(lines)


def rhythm_line(row: dict[str, Any]) -> str:
    """'cut: usually every 10 weeks, last 3 weeks ago' (a treatment category that is not due)."""
    from salon_segment.render.call_list_view import span

    return _("{category}: usually every {interval}, last {span} ago").format(
        category=row["category"], interval=span(float(row["usual_interval_days"])), span=span(float(row["days_since"]))
    )


def _rhythm(days: Any) -> str:
    """'every 23 days' (a dash when the client has no usual interval yet)."""
    if F.is_missing(days):
        return _("no usual interval yet")
    return F.count("every {n} day", "every {n} days", round(float(days)))


def _overdue(days: Any) -> str:
    """'5 days overdue', or 'not overdue'."""
    if F.is_missing(days) or not days:
        return _("not overdue")
    return F.count("{n} day overdue", "{n} days overdue", days)


def segment_reason(reason: str, **values: Any) -> str:
    """The rule behind a client's segment, in words, with the right plural form of its count."""
    counted = {
        "no visit for more than {lost} months": lambda: ngettext(
            "no visit for more than {lost} month", "no visit for more than {lost} months", values["lost"]
        ),
        "fewer than {new} visits": lambda: ngettext("fewer than {new} visit", "fewer than {new} visits", values["new"]),
        "a visit in {active} of the last {window} months, products on {share} of them": lambda: ngettext(
            "a visit in {active} of the last {window} month, products on {share} of them",
            "a visit in {active} of the last {window} months, products on {share} of them",
            values["window"],
        ),
        "a visit in {active} of the last {window} months, few products": lambda: ngettext(
            "a visit in {active} of the last {window} month, few products",
            "a visit in {active} of the last {window} months, few products",
            values["window"],
        ),
    }
    text = counted[reason]() if reason in counted else _(reason)
    return text.format(**values)
