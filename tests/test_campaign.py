"""Campaign list: E.164 phones, consent (never an opted-out client), and `analyze --campaign-out` end to end."""

import csv
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salon_segment import ledger as L
from salon_segment.campaign import COLUMNS, EMAIL, FIRST_NAME, LAST_NAME, PHONE, campaign_list, e164, split_names
from salon_segment.cli import app
from salon_segment.importers.values import CONSENT_WORDS, consent_text
from salon_segment.scoring.consent import client_consent
from tests.helpers import ROOT

runner = CliRunner()


@pytest.mark.parametrize(
    ("country", "written", "expected"),
    [
        ("NL", "06 12345678", "+31612345678"),
        ("NL", "0031 6 12345678", "+31612345678"),
        ("RU", "8 912 345-67-89", "+79123456789"),
        ("RU", "+7 (912) 345-67-89", "+79123456789"),
        ("DE", "0151 23456789", "+4915123456789"),
        ("DE", "030 1234567", "+49301234567"),
        ("US", "(212) 736-5000", "+12127365000"),
        ("NL", "+1 212-736-5000", "+12127365000"),  # a country code needs no country
        ("NL", "44 7412 345678", "+447412345678"),  # country code without + (Fresha)
        ("NL", "12345", ""),  # too short: no number
        ("NL", "06 1234", ""),
        ("NL", "(201) 555-0123", ""),  # a US number written nationally is not Dutch, and not guessed
        (None, "06 12345678", ""),  # no country: only numbers with a country code
        (None, "0031 6 12345678", "+31612345678"),
    ],
)
def test_e164(country, written, expected):
    assert e164(pd.Series([written]), country).tolist() == [expected]


def test_names_split_at_the_first_space():
    first, last = split_names(pd.Series(["Anna de Vries", "Cher", "", "Иванова Анна"]))
    assert first.tolist() == ["Anna", "Cher", "", "Иванова"]
    assert last.tolist() == ["de Vries", "", "", "Анна"]


def _clients(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            L.CLIENT: [f"c{i}" for i in range(n)],
            L.CLIENT_NAME: [f"Client {i}" for i in range(n)],
            L.EMAIL: [f"c{i}@example.nl" for i in range(n)],
            L.PHONE: ["06 12345678" if i % 3 else "12" for i in range(n)],
            "segment": ["A"] * n,
        }
    )


def test_invalid_phones_are_left_empty_and_counted():
    rows, summary = campaign_list(_clients(6), consent=None, country="NL", list_name="A")
    assert list(rows.columns) == list(COLUMNS)
    assert rows[PHONE].tolist() == ["", "+31612345678", "+31612345678", "", "+31612345678", "+31612345678"]
    assert summary.invalid_phones == 2
    assert not summary.consent_known and summary.consent_unknown == 6 and summary.written == 6


YES = [w for w in CONSENT_WORDS[True]]
NO = [w for w in CONSENT_WORDS[False]]
CELL = st.one_of(st.sampled_from(YES + NO + ["", " ", "YES", "Nee", "maybe", "pending", "2"]), st.text(max_size=6))


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.tuples(st.integers(0, 7), CELL), min_size=1, max_size=40), opt_out=st.booleans())
def test_never_an_opted_out_client(cells, opt_out):
    """Random consent columns (opt-in or opt-out, lines per client in any order): a client with any line that
    opts out, or says something that is not a yes/no word, is never written."""
    from salon_segment.importers.headers import normalize_header

    keys = [f"c{k}" for k, _ in cells]
    values = pd.Series([v for _, v in cells], dtype=object)
    uniques = pd.Series(values.unique(), dtype=object)
    mapped = dict(zip(uniques, consent_text(uniques.str.strip(), opt_out=opt_out), strict=True))
    ledger = L.make_ledger(
        pd.DataFrame({L.CLIENT: keys, L.DATE: pd.Timestamp("2026-01-01"), L.CONSENT: values.map(mapped)})
    )
    yes = {normalize_header(w) for w in YES}
    no = {normalize_header(w) for w in NO}

    def refuses(text: str) -> bool:
        word = normalize_header(text)
        if word == "":
            return False
        if word in (yes if opt_out else no):
            return True
        return word not in yes | no

    out = {f"c{k}" for k, v in cells if refuses(v)}
    clients = _clients(8).assign(**{L.CLIENT_NAME: [f"Client c{i}" for i in range(8)]})
    rows, summary = campaign_list(clients, consent=client_consent(ledger), country="NL", list_name="A")
    written = {last for last in rows[LAST_NAME]}
    assert not written & out
    assert summary.opted_out == len(out)
    assert summary.written == 8 - len(out)


