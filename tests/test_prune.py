"""`prune`: cut-off boundaries, bookings, no-shows, client lists, and that nothing is lost or damaged."""

import json
import os

import pandas as pd
import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.importers import read_exports
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from salon_segment.scoring.periods import Duration, parse_duration
from salon_segment.scoring.prune import prune_plan, rows_of_clients
from tests.helpers import EXAMPLES, ledger, line

runner = CliRunner()
AS_OF = pd.Timestamp("2026-11-20")


def candidates(lines, inactive="24m", as_of=AS_OF, client_list=None):
    plan = prune_plan(ledger(*lines), as_of=as_of, inactive=parse_duration(inactive), client_list=client_list)
    return plan.candidates["client"].tolist()


@pytest.mark.parametrize(
    ("text", "months", "days"),
    [("24m", 24, 0), ("18mo", 18, 0), ("2y", 24, 0), ("90d", 0, 90), ("6w", 0, 42), (" 3M ", 3, 0)],
)
def test_durations(text, months, days):
    duration = parse_duration(text)
    assert (duration.months, duration.days) == (months, days)


@pytest.mark.parametrize("text", ["24", "two years", "0m", "1.5y", "-3m", "3q"])
def test_bad_durations_name_the_accepted_forms(text):
    with pytest.raises(ValueError, match="24m, 18mo, 2y, 6w, 90d"):
        parse_duration(text)


def test_cutoff_boundary_exactly_24_months_is_kept_one_day_more_is_pruned():
    # 2026-11-20 minus 24 months = 2024-11-20
    lines = [line("kept", "2024-11-20"), line("gone", "2024-11-19"), line("recent", "2026-01-01")]
    assert candidates(lines) == ["gone"]


def test_month_end_arithmetic():
    as_of = pd.Timestamp("2026-02-28")  # minus 24 months = 2024-02-28 (not the leap day 2024-02-29)
    assert Duration(months=24).before(as_of) == pd.Timestamp("2024-02-28")
    lines = [line("kept", "2024-02-28"), line("gone", "2024-02-27")]
    assert candidates(lines, as_of=as_of) == ["gone"]
    assert Duration(months=1).before(pd.Timestamp("2026-03-31")) == pd.Timestamp("2026-02-28")


def test_days_and_weeks_are_exact_days():
    lines = [line("kept", "2026-08-22"), line("gone", "2026-08-21")]  # 90 days before 2026-11-20 is 2026-08-22
    assert candidates(lines, inactive="90d") == ["gone"]


def test_an_upcoming_booking_exempts_a_client_however_old_the_last_visit():
    lines = [
        line("booked", "2020-01-01"),
        line("booked", "2026-12-05", status="booked"),
        line("cancelled_booking", "2020-01-01"),
        line("cancelled_booking", "2026-12-05", status="cancelled"),  # a cancelled booking does not exempt
    ]
    assert candidates(lines) == ["cancelled_booking"]


def test_no_shows_are_not_visits_but_are_noted():
    lines = [line("x", "2023-05-01"), line("x", "2026-03-04", status="no_show"), line("y", "2023-05-01")]
    plan = prune_plan(ledger(*lines), as_of=AS_OF, inactive=parse_duration("24m"))
    notes = dict(zip(plan.candidates["client"], plan.candidates["note"], strict=True))
    assert notes == {"x": "booked 2026-03-04, did not come", "y": ""}


def test_plan_figures_and_sorting():
    lines = [
        line("a", "2021-01-01", 100),
        line("a", "2022-06-01", 50),
        line("b", "2024-01-01", 30),
        line("c", "2026-11-01", 70),
    ]
    plan = prune_plan(ledger(*lines), as_of=AS_OF, inactive=parse_duration("24m"))
    assert plan.candidates["client"].tolist() == ["a", "b"]  # oldest last visit first
    assert plan.register == 3
    assert plan.revenue_total == 180
    assert plan.revenue_12m == 0
    assert plan.age_distribution == {"2–3 y": 1, "3–5 y": 1}  # b: 2.9 years, a: 4.5 years


CLIENT_LIST = (
    "Client,Email,Created,Last visit,Visits,Total spent\n"
    "Anna,anna@x.nl,2019-01-01,2026-10-01,30,900\n"
    "Bea,,2019-01-01,2023-02-01,4,200\n"
    "Cor,,2021-05-01,,0,0\n"
    "Dirk,,2026-06-01,,0,0\n"
)


