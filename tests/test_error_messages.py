"""Every error reaches a Dutch or Russian run as one sentence in that language, never in English."""

import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.i18n import set_language
from tests.helpers import EXAMPLES, ROOT

NL_CSV = str(EXAMPLES / "salon-nl.csv")
ENGLISH = re.compile(
    r"\b(the|not|found|choose|expected|cannot|there|than|more|already|exists|unknown|column|header|could|"
    r"empty|looks|rows?|file|read|write|data|only|none|limit|sheets?|month|days?|language|date|such|Invalid|"
    r"Usage|Error|value)\b"
)


def scenario(tmp_path, name):
    """Arguments (without --lang) for one kind of error."""
    header_only = tmp_path / "header-only.csv"
    header_only.write_text("Datum;Klant;Bedrag\n", encoding="utf-8")
    pdf = tmp_path / "report.csv"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    no_header = tmp_path / "numbers.csv"
    no_header.write_text("1;2;3\n4;5;6\n", encoding="utf-8")
    bad_toml = tmp_path / "bad.toml"
    bad_toml.write_text("lang = \n", encoding="utf-8")
    bad_lang = tmp_path / "lang.toml"
    bad_lang.write_text('lang = "fr"\n', encoding="utf-8")
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('colour = "red"\n', encoding="utf-8")
    exists = tmp_path / "exists.csv"
    exists.write_text("x", encoding="utf-8")
    return {
        "file not found": ["analyze", str(tmp_path / "nosuch.csv")],
        "a folder": ["analyze", str(tmp_path)],
        "empty file": ["analyze", str(empty)],
        "header only": ["analyze", str(header_only)],
        "header only, --as-of": ["analyze", str(header_only), "--as-of", "2026-11-20"],
        "a pdf": ["analyze", str(pdf)],
        "no header row": ["analyze", str(no_header)],
        "config not found": ["analyze", NL_CSV, "--config", str(tmp_path / "nosuch.toml")],
        "config not toml": ["analyze", NL_CSV, "--config", str(bad_toml)],
        "config unknown language": ["analyze", NL_CSV, "--config", str(bad_lang)],
        "config unknown setting": ["analyze", NL_CSV, "--config", str(unknown)],
        "output exists": ["analyze", NL_CSV, "--clients-out", str(exists)],
        "output over input": ["analyze", NL_CSV, "--clients-out", NL_CSV, "--force"],
        "output type": ["analyze", NL_CSV, "--clients-out", str(tmp_path / "clients.pdf")],
        "excel suffix": ["analyze", NL_CSV, "--excel", str(tmp_path / "summary.ods")],
        "as-of shape": ["analyze", NL_CSV, "--as-of", "yesterday"],
        "as-of month": ["analyze", NL_CSV, "--as-of", "2026-13-01"],
        "as-of day": ["analyze", NL_CSV, "--as-of", "2026-02-31"],
        "inactive": ["prune", NL_CSV, "--inactive", "3x"],
        "map field": ["analyze", NL_CSV, "--map", "colour=Kleur"],
        "map header": ["analyze", NL_CSV, "--map", "date=Nergens"],
        "map shape": ["analyze", NL_CSV, "--map", "date"],
        "no client": ["client", NL_CSV, "zzzz-nobody", "--as-of", "2026-11-20"],
        "out without list": ["services", NL_CSV, "--out", str(tmp_path / "x.csv")],
        "compare-from": ["trend", NL_CSV, "--as-of", "2026-11-20", "--compare-from", "2026-12-01"],
        "keep-out folder": ["prune", NL_CSV, NL_CSV, "--keep-out", str(exists)],
    }[name]


NAMES = [
    "file not found", "a folder", "empty file", "header only", "header only, --as-of", "a pdf", "no header row",
    "config not found", "config not toml", "config unknown language", "config unknown setting", "output exists",
    "output over input", "output type", "excel suffix", "as-of shape", "as-of month", "as-of day", "inactive",
    "map field", "map header", "map shape", "no client", "out without list", "compare-from", "keep-out folder",
]  # fmt: skip


