"""Issue #15, items 6, 9 and 13: money in scientific notation and thousands without decimals, refund-only days,
and export text that tries to style or take over the terminal."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.importers.values import parse_amounts

runner = CliRunner()


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1E+03", "12.50"], [1000.0, 12.5]),
        (["1e3", "2"], [1000.0, 2.0]),
        (["€ 1.250", "€ 40", "€ 35"], [1250.0, 40.0, 35.0]),  # whole euros: the point groups thousands
        (["1,250", "40"], [1250.0, 40.0]),
        (["---", "12,50"], [0.0, 12.5]),  # dashes are an empty cell
    ],
)
def test_item6_money(cells, expected):
    assert parse_amounts(pd.Series(cells)).values.tolist() == expected


def _write(path, rows):
    path.write_text("Date,Client,Item,Type,Staff,Amount\n" + "\n".join(",".join(r) for r in rows) + "\n")
    return path


def test_item9_a_refund_only_day_is_no_visit_and_shares_stay_in_0_1(tmp_path):
    export = _write(
        tmp_path / "sales.csv",
        [
            ["2026-03-02", "Anna", "Cut", "Service", "Mia", "50.00"],
            ["2026-03-02", "Anna", "Shampoo", "Product", "Mia", "20.00"],
            ["2026-03-20", "Anna", "Shampoo", "Product", "Mia", "-20.00"],  # the shampoo came back: refund only
            ["2026-03-21", "Bea", "Serum", "Product", "Lou", "-30.00"],  # a refund of an older sale
            ["2026-03-22", "Cor", "Colour", "Service", "Lou", "80.00"],
        ],
    )
    result = runner.invoke(app, ["analyze", str(export), "--as-of", "2026-03-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.output)["totals"]
    assert totals["visits"] == 2  # Anna on the 2nd, Cor on the 22nd; refund-only days are not visits
    assert totals["clients"] == 2
    assert totals["revenue"] == pytest.approx(100.0)  # 50 + 20 − 20 − 30 + 80
    staff = runner.invoke(app, ["staff", str(export), "--as-of", "2026-03-31", "--format", "json"])
    assert staff.exit_code == 0, staff.output
    rows = json.loads(staff.output)
    records = rows["staff"] if isinstance(rows, dict) else rows
    shares = [r[k] for r in records for k in r if "share" in k and r[k] is not None]
    assert shares and all(0 <= s <= 1 for s in shares)


HOSTILE = "[link=https://evil.example]Anna[/link] \x1b[31mRed\x1b[0m\x1b]8;;https://x\x07click\x1b]8;;\x07 [/bold]"


@pytest.mark.parametrize("command", [["staff"], ["prune", "--inactive", "1m"], ["analyze"]])
def test_item13_export_text_never_styles_the_terminal(tmp_path, command):
    export = _write(
        tmp_path / "sales.csv",
        [
            ["2024-01-05", f'"{HOSTILE}"', f'"{HOSTILE}"', "Service", f'"{HOSTILE}"', "50.00"],
            ["2026-03-02", "Bea", "Cut", "Service", "Mia", "40.00"],
            ["2026-03-20", "Bea", "Cut", "Service", "Mia", "40.00"],
        ],
    )
    result = runner.invoke(app, [command[0], str(export), *command[1:], "--as-of", "2026-03-31"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    if command[0] != "analyze":
        assert "[link=" in result.output  # shown as written (cut to the column), not made a link