def test_client_list_with_last_visits_and_never_visited_contacts(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text(CLIENT_LIST)
    client_list = read_exports([path]).client_list
    assert candidates([], client_list=client_list) == ["cor", "bea"]  # never visited, created long ago: first


def test_client_list_without_visit_dates_uses_the_created_date(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("Client,Created,Visits\nAnna,2019-01-01,0\nBea,2026-01-01,0\nCor,2019-01-01,5\n")
    assert candidates([], client_list=read_exports([path]).client_list) == ["anna"]


def test_client_list_with_neither_date_is_refused(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("Client,Visits,Total spent\nAnna,3,100\n")
    result = runner.invoke(app, ["prune", str(path), "--inactive", "24m", "--as-of", "2026-11-20"])
    assert result.exit_code == 1
    assert "neither a last-visit nor a created" in result.output


def test_bad_duration_is_a_usage_error():
    result = runner.invoke(app, ["prune", str(EXAMPLES / "salon-nl.csv"), "--inactive", "two years"])
    assert result.exit_code == 2
    assert "24m, 18mo, 2y, 6w, 90d" in result.output


def _fingerprint(path):
    return path.read_bytes(), os.stat(path).st_mtime_ns


@pytest.fixture
def nl_copy(tmp_path):
    source = tmp_path / "salon-nl.csv"
    source.write_bytes((EXAMPLES / "salon-nl.csv").read_bytes())
    return source


def test_every_prune_mode_leaves_the_input_untouched(tmp_path, nl_copy):
    before = _fingerprint(nl_copy)
    base = ["prune", str(nl_copy), "--inactive", "24m", "--as-of", "2026-11-20"]
    runs = [
        base,
        [*base, "--format", "json"],
        [*base, "--out", str(tmp_path / "removal.csv")],
        [*base, "--out", str(tmp_path / "removal.xlsx")],
        [*base, "--keep-out", str(tmp_path / "cleaned.csv")],
    ]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert _fingerprint(nl_copy) == before


def test_outputs_never_overwrite_an_input_or_an_existing_file(tmp_path, nl_copy):
    base = ["prune", str(nl_copy), "--inactive", "24m"]
    result = runner.invoke(app, [*base, "--keep-out", str(nl_copy), "--force"])
    assert result.exit_code == 1
    assert "refusing to write over an input file" in result.output
    existing = tmp_path / "removal.csv"
    existing.write_text("mine")
    assert runner.invoke(app, [*base, "--out", str(existing)]).exit_code == 1
    assert existing.read_text() == "mine"


def test_removal_list_and_json_agree(tmp_path, nl_copy):
    out = tmp_path / "removal.csv"
    result = runner.invoke(
        app,
        ["prune", str(nl_copy), "--inactive", "24m", "--as-of", "2026-11-20", "--out", str(out), "--format", "json"],
    )
    document = json.loads(result.output)
    removal = pd.read_csv(out, dtype={"client": str})
    assert removal["client"].tolist() == document["candidate_keys"]
    assert document["candidates"] == len(removal)
    assert document["kept_rows"] + document["removed_rows"] == read_exports([nl_copy]).rows_read
    assert {
        "client",
        "client_name",
        "email",
        "phone",
        "first_visit",
        "last_visit",
        "visits",
        "revenue_total",
        "note",
    } <= set(removal.columns)


def _ru_copy(tmp_path):
    source = tmp_path / "salon-ru.csv"
    source.write_bytes((EXAMPLES / "salon-ru-cp1251.csv").read_bytes())
    return source


def test_cleaned_cp1251_csv_keeps_the_other_lines_byte_for_byte(tmp_path):
    source = _ru_copy(tmp_path)
    cleaned = tmp_path / "cleaned.csv"
    result = runner.invoke(
        app, ["prune", str(source), "--inactive", "2y", "--as-of", "2026-11-20", "--keep-out", str(cleaned)]
    )
    assert result.exit_code == 0, result.output
    imported = read_exports([source])
    plan = prune_plan(imported.ledger, as_of=AS_OF, inactive=parse_duration("2y"))
    removed = set(rows_of_clients(imported.ledger, imported.client_list, plan.candidates["client"])[str(source)])
    assert removed
    original_lines = source.read_bytes().split(b"\r\n")  # this export has no line breaks inside fields
    expected = b"\r\n".join(line for number, line in enumerate(original_lines, start=1) if number not in removed)
    assert cleaned.read_bytes() == expected


def test_a_pruned_export_reimports_to_the_same_analysis_minus_the_candidates(tmp_path):
    source = _ru_copy(tmp_path)
    cleaned = tmp_path / "cleaned.csv"
    runner.invoke(app, ["prune", str(source), "--inactive", "2y", "--as-of", "2026-11-20", "--keep-out", str(cleaned)])
    imported = read_exports([source])
    plan = prune_plan(imported.ledger, as_of=AS_OF, inactive=parse_duration("2y"))
    remaining = imported.ledger.loc[~imported.ledger["client"].isin(plan.candidates["client"])]
    expected = analyze(remaining.reset_index(drop=True), as_of=AS_OF, rules=Rules())
    reimported = read_exports([cleaned])
    assert reimported.reports[0].encoding == "cp1251"
    actual = analyze(reimported.ledger, as_of=AS_OF, rules=Rules())
    assert actual.totals == expected.totals
    assert actual.pareto == expected.pareto
    pd.testing.assert_frame_equal(actual.segments, expected.segments)
    pd.testing.assert_frame_equal(actual.clients, expected.clients)


def test_cleaned_copy_of_quoted_multiline_csv_and_of_an_excel_report(tmp_path):
    for name, inactive in (("fresha-sales.csv", "24m"), ("umsatzbericht.xlsx", "24m")):
        out = tmp_path / name
        result = runner.invoke(
            app,
            ["prune", str(EXAMPLES / name), "--inactive", inactive, "--as-of", "2026-11-20", "--keep-out", str(out)],
        )
        assert result.exit_code == 0, result.output
        original, cleaned = read_exports([EXAMPLES / name]), read_exports([out])
        plan = prune_plan(original.ledger, as_of=AS_OF, inactive=parse_duration(inactive))
        assert len(plan.candidates) > 0
        assert set(cleaned.ledger["client"]) == set(original.ledger["client"]) - set(plan.candidates["client"])
        removed = original.ledger["client"].isin(plan.candidates["client"]).sum()
        assert cleaned.rows_read == original.rows_read - removed
        assert cleaned.reports[0].header_row == original.reports[0].header_row


def test_several_inputs_write_one_cleaned_file_each_into_a_folder(tmp_path):
    folder = tmp_path / "cleaned"
    files = [str(EXAMPLES / "salon-nl.csv"), str(EXAMPLES / "salon-en.csv")]
    result = runner.invoke(app, ["prune", *files, "--inactive", "24m", "--keep-out", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["salon-en.csv", "salon-nl.csv"]
    document = json.loads(result.output)
    assert [f["rows"] == f["kept"] + f["removed"] for f in document["files"]] == [True, True]


def test_prune_with_excel_computes_the_plan_once(tmp_path, monkeypatch):
    """The workbook's analysis reports this run's prune figures: the plan is not computed a second time."""
    from openpyxl import load_workbook

    from salon_segment.scoring import prune as prune_module

    calls = []
    original = prune_module.prune_plan

    def counted(*args, **kwargs):
        calls.append(kwargs.get("inactive"))
        return original(*args, **kwargs)

    monkeypatch.setattr(prune_module, "prune_plan", counted)
    book = tmp_path / "summary.xlsx"
    argv = ["prune", str(EXAMPLES / "salon-nl.csv"), "--inactive", "18m", "--as-of", "2026-11-20", "--excel", str(book)]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert calls == [parse_duration("18m")]
    assert len(load_workbook(book)["Prune"]["A"]) > 1


def test_analyze_reports_a_plan_it_is_given():
    import salon_segment

    path = EXAMPLES / "salon-nl.csv"
    plan = salon_segment.prune(path, inactive="6m", as_of="2026-11-20").plan
    report = salon_segment.analyze(path, as_of="2026-11-20", prune_plan=plan)
    assert report.prune_plan is plan
    assert salon_segment.analyze(path, as_of="2026-11-20").prune_plan.inactive == parse_duration("24m")
