"""Counts in user-facing text use gettext plural forms (Babel's rules): 1 клиент, 2 клиента, 5 клиентов."""

import re

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.i18n import set_language
from salon_segment.render import formatting as F
from tests.helpers import EXAMPLES


@pytest.fixture
def speak():
    """Switch the report language for one test, back to English afterwards."""
    yield set_language
    set_language("en")


@pytest.mark.parametrize(
    ("n", "clients", "visits", "months"),
    [
        (1, "1 клиент с визитами", "1 визит", "1 месяц"),
        (2, "2 клиента с визитами", "2 визита", "2 месяца"),
        (5, "5 клиентов с визитами", "5 визитов", "5 месяцев"),
        (11, "11 клиентов с визитами", "11 визитов", "11 месяцев"),
        (21, "21 клиент с визитами", "21 визит", "21 месяц"),
        (22, "22 клиента с визитами", "22 визита", "22 месяца"),
        (25, "25 клиентов с визитами", "25 визитов", "25 месяцев"),
    ],
)
def test_russian_has_three_plural_forms(speak, n, clients, visits, months):
    speak("ru")
    assert F.count("{n} client with a visit", "{n} clients with a visit", n) == clients
    assert F.count("{n} visit", "{n} visits", n) == visits
    assert F.count("{n} month", "{n} months", n) == months


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("en", "1 visit", "2 visits"), ("nl", "1 bezoek", "2 bezoeken")],
)
def test_english_and_dutch_have_one_and_other(speak, lang, one, two):
    speak(lang)
    assert F.count("{n} visit", "{n} visits", 1) == one
    assert F.count("{n} visit", "{n} visits", 2) == two


def test_large_counts_keep_the_thousands_separator_and_the_form_of_their_last_digits(speak):
    speak("ru")
    assert F.count("{n} visit", "{n} visits", 4744).replace("\xa0", " ") == "4 744 визита"


def ru_form(n: int) -> int:
    """The Russian plural form of n: 0 one, 1 few, 2 many."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


RU_FORMS = {"визит": ("визит", "визита", "визитов"), "неяв": ("неявка", "неявки", "неявок"),
            "отмен": ("отмена", "отмены", "отмен"), "клиент": ("клиент", "клиента", "клиентов")}  # fmt: skip


def test_every_count_in_the_russian_report_header_has_the_right_form():
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "salon-ru-cp1251.csv"), "--as-of", "2026-11-20",
                                      "--lang", "ru"])  # fmt: skip
    assert result.exit_code == 0, result.output
    header = result.output.replace("\xa0", " ").split("╰", 1)[0]
    found = re.findall(r"(?<!\d)(\d{1,3}(?: \d{3})*) (визит\w*|неяв\w*|отмен\w*|клиент\w*)", header)
    assert len(found) >= 4, header
    for number, word in found:
        stem = next(k for k in RU_FORMS if word.startswith(k))
        assert word == RU_FORMS[stem][ru_form(int(number.replace(" ", "")))], (number, word)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_plural_after_one_in_english_or_dutch(lang, tmp_path):
    export = tmp_path / "one.csv"
    export.write_text("date,client,amount,status\n2026-11-01,Anna,50,completed\n2026-11-02,Bea,40,no-show\n")
    result = CliRunner().invoke(app, ["analyze", str(export), "--as-of", "2026-11-20", "--lang", lang])
    assert result.exit_code == 0, result.output
    text = result.output.replace("\xa0", " ")
    for wrong in ("1 clients", "1 visits", "1 no-shows", "1 klanten", "1 bezoeken", "1 rows", "1 rijen"):
        assert wrong not in text
