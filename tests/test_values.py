"""Vectorised cell parsers: dates, amounts, statuses, kinds, identity keys."""

import math

import pandas as pd
import pytest

from salon_segment.importers.identity import identity_keys
from salon_segment.importers.values import (
    kinds_from_keywords,
    kinds_from_type,
    map_statuses,
    normalize_email,
    normalize_phone,
    parse_amounts,
    parse_dates,
)


def dates(values, **kwargs):
    return parse_dates(pd.Series(values), **kwargs)


@pytest.mark.parametrize(
    ("values", "expected", "date_format"),
    [
        (["05-03-2024", "25-03-2024"], ["2024-03-05", "2024-03-25"], "dd-mm-yyyy"),
        (["05.03.2024", "25.12.2023"], ["2024-03-05", "2023-12-25"], "dd.mm.yyyy"),
        (["03/25/2024", "01/02/2024"], ["2024-03-25", "2024-01-02"], "mm/dd/yyyy"),
        (["2024-03-05", "2024-12-31"], ["2024-03-05", "2024-12-31"], "yyyy-mm-dd"),
        (["05/03/24", "31/12/99"], ["2024-03-05", "1999-12-31"], "dd/mm/yyyy"),
        (["45292", "45293"], ["2024-01-01", "2024-01-02"], "excel serial"),
        (["2024-01-01 00:00:00"], ["2024-01-01"], "yyyy-mm-dd"),
    ],
    ids=["dd-mm-yyyy", "dd.mm.yyyy", "mm/dd/yyyy", "iso", "two-digit-year", "excel-serial", "excel-datetime-cell"],
)
def test_date_formats(values, expected, date_format):
    parsed = dates(values)
    assert parsed.dates.dt.strftime("%Y-%m-%d").tolist() == expected
    assert parsed.date_format == date_format


def test_times_24_hour_and_am_pm():
    parsed = dates(["3/5/2024 2:30 PM", "3/25/2024 12:05 AM", "3/26/2024 12:15 PM"])
    assert parsed.times.tolist() == ["14:30", "00:05", "12:15"]
    assert parsed.dates.dt.strftime("%Y-%m-%d").tolist() == ["2024-03-05", "2024-03-25", "2024-03-26"]
    assert dates(["05-03-2024 09:15"]).times.tolist() == ["09:15"]


@pytest.mark.parametrize(("hint", "expected"), [(False, "2024-02-01"), (True, "2024-01-02")])
def test_ambiguous_day_month_follows_the_hint_and_says_so(hint, expected):
    parsed = dates(["01/02/2024"], month_first_hint=hint)
    assert parsed.dates.dt.strftime("%Y-%m-%d").tolist() == [expected]
    assert "both day-first and month-first" in parsed.note


def test_unparseable_and_impossible_dates_are_nat():
    parsed = dates(["not a date", "", "31-02-2024", "15-01-2024"])
    assert parsed.dates.isna().tolist() == [True, True, True, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42,50", 42.5),
        ("€ 42,50", 42.5),
        ("42.50", 42.5),
        ("1.234,50", 1234.5),
        ("1 234,50 ₽", 1234.5),
        ("1\u00a0234,50", 1234.5),
        ("1 234,50 руб.", 1234.5),
        ("1,234.50", 1234.5),
        ("1'234.50", 1234.5),
        ("$1,234.50", 1234.5),
        ("EUR 12", 12.0),
        ("(12.50)", -12.5),
        ("12,50-", -12.5),
        ("-12,50", -12.5),
        ("−7", -7.0),
        ("", 0.0),
    ],
)
def test_amount_shapes(text, expected):
    assert parse_amounts(pd.Series([text])).values.iloc[0] == pytest.approx(expected)


def test_unreadable_amount_is_nan():
    assert math.isnan(parse_amounts(pd.Series(["twelve"])).values.iloc[0])
    assert math.isnan(parse_amounts(pd.Series(["1.2.3,4,5"])).values.iloc[0])


def test_decimal_mark_is_decided_per_column():
    comma = parse_amounts(pd.Series(["1,234", "5,50"]))
    assert comma.decimal == ","
    assert comma.values.tolist() == pytest.approx([1.234, 5.5])
    thousands = parse_amounts(pd.Series(["1,234", "2,500"]))
    assert thousands.values.tolist() == [1234.0, 2500.0]


def test_status_words_in_several_languages_and_unknown_values():
    statuses, unknown = map_statuses(
        pd.Series(["Afgerond", "Niet verschenen", "Отменено", "Confirmed", "", "weird", "No-Show", "Неявка"])
    )
    assert statuses.tolist() == [
        "completed",
        "no_show",
        "cancelled",
        "booked",
        "completed",
        "completed",
        "no_show",
        "no_show",
    ]
    assert unknown == ["weird"]


def test_kind_from_type_words_and_from_keywords():
    kinds = kinds_from_type(pd.Series(["Product", "Behandeling", "Товар", "Услуга", "?"]))
    assert kinds.iloc[:4].tolist() == ["product", "service", "product", "service"]
    assert pd.isna(kinds.iloc[4])  # unknown word: left for the keyword fallback
    keywords = ("shampoo", "шампунь")
    items = pd.Series(["Shampoo Repair", "Шампунь 250 мл", "Knippen", "Shampooing"])
    assert kinds_from_keywords(items, keywords).tolist() == ["product", "product", "service", "service"]


def test_identity_key_prefers_id_then_email_then_phone_then_name():
    client_id = pd.Series(["17", "", "", "", "42.0"])
    email = normalize_email(pd.Series(["a@x.nl", " B@X.NL ", "", "", ""]))
    phone = normalize_phone(pd.Series(["06-1", "06-12345678", "+31 6 1234 5678", "", ""]))
    name = pd.Series(["Anna", "Bea", "Cor", "  Dirk   de  Vries ", ""])
    assert identity_keys(client_id, email, phone, name).tolist() == [
        "17",
        "b@x.nl",
        "31612345678",
        "dirk de vries",
        "42",
    ]
    assert identity_keys(None, email, phone, name).tolist()[0] == "a@x.nl"
