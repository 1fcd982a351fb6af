"""One call list in the terminal, the JSON and the Excel sheet: a reason and an approach per row."""

import json

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
    lost = [c for c in calls if c["reason_code"] == "recently_lost"]
    assert lost and all(c["days_overdue"] is None and "days ago" in c["reason"] for c in lost)
    assert all(c["days_overdue"] for c in calls if c["reason_code"] == "overdue")
    revenues = [c["revenue_12m"] for c in calls]
    assert revenues == sorted(revenues, reverse=True)

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
