"""One parametrised test per export dialect, each with hand-written expectations."""

import pandas as pd
import pytest

from salon_segment.errors import InputFileError
from salon_segment.importers import read_exports
from tests.helpers import DATA

ROWS = [
    ("2026-03-05", "Anna Müller", 45.5),
    ("2026-04-09", "Zoë Dubois", 1234.5),
]


def written(tmp_path, name, text, encoding):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "expected_encoding", "expected_delimiter"),
    [
        (
            "Date\tClient\tPrice\r\n05/03/2026\tAnna Müller\t45,50\r\n09/04/2026\tZoë Dubois\t1.234,50\r\n",
            "utf-16",
            "utf-16",
            "\t",
        ),
        (
            "Date;Client;Price\r\n05-03-2026;Anna Müller;45,50\r\n09-04-2026;Zoë Dubois;1.234,50\r\n",
            "cp1252",
            "cp1252",
            ";",
        ),
        ("Date|Client|Price\n2026-03-05|Anna Müller|45.50\n2026-04-09|Zoë Dubois|1,234.50\n", "utf-8", "utf-8", "|"),
        (
            '\ufeffDate,Client,Price\n05.03.2026,Anna Müller,"45,50"\n09.04.2026,Zoë Dubois,"1 234,50"\n',
            "utf-8",
            "utf-8-sig",
            ",",
        ),
    ],
    ids=["utf16-tab-excel-unicode-text", "cp1252-semicolon", "utf8-pipe", "utf8-bom-quoted-decimal-comma"],
)
def test_encodings_and_delimiters(tmp_path, text, encoding, expected_encoding, expected_delimiter):
    result = read_exports([written(tmp_path, "export.csv", text, encoding)])
    report = result.reports[0]
    assert (report.encoding, report.delimiter) == (expected_encoding, expected_delimiter)
    ledger = result.ledger
    assert ledger["client_name"].tolist() == [name for _, name, _ in ROWS]
    assert ledger["amount"].tolist() == [amount for _, _, amount in ROWS]
    assert ledger["date"].dt.strftime("%Y-%m-%d").tolist() == [date for date, _, _ in ROWS]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Datum;Kundennummer;Kunde;Leistung;Mitarbeiter;Betrag", "05.03.2026;17;Anna;Schnitt;Jasmin;45,50"),
        ("Date;N° client;Nom;Prestation;Coiffeur;Montant", "05/03/2026;17;Anna;Coupe;Jasmin;45,50"),
        ("Data;Codice;Nome cliente;Servizio;Operatore;Importo", "05/03/2026;17;Anna;Taglio;Jasmin;45,50"),
    ],
    ids=["german", "french", "italian"],
)
def test_german_french_and_italian_headers(tmp_path, header, row):
    result = read_exports([written(tmp_path, "export.csv", f"{header}\n{row}\n", "utf-8")])
    ledger = result.ledger
    assert ledger["date"].tolist() == [pd.Timestamp("2026-03-05")]
    assert ledger["client_name"].tolist() == ["Anna"]
    assert ledger["amount"].tolist() == [45.5]
    assert ledger["staff"].tolist() == ["Jasmin"]


@pytest.mark.parametrize("name", ["omzet.xls", "omzet.ods"])
def test_old_excel_and_opendocument_workbooks(name):
    result = read_exports([DATA / name])
    report = result.reports[0]
    assert (report.sheet, report.header_row) == ("Omzet", 3)
    assert report.skipped == {"totals or summary below the data": [7]}
    ledger = result.ledger
    assert ledger["client"].tolist() == ["17", "17", "18"]
    assert ledger["date"].tolist() == [pd.Timestamp("2026-03-05")] * 2 + [pd.Timestamp("2026-04-09")]
    assert ledger["time"].tolist() == ["10:30", "10:30", "14:00"]
    assert ledger["amount"].tolist() == [45.5, 18.5, 75.0]
    assert ledger["kind"].tolist() == ["service", "product", "service"]
    assert ledger["status"].tolist() == ["completed", "completed", "no_show"]
    assert ledger["source_row"].tolist() == [4, 5, 6]


def test_sheet_option_by_name_and_number_and_unknown_sheet():
    assert read_exports([DATA / "omzet.ods"], _options(sheet="1")).reports[0].sheet == "Omzet"
    with pytest.raises(InputFileError, match="no sheet 'Nope'; the sheets are Omzet"):
        read_exports([DATA / "omzet.ods"], _options(sheet="Nope"))


def _options(**kwargs):
    from salon_segment.importers import ImportOptions

    return ImportOptions(**kwargs)


def test_encrypted_or_foreign_ole_file_is_refused(tmp_path):
    path = tmp_path / "protected.xlsx"  # a password-protected workbook is an OLE container, not a zip
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(InputFileError, match="password-protected"):
        read_exports([path])


def test_first_and_last_name_columns_are_joined(tmp_path):
    text = "Date,First name,Last name,Price\n2026-03-05,Anna,de Vries,45\n"
    ledger = read_exports([written(tmp_path, "export.csv", text, "utf-8")]).ledger
    assert ledger["client_name"].tolist() == ["Anna de Vries"]
    assert ledger["client"].tolist() == ["anna de vries"]


def test_overlapping_exports_share_lines_only_once_but_same_file_duplicates_stay(tmp_path):
    header = "Receipt,Date,Client,Item,Amount\n"
    march = written(
        tmp_path,
        "march.csv",
        header + "7,2026-03-31,Anna,Shampoo,18.50\n7,2026-03-31,Anna,Shampoo,18.50\n8,2026-03-31,Bea,Cut,40\n",
        "utf-8",
    )
    april = written(tmp_path, "april.csv", header + "8,2026-03-31,Bea,Cut,40\n9,2026-04-01,Cor,Cut,40\n", "utf-8")
    result = read_exports([march, april])
    assert result.ledger["item"].tolist() == ["Shampoo", "Shampoo", "Cut", "Cut"]
    assert result.ledger["client"].tolist() == ["anna", "anna", "bea", "cor"]
    april_report = result.reports[1]
    assert april_report.skipped == {"same line already in an earlier file": [2]}
    assert april_report.rows_read == april_report.rows_used + april_report.rows_skipped == 2
