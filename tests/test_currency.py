"""The currency comes from the export when it says, else the config, else LANG, else plain numbers."""

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.currency import currencies_in, resolve
from salon_segment.i18n import set_language
from salon_segment.importers import ImportOptions, read_exports
from salon_segment.render import formatting as F
from tests.helpers import EXAMPLES

RU = EXAMPLES / "salon-ru-cp1251.csv"
NL = EXAMPLES / "salon-nl.csv"
EN = EXAMPLES / "salon-en.csv"


@pytest.fixture(autouse=True)
def euros_afterwards():
    yield
    F.set_currency("EUR")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Сумма, руб.", {"RUB"}), ("1 234,50 ₽", {"RUB"}), ("€ 42,50", {"EUR"}), ("Amount (EUR)", {"EUR"}),
        ("$35.00", {"USD"}), ("120 Kč", {"CZK"}), ("Price", set()), ("3 200,00", set()), ("Europe", set()),
    ],
)  # fmt: skip
def test_currency_markers_in_headers_and_amounts(text, codes):
    assert currencies_in(text) == codes


def reports(path):
    return read_exports([path], ImportOptions()).reports


def test_the_russian_example_is_in_roubles_and_the_dutch_one_in_euros():
    assert resolve(reports(RU), None, {}) == "RUB"
    assert resolve(reports(NL), None, {}) == "EUR"


def test_the_data_wins_over_config_and_lang_and_two_currencies_are_never_guessed():
    assert resolve(reports(RU), "EUR", {"LANG": "nl_NL.UTF-8"}) == "RUB"
    assert resolve(reports(RU) + reports(NL), "EUR", {}) is None


def test_without_a_sign_in_the_data_the_config_then_lang_then_plain_numbers():
    assert resolve(reports(EN), "GBP", {"LANG": "nl_NL.UTF-8"}) == "GBP"
    assert resolve(reports(EN), None, {"LANG": "nl_NL.UTF-8"}) == "EUR"
    assert resolve(reports(EN), None, {"LANG": "C.UTF-8"}) is None
    set_language("en")
    F.set_currency(None)
    assert F.money(1234.5) == "1,234.50"


def test_the_russian_report_and_workbook_show_roubles_without_a_config(tmp_path):
    book = tmp_path / "summary.xlsx"
    result = CliRunner().invoke(
        app, ["analyze", str(RU), "--lang", "ru", "--as-of", "2026-11-20", "--excel", str(book)], env={"LANG": "C"}
    )
    assert result.exit_code == 0, result.output
    assert "₽" in result.output and "€" not in result.output
    formats = {c.number_format for row in load_workbook(book)["Сводка"].iter_rows() for c in row}
    assert any("₽" in f for f in formats) and not any("€" in f for f in formats)


def test_a_locale_territory_without_a_currency_falls_through_to_the_next_variable():
    from salon_segment.currency import from_environment

    # LC_MONETARY names a territory with no currency (ZZ, Antarctica): LANG's territory decides, as it always did
    assert from_environment({"LC_MONETARY": "en_ZZ", "LANG": "nl_NL.UTF-8"}) == "EUR"
    assert from_environment({"LC_ALL": "en_AQ.UTF-8", "LANG": "ru_RU.UTF-8"}) == "RUB"
    assert from_environment({"LANG": "C.UTF-8"}) is None
