"""The call list: one list for the terminal, the JSON and the Excel sheet, with a reason and an approach per row.

With a forecast (the default), the list is the clients most likely to stay away, ranked by value at risk:
(1 − P(return)) × what they would spend in a year (``scoring.prediction.at_risk``); the reason says their
rhythm, how long ago they came and what is at stake. Without one (``--horizon`` too long for the data), two
kinds of client are on it: those overdue by their own rhythm and regulars lost recently, most valuable first.
The rule-based segment stays beside each row as a label.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from salon_segment import ledger as L
from salon_segment.i18n import _, babel_locale, language
from salon_segment.presentation import current_currency
from salon_segment.render import formatting as F
from salon_segment.render.columns import CALL_RECORD, SEGMENT_LABEL
from salon_segment.render.forecast_view import json_values
from salon_segment.render.json_writer import Records
from salon_segment.render.segment_labels import client_labels, segment_approach
from salon_segment.scoring import clients as C
from salon_segment.scoring import rhythm as R
from salon_segment.scoring.analysis import Analysis

if TYPE_CHECKING:
    from rich.console import RenderableType

OVERDUE, RECENTLY_LOST, AT_RISK, DUE_CATEGORY = "overdue", "recently_lost", "at_risk", "due_category"
DUE = "due_categories"  # per row: the treatment categories the client is due for (scoring.rhythm)
TERMINAL_ROWS = 10
KEYS = [column.key for column in CALL_RECORD]
WEEK = 7


class Phrases:
    """The words of the reasons. On a long list the same counts, spans and amounts recur: ``Phrases(memo=True)``
    builds each distinct one once (the text is the same either way)."""

    def __init__(self, memo: bool = False) -> None:
        wrap = functools.lru_cache(maxsize=None) if memo else (lambda function: function)
        self.count: Callable[[str, str, float], str] = wrap(F.count)
        self.money: Callable[[float | None], str] = wrap(F.money)
        self.span: Callable[[float], str] = wrap(self._span)

    def _span(self, days: float) -> str:
        if days < 14:
            return self.count("{n} day", "{n} days", round(days))
        if days < 140:
            return self.count("{n} week", "{n} weeks", round(days / WEEK))
        return self.count("{n} month", "{n} months", round(days / 30.44))


def span(days: float) -> str:
    """A gap in words: days below two weeks, weeks below 20 weeks, months beyond."""
    return Phrases().span(days)


def due_line(due: dict[str, Any], words: Phrases | None = None) -> str:
    """'due for colour: last 9 weeks ago, usually every 6 weeks' (one treatment category of the client)."""
    words = words or Phrases()
    return _("due for {category}: last {span} ago, usually every {interval}").format(
        category=due["category"],
        span=words.span(float(due["days_since"])),
        interval=words.span(float(due["usual_interval_days"])),
    )


def reason(row: Any, words: Phrases | None = None) -> str:
    """Why to call, in words: the client's rhythm and how late they are, or how long a regular has been gone;
    then the treatment categories they are due for."""
    words = words or Phrases()
    text = _overall_reason(row, words)
    dues = [due_line(due, words) for due in row.get(DUE) or []]
    if row["reason_code"] == DUE_CATEGORY:
        return _("{due}, {money}/year at risk").format(due="; ".join(dues), money=words.money(row["value_at_risk"]))
    return "; ".join([text, *dues])


def _overall_reason(row: Any, words: Phrases) -> str:
    if row["reason_code"] == AT_RISK:
        interval = row.get("usual_interval_days")
        rhythm = (
            _("usually every {span}").format(span=words.span(float(interval)))
            if row[C.VISITS] >= 2 and not F.is_missing(interval)
            else words.count("{n} visit so far", "{n} visits so far", int(row[C.VISITS]))
        )
        return _("{rhythm}, last {span} ago, {money}/year at risk").format(
            rhythm=rhythm, span=words.span(float(row[C.DAYS_SINCE_LAST])), money=words.money(row["value_at_risk"])
        )
    ago = words.count("last visit {n} day ago", "last visit {n} days ago", row[C.DAYS_SINCE_LAST])
    if row["reason_code"] == OVERDUE:
        every = words.count("comes every {n} day", "comes every {n} days", round(float(row[C.MEDIAN_INTERVAL])))
        return _("{every}, {ago}").format(every=every, ago=ago)
    visits = words.count("regular with {n} visit", "regular with {n} visits", row[C.VISITS])
    return _("{visits}, {ago}").format(visits=visits, ago=ago)


def approach(row: Any) -> str:
    """What to offer: the segment's approach (for a recently lost regular: call, ask why, invite back)."""
    return segment_approach(str(row[C.SEGMENT]))


