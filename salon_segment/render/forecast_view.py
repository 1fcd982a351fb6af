"""The forecast of an analysis (who will come back in the horizon) and its back-test: JSON and terminal.

Renders what ``scoring.prediction`` computed; computes nothing itself.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from salon_segment.i18n import _
from salon_segment.render import formatting as F
from salon_segment.render.columns import CLIENT_RECORD
from salon_segment.render.json_writer import Records
from salon_segment.scoring import clients as C
from salon_segment.scoring.backtest import Backtest
from salon_segment.scoring.prediction import Prediction

if TYPE_CHECKING:
    from rich.console import RenderableType

CLIENT_KEYS = tuple(column.key for column in CLIENT_RECORD)


def _number(value: Any, digits: int = 6) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else round(value, digits)


def backtest_document(check: Backtest | None) -> dict[str, Any] | None:
    """The back-test as JSON: how the forecast made one horizon ago compares with what happened."""
    if check is None:
        return None
    return {
        "fitted_at": check.fitted_at.strftime("%Y-%m-%d"),
        "as_of": check.as_of.strftime("%Y-%m-%d"),
        "horizon_days": check.horizon_days,
        "method": check.method,
        "clients": check.clients,
        "returned": check.returned,
        "auc": _number(check.auc),
        "brier": _number(check.brier),
        "predicted_visits": _number(check.predicted_visits, 2),
        "actual_visits": _number(check.actual_visits, 2),
        "predicted_revenue": _number(check.predicted_revenue, 2),
        "actual_revenue": _number(check.actual_revenue, 2),
        "visits_mae": _number(check.visits_mae),
        "baselines": {
            "bgnbd": {"auc": _number(check.bgnbd_auc), "brier": _number(check.bgnbd_brier)},
            "lost_rule": {"auc": _number(check.lost_rule_auc), "brier": _number(check.lost_rule_brier)},
            "days_since_last_visit": {"auc": _number(check.recency_auc), "brier": _number(check.recency_brier)},
        },
        "beats_days_since_last_visit": check.beats_recency,
    }


def forecast_document(prediction: Prediction | None, lost_after_months: int) -> dict[str, Any] | None:
    """The forecast as JSON: totals and segments for the horizon, the back-test, the data-derived lost threshold."""
    if prediction is None:
        return None
    segments = prediction.segments.set_index(C.SEGMENT)
    return {
        "horizon_days": prediction.horizon_days,
        "method": prediction.method,
        "expected_visits": _number(prediction.expected_visits, 2),
        "expected_revenue": _number(prediction.expected_revenue, 2),
        "value_at_risk": _number(prediction.clients["value_at_risk"].sum(), 2),
        "segments": {
            str(name): {key: _number(value, 2) for key, value in row.items()} for name, row in segments.iterrows()
        },
        "lost_threshold_days": prediction.lost_threshold_days,
        "lost_after_months_rule": lost_after_months,
        "trusted": prediction.trusted,
        "backtest": backtest_document(prediction.backtest),
    }


def client_records(clients: pd.DataFrame) -> list[dict[str, Any]]:
    """Per-client forecast figures for JSON (client key, segment, last visit, p_return, …)."""
    return list(client_columns(clients))


def client_columns(clients: pd.DataFrame) -> Records:
    """``client_records`` held column-wise (built column by column; JSON text is written from the columns)."""
    frame = clients.loc[clients[C.VISITS] > 0, [c for c in CLIENT_KEYS if c in clients.columns]]
    columns = []
    for column in frame.columns:
        values = frame[column]
        columns.append(json_values(values.round(6) if pd.api.types.is_float_dtype(values) else values))
    return Records(tuple(frame.columns), tuple(columns))


def json_values(values: pd.Series) -> list[Any]:
    """A column's values for JSON, a column at a time: dates as ISO text, missing values (NaN, NaT, pd.NA) as
    None, numbers and text as the Python values ``to_dict`` would give."""
    missing = values.isna().to_numpy()
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d")
    plain = values.astype(object).tolist()
    if missing.any():
        plain = [None if gone else value for value, gone in zip(plain, missing.tolist(), strict=True)]
    return plain


def forecast_warnings(prediction: Prediction | None) -> list[str]:
    """A warning when the back-test ranks returns no better than days since the last visit."""
    if prediction is None or prediction.trusted:
        return []
    check = prediction.backtest
    return [
        _(
            "the forecast ranked last horizon's returns no better than days since the last visit did "
            "(AUC {auc} vs {recency}); read it with care"
        ).format(auc=f"{check.auc:.2f}", recency=f"{check.recency_auc:.2f}")
    ]


def forecast_view(prediction: Prediction | None) -> RenderableType:
    """Next horizon: expected visits and revenue per segment, with last horizon's check beside them."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if prediction is None:
        return Text("")
    title = _("Next {days} days: expected visits and revenue").format(days=prediction.horizon_days)
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    for header in (_("Segment"), _("Clients"), _("Visits"), _("Revenue"), _("At risk (a year)")):
        table.add_column(header, justify="right" if header != _("Segment") else "left")
    for row in prediction.segments.itertuples(index=False):
        table.add_row(
            str(row.segment), F.whole(row.clients), F.whole(round(row.expected_visits)),
            F.money(row.expected_revenue), F.money(row.value_at_risk),
        )  # fmt: skip
    table.add_row(
        _("total"), F.whole(len(prediction.clients)), F.whole(round(prediction.expected_visits)),
        F.money(prediction.expected_revenue), F.money(prediction.clients["value_at_risk"].sum()), style="bold",
    )  # fmt: skip
    lines: list[RenderableType] = [table]
    check = prediction.backtest
    if check is not None:
        lines.append(
            Text(
                _(
                    "Checked on the last {days} days: predicted {predicted} visits, {actual} came; ranks who returns "
                    "with AUC {auc} (days since last visit: {recency}; 1 = perfect, 0.5 = chance)."
                ).format(
                    days=check.horizon_days,
                    predicted=F.whole(round(check.predicted_visits)),
                    actual=F.whole(round(check.actual_visits)),
                    auc=f"{check.auc:.2f}",
                    recency=f"{check.recency_auc:.2f}",
                )
            )
        )
    if prediction.lost_threshold_days is not None:
        lines.append(
            Text(
                _("In this salon, after {days} days without a visit fewer than 1 in 5 clients came back within a year.")
                .format(days=F.whole(prediction.lost_threshold_days))
            )
        )
    return Group(*lines)


