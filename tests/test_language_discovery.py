"""Issue 17: adding a report language is one .po file; its money, numbers, month names and dates come from CLDR.

A copy of the locale folder with an extra ``de.po`` (the Dutch header with ``Language: de`` and three messages)
is enough for German reports: ``--lang de`` is accepted, dates are 22.11.2026 and money 1.234,50 €.
"""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from salon_segment import i18n
from salon_segment.cli import app
from salon_segment.cli_parsing import date_examples, month_name, parse_date
from salon_segment.render import formatting as F
from salon_segment.render.excel_writer import _money_format, excel_date_format
from tests.helpers import EXAMPLES, ROOT

NL_CSV = str(EXAMPLES / "salon-nl.csv")
GERMAN = {
    "Services, as of {as_of}": "Behandlungen, Stand {as_of}",
    "Clients": "Kundinnen",
    "Error: {message}": "Fehler: {message}",
}


@pytest.fixture
def german(tmp_path, monkeypatch):
    """The real catalogues plus a small de.po, with the discovery pointed at that folder."""
    folder = tmp_path / "locale"
    shutil.copytree(ROOT / "salon_segment" / "locale", folder)
    header = (folder / "nl.po").read_text(encoding="utf-8").split("\n\n")[0].replace("Language: nl", "Language: de")
    header = header.replace("Language-Team: nl", "Language-Team: de")
    entries = "".join(f'\n#, python-brace-format\nmsgid "{k}"\nmsgstr "{v}"\n' for k, v in GERMAN.items())
    (folder / "de.po").write_text(header + "\n" + entries, encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", folder)
    yield folder
    i18n.set_language("en")
    F.set_currency("EUR")


def test_the_languages_are_english_and_the_po_files():
    assert i18n.languages() == ("en", "nl", "ru")


def test_a_new_po_file_is_a_new_report_language(german):
    assert i18n.languages() == ("en", "de", "nl", "ru")
    assert i18n.normalise_language("de_DE.UTF-8") == "de"
    assert i18n.language_from_environment({"LANG": "de_AT.UTF-8"}) == "de"
    assert i18n.resolve_language(None, None, {"LANG": "de_DE.UTF-8"}) == "de"
    assert i18n.babel_locale("de") == "de_DE"
    i18n.set_language("DE")
    assert i18n._("Error: {message}") == "Fehler: {message}"
    assert i18n._("Visits") == "Visits"  # not translated yet: the English text


def test_german_money_numbers_and_dates_come_from_cldr(german):
    i18n.set_language("de")
    F.set_currency("EUR")
    assert F.money(1234.5) == "1.234,50\xa0€"
    assert F.money(164110.4, cents=False) == "164.110\xa0€"
    assert F.whole(1905) == "1.905"
    assert F.share(0.092) == "9,2%"  # the pattern is the report's, the separators German
    assert F.date("2026-11-22") == "22.11.2026"  # CLDR's short date is dd.MM.yy: the year stays whole
    assert excel_date_format(i18n.date_pattern()) == "dd.mm.yyyy"
    assert _money_format() == '#,##0.00 "€"'
    assert month_name(2) == "Februar"
    assert date_examples() == "2026-11-20 / 20.11.2026"
    assert str(parse_date("20.11.2026")) == "2026-11-20"


def test_lang_de_on_the_command_line(german):
    runner = CliRunner()
    result = runner.invoke(app, ["services", NL_CSV, "--as-of", "20.11.2026", "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert "Behandlungen, Stand 20.11.2026" in result.output
    assert "Kundinnen" in result.output and "164.110\xa0€" in result.output
    unknown = runner.invoke(app, ["analyze", NL_CSV, "--lang", "fr"], env={"LANG": "C", "LC_ALL": ""})
    assert unknown.exit_code == 2
    assert unknown.output.strip() == (
        "Error: 'fr' is not a report language; choose en (English), de (German), nl (Dutch) or ru (Russian)."
    )


@pytest.mark.parametrize(
    ("lang", "pattern", "excel", "examples"),
    [
        ("en", "yyyy-MM-dd", "yyyy-mm-dd", "2026-11-20"),
        ("nl", "dd-MM-y", "dd-mm-yyyy", "2026-11-20 / 20-11-2026"),
        ("ru", "dd.MM.y", "dd.mm.yyyy", "2026-11-20 / 20.11.2026"),
    ],
)
def test_english_dutch_and_russian_dates_are_what_they_were(lang, pattern, excel, examples):
    i18n.set_language(lang)
    try:
        assert i18n.date_pattern() == pattern
        assert excel_date_format(pattern) == excel
        assert date_examples() == examples
        assert F.date("2026-11-22") == {"en": "2026-11-22", "nl": "22-11-2026", "ru": "22.11.2026"}[lang]
    finally:
        i18n.set_language("en")


def test_the_lang_help_lists_the_discovered_languages():
    result = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"})
    assert "en|nl|ru" in result.output
    assert "Report language: en, nl or ru" in result.output
