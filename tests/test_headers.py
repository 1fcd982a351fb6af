"""Header synonyms and header-row detection."""

import pytest

from salon_segment.importers.headers import find_header_row, map_columns, match_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Klantnummer", "client_id"),
        ("Client ID", "client_id"),
        ("Код клиента", "client_id"),
        ("Klantnaam", "client_name"),
        ("ФИО", "client_name"),
        ("E-mail", "email"),
        ("Эл. почта", "email"),
        ("Telefoon", "phone"),
        ("Datum", "date"),
        ("Дата визита", "date"),
        ("Datum afspraak", "date"),
        ("Appointment Date", "date"),
        ("Omschrijving", "item"),
        ("Услуга", "item"),
        ("Soort", "kind"),
        ("Medewerker", "staff"),
        ("Мастер", "staff"),
        ("Bedrag", "amount"),
        ("Сумма", "amount"),
        ("Кол-во", "quantity"),
        ("Catégorie", "category"),
        ("Statut", "status"),
        ("Herkomst", "source"),
        ("Notes", None),
    ],
)
def test_match_header(header, field):
    match = match_header(header)
    assert (match.field if match else None) == field


def test_map_columns_prefers_exact_and_net_amounts_and_uses_each_column_once():
    headers = ["Client", "Client ID", "Date", "Total", "Net amount", "Service"]
    mapping = map_columns(headers)
    assert mapping == {"client_name": 0, "client_id": 1, "date": 2, "amount": 4, "item": 5}


def test_overrides_win_and_unknown_headers_raise():
    mapping = map_columns(["Wanneer", "Wie"], {"date": "Wanneer", "client_name": "wie"})
    assert mapping == {"date": 0, "client_name": 1}
    with pytest.raises(LookupError):
        map_columns(["A"], {"date": "B"})
    with pytest.raises(ValueError):
        map_columns(["A"], {"birthday": "A"})


def test_header_row_is_found_below_title_rows():
    records = [
        ["Omzetrapport Salon Mooi"],
        ["Periode: 01-01-2024 t/m 31-12-2024"],
        [],
        ["Datum", "Klant", "Behandeling", "Bedrag"],
        ["05-01-2024", "Anna", "Knippen", "45,00"],
    ]
    assert find_header_row(records) == 3
    assert find_header_row([["a", "b"], ["1", "2"]]) is None