def backtest_view(prediction: Prediction) -> RenderableType:
    """The back-test as a table: the forecast, BG/NBD, the lost rule and days since the last visit side by side."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    check = prediction.backtest
    title = _("Forecast made {fitted}, checked against {start} – {end}").format(
        fitted=F.date(check.fitted_at), start=F.date(check.fitted_at + pd.Timedelta(days=1)), end=F.date(check.as_of)
    )
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column(_("Signal"))
    table.add_column(_("AUC"), justify="right")
    table.add_column(_("Brier"), justify="right")
    rows = [
        (_("this forecast"), check.auc, check.brier),
        (_("BG/NBD"), check.bgnbd_auc, check.bgnbd_brier),
        (_("lost rule"), check.lost_rule_auc, check.lost_rule_brier),
        (_("days since last visit"), check.recency_auc, check.recency_brier),
    ]
    for name, auc, brier in rows:
        table.add_row(name, f"{auc:.3f}", f"{brier:.3f}")
    totals = Text(
        _("{clients} clients, {returned} came back. Visits: {predicted} predicted, {actual} came. "
          "Revenue: {predicted_revenue} predicted, {actual_revenue} came.").format(
            clients=F.whole(check.clients), returned=F.whole(check.returned),
            predicted=F.whole(round(check.predicted_visits)), actual=F.whole(round(check.actual_visits)),
            predicted_revenue=F.money(check.predicted_revenue), actual_revenue=F.money(check.actual_revenue),
        )
    )  # fmt: skip
    note = Text(_("AUC: 1 ranks perfectly, 0.5 is chance. Brier: 0 is perfect; lower is better."), style="dim")
    return Group(table, totals, note)
