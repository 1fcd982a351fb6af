"""`salon-segment analyze` through typer's CliRunner on the shipped examples."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from salon_segment import __version__
from salon_segment.cli import app
from salon_segment.importers import read_exports
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from tests.helpers import EXAMPLES

runner = CliRunner()
DUTCH = EXAMPLES / "salon-nl.csv"
ENGLISH = EXAMPLES / "salon-en.csv"
AS_OF = "2026-11-20"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_version_and_help():
    assert invoke("--version").output.strip() == f"salon-segment {__version__}"
    result = invoke("analyze", "--help")
    assert result.exit_code == 0
    assert "--clients-out" in result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("example", [DUTCH, ENGLISH], ids=["dutch", "english"])
def test_table_report_names_every_part(example):
    result = invoke("analyze", example, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    for heading in ("As of", "2026-11-20", "Who carries the salon", "Client segments", "Top clients", "Call this week"):
        assert heading in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80  # CliRunner is not a terminal: 80 columns
    assert "\x1b[" not in result.output  # no colour codes when not on a terminal


def test_json_matches_the_library_on_the_same_input():
    result = invoke("analyze", DUTCH, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    imported = read_exports([DUTCH])
    expected = analyze(imported.ledger, as_of=pd.Timestamp(AS_OF), rules=Rules())
    assert document["as_of"] == AS_OF
    assert set(document) >= {"as_of", "totals", "pareto", "segments", "rules"}
    totals = document["totals"]
    assert totals["clients"] == expected.totals.clients
    assert totals["visits"] == expected.totals.visits
    assert totals["revenue"] == round(expected.totals.revenue, 2)
    assert (
        totals["rows_read"]
        == imported.rows_read
        == totals["rows_used"] + totals["rows_skipped"] + totals["rows_rejected"]
    )
    for key in ("product_revenue", "no_shows", "cancellations", "upcoming_bookings", "rows_rejected"):
        assert key in totals
    assert set(document["segments"]) == {"A", "B", "C", "new", "lost"}
    assert sum(s["clients"] for s in document["segments"].values()) == totals["clients"]
    pareto = document["pareto"]
    for key in (
        "window_months",
        "clients_with_revenue",
        "top_clients_share",
        "top_clients_revenue_share",
        "revenue_target_share",
        "clients_share_for_revenue_target",
        "clients_for_revenue_target",
        "gini",
    ):
        assert key in pareto
    assert pareto["top_clients_share"] == 0.2
    assert pareto["revenue_target_share"] == 0.8
    assert pareto["top_clients_revenue_share"] == pytest.approx(expected.pareto.top_revenue_share, abs=1e-6)
    # deprecated aliases (one release): written while their names are true, as with the default 20% and 80%
    assert pareto["top_20pct_revenue_share"] == pareto["top_clients_revenue_share"]
    assert pareto["clients_share_for_80pct_revenue"] == pareto["clients_share_for_revenue_target"]
    assert pareto["clients_for_80pct_revenue"] == pareto["clients_for_revenue_target"]
    assert document["rules"]["lost_after_months"] == 2


def test_default_as_of_is_the_latest_completed_visit_not_after_today():
    document = json.loads(invoke("analyze", ENGLISH, "--format", "json").output)
    assert document["as_of"] == "2026-11-20"  # the examples end there; bookings after it are upcoming


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_clients_out_writes_one_row_per_client(tmp_path, suffix):
    out = tmp_path / f"clients{suffix}"
    result = invoke("analyze", ENGLISH, "--as-of", AS_OF, "--clients-out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_excel(out, engine="openpyxl")
    required = {
        "client", "client_name", "email", "phone", "segment", "first_visit", "last_visit", "visits", "revenue",
        "product_revenue", "median_interval_days", "active_months", "regular_window_visits", "product_visit_share",
        "expected_next_visit", "days_overdue", "no_shows", "cancellations",
    }  # fmt: skip
    assert required <= set(table.columns)
    assert (table["active_months_6"] == table["active_months"]).all()  # deprecated alias, true at the default 6
    ledger = read_exports([ENGLISH]).ledger
    assert len(table) == ledger["client"].nunique()
    document = json.loads(result.output)
    visited = table[table["visits"] > 0]
    assert visited["segment"].value_counts().to_dict() == {
        k: v["clients"] for k, v in document["segments"].items() if v["clients"]
    }


def test_outputs_are_not_overwritten_without_force_and_never_over_an_input(tmp_path):
    out = tmp_path / "clients.csv"
    out.write_text("keep me")
    result = invoke("analyze", DUTCH, "--clients-out", out)
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert out.read_text() == "keep me"
    assert invoke("analyze", DUTCH, "--clients-out", out, "--force").exit_code == 0
    before = DUTCH.read_bytes()
    result = invoke("analyze", DUTCH, "--clients-out", DUTCH, "--force")
    assert result.exit_code == 1
    assert "input file" in result.output
    assert DUTCH.read_bytes() == before


def test_rejects_out_lists_file_row_and_reason(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Date,Client,Price\n2026-01-05,Anna,50\nsoon,Bea,20\n2026-01-06,Cor,??\n2026-01-07,Dan,30\n")
    rejects = tmp_path / "rejects.csv"
    result = invoke("analyze", export, "--rejects-out", rejects, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["totals"]["rows_rejected"] == 2
    table = pd.read_csv(rejects)
    assert table.to_dict("records") == [
        {"source_file": str(export), "source_row": 3, "reason": "unreadable date"},
        {"source_file": str(export), "source_row": 4, "reason": "unreadable amount"},
    ]


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["analyze", "missing.csv"], 1, "file not found"),
        (["analyze", str(DUTCH), "--as-of", "20/11/2026"], 2, "2026-11-20"),
        (["analyze", str(DUTCH), "--map", "nonsense"], 2, "FIELD=HEADER"),
        (["analyze", str(DUTCH), "--map", "date=Nope"], 1, "no column is headed 'Nope'"),
        (["analyze", str(DUTCH), "--format", "xml"], 2, "xml"),
        (["analyze", str(DUTCH), "--config", "missing.toml"], 1, "config file not found"),
    ],
)
def test_errors_exit_with_the_documented_codes_and_no_traceback(args, code, text):
    result = invoke(*args)
    assert result.exit_code == code
    assert text in result.output
    assert "Traceback" not in result.output


def test_config_file_changes_the_rules(tmp_path):
    config = tmp_path / "salon.toml"
    config.write_text("[rules]\nregular_min_active_months = 4\nlost_after_months = 3\n")
    default = json.loads(invoke("analyze", DUTCH, "--as-of", AS_OF, "--format", "json").output)
    relaxed = json.loads(invoke("analyze", DUTCH, "--as-of", AS_OF, "--format", "json", "--config", config).output)
    assert relaxed["rules"]["regular_min_active_months"] == 4
    assert relaxed["segments"]["lost"]["clients"] <= default["segments"]["lost"]["clients"]
    regulars = lambda d: d["segments"]["A"]["clients"] + d["segments"]["B"]["clients"]  # noqa: E731
    assert regulars(relaxed) > regulars(default)
    bad = tmp_path / "bad.toml"
    bad.write_text("[rules]\nlost_after_monts = 3\n")
    result = invoke("analyze", DUTCH, "--config", bad)
    assert result.exit_code == 1
    assert "lost_after_monts" in result.output


def test_unexpected_errors_exit_3_with_a_hint(monkeypatch):
    import salon_segment.scoring as scoring

    def broken(*args, **kwargs):
        raise RuntimeError("secret client data")

    monkeypatch.setattr(scoring, "analyze", broken)
    result = invoke("analyze", DUTCH)
    assert result.exit_code == 3
    assert "--debug" in result.output
    assert "secret client data" not in result.output


def test_unknown_statuses_and_ambiguous_dates_are_warned_about(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Date,Client,Price,Status\n01/02/2026,Anna,50,Completed\n03/04/2026,Bea,20,Mystery\n")
    result = invoke("analyze", export, "--format", "json")
    warnings = json.loads(result.output)["warnings"]
    assert any("Mystery" in w for w in warnings)
    assert any("day-first and month-first" in w for w in warnings)
    table = invoke("analyze", export, "--as-of", "2026-04-03")
    assert "Mystery" in table.output


def test_python_dash_m_and_debug_traceback(monkeypatch):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "salon_segment", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("salon-segment ")
    import salon_segment.scoring as scoring

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(scoring, "analyze", broken)
    result = runner.invoke(app, ["--debug", "analyze", str(DUTCH)])
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
