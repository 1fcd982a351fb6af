"""Client lists with totals: detection, reduced scoring, and potential clients next to a visit export."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.importers import read_exports
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from tests.helpers import ledger, line

AS_OF = pd.Timestamp("2026-11-20")
CLIENT_LIST = (
    "Klantnummer;Voornaam;Achternaam;E-mail;Klant sinds;Eerste bezoek;Laatste bezoek;Aantal bezoeken;"
    "Omzet behandelingen;Omzet producten\n"
    '1;Anna;Jansen;anna@x.nl;01-02-2020;05-02-2020;10-11-2026;40;"1.800,00";"240,00"\n'
    '2;Bea;Visser;;01-02-2021;05-02-2021;01-03-2023;6;"300,00";"0,00"\n'
    '3;Cor;Smit;;01-06-2026;01-06-2026;01-11-2026;2;"90,00";"0,00"\n'
    '4;Dirk;Bos;;13-12-2023;;;0;"0,00";"0,00"\n'
    '5;Eva;Kok;;01-02-2021;05-02-2021;20-09-2026;12;"700,00";"0,00"\n'
    'Totaal;;;;;;;60;"2.890,00";"240,00"\n'
)


@pytest.fixture
def client_list_file(tmp_path):
    path = tmp_path / "klanten.csv"
    path.write_text(CLIENT_LIST, encoding="utf-8")
    return path


def test_a_client_list_is_detected_and_read(client_list_file):
    result = read_exports([client_list_file])
    report = result.reports[0]
    assert report.kind == "client list"
    assert report.rows_read == 6
    assert report.rows_used == 5
    assert report.skipped == {"totals or summary below the data": [7]}
    assert result.ledger.empty
    clients = result.client_list.set_index("client")
    assert clients.loc["1", "client_name"] == "Anna Jansen"
    assert clients.loc["1", "revenue"] == 2040.0
    assert clients.loc["1", "product_revenue"] == 240.0
    assert clients.loc["1", "last_visit"] == pd.Timestamp("2026-11-10")
    assert clients.loc["4", "created"] == pd.Timestamp("2023-12-13")
    assert pd.isna(clients.loc["4", "last_visit"])


def test_client_list_scoring_hand_computed(client_list_file):
    result = read_exports([client_list_file])
    analysis = analyze(result.ledger, as_of=AS_OF, rules=Rules(), client_list=result.client_list)
    segments = dict(zip(analysis.clients["client"], analysis.clients["segment"], strict=True))
    # 1: active, 40 visits, bought products -> A; 2: last visit 2023 -> lost; 3: 2 visits -> new;
    # 4: no visit -> potential; 5: last visit 2026-09-20 is exactly 2 months before as_of -> not lost, B
    assert segments == {"1": "A", "2": "lost", "3": "new", "4": "potential", "5": "B"}
    assert not analysis.visit_history
    assert analysis.totals.clients == 4
    assert analysis.totals.revenue == 3130.0
    assert analysis.totals.no_shows is None
    # Pareto on total spent: 2040, 700, 300, 90 -> top ceil(0.8) = 1 client: 2040 / 3130
    assert analysis.pareto.window_months is None
    assert analysis.pareto.top_revenue_share == pytest.approx(2040 / 3130)
    assert analysis.pareto.clients_for_target == 2  # 2040 + 700 = 2740 >= 0.8 * 3130 = 2504


def test_without_a_product_split_active_clients_are_returning_not_guessed(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("Client,Last visit,Visits,Total spent\nAnna,2026-11-01,10,500\nBea,2026-11-02,1,50\n")
    result = read_exports([path])
    analysis = analyze(result.ledger, as_of=AS_OF, rules=Rules(), client_list=result.client_list)
    assert dict(zip(analysis.clients["client"], analysis.clients["segment"], strict=True)) == {
        "anna": "returning",
        "bea": "new",
    }
    assert not analysis.product_split


def test_client_list_next_to_visits_adds_potential_clients(client_list_file):
    visits = ledger(line("1", "2026-11-10", 60), line("5", "2026-11-01", 50))
    client_list = read_exports([client_list_file]).client_list
    analysis = analyze(visits, as_of=AS_OF, rules=Rules(), client_list=client_list)
    segments = dict(zip(analysis.clients["client"], analysis.clients["segment"], strict=True))
    assert segments["4"] == "potential"
    assert segments["1"] == "new"  # from the visit export, which wins over the list's totals
    assert analysis.visit_history


def test_cli_client_list_only_run_states_what_needs_visit_history(client_list_file):
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(client_list_file), "--as-of", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert "Not available from a client list" in result.output
    assert "Regularity, C, the call list" in result.output
    assert "Who carries the salon: total spent" in result.output
    document = json.loads(
        runner.invoke(app, ["analyze", str(client_list_file), "--as-of", "2026-11-20", "--format", "json"]).output
    )
    assert document["visit_history"] is False
    assert document["segments"]["C"] is None
    assert document["segments"]["lost"]["clients"] == 1
    assert document["segments"]["new"]["clients"] == 1
    assert "regularity" in document["not_available"]
    assert document["pareto"]["window_months"] is None


@pytest.mark.parametrize("command", ["analyze", "prune"])
def test_cli_client_list_excel_writes_the_columns_it_can_fill(command, tmp_path):
    from openpyxl import load_workbook

    from tests.helpers import EXAMPLES

    out = tmp_path / "summary.xlsx"
    args = [command, str(EXAMPLES / "client-list.csv"), "--as-of", "2026-11-20", "--excel", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Exception ignored" not in result.output
    workbook = load_workbook(out)
    assert "Clients" in workbook.sheetnames
    assert "Forecast" not in workbook.sheetnames  # no visit history, no forecast
    headers = [cell.value for cell in workbook["Clients"][1]]
    assert headers[:2] == ["Client", "Segment"]
    assert "Client key" in headers
    for forecast_header in ("Chance of a visit", "Expected visits", "At risk (a year)"):
        assert forecast_header not in headers
    assert workbook["Clients"].max_row == 262  # 261 rows read, one of them a header
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)