# what reason() and approach() read of a row
REASON_INPUTS = (
    "reason_code", DUE, "value_at_risk", "usual_interval_days", C.VISITS, C.DAYS_SINCE_LAST, C.MEDIAN_INTERVAL,
    C.SEGMENT,
)  # fmt: skip
_BUILT: dict[int, tuple[weakref.ref[Analysis], tuple[str, str, str | None], pd.DataFrame]] = {}


def call_list(analysis: Analysis) -> pd.DataFrame:
    """The call list rows (``KEYS`` plus the segment label): most at stake first.

    Built once per analysis and report language and currency (the terminal, the JSON, the Excel sheet and the
    campaign file of one run share it); treat it as read-only."""
    words = (language(), babel_locale(), current_currency())
    found = _BUILT.get(id(analysis))
    if found is not None and found[0]() is analysis and found[1] == words:
        return found[2]
    frame = _call_list(analysis)
    key = id(analysis)
    _BUILT[key] = (weakref.ref(analysis, lambda _ref: _BUILT.pop(key, None)), words, frame)
    return frame


def _call_list(analysis: Analysis) -> pd.DataFrame:
    at_risk = analysis.at_risk
    if at_risk is not None:
        frame = at_risk.assign(reason_code=at_risk.get("call_reason", AT_RISK)).copy()
    else:
        overdue = analysis.call_list.assign(reason_code=OVERDUE)
        lost = analysis.recently_lost_regulars.assign(reason_code=RECENTLY_LOST)
        frame = pd.concat([overdue, lost]) if len(lost) else overdue
        frame = frame.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable").copy()
    for column in ("p_return", "value_at_risk"):
        if column not in frame.columns:
            frame[column] = float("nan")
    frame[C.DAYS_OVERDUE] = frame[C.DAYS_OVERDUE].where(frame["reason_code"] == OVERDUE)
    frame[DUE] = _due_records(analysis, frame)
    inputs = frame[[c for c in REASON_INPUTS if c in frame.columns]]
    rows = inputs.to_dict("records")  # plain dicts: several times faster than iterrows on a long list
    words = Phrases(memo=True)
    frame["reason"] = [reason(row, words) for row in rows]
    segments = [str(row[C.SEGMENT]) for row in rows]
    approaches = {segment: segment_approach(segment) for segment in set(segments)}  # each translated once
    frame["approach"] = [approaches[segment] for segment in segments]
    frame[SEGMENT_LABEL] = client_labels(frame)
    return frame.reset_index(drop=True)


def _due_records(analysis: Analysis, frame: pd.DataFrame) -> list[list[dict[str, Any]]]:
    """Per call-list row, its due treatment categories (English keys, for the reason and the JSON)."""
    due = analysis.due_categories
    due = due.loc[due[L.CLIENT].isin(frame[L.CLIENT])]
    by_client: dict[str, list[dict[str, Any]]] = {}
    for record in due.to_dict("records"):
        by_client.setdefault(record[L.CLIENT], []).append(
            {
                "category": str(record[R.CATEGORY]),
                "last_visit": pd.Timestamp(record[R.LAST_VISIT]).strftime("%Y-%m-%d"),
                "days_since": int(record[R.DAYS_SINCE]),
                "usual_interval_days": float(record[R.USUAL_INTERVAL]),
                "value_at_risk": round(float(record[R.VALUE_AT_RISK]), 2),
            }
        )
    return [by_client.get(key, []) for key in frame[L.CLIENT]]


_PLAIN = frozenset({str, int, bool, list, type(None)})  # what _plain keeps as it is
_NA = type(pd.NA)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return value
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if F.is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def call_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The call list for JSON: English keys; reason and approach in the report language; dates as ISO text."""
    return list(call_columns(frame))


def call_columns(frame: pd.DataFrame) -> Records:
    """``call_records`` held column-wise (built column by column; JSON text is written from the columns)."""
    columns = []
    for key in KEYS:
        values = frame[key].tolist()
        kinds = set(map(type, values))
        if kinds <= {float}:
            values = [None if value != value else value for value in values]  # NaN: missing
        elif pd.api.types.is_datetime64_any_dtype(frame[key]) or (_NA in kinds and kinds <= _PLAIN | {_NA}):
            values = json_values(frame[key])  # dates, or a nullable count (missing: pd.NA): what _plain gives
        elif not kinds <= _PLAIN:
            values = [_plain(value) for value in values]
        if key == C.REVENUE_WINDOW:
            values = [round(float(value or 0), 2) for value in values]
        columns.append(values)
    return Records(tuple(KEYS), tuple(columns))


def call_list_view(frame: pd.DataFrame, *, excel: str | None = None, rows: int = TERMINAL_ROWS) -> RenderableType:
    """The first ``rows`` of the call list, with 'and N more in the Excel file' (or how to see them all)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
