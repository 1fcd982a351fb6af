"""Reading whole export files: dialects, row accounting, rejects and clear refusals."""

import datetime as dt

import pandas as pd
import pytest

from salon_segment.errors import InputFileError
from salon_segment.importers import ImportOptions, read_exports
from tests.helpers import EXAMPLES

DUTCH_WITH_TITLE_AND_TOTALS = (
    "Omzetrapport Salon Mooi\r\n"
    "Periode;01-01-2024;31-03-2024\r\n"
    "\r\n"
    "Datum;Klantnaam;Telefoon;Omschrijving;Bedrag;Status\r\n"  # header: row 4
    "05-01-2024;Anna de Vries;06-12345678;Knippen;€ 45,00;Afgerond\r\n"  # row 5
    "05-01-2024;Anna de Vries;06-12345678;Shampoo Repair;18,50;Afgerond\r\n"  # row 6
    "\r\n"  # row 7: blank
    "31-02-2024;Bea Bakker;06-87654321;Kleuren;75,00;Afgerond\r\n"  # row 8: impossible date
    "12-02-2024;Bea Bakker;06-87654321;Kleuren;vijftig;Afgerond\r\n"  # row 9: unreadable amount
    "13-02-2024;;;Föhnen;25,00;Afgerond\r\n"  # row 10: no client
    "14-02-2024;Cor Smit;;Kleuren;1.075,00;Niet verschenen\r\n"  # row 11
    "Datum;Klantnaam;Telefoon;Omschrijving;Bedrag;Status\r\n"  # row 12: repeated header
    "20-03-2024;Cor Smit;;Knippen;45,00;\r\n"  # row 13
    "Totaal;;;;1.208,50;\r\n"  # row 14: totals
    "Contant;;;;100,00;\r\n"  # row 15: cash-book block below the totals
    "Pin;;;;1.108,50;\r\n"  # row 16
)