def english_words(output, tmp_path):
    """English words left in an error once paths, options and file names are taken out."""
    text = output.replace(str(tmp_path), "").replace(str(EXAMPLES), "")
    text = re.sub(r"--[\w-]+|\S+\.(csv|toml|xlsx|ods|pdf)\b|\[\w+\]|\w+=\w+|'[^']*'|\"[^\"]*\"|«[^»]*»", " ", text)
    text = re.sub(r"(\w+, ){3,}\w+", " ", text)  # a list of field or rule names
    text = re.sub(r"\b[A-Z_]{3,}\b|\b[a-z]+_[a-z_]+\b|salon-segment \w+", " ", text)
    return ENGLISH.findall(text)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_language("en")


@pytest.mark.parametrize("lang", ["nl", "ru"])
@pytest.mark.parametrize("name", NAMES)
def test_no_english_sentence_reaches_a_dutch_or_russian_run(tmp_path, name, lang):
    result = CliRunner().invoke(app, [*scenario(tmp_path, name), "--lang", lang])
    assert result.exit_code in (1, 2), result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output  # one sentence, no usage block
    assert lines[0].startswith({"nl": "Fout: ", "ru": "Ошибка: "}[lang]), lines[0]
    assert english_words(lines[0], tmp_path) == [], lines[0]


@pytest.mark.parametrize("name", ["header only", "header only, --as-of"])
def test_a_header_only_file_is_named_and_exits_1(tmp_path, name):
    result = CliRunner().invoke(app, scenario(tmp_path, name))
    assert result.exit_code == 1
    assert "header-only.csv" in result.output and "no data rows" in result.output


@pytest.mark.parametrize("value", ["NL", "nl", "Nl", "nl_NL"])
def test_lang_is_case_insensitive(value):
    result = CliRunner().invoke(app, ["services", NL_CSV, "--as-of", "2026-11-20", "--lang", value])
    assert result.exit_code == 0, result.output
    assert "Behandelingen" in result.output


def test_an_unknown_language_is_one_plain_sentence_listing_the_languages():
    result = CliRunner().invoke(app, ["analyze", NL_CSV, "--lang", "fr"], env={"LANG": "C", "LC_ALL": ""})
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == "Error: 'fr' is not a report language; choose en (English), nl (Dutch) or ru (Russian)."
    )


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [("nl", "20-11-2026", "20-11-2026"), ("ru", "20.11.2026", "20.11.2026"), ("en", "2026-11-20", "2026-11-20")],
)
def test_as_of_in_the_report_languages_own_form(lang, value, expected):
    result = CliRunner().invoke(app, ["services", NL_CSV, "--as-of", value, "--lang", lang])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_an_impossible_date_says_why():
    result = CliRunner().invoke(app, ["analyze", NL_CSV, "--as-of", "2026-02-31", "--lang", "en"])
    assert result.exit_code == 2
    assert "February 2026 has 28 days, so there is no day 31" in result.output


@pytest.mark.parametrize("lang", ["nl", "ru"])
@pytest.mark.parametrize(
    "args",
    [["analyze", "--bogus"], ["analyze"], ["analyze", NL_CSV, "--format", "xml"], ["analyze", NL_CSV, "--as-of"],
     ["analyse", NL_CSV], ["analyze", NL_CSV, "extra", "--map"]],
    ids=["unknown option", "missing file", "bad choice", "missing value", "unknown command", "missing map value"],
)  # fmt: skip
def test_usage_errors_of_the_console_script_are_in_the_report_language(args, lang, tmp_path):
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "salon_segment", *args, "--lang", lang], capture_output=True,
                         text=True, env=environment, check=False)  # fmt: skip
    assert run.returncode == 2, run.stderr
    first = run.stderr.splitlines()[0]
    assert first.startswith({"nl": "Fout: ", "ru": "Ошибка: "}[lang]), run.stderr
    assert "Usage" not in run.stderr and "Value error" not in run.stderr
    assert english_words(first, tmp_path) == [], first
