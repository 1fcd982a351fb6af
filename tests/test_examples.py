"""Every shipped example analyses without --map, and inspect reports how it was read."""

import csv
import json

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import EXAMPLES

runner = CliRunner()

# file: (kind, encoding, delimiter, header row, date format, decimal mark, some of the mapping)
EXPECTED = {
    "salon-nl.csv": ("visit ledger", "utf-8-sig", ";", 1, "dd-mm-yyyy", ",", {"Klantnummer": "client_id", "Bedrag": "amount", "Soort": "kind"}),
    "salon-en.csv": ("visit ledger", "utf-8", ",", 1, "yyyy-mm-dd", ".", {"Client ID": "client_id", "Price": "amount", "Mobile": "phone"}),
    "salon-ru-cp1251.csv": ("visit ledger", "cp1251", ";", 1, "dd.mm.yyyy", ",", {"Код клиента": "client_id", "Сумма, руб.": "amount", "Мастер": "staff"}),
    "fresha-sales.csv": ("visit ledger", "utf-8", ",", 1, "yyyy-mm-dd", ".", {"Net sales": "amount", "Client email": "email", "Client mobile": "phone", "Sale no.": "line_id"}),
    "till-sales.csv": ("visit ledger", "utf-8", ",", 1, "mm/dd/yyyy", ".", {"Receipt": "line_id", "Description": "item", "Client": "client_name"}),
    "umsatzbericht.xlsx": ("visit ledger", None, None, 4, "yyyy-mm-dd", ".", {"Datum": "date", "Kunde": "client_name", "Betrag": "amount"}),
    "client-list.csv": ("client list", "utf-8", ",", 1, "dd/mm/yyyy", ".", {"Last visit": "last_visit", "Total spent": "total_spent", "Product sales": "product_spent"}),
}  # fmt: skip


def csv_data_rows(path, encoding, delimiter):
    """Records below a first-row header, counted independently with the csv module."""
    with path.open(encoding=encoding, newline="") as handle:
        return sum(1 for _ in csv.reader(handle, delimiter=delimiter)) - 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_inspect_shows_mapping_date_format_and_row_accounting(name):
    kind, encoding, delimiter, header_row, date_format, decimal, mapping = EXPECTED[name]
    result = runner.invoke(app, ["inspect", str(EXAMPLES / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["files"][0]
    assert (report["kind"], report["encoding"], report["delimiter"]) == (kind, encoding, delimiter)
    assert (report["header_row"], report["date_format"], report["decimal"]) == (header_row, date_format, decimal)
    inverse = {header: field for field, header in report["mapping"].items()}
    assert {h: inverse.get(h) for h in mapping} == mapping
    assert report["rows_read"] == report["rows_used"] + report["rows_skipped"] + report["rows_rejected"]
    assert report["rows_rejected"] == 0
    if encoding is not None:
        assert report["rows_read"] == csv_data_rows(EXAMPLES / name, encoding, delimiter)


def test_excel_report_skips_its_title_rows_and_totals_row():
    report = json.loads(
        runner.invoke(app, ["inspect", str(EXAMPLES / "umsatzbericht.xlsx"), "--format", "json"]).output
    )
    report = report["files"][0]
    assert report["sheet"] == "Umsatz"
    assert list(report["skipped"]) == ["totals or summary below the data"]
    assert len(report["skipped"]["totals or summary below the data"]) == 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_example_analyses_without_map(name):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / name), "--as-of", "2026-11-20", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["totals"]["clients"] > 50
    assert document["pareto"]["clients_with_revenue"] > 50


def test_till_product_listing_turns_keyword_guesses_into_known_products():
    till = str(EXAMPLES / "till-sales.csv")
    args = ["analyze", till, "--as-of", "2026-11-20", "--format", "json"]
    with_listing = json.loads(runner.invoke(app, [*args, "--products", str(EXAMPLES / "till-products.csv")]).output)
    # every retail line in the till file names a product from the listing; the listing finds all of them
    with (EXAMPLES / "till-products.csv").open(encoding="utf-8") as handle:
        products = {row["Product Name"] for row in csv.DictReader(handle)}
    with (EXAMPLES / "till-sales.csv").open(encoding="utf-8") as handle:
        expected = sum(float(r["Amount"]) for r in csv.DictReader(handle) if r["Description"] in products)
    assert with_listing["totals"]["product_revenue"] == pytest.approx(expected)


def test_product_listing_on_its_own_is_refused_with_a_hint():
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "till-products.csv")])
    assert result.exit_code == 1
    assert "--products" in result.output


def test_visit_export_and_client_list_together_add_potential_clients(tmp_path):
    out = tmp_path / "clients.csv"
    result = runner.invoke(
        app,
        ["analyze", str(EXAMPLES / "salon-en.csv"), str(EXAMPLES / "client-list.csv"), "--as-of", "2026-11-20",
         "--clients-out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as handle:
        segments = [row["segment"] for row in csv.DictReader(handle)]
    assert segments.count("potential") >= 25  # the 25 registered contacts who never came
