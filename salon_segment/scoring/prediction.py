"""Who will come back, as part of an analysis: the per-client forecast, its totals per segment, the back-test
beside it, and the salon's own lost threshold (see docs/prediction.md for the model)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pandas as pd

from salon_segment import ledger as L
from salon_segment.rules import Rules
from salon_segment.scoring import clients as C
from salon_segment.scoring.backtest import Backtest, backtest, lost_threshold
from salon_segment.scoring.forecast import forecast
from salon_segment.scoring.forecast_inputs import ForecastInputs, inputs_from_ledger
from salon_segment.scoring.periods import months_before
from salon_segment.scoring.rhythm import category_value_at_risk
from salon_segment.scoring.segments import POTENTIAL, SEGMENTS
from salon_segment.scoring.visits import ClientCodes, client_codes

P_RETURN = "p_return"
EXPECTED_VISITS = "expected_visits"
EXPECTED_REVENUE = "expected_revenue"
VALUE_AT_RISK = "value_at_risk"
YEARLY_VALUE = "yearly_value"  # what the client would spend in a year had they stayed
USUAL_INTERVAL = "usual_interval_days"
CLIENT_COLUMNS = (P_RETURN, EXPECTED_VISITS, EXPECTED_REVENUE, VALUE_AT_RISK)
SEGMENT_SUMS = (EXPECTED_VISITS, EXPECTED_REVENUE, VALUE_AT_RISK)
DEFAULT_HORIZON_DAYS = 90


@dataclass(frozen=True)
class Prediction:
    """The forecast for (as_of, as_of + horizon]: per client, in total, per segment, and how far to trust it."""

    horizon_days: int
    method: str  # "shifted" (back-shifted regression) or "bgnbd" (the fallback for little history)
    reason: str  # why the fallback was used, else ""
    clients: pd.DataFrame  # index client: p_return, expected_visits, expected_revenue, value_at_risk, yearly_value,
    # usual_interval_days
    segments: pd.DataFrame  # segment, clients, expected_visits, expected_revenue, value_at_risk (and the back-test's
    # predicted/actual visits and revenue of the segment's clients one horizon ago)
    backtest: Backtest | None
    lost_threshold_days: int | None

    @property
    def expected_visits(self) -> float:
        return float(self.clients[EXPECTED_VISITS].sum())

    @property
    def expected_revenue(self) -> float:
        return float(self.clients[EXPECTED_REVENUE].sum())

    @property
    def trusted(self) -> bool:
        """False when the back-test ranked returns no better than days since the last visit."""
        return self.backtest is None or self.backtest.beats_recency


def _segment_table(clients: pd.DataFrame, per_client: pd.DataFrame, earlier: pd.DataFrame | None) -> pd.DataFrame:
    joined = per_client[list(SEGMENT_SUMS)].join(clients.set_index(L.CLIENT)[C.SEGMENT])
    table = joined.groupby(C.SEGMENT, sort=False).agg(
        clients=(EXPECTED_VISITS, "size"), **{c: (c, "sum") for c in SEGMENT_SUMS}
    )
    if earlier is not None and not earlier.empty:
        past = earlier.groupby(C.SEGMENT, sort=False)[
            ["expected_visits", "actual_visits", "expected_revenue", "actual_revenue"]
        ].sum()
        past.columns = ["backtest_predicted_visits", "backtest_actual_visits", "backtest_predicted_revenue",
                        "backtest_actual_revenue"]  # fmt: skip
        table = table.join(past, how="outer")
    order = pd.Index([*SEGMENTS, POTENTIAL]).intersection(table.index, sort=False)
    table = table.reindex(order).fillna(0.0).rename_axis(C.SEGMENT).reset_index()
    return table.astype({"clients": "int64"})


def _backtest_or_none(
    inputs: ForecastInputs, as_of: pd.Timestamp, horizon_days: int, lost_after_months: int
) -> Backtest | None:
    """The back-test, or None when there is too little history one horizon ago to fit anything."""
    try:
        return backtest(inputs.visits, as_of=as_of, horizon_days=horizon_days, missed=inputs.missed,
                        lost_after_months=lost_after_months, client_keys=inputs.client_keys)  # fmt: skip
    except ValueError:
        return None


def predict(
    ledger: pd.DataFrame,
    clients: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    rules: Rules,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    with_backtest: bool = True,
    codes: ClientCodes | None = None,
    client_days: pd.DataFrame | None = None,
) -> Prediction | None:
    """The forecast at as_of from the ledger's completed visits (None when there is no visit history).

    ``clients`` is the analysis' per-client table (for the segments). The back-test refits at as_of − horizon
    with the lines up to then and compares with what happened; its segments are the clients' segments then.
    ``codes`` and ``client_days`` (``scoring.clients.client_day_table`` at as_of): the analysis' own, shared.
    """
    as_of = pd.Timestamp(as_of)
    codes = codes if codes is not None else client_codes(ledger)
    client_days = client_days if client_days is not None else C.client_day_table(ledger, as_of, codes)
    inputs = inputs_from_ledger(ledger, as_of, codes=codes, client_days=client_days)
    if inputs.visits.empty:
        return None
    earlier = None
    fitted_at = as_of - pd.Timedelta(days=horizon_days)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The back-test refit does not depend on the forecast: it runs on the second core meanwhile (both are
        # mostly numpy, which releases the GIL). Each computes exactly what it would alone.
        pending = (
            pool.submit(_backtest_or_none, inputs, as_of, horizon_days, rules.lost_after_months)
            if with_backtest and (inputs.visits[L.DATE] <= fitted_at).any()
            else None
        )
        result = forecast(inputs.visits, as_of=as_of, horizon_days=horizon_days, bookings=inputs.bookings,
                          missed=inputs.missed, client_keys=inputs.client_keys)  # fmt: skip
        then = None
        if pending is not None:  # the clients' segments at fitted_at, for the back-test's table
            days_then = client_days.loc[(client_days[L.DATE] <= fitted_at).to_numpy()]  # the table at fitted_at
            then = C.segments_at(ledger, as_of=fitted_at, rules=rules, codes=codes, client_days=days_then)
        checked = pending.result() if pending is not None else None
    if checked is not None:
        earlier = checked.per_client.join(then)
    threshold = lost_threshold(inputs.visits, as_of=as_of)
    return Prediction(
        horizon_days=horizon_days,
        method=result.model.method,
        reason=result.model.reason,
        clients=result.clients[[*CLIENT_COLUMNS, YEARLY_VALUE, USUAL_INTERVAL]],
        segments=_segment_table(clients, result.clients, earlier),
        backtest=checked,
        lost_threshold_days=threshold,
    )


CALL_MAX_P_RETURN = 0.5  # on the list: clients more likely to stay away than to come back unprompted
CALL_WINDOW_DAYS = 365  # … and still winnable: gone no longer than the salon's lost threshold, or a year


CALL_REASON = "call_reason"  # why a client is on the call list: AT_RISK or DUE_CATEGORY
AT_RISK, DUE_CATEGORY = "at_risk", "due_category"


def at_risk(
    clients: pd.DataFrame,
    prediction: Prediction,
    *,
    as_of: pd.Timestamp,
    rules: Rules,
    rhythm: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Whom to call, ranked by value at risk: (1 − p_return) × what the client would spend in a year.

    On the list: clients with a visit, no booking ahead, more likely to stay away than not (p_return < 0.5),
    and still winnable — gone no longer than the salon's own lost threshold (at least the lost rule plus three
    months; a year when the data cannot tell). Calling a client who will come anyway, who spends little or who
    left years ago wastes the owner's time.

    With ``rhythm`` (``scoring.rhythm.category_rhythm``), a client who is not at risk overall but is due for a
    treatment category (no booking ahead, within the same window) is on the list too (``call_reason``
    ``due_category``), with the largest value at risk of their due categories as ``value_at_risk`` (at most what
    the client spends in a year, ``yearly_value``), and ranked with the rest by it.
    """
    window = prediction.lost_threshold_days or CALL_WINDOW_DAYS
    shortest = (as_of - months_before(as_of, rules.lost_after_months + 3)).days
    window = max(window, shortest)
    days = clients[C.DAYS_SINCE_LAST].astype(float)
    reachable = (clients[C.VISITS] > 0) & (clients[C.UPCOMING] == 0) & (days <= window)
    risky = reachable & (clients[P_RETURN] < CALL_MAX_P_RETURN) & (clients[VALUE_AT_RISK] > 0)
    category_value = pd.Series(0.0, index=clients.index)
    if rhythm is not None and not rhythm.empty:
        category_value = clients[L.CLIENT].map(category_value_at_risk(rhythm)).fillna(0.0).astype(float)
        # on the scale of the at-risk rows: a treatment cannot put more at stake than the client spends in a year
        yearly = clients[L.CLIENT].map(prediction.clients[YEARLY_VALUE]).astype(float)
        category_value = category_value.where(yearly.isna() | (category_value <= yearly), yearly)
    due = reachable & ~risky & (category_value > 0)
    chosen = clients.loc[risky | due].copy()
    due_rows = due[risky | due]
    chosen[CALL_REASON] = due_rows.map({True: DUE_CATEGORY, False: AT_RISK}).astype(object)
    chosen[VALUE_AT_RISK] = chosen[VALUE_AT_RISK].where(~due_rows, category_value[risky | due])
    chosen = chosen.join(prediction.clients[[YEARLY_VALUE, USUAL_INTERVAL]], on=L.CLIENT)
    return chosen.sort_values([VALUE_AT_RISK, L.CLIENT], ascending=[False, True], kind="stable")


def with_forecast(clients: pd.DataFrame, prediction: Prediction | None) -> pd.DataFrame:
    """The per-client table with p_return, expected visits and revenue and value at risk (empty: no history)."""
    if prediction is None:
        return clients.assign(**dict.fromkeys(CLIENT_COLUMNS, float("nan")))
    per_client = prediction.clients[list(CLIENT_COLUMNS)]
    return clients.join(per_client, on=L.CLIENT)
