"""One call list in the terminal, the JSON and the Excel sheet: a reason and an approach per row."""

import json

import pandas as pd
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import EXAMPLES

NL = str(EXAMPLES / "salon-nl.csv")


def test_the_same_call_list_in_json_excel_and_terminal(tmp_path):
    book = tmp_path / "summary.xlsx"
    result = CliRunner().invoke(app, ["analyze", NL, "--as-of", "2026-11-20", "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    calls = json.loads(result.output)["call_list"]
    assert len(calls) > 10
    assert all(c["reason"] and c["approach"] for c in calls)
    # with the forecast (issue #18): the clients likely to stay away, most value at risk first, the reason in words;
    # and (issue #20) clients who are not at risk overall but due for a treatment they repeat, ranked with the rest
    assert {c["reason_code"] for c in calls} == {"at_risk", "due_category"}
    at_risk = [c for c in calls if c["reason_code"] == "at_risk"]
    assert all(c["p_return"] < 0.5 and "/year at risk" in c["reason"] and " ago" in c["reason"] for c in at_risk)
    due = [c for c in calls if c["reason_code"] == "due_category"]
    assert all(c["p_return"] >= 0.5 and c["reason"].startswith("due for ") and c["due_categories"] for c in due)
    at_stake = [c["value_at_risk"] for c in calls]
    assert at_stake == sorted(at_stake, reverse=True)

    table = CliRunner().invoke(app, ["analyze", NL, "--as-of", "2026-11-20", "--lang", "en", "--excel", str(book)])
    assert table.exit_code == 0, table.output
    assert f"Call this week: {len(calls)} clients" in table.output
    assert f"and {len(calls) - 10} more in the Excel file" in table.output
    for call in calls[:10]:
        assert call["client_name"][:15] in table.output

    sheet = load_workbook(book)["Call list"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert {"Why", "What to do", "Days overdue"} <= set(header)
    body = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert [r["Client"] for r in body] == [c["client_name"] for c in calls]
    assert [r["Why"] for r in body] == [c["reason"] for c in calls]
    assert all(r["Days overdue"] is None for r, c in zip(body, calls, strict=True) if c["reason_code"] != "overdue")


def test_without_excel_the_terminal_says_how_to_see_the_rest():
    result = CliRunner().invoke(app, ["analyze", NL, "--as-of", "2026-11-20", "--lang", "en"])
    assert result.exit_code == 0
    assert "more: see them all with --excel FILE.xlsx" in result.output


def test_without_a_forecast_the_list_is_overdue_clients_and_recently_lost_regulars():
    from salon_segment.importers import read_exports
    from salon_segment.render.call_list_view import call_list
    from salon_segment.rules import Rules
    from salon_segment.scoring import analyze

    imported = read_exports([EXAMPLES / "salon-nl.csv"])
    analysis = analyze(imported.ledger, as_of=pd.Timestamp("2026-11-20"), rules=Rules(), horizon_days=None)
    calls = call_list(analysis)
    lost = calls[calls["reason_code"] == "recently_lost"]
    assert len(lost) and lost["days_overdue"].isna().all() and lost["reason"].str.contains("days ago").all()
    assert calls.loc[calls["reason_code"] == "overdue", "days_overdue"].gt(0).all()
    assert calls["revenue_12m"].is_monotonic_decreasing


def test_the_call_list_is_built_once_per_analysis_and_language():
    """The terminal, the JSON, the Excel sheet and the campaign file of one run share one call list; another
    language or currency builds its own (the reasons are words and amounts)."""
    import salon_segment
    from salon_segment.presentation import Presentation, using
    from salon_segment.render.call_list_view import call_list, call_records

    report = salon_segment.analyze(NL, as_of="2026-11-20")
    with using(Presentation(language="en", currency="EUR")):
        first = call_list(report.analysis)
        assert call_list(report.analysis) is first
        english = call_records(first)
    with using(Presentation(language="nl", currency="EUR")):
        dutch = call_records(call_list(report.analysis))
    with using(Presentation(language="en", currency=None)):
        plain = call_records(call_list(report.analysis))
    assert [r["client"] for r in dutch] == [r["client"] for r in english]
    assert [r["reason"] for r in dutch] != [r["reason"] for r in english]
    assert [r["reason"] for r in plain] != [r["reason"] for r in english]
    again = salon_segment.analyze(NL, as_of="2026-11-20")
    with using(Presentation(language="en", currency="EUR")):
        assert call_list(again.analysis) is not first
        assert call_records(call_list(again.analysis)) == english