SALON = """Datum;Klant;Telefoon;E-mail;Behandeling;Categorie;Bedrag;Nieuwsbrief
"""


def _export(tmp_path):
    """A Dutch semicolon export with a 'Nieuwsbrief' (ja/nee) column: five A-type regulars a month apart."""
    lines = [SALON.strip()]
    people = [
        ("Anna de Vries", "06 12345678", "anna@example.nl", "ja"),
        ("Bram Jansen", "06-87654321", "bram@example.nl", "nee"),
        ("Carla Bakker", "0612", "carla@example.nl", "ja"),
        ("Dirk Visser", "+31 6 11122233", "", ""),
        ("Eva Smit", "06 33344455", "eva@example.nl", "Nee"),
    ]
    for month in range(1, 12):
        for day, (name, phone, email, letter) in enumerate(people, start=2):
            date = f"{day:02d}-{month:02d}-2026"
            lines.append(f"{date};{name};{phone};{email};Knippen;Knippen;45,00;{letter}")
            lines.append(f"{date};{name};{phone};{email};Shampoo 250 ml;Verkoop;12,50;{letter}")
    path = tmp_path / "afspraken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "salon-segment.toml").write_text('country = "NL"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_analyze_campaign_out_end_to_end(tmp_path, monkeypatch, suffix):
    export = _export(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"campagne{suffix}"
    result = runner.invoke(
        app,
        ["analyze", str(export), "--as-of", "2026-11-20", "--campaign-out", str(out), "--campaign-list", "A",
         "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = pd.read_excel(out, dtype=str, engine="openpyxl").fillna("").to_dict("records")
    written = sorted((r[FIRST_NAME], r[LAST_NAME], r[PHONE], r[EMAIL]) for r in rows)
    assert written == [
        ("Anna", "de Vries", "+31612345678", "anna@example.nl"),
        ("Carla", "Bakker", "", "carla@example.nl"),  # 0612 is no number: left empty, counted
        ("Dirk", "Visser", "+31611122233", ""),  # no consent said: included, counted
    ]
    assert document["campaign"] == {
        "list": "A", "clients": 5, "written": 3, "opted_out": 2, "consent_unknown": 1, "consent_column": True,
        "invalid_phones": 1, "phones_without_country": 0, "country": "NL",
    }  # fmt: skip
    assert "2 clients opted out of marketing and were left out" in result.stderr


def test_campaign_options_are_checked_before_reading(tmp_path):
    result = runner.invoke(app, ["analyze", "missing.csv", "--campaign-out", "x.csv", "--campaign-list", "D"])
    assert result.exit_code == 2
    assert "--campaign-list D" in result.output
    result = runner.invoke(app, ["analyze", "missing.csv", "--campaign-out", "x.txt"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["analyze", "missing.csv", "--campaign-out", "x.csv", "--pseudonymize"])
    assert result.exit_code == 2
    assert "--pseudonymize" in result.output


def test_the_call_list_of_a_client_list_is_refused_in_one_sentence(tmp_path):
    """A client list has no visit history, so no call list: the report shows none, and --campaign-out call is
    refused (exit 1, nothing written) naming the lists there are; a segment list is written."""
    out = tmp_path / "c.csv"
    client_list = str(ROOT / "examples" / "client-list.csv")
    result = runner.invoke(app, ["analyze", client_list, "--campaign-out", str(out), "--format", "json"])
    assert result.exit_code == 1
    assert "The call list needs visit history" in result.output
    assert "--campaign-list A, B, new, lost" in result.output
    assert "Traceback" not in result.output and not out.exists()
    result = runner.invoke(app, ["analyze", client_list, "--campaign-out", str(out), "--campaign-list", "lost"])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_without_a_country_numbers_without_a_country_code_are_counted_apart():
    clients = _clients(4).assign(**{L.PHONE: ["06 12345678", "+31 6 11122233", "0031 6 11122233", "+31 12"]})
    rows, summary = campaign_list(clients, consent=None, country=None, list_name="A")
    assert rows[PHONE].tolist() == ["", "+31611122233", "+31611122233", ""]  # international form needs no country
    assert (summary.phones_without_country, summary.invalid_phones) == (1, 1)
    rows, summary = campaign_list(clients, consent=None, country="NL", list_name="A")
    assert rows[PHONE].tolist() == ["+31612345678", "+31611122233", "+31611122233", ""]
    assert (summary.phones_without_country, summary.invalid_phones) == (0, 1)


def test_no_country_under_cron_says_to_set_it_instead_of_blaming_the_numbers(tmp_path, monkeypatch):
    export = _export(tmp_path)
    (tmp_path / "salon-segment.toml").unlink()
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "campagne.csv"
    result = runner.invoke(
        app,
        ["analyze", str(export), "--as-of", "2026-11-20", "--campaign-out", str(out), "--campaign-list", "A",
         "--format", "json"],
        env={"LANG": "C.UTF-8", "LC_ALL": None, "LC_TELEPHONE": None},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    campaign = json.loads(result.stdout)["campaign"]
    # Anna's 06 number cannot be read without a country; Dirk's +31 number can; Carla's 0612 is no number anyway
    # but has no country code either, so it is counted with the numbers that need the country
    assert (campaign["country"], campaign["phones_without_country"], campaign["invalid_phones"]) == (None, 2, 0)
    assert 'country = "NL" in salon-segment.toml' in result.stderr
    assert "not valid" not in result.stderr


def test_a_blank_opt_out_cell_is_unknown_not_consent():
    answers = consent_text(pd.Series(["", "ja", "nee", "maybe"], dtype=object), opt_out=True)
    assert answers.tolist() == ["", L.CONSENT_NO, L.CONSENT_YES, L.CONSENT_NO]
    assert consent_text(pd.Series([""], dtype=object), opt_out=False).tolist() == [""]


def test_a_consent_column_with_only_blank_cells_is_there_but_empty(tmp_path, monkeypatch):
    export = _export(tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join([lines[0], *(line.rsplit(";", 1)[0] + ";" for line in lines[1:])]) + "\n",
                      encoding="utf-8")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "campagne.csv"
    result = runner.invoke(
        app,
        ["analyze", str(export), "--as-of", "2026-11-20", "--campaign-out", str(out), "--campaign-list", "A",
         "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    campaign = json.loads(result.stdout)["campaign"]
    assert (campaign["consent_column"], campaign["consent_unknown"], campaign["written"]) == (True, 5, 5)
    assert "marketing consent column is empty" in result.stderr
    assert "has no marketing consent column" not in result.stderr


@pytest.mark.parametrize("which", ["call", "lost"])
def test_campaign_list_without_campaign_out_is_a_usage_error_before_reading(which):
    result = runner.invoke(app, ["analyze", "missing.csv", "--campaign-list", which], env={"LANG": "C", "LC_ALL": "C"})
    assert result.exit_code == 2
    assert "add --campaign-out FILE.csv" in " ".join(result.output.split())
    assert "missing.csv" not in result.output  # refused before any file is read


def test_the_campaign_list_is_the_call_list_unless_chosen(tmp_path):
    out = tmp_path / "call.csv"
    result = runner.invoke(
        app, ["analyze", str(ROOT / "examples" / "salon-nl.csv"), "--as-of", "2026-11-20", "--campaign-out", str(out),
              "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["campaign"]["list"] == "call"
    assert out.exists()