def write(tmp_path, name, text, encoding="utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_title_rows_totals_blank_and_bad_rows_are_accounted_for(tmp_path):
    path = write(tmp_path, "omzet.csv", DUTCH_WITH_TITLE_AND_TOTALS)
    result = read_exports([path])
    report = result.reports[0]
    assert report.header_row == 4
    assert report.delimiter == ";"
    assert report.encoding == "utf-8-sig"
    assert report.date_format == "dd-mm-yyyy"
    assert report.decimal == ","
    assert report.rows_read == 12  # rows 5..16
    assert report.rows_used == 4
    assert report.skipped == {
        "blank row": [7],
        "repeated header row": [12],
        "totals or summary below the data": [14, 15, 16],
        # a sale without any client is a walk-in sale (issue #14): counted apart, in no client's figures
        "walk-in or anonymous client (counted apart as walk-in sales)": [10],
    }
    assert report.rejected == {
        "unreadable date": [8],
        "unreadable amount": [9],
    }
    assert report.rows_read == report.rows_used + report.rows_skipped + report.rows_rejected
    ledger = result.ledger
    assert ledger["source_row"].tolist() == [5, 6, 11, 13]
    assert ledger["amount"].tolist() == [45.0, 18.5, 1075.0, 45.0]
    assert ledger["kind"].tolist() == ["service", "product", "service", "service"]  # keyword 'shampoo'
    assert ledger["status"].tolist() == ["completed", "completed", "no_show", "completed"]
    assert ledger["client"].tolist() == ["0612345678"] * 2 + ["cor smit"] * 2  # phone digits, else the name
    assert result.rejects["source_row"].tolist() == [8, 9]
    assert len(result.walk_ins) == 1


def test_russian_windows_1251_semicolon_export(tmp_path):
    text = (
        "Дата;Клиент;Телефон;Услуга;Тип;Сумма;Статус\r\n"
        "05.03.2024;Иванова Мария;+7 916 123-45-67;Стрижка;Услуга;1 500,00;Выполнено\r\n"
        "05.03.2024;Иванова Мария;+7 916 123-45-67;Шампунь;Товар;890,50;Выполнено\r\n"
        "17.03.2024;Петрова Анна;+7 903 765-43-21;Окрашивание;Услуга;4 200,00;Неявка\r\n"
    )
    path = write(tmp_path, "visits.csv", text, encoding="cp1251")
    result = read_exports([path])
    assert result.reports[0].encoding == "cp1251"
    ledger = result.ledger
    assert ledger["client_name"].tolist() == ["Иванова Мария", "Иванова Мария", "Петрова Анна"]
    assert ledger["amount"].tolist() == [1500.0, 890.5, 4200.0]
    assert ledger["kind"].tolist() == ["service", "product", "service"]
    assert ledger["status"].tolist() == ["completed", "completed", "no_show"]
    assert ledger["date"].tolist() == [pd.Timestamp("2024-03-05")] * 2 + [pd.Timestamp("2024-03-17")]


def test_quoted_fields_with_newlines_and_doubled_quotes_keep_row_numbers(tmp_path):
    text = (
        "Date,Client,Service,Price,Notes\n"
        '2024-03-05,"Smith, Anna",Cut,55.00,"likes ""quiet""\nsecond line"\n'
        '2024-03-06,Bob Jones,Colour,"1,085.00",\n'
    )
    result = read_exports([write(tmp_path, "fresha.csv", text, encoding="utf-8")])
    ledger = result.ledger
    assert ledger["client_name"].tolist() == ["Smith, Anna", "Bob Jones"]
    assert ledger["amount"].tolist() == [55.0, 1085.0]
    assert ledger["source_row"].tolist() == [2, 3]  # spreadsheet rows, not physical lines


def test_over_long_rows_are_rejected_not_lost(tmp_path):
    text = "Date;Client;Amount\n2024-03-05;Anna;10\n2024-03-06;Bea;20;surprise\n2024-03-07;Cor;30;\n"
    report = read_exports([write(tmp_path, "wide.csv", text)]).reports[0]
    assert report.rows_used == 2
    assert report.rejected == {"more fields than the header": [3]}


def test_excel_workbook_with_title_rows_and_real_date_cells(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rapport"
    sheet.append(["Salon Mooi, omzet per klant"])
    sheet.append([])
    sheet.append(["Datum", "Klantnummer", "Klantnaam", "Omschrijving", "Bedrag"])
    sheet.append([dt.datetime(2024, 3, 5, 10, 30), 17, "Anna", "Knippen", 45.5])
    sheet.append([dt.date(2024, 3, 6), 18, "Bea", "Kleuren", 75])
    sheet.append(["Totaal", None, None, None, 120.5])
    path = tmp_path / "rapport.xlsx"
    workbook.save(path)
    result = read_exports([path])
    report = result.reports[0]
    assert (report.sheet, report.header_row) == ("Rapport", 3)
    assert report.skipped == {"totals or summary below the data": [6]}
    ledger = result.ledger
    assert ledger["client"].tolist() == ["17", "18"]
    assert ledger["date"].tolist() == [pd.Timestamp("2024-03-05"), pd.Timestamp("2024-03-06")]
    assert ledger["time"].tolist() == ["10:30", ""]  # a date cell without a time has no time of day
    assert ledger["amount"].tolist() == [45.5, 75.0]
    assert ledger["source_row"].tolist() == [4, 5]


def test_forced_mapping_and_date_order(tmp_path):
    text = "Wanneer,Wie,Wat\n01/02/2024,Anna,Knippen\n"
    path = write(tmp_path, "odd.csv", text)
    options = ImportOptions(columns={"date": "Wanneer", "client_name": "Wie"}, month_first=True)
    ledger = read_exports([path], options).ledger
    assert ledger["date"].tolist() == [pd.Timestamp("2024-01-02")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.7\n...", "this is a PDF"),
        (b"Name,Phone\nAnna,0612345678\n", "no date column was recognised"),
        (b"Foo,Bar\n1,2\n", "no header row naming a date and a client"),
        (b"Datum;Omschrijving;Bedrag\n05-01-2024;Knippen;45\n", "no client column was recognised"),
        (b"Date,Client\nnope,Anna\nnever,Bea\nno,Cor\nnot,Dan\nx,Eve\n", "are not dates"),
        (b"\x00\x01\x02\x03" * 50, "binary file"),
    ],
    ids=["empty", "pdf", "no-date-column", "no-header", "no-client", "date-column-of-junk", "binary"],
)
def test_unreadable_files_raise_one_clear_sentence(tmp_path, content, message):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as info:
        read_exports([path])
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text


def test_missing_file_and_damaged_workbook(tmp_path):
    with pytest.raises(InputFileError, match="file not found"):
        read_exports([tmp_path / "nope.csv"])
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputFileError, match="cannot open the workbook"):
        read_exports([fake])


def test_several_files_merge_into_one_ledger_by_identity_key(tmp_path):
    visits = write(tmp_path, "visits.csv", "Date,Client ID,Client,Service,Price\n2024-03-05,17,Anna,Cut,50\n")
    sales = write(tmp_path, "sales.csv", "Date;Klantnummer;Product;Bedrag\n06-03-2024;17;Shampoo;18,50\n")
    result = read_exports([visits, sales])
    assert result.ledger["client"].tolist() == ["17", "17"]
    assert result.ledger["source_file"].tolist() == [str(visits), str(sales)]
    assert result.rows_read == 2


EXPORTS = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".csv", ".xlsx"} and p.name != "till-products.csv")


@pytest.mark.parametrize("example", EXPORTS)
def test_every_example_accounts_for_every_row(example):
    result = read_exports([EXAMPLES / example])
    for report in result.reports:
        assert report.rows_read == report.rows_used + report.rows_skipped + report.rows_rejected
        assert report.rows_used == len(result.ledger) + len(result.client_list)
