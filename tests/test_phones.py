"""Phones stay dialable: text cells without a visible apostrophe in Excel and CSV; odd values still neutralised."""

import csv

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.phones import is_phone
from tests.helpers import EXAMPLES

RU = EXAMPLES / "salon-ru-cp1251.csv"


@pytest.mark.parametrize(
    ("text", "phone"),
    [("+31 6 1234 5678", True), ("+7 960 803-61-30", True), ("(020) 555-1234", True), ("06-12345678", True),
     ("=HYPERLINK(\"x\")", False), ("+1", False), ("-2+3", False), ("@SUM(A1)", False)],
)  # fmt: skip
def test_phone_shape(text, phone):
    assert is_phone(text) is phone


def test_phone_cells_in_every_sheet_are_text_without_an_apostrophe(tmp_path):
    book, clients = tmp_path / "summary.xlsx", tmp_path / "clients.xlsx"
    result = CliRunner().invoke(
        app, ["analyze", str(RU), "--as-of", "2026-11-20", "--excel", str(book), "--clients-out", str(clients)]
    )
    assert result.exit_code == 0, result.output
    checked = 0
    for path in (book, clients):
        for sheet in load_workbook(path):
            header = [c.value for c in next(sheet.iter_rows(max_row=1))]
            if "Phone" not in header and "phone" not in header:
                continue
            column = header.index("Phone" if "Phone" in header else "phone")
            for row in sheet.iter_rows(min_row=2, max_row=30):
                cell = row[column]
                if cell.value:
                    assert not str(cell.value).startswith("'"), (sheet.title, cell.value)
                    assert str(cell.value).startswith("+7"), cell.value
                    assert cell.quotePrefix and cell.number_format == "@"
                    checked += 1
    assert checked > 20


def test_csv_phones_are_written_as_they_are_and_reimport_to_the_same_digits(tmp_path):
    out = tmp_path / "clients.csv"
    result = CliRunner().invoke(app, ["analyze", str(RU), "--as-of", "2026-11-20", "--clients-out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    phones = [r["phone"] for r in rows if r["phone"]]
    assert phones and all(p.startswith("+7 9") for p in phones)  # as in the export: same digits on re-import


def test_a_formula_in_the_phone_column_is_still_neutralised(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text('date,client,phone,amount\n2026-11-01,Anna,"=HYPERLINK(""http://x"")",50\n')
    out = tmp_path / "clients.csv"
    result = CliRunner().invoke(app, ["analyze", str(export), "--as-of", "2026-11-20", "--clients-out", str(out)])
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["phone"].startswith("'=")
