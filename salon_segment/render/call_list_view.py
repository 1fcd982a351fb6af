"""The call list: one list for the terminal, the JSON and the Excel sheet, with a reason and an approach per row.

Two kinds of client are on it: those overdue by their own rhythm (more than 1.5 × their usual interval since
the last visit) and regulars lost recently (6+ visits, lost within the last 3 months), worth a call before
they settle elsewhere. Most valuable first (revenue of the last 12 months). A lost client has no "days
overdue" (their rhythm no longer says when they are due); their reason says how long ago the last visit was.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from salon_segment import ledger as L
from salon_segment.i18n import _
from salon_segment.render import formatting as F
from salon_segment.render.terminal import client_labels, segment_approach
from salon_segment.scoring import clients as C
from salon_segment.scoring.analysis import Analysis

OVERDUE, RECENTLY_LOST = "overdue", "recently_lost"
TERMINAL_ROWS = 10
KEYS = [L.CLIENT, L.CLIENT_NAME, L.PHONE, L.EMAIL, C.SEGMENT, C.LAST_VISIT, C.DAYS_SINCE_LAST, C.DAYS_OVERDUE,
        C.REVENUE_WINDOW, C.VISITS, "reason_code", "reason", "approach"]  # fmt: skip


def reason(row: Any) -> str:
    """Why to call, in words: the client's rhythm and how late they are, or how long a regular has been gone."""
    ago = F.count("last visit {n} day ago", "last visit {n} days ago", row[C.DAYS_SINCE_LAST])
    if row["reason_code"] == OVERDUE:
        every = F.count("comes every {n} day", "comes every {n} days", round(float(row[C.MEDIAN_INTERVAL])))
        return _("{every}, {ago}").format(every=every, ago=ago)
    visits = F.count("regular with {n} visit", "regular with {n} visits", row[C.VISITS])
    return _("{visits}, {ago}").format(visits=visits, ago=ago)


def approach(row: Any) -> str:
    """What to offer: the segment's approach (for a recently lost regular: call, ask why, invite back)."""
    return segment_approach(str(row[C.SEGMENT]))


def call_list(analysis: Analysis) -> pd.DataFrame:
    """The call list rows (``KEYS`` plus the segment label), most valuable first."""
    overdue = analysis.call_list.assign(reason_code=OVERDUE)
    lost = analysis.recently_lost_regulars.assign(reason_code=RECENTLY_LOST)
    frame = pd.concat([overdue, lost]) if len(lost) else overdue
    frame = frame.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable").copy()
    frame[C.DAYS_OVERDUE] = frame[C.DAYS_OVERDUE].where(frame["reason_code"] == OVERDUE)
    frame["reason"] = [reason(row) for _i, row in frame.iterrows()] if len(frame) else []
    frame["approach"] = [approach(row) for _i, row in frame.iterrows()] if len(frame) else []
    frame["segment_label"] = client_labels(frame)
    return frame.reset_index(drop=True)


def call_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The call list for JSON: English keys; reason and approach in the report language; dates as ISO text."""
    out = []
    for record in frame[KEYS].to_dict("records"):
        for key, value in record.items():
            if isinstance(value, pd.Timestamp):
                record[key] = value.strftime("%Y-%m-%d")
            elif F.is_missing(value):
                record[key] = None
            elif hasattr(value, "item"):
                record[key] = value.item()
        record[C.REVENUE_WINDOW] = round(float(record[C.REVENUE_WINDOW] or 0), 2)
        out.append(record)
    return out


def call_list_view(frame: pd.DataFrame, *, excel: str | None = None, rows: int = TERMINAL_ROWS) -> RenderableType:
    """The first ``rows`` of the call list, with 'and N more in the Excel file' (or how to see them all)."""
    if frame.empty:
        return Text(_("Nobody to call this week: no client is overdue by their own rhythm."), style="italic")
    title = F.count("Call this week: {n} client", "Call this week: {n} clients", len(frame))
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, show_lines=False)
    table.add_column(_("Client"), overflow="ellipsis", no_wrap=True, max_width=22)
    table.add_column(_("Contact"), overflow="ellipsis", no_wrap=True, max_width=18)
    table.add_column(_("Why, and what to do"), overflow="fold")
    for _index, row in frame.head(rows).iterrows():
        contact = row[L.PHONE] or row[L.EMAIL] or "–"
        why = Text(row["reason"])
        why.append("\n" + row["approach"], style="dim")
        table.add_row(str(row[L.CLIENT_NAME] or row[L.CLIENT]), str(contact), why)
    more = len(frame) - rows
    if more > 0:
        table.caption = (
            F.count("… and {n} more in the Excel file", "… and {n} more in the Excel file", more)
            if excel
            else F.count(
                "… and {n} more: see them all with --excel FILE.xlsx",
                "… and {n} more: see them all with --excel FILE.xlsx",
                more,
            )
        )
        table.caption_justify = "left"
    return table
