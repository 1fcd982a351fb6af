"""Segment wording that cannot mislead: high-spending occasional clients, and the rules actually applied."""

import pandas as pd
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.i18n import set_language
from salon_segment.render.segment_labels import client_labels
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from salon_segment.scoring import clients as C
from tests.helpers import EXAMPLES, ledger, line


def test_a_top_spender_who_is_not_regular_is_c_high_value():
    set_language("en")
    rows = [line("big", d, 400.0) for d in ("2026-05-03", "2026-07-01", "2026-09-20", "2026-11-01")]
    rows += [line(f"small{i}", d, 40.0 + i) for i in range(5) for d in ("2026-06-10", "2026-09-10", "2026-11-10")]
    analysis = analyze(ledger(*rows), as_of=pd.Timestamp("2026-11-20"), rules=Rules())
    clients = analysis.clients.set_index("client")
    assert clients.loc["big", C.SEGMENT] == "C" and clients.loc["big", C.HIGH_VALUE]
    assert not clients.loc["small0", C.HIGH_VALUE]
    labels = client_labels(analysis.clients.set_index("client", drop=False))
    assert labels["big"] == "C, high value" and labels["small0"] == "C"


def test_a_client_list_prints_only_the_rules_it_applied():
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "client-list.csv"), "--as-of", "2026-11-20",
                                      "--lang", "en"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rules = " ".join(result.output.split("Rules:", 1)[1].split())
    assert "lost = no visit for 2 months" in rules and "new = under 3 visits" in rules
    assert "regular" not in rules and "overdue" not in rules


def test_high_value_c_clients_keep_the_c_colour_in_the_clients_sheet(tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "summary.xlsx"
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "salon-nl.csv"), "--as-of", "2026-11-20",
                                      "--lang", "en", "--excel", str(book)])  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = load_workbook(book)["Clients"]
    formulas = {
        rule.formula[0]: rule.dxf.fill.bgColor.rgb for rng in sheet.conditional_formatting for rule in rng.rules
    }
    assert formulas['"C, high value"'] == formulas['"C"']
