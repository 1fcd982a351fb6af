"""The Excel summary: translated sheets, typed cells, charts on the right ranges, inert text, reproducible."""

import datetime as dt

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.importers import read_exports
from tests.helpers import EXAMPLES

runner = CliRunner()
DUTCH = EXAMPLES / "salon-nl.csv"
SHEETS = {
    "en": ["Summary", "Clients", "Call list", "Forecast", "Trend", "Prune", "About"],
    "nl": ["Overzicht", "Klanten", "Bellijst", "Voorspelling", "Trend", "Opschonen", "Over"],
    "ru": ["Сводка", "Клиенты", "Обзвон", "Прогноз", "Динамика", "Чистка базы", "Об отчёте"],
}


def summary(tmp_path, *extra, export=DUTCH, name="summary.xlsx"):
    path = tmp_path / name
    result = runner.invoke(
        app, ["analyze", str(export), "--as-of", "2026-11-20", "--excel", str(path), "--quiet", *extra]
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""  # --quiet: nothing on success
    return path


@pytest.mark.parametrize("lang", ["en", "nl", "ru"])
def test_sheet_names_and_headers_follow_the_language(tmp_path, lang):
    workbook = load_workbook(summary(tmp_path, "--lang", lang))
    assert workbook.sheetnames[: len(SHEETS[lang]) - 1] == SHEETS[lang][:-1]
    assert workbook.sheetnames[-1] == SHEETS[lang][-1]
    clients = workbook[SHEETS[lang][1]]
    expected_first = {"en": "Client", "nl": "Klant", "ru": "Клиент"}[lang]
    assert clients["A1"].value == expected_first


def test_client_rows_are_typed_and_counted(tmp_path):
    workbook = load_workbook(summary(tmp_path))
    clients = workbook["Clients"]
    headers = [c.value for c in clients[1]]
    assert clients.max_row - 1 == read_exports([DUTCH]).ledger["client"].nunique()
    first_visit = clients.cell(2, headers.index("First visit") + 1)
    revenue = clients.cell(2, headers.index("Revenue") + 1)
    visits = clients.cell(2, headers.index("Visits") + 1)
    assert isinstance(first_visit.value, dt.datetime)
    assert first_visit.number_format == "yyyy-mm-dd"
    assert isinstance(revenue.value, float)
    assert "#,##0.00" in revenue.number_format and "€" in revenue.number_format
    assert isinstance(visits.value, int)
    assert clients.freeze_panes == "A2"
    assert list(clients.tables) == ["tbl_clients"]
    assert clients.tables["tbl_clients"].ref == f"A1:V{clients.max_row}"  # 22 columns, the forecast three included
    assert len(clients.conditional_formatting) == 1


def test_dutch_workbook_uses_dutch_date_formats(tmp_path):
    clients = load_workbook(summary(tmp_path, "--lang", "nl"))["Klanten"]
    assert clients["E2"].number_format == "dd-mm-yyyy"


def test_charts_exist_and_point_at_their_data(tmp_path):
    workbook = load_workbook(summary(tmp_path))
    bar, scatter = workbook["Summary"]._charts
    segment_header = next(r for r in range(1, 40) if workbook["Summary"].cell(r, 1).value == "Segment")
    rows = f"${segment_header + 1}:$B${segment_header + 5}"
    assert bar.series[0].val.numRef.f == f"'Summary'!$B{rows}"
    assert [workbook["Summary"].cell(r, 1).value for r in range(segment_header + 1, segment_header + 6)] == [
        "A",
        "B",
        "C",
        "new",
        "lost",
    ]
    x_ref, y_ref = scatter.series[0].xVal.numRef.f, scatter.series[0].yVal.numRef.f
    assert x_ref.startswith("'Summary'!$T$2:$T$") and y_ref.startswith("'Summary'!$U$2:$U$")
    last = int(y_ref.rsplit("$", 1)[1])
    assert workbook["Summary"].cell(last, 21).value == pytest.approx(1.0)  # the curve ends at 100% of revenue
    (line,) = workbook["Trend"]._charts
    months = workbook["Trend"].max_row
    assert [s.val.numRef.f for s in line.series] == [f"'Trend'!$B$2:$B${months}", f"'Trend'!$C$2:$C${months}"]


def test_formula_in_a_client_name_is_stored_as_inert_text(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        'Date,Client,Phone,Price\n2026-11-01,"=HYPERLINK(""http://evil.example"",""x"")",+31612345678,50\n'
        "2026-11-02,@SUM(A1),0612345678,20\n"
    )
    clients = load_workbook(summary(tmp_path, export=export))["Clients"]
    names = sorted(str(clients.cell(r, 1).value) for r in range(2, clients.max_row + 1))
    assert names == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"]
    for row in clients.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_two_runs_give_identical_cells_and_properties_dated_from_as_of(tmp_path):
    first = load_workbook(summary(tmp_path, name="one.xlsx"))
    second = load_workbook(summary(tmp_path, name="two.xlsx"))
    assert first.sheetnames == second.sheetnames
    for name in first.sheetnames:
        assert [[c.value for c in r] for r in first[name].iter_rows()] == [
            [c.value for c in r] for r in second[name].iter_rows()
        ]
    assert first.properties.created == dt.datetime(2026, 11, 20)


def test_path_placeholders_folders_and_existing_files(tmp_path):
    template = tmp_path / "reports" / "summary-{as_of}.xlsx"
    result = runner.invoke(app, ["analyze", str(DUTCH), "--as-of", "2026-11-20", "--excel", str(template), "--quiet"])
    assert result.exit_code == 0
    written = tmp_path / "reports" / "summary-2026-11-20.xlsx"
    assert written.is_file()
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temporary file left behind
    again = runner.invoke(app, ["analyze", str(DUTCH), "--as-of", "2026-11-20", "--excel", str(template), "--quiet"])
    assert again.exit_code == 1
    assert "already exists" in again.output
    bad = runner.invoke(app, ["analyze", str(DUTCH), "--excel", str(tmp_path / "x.csv")])
    assert bad.exit_code == 2


def test_prune_and_call_list_sheets(tmp_path):
    workbook = load_workbook(summary(tmp_path))
    prune = workbook["Prune"]
    assert prune["A1"].value == "Client"
    assert prune.max_row > 1
    calls = workbook["Call list"]
    reasons = {calls.cell(r, 2).value for r in range(2, calls.max_row + 1)}
    # ranked by value at risk (issue #18): each reason says the rhythm, how long ago and what is at stake; or the
    # treatment the client is due for (issue #20)
    assert reasons and all(
        r.startswith(("usually every", "1 visit so far", "due for")) and "/year at risk" in r for r in reasons
    )
    about = workbook["About"]
    values = [[c.value for c in r] for r in about.iter_rows()]
    report = read_exports([DUTCH]).reports[0]
    expected = ["salon-nl.csv", report.rows_read, report.rows_used, report.rows_skipped, report.rows_rejected]
    assert expected in [r[:5] for r in values]


def test_prune_writes_an_excel_summary_too(tmp_path):
    path = tmp_path / "prune.xlsx"
    result = runner.invoke(
        app, ["prune", str(DUTCH), "--inactive", "24m", "--as-of", "2026-11-20", "--excel", str(path)]
    )
    assert result.exit_code == 0, result.output
    import json

    listed = runner.invoke(app, ["prune", str(DUTCH), "--inactive", "24m", "--as-of", "2026-11-20", "--format", "json"])
    assert load_workbook(path)["Prune"].max_row - 1 == json.loads(listed.output)["candidates"] > 0


def test_a_refused_excel_path_writes_no_other_output_first(tmp_path):
    existing = tmp_path / "summary.xlsx"
    existing.write_text("keep")
    clients = tmp_path / "clients.csv"
    result = runner.invoke(
        app, ["analyze", str(DUTCH), "--clients-out", str(clients), "--excel", str(existing), "--as-of", "2026-11-20"]
    )
    assert result.exit_code == 1
    assert not clients.exists()
    assert existing.read_text() == "keep"


def test_a_file_name_that_looks_like_a_formula_is_inert_on_every_sheet(tmp_path):
    export = tmp_path / "=cmd.csv"
    export.write_text("Date,Client,Price\n2026-11-01,Anna,50\n2026-11-02,Bea,20\n")
    path = tmp_path / "summary.xlsx"
    result = runner.invoke(app, ["analyze", str(export), "--as-of", "2026-11-20", "--excel", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=cmd.csv" in [cell.value for cell in cells]


def test_a_failure_inside_the_workbook_writer_leaves_no_file_and_no_stream_noise(tmp_path, monkeypatch):
    import gc
    import sys

    from salon_segment.render import excel_summary

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(excel_summary, "_about_sheet", broken)  # after sheets with rows are open
    path = tmp_path / "summary.xlsx"
    result = runner.invoke(app, ["analyze", str(DUTCH), "--as-of", "2026-11-20", "--excel", str(path)])
    exit_code, output = result.exit_code, result.output
    del result  # its traceback holds the workbook's open streams
    gc.collect()
    assert exit_code == 3
    assert "RuntimeError" in output
    assert not path.exists()
    assert [str(u.exc_value) for u in unraisable] == []
