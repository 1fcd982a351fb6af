"""Movement between two dates in the terminal and the JSON: the transitions and the slipping regulars, with why.

Renders ``scoring.movement.Movement``; ``slipping_list`` is the one slipping list (client key, segments,
reason in the report language, contacts) that the terminal, the Excel sheet and a campaign list use.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from salon_segment import ledger as L
from salon_segment.i18n import _, ngettext
from salon_segment.render import formatting as F
from salon_segment.render.call_list_view import span
from salon_segment.render.json_report import stale_warnings
from salon_segment.render.terminal import segment_label
from salon_segment.scoring import clients as C
from salon_segment.scoring import movement as M

SLIPPING_KEYS = [L.CLIENT, L.CLIENT_NAME, L.EMAIL, L.PHONE, M.FROM_SEGMENT, M.TO_SEGMENT, "reason", C.LAST_VISIT,
                 M.REVENUE_12M_FROM, M.REVENUE_12M]  # fmt: skip


def movement_label(segment: str) -> str:
    """A segment's display name, 'not yet a client' included."""
    return _("not yet a client") if segment == M.NOT_YET_CLIENT else segment_label(segment)


def change_label(from_segment: str, to_segment: str) -> str:
    """'A → lost' in the report language."""
    return f"{movement_label(from_segment)} → {movement_label(to_segment)}"


def slipping_reason(row: dict[str, Any], window_months: int) -> str:
    """Why a regular slipped, in words: 'A → lost: last visit 14 weeks ago, usually every 5 weeks'."""
    change = change_label(str(row[M.FROM_SEGMENT]), str(row[M.TO_SEGMENT]))
    interval = row[C.MEDIAN_INTERVAL]
    rhythm = "" if F.is_missing(interval) else _("usually every {span}").format(span=span(float(interval)))
    if row[M.REASON_CODE] == M.STOPPED_COMING:
        facts = _("last visit {span} ago").format(span=span(float(row[C.DAYS_SINCE_LAST])))
    else:
        facts = ngettext(
            "visits in {n} of the last {months} month", "visits in {n} of the last {months} months", window_months
        ).format(n=F.whole(row[C.ACTIVE_MONTHS]), months=F.whole(window_months))
    text = _("{change}: {facts}").format(change=change, facts=facts)
    return _("{text}, {rhythm}").format(text=text, rhythm=rhythm) if rhythm else text


def slipping_list(movement: M.Movement) -> pd.DataFrame:
    """The slipping clients (``SLIPPING_KEYS``), most valuable first: segment ids as in the JSON, reason in words."""
    frame = movement.slipping.copy()
    window = movement.rules.regular_window_months
    frame["reason"] = pd.Series([slipping_reason(row, window) for row in frame.to_dict("records")],
                                index=frame.index, dtype=object)  # fmt: skip
    return frame[SLIPPING_KEYS]


def movement_document(movement: M.Movement) -> dict[str, Any]:
    """JSON: from, to, the transitions and the slipping client keys; language-neutral, ISO dates."""
    transitions = [
        {
            M.FROM_SEGMENT: str(record[M.FROM_SEGMENT]),
            M.TO_SEGMENT: str(record[M.TO_SEGMENT]),
            M.CLIENTS: int(record[M.CLIENTS]),
            M.REVENUE_12M: round(float(record[M.REVENUE_12M]), 2),
        }
        for record in movement.transitions.to_dict("records")
    ]
    return {
        "from": movement.from_date.strftime("%Y-%m-%d"),
        "to": movement.to_date.strftime("%Y-%m-%d"),
        "transitions": transitions,
        "slipping": [str(key) for key in movement.slipping[L.CLIENT]],
        "warnings": stale_warnings(movement.stale, "--to"),
    }


def transitions_table(movement: M.Movement) -> Table:
    """From, to, clients and their 12-month revenue, one row per pair that holds a client (registry order)."""
    title = _("Clients by segment on {start} and on {end}").format(
        start=F.date(movement.from_date), end=F.date(movement.to_date)
    )
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column(_("Then"), no_wrap=True)
    table.add_column(_("Now"), no_wrap=True)
    table.add_column(_("Clients"), justify="right", no_wrap=True)
    table.add_column(_("Revenue 12 months"), justify="right", no_wrap=True)
    for record in movement.transitions.to_dict("records"):
        slipped = record[M.FROM_SEGMENT] in M.SLIPPING_FROM and record[M.TO_SEGMENT] in M.SLIPPING_TO
        table.add_row(
            movement_label(str(record[M.FROM_SEGMENT])),
            movement_label(str(record[M.TO_SEGMENT])),
            F.whole(record[M.CLIENTS]),
            F.money(record[M.REVENUE_12M], cents=False),
            style="bold" if slipped else None,
        )
    months = movement.rules.pareto_window_months
    table.caption = ngettext(
        "Revenue: in the {n} month up to {end}.", "Revenue: in the {n} months up to {end}.", months
    ).format(n=F.whole(months), end=F.date(movement.to_date))
    table.caption_justify = "left"
    return table


def slipping_table(frame: pd.DataFrame) -> RenderableType:
    """The slipping regulars: name, contact, and why."""
    if frame.empty:
        return Text(_("No A or B client slipped to C or lost."), style="italic")
    title = F.count(
        "Slipping: {n} client was A or B and is now C or lost",
        "Slipping: {n} clients were A or B and are now C or lost",
        len(frame),
    )
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column(_("Client"), overflow="ellipsis", no_wrap=True, max_width=22)
    table.add_column(_("Contact"), overflow="ellipsis", no_wrap=True, max_width=18)
    table.add_column(_("Why"), overflow="fold")
    for record in frame.to_dict("records"):
        contact = record[L.PHONE] or record[L.EMAIL] or F.MISSING
        table.add_row(str(record[L.CLIENT_NAME] or record[L.CLIENT]), str(contact), str(record["reason"]))
    return table


def movement_view(movement: M.Movement) -> RenderableType:
    """The warnings (a --to well after the data ends), the transitions, then the slipping list."""
    warnings = [Text(warning, style="yellow") for warning in stale_warnings(movement.stale, "--to")]
    return Group(*warnings, transitions_table(movement), Text(""), slipping_table(slipping_list(movement)))


def slipping_campaign(movement: M.Movement) -> pd.DataFrame:
    """The slipping clients as a campaign list (``campaign.campaign_list``): the segment they slipped to, why,
    that segment's approach (C: invite back on a rhythm; lost: call, ask why, invite back) and the expected next
    visit as analyze gives it, as of the ``to`` date (last visit plus the usual interval)."""
    from salon_segment.render.segment_labels import segment_approach

    frame = slipping_list(movement)
    slipping = movement.slipping
    return frame.assign(
        segment=frame[M.TO_SEGMENT],
        approach=[segment_approach(str(segment)) for segment in frame[M.TO_SEGMENT]],
        expected_next_visit=C.expected_next_visit(slipping[C.LAST_VISIT], slipping[C.MEDIAN_INTERVAL]).to_numpy(),
    )
