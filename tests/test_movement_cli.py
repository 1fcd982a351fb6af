"""`salon-segment movement` through the command line, and the Movement sheet of the Excel summary."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import EXAMPLES, ROOT
from tests.test_movement import salon_lines

runner = CliRunner()
DUTCH = EXAMPLES / "salon-nl.csv"
STATUS = {"completed": "Completed", "no_show": "No-show", "booked": "Booked"}


@pytest.fixture
def export(tmp_path):
    """The hand-computed ledger of test_movement as a plain English export."""
    path = tmp_path / "visits.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Client ID", "Phone", "Type", "Price", "Status"])
        for row in salon_lines():
            phone = "+31 6 1234 5678" if row["client"] == "anna" else ""
            writer.writerow(
                [row["date"], row["client"], phone, row["kind"].title(), row["amount"], STATUS[row["status"]]]
            )
    return path


def run(*args, columns=120):
    """``salon-segment movement ARGS`` in a terminal ``columns`` wide."""
    return runner.invoke(app, ["movement", *map(str, args)], env={"COLUMNS": str(columns)})


def test_json_has_the_transitions_and_the_slipping_keys(export):
    result = run(export, "--from", "2026-06-30", "--to", "2026-10-31", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert list(document) == ["from", "to", "transitions", "slipping", "warnings"]
    assert (document["from"], document["to"]) == ("2026-06-30", "2026-10-31")
    pairs = {(t["from_segment"], t["to_segment"]): (t["clients"], t["revenue_12m"]) for t in document["transitions"]}
    assert pairs == {
        ("A", "lost"): (1, 420.0),
        ("B", "A"): (1, 580.0),
        ("B", "C"): (1, 400.0),
        ("new", "B"): (1, 300.0),
        ("new", "new"): (1, 100.0),
        ("lost", "lost"): (1, 0.0),
        ("not_yet_client", "new"): (2, 100.0),
    }
    assert document["slipping"] == ["anna", "dina"]


def test_json_is_the_same_in_every_language(export):
    args = (export, "--from", "30-06-2026", "--to", "2026-10-31", "--format", "json")
    english = run(*args).output
    assert run(*args, "--lang", "ru").output == english
    assert run(*args, "--lang", "nl").output == english


def test_table_shows_the_transitions_and_why_each_regular_slipped(export):
    result = run(export, "--from", "2026-06-30", "--to", "2026-10-31")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Clients by segment on 2026-06-30 and on 2026-10-31" in out
    assert "not yet a client" in out
    assert "Slipping: 2 clients were A or B and are now C or lost" in out
    assert "A → lost: last visit 20 weeks ago, usually every 4 weeks" in out
    assert "B → C: visits in 4 of the last 6 months, usually every 4 weeks" in out
    assert "+31 6 1234 5678" in out
    assert out.index("A → lost") < out.index("B → C")  # most valuable first


def test_table_in_dutch(export):
    result = run(export, "--from", "2026-06-30", "--to", "2026-10-31", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert "nog geen klant" in result.output
    assert "A-klant → verloren: laatste bezoek 20 weken geleden" in result.output


def test_to_defaults_to_the_as_of_date(export):
    # the latest completed visit is gus's on 2026-10-20 (ivy's booking is not a visit)
    result = run(export, "--from", "2026-06-30", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["to"] == "2026-10-20"


def test_nobody_slipping_is_said_in_words(export):
    result = run(export, "--from", "2026-10-01", "--to", "2026-10-02")
    assert result.exit_code == 0, result.output
    assert "No A or B client slipped to C or lost." in result.output


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("--from", "2026-10-31", "--to", "2026-06-30"), 2, "--from must be before --to"),
        (("--from", "2026-10-31", "--to", "2026-10-31"), 2, "--from must be before --to"),
        (("--from", "2026-12-01"), 2, "--from must be before --to (here 2026-10-20, the as-of date)"),
        (("--from", "2026-02-31"), 2, "--from"),
        ((), 2, "--from"),
    ],
    ids=["after", "same-day", "after-default-to", "impossible-date", "missing"],
)
def test_bad_dates_are_one_sentence_and_exit_2(export, args, code, says):
    result = run(export, *args)
    assert result.exit_code == code
    assert says in result.output
    assert "Traceback" not in result.output


def test_a_client_list_alone_is_refused_with_one_sentence():
    result = run(EXAMPLES / "client-list.csv", "--from", "2026-01-01")
    assert result.exit_code == 1
    assert "needs visit history" in result.output


def test_the_readme_recipe_is_true_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "salon-segment movement examples/salon-nl.csv --from 2026-08-20 --to 2026-11-20"
    shown = readme.split(command + "\n```", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    args = [str(DUTCH) if a == "examples/salon-nl.csv" else a for a in command.split()[2:]]
    result = run(*args, columns=80)
    assert result.exit_code == 0, result.output
    printed = [row.rstrip() for row in result.output.splitlines()]
    for row in shown.splitlines():
        if row.strip() != "…":
            assert row in printed, row
    document = json.loads(run(*args, "--format", "json").output)
    assert sum(t["clients"] for t in document["transitions"]) == 316  # every client with a visit (README)
    assert len(document["slipping"]) == 12


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("movement")
    books = {}
    for lang in ("en", "nl", "ru"):
        path = folder / f"summary-{lang}.xlsx"
        result = runner.invoke(
            app, ["analyze", str(DUTCH), "--as-of", "2026-11-20", "--lang", lang, "--excel", str(path), "--quiet"]
        )
        assert result.exit_code == 0, result.output
        books[lang] = load_workbook(path)
    return books


@pytest.mark.parametrize(("lang", "name"), [("en", "Movement"), ("nl", "Verschuivingen"), ("ru", "Переходы")])
def test_the_summary_has_a_movement_sheet_after_prune(workbooks, lang, name):
    names = workbooks[lang].sheetnames
    assert names.index(name) == 6  # after Summary, Clients, Call list, Forecast, Trend, Prune


def test_the_movement_sheet_compares_with_one_month_earlier_values_only(workbooks):
    sheet = workbooks["en"]["Movement"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[1][:2] == ["From", dt.datetime(2026, 10, 20)]
    assert rows[2][:2] == ["To", dt.datetime(2026, 11, 20)]
    assert rows[4][:7] == ["Then / now", "A", "B", "C", "new", "lost", "Total"]
    labels = [r[0] for r in rows[5:11]]
    assert labels == ["A", "B", "C", "new", "lost", "not yet a client"]
    matrix_total = sum(r[6] for r in rows[5:11])
    assert matrix_total == 316  # every client with a visit by as_of (README)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    for row in rows[5:11]:
        assert row[6] == sum(row[1:6])


def test_the_movement_sheet_has_a_native_stacked_chart_on_the_matrix(workbooks):
    sheet = workbooks["en"]["Movement"]
    (chart,) = sheet._charts
    assert chart.tagname == "barChart" and chart.grouping == "stacked"
    assert [s.val.numRef.f for s in chart.series] == [f"'Movement'!$B${r}:$F${r}" for r in range(6, 12)]
    assert chart.series[0].cat.strRef.f == "'Movement'!$B$5:$F$5"


def test_the_slipping_rows_say_why_with_a_dialable_phone(workbooks):
    sheet = workbooks["en"]["Movement"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows.index(["Client", "Then", "Now", "Why", "Phone", "E-mail", "Last visit",
                         "Revenue 12 months before", "Client key"])  # fmt: skip
    slipping = rows[header + 1 :]
    assert slipping and all(" → " in r[3] for r in slipping)
    assert all(r[1] in ("A", "B") and r[2] in ("C", "lost") for r in slipping)
    assert all(isinstance(r[4], str) and not r[4].startswith("'") for r in slipping)
    revenue = [r[7] for r in slipping]
    assert revenue == sorted(revenue, reverse=True)


def test_campaign_out_lists_the_slipping_clients_with_their_new_segment(export, tmp_path):
    out = tmp_path / "slipping.csv"
    result = run(export, "--from", "2026-06-30", "--to", "2026-10-31", "--format", "json", "--campaign-out", out)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # anna (A → lost, with a Dutch mobile) and dina (B → C) slipped; nobody in the export opted out
    assert [row["Segment"] for row in rows] == ["lost", "C"]
    assert rows[0]["Phone Number"] == "+31612345678"
    assert document["campaign"]["clients"] == 2
    # the last visit as of --to plus the usual interval: anna 2026-06-15 + 31 days, dina 2026-10-15 + 31 days
    assert [row["Expected Next Visit"] for row in rows] == ["2026-07-16", "2026-11-15"]
    assert "Campaign list" in result.stderr  # on stderr with --format json too, as analyze prints it


def test_campaign_out_is_refused_with_pseudonymize(export, tmp_path):
    result = run(export, "--from", "2026-06-30", "--campaign-out", tmp_path / "x.csv", "--pseudonymize")
    assert result.exit_code == 2
    assert not (tmp_path / "x.csv").exists()
