"""Issue 15, the reading layer: hostile or unlucky inputs and options end in the right result or one sentence.

Each test names the item of issue 15 it guards. Files are generated in tmp_path; nothing depends on LANG.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import zipfile

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import ROOT

runner = CliRunner()
AS_OF = "2026-11-20"


def invoke(*args: object):
    """Run the CLI in-process; never with a traceback."""
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def write_csv(path, lines, *, delimiter=";", encoding="utf-8"):
    """A small visit export: a header and the given data lines (lists of cells or raw strings)."""
    header = delimiter.join(["Datum", "Klant", "Omschrijving", "Bedrag"])
    body = [line if isinstance(line, str) else delimiter.join(line) for line in lines]
    path.write_bytes(("\r\n".join([header, *body]) + "\r\n").encode(encoding))
    return path


def visits(n, *, start=1, year=2026):
    """n ordinary visit lines by n different clients."""
    return [
        [f"{(i % 28) + 1:02d}-{(i % 12) + 1:02d}-{year}", f"Klant {i}", "Knippen", "50,00"]
        for i in range(start, start + n)
    ]


def one_line_error(result) -> str:
    """The last line of the output: the error sentence."""
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    return lines[-1]


# ---------------------------------------------------------------- 25 and 10: dates and durations on the command line


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["analyze", "--as-of", "9999-12-31"], "9999"),
        (["analyze", "--as-of", "0226-11-20"], "226"),
        (["prune", "--inactive", "99999y", "--as-of", AS_OF], "200 years"),
        (["trend", "--compare-from", "0001-01-01", "--as-of", AS_OF], "1900"),
        (["prune", "--inactive", "150y", "--as-of", AS_OF], "before 1900-01-01"),
        (["staff", "--period", "190y", "--as-of", AS_OF], "before 1900-01-01"),
        (["trend", "--compare-from", "1901-01-01", "--as-of", AS_OF], "before 1900-01-01"),
        (["analyze", "--as-of", "2026-02-31"], "February 2026 has 28 days, so there is no day 31"),
        (["analyze", "--as-of", "2026-02-29"], "February 2026 has 28 days, so there is no day 29"),
    ],
)
def test_item25_dates_and_durations_are_bounded(tmp_path, args, words):
    export = write_csv(tmp_path / "export.csv", visits(20))
    result = invoke(args[0], export, *args[1:])
    assert result.exit_code in (1, 2), result.output
    assert words in one_line_error(result)


@pytest.mark.parametrize("value", ["banana", "yyyy/dd/mm", "dd-mm", "dd-dd-yyyy"])
def test_item10_date_format_accepts_only_documented_forms(tmp_path, value):
    export = write_csv(tmp_path / "export.csv", visits(20))
    result = invoke("analyze", export, "--as-of", AS_OF, "--date-format", value)
    assert result.exit_code == 2
    assert "dd-mm-yyyy or mm/dd/yyyy" in one_line_error(result)


@pytest.mark.parametrize(("value", "month"), [("dd-mm-yyyy", 1), ("mm/dd/yyyy", 2), ("%m/%d/%Y", 2), ("dd.mm.yy", 1)])
def test_item10_date_format_documented_forms_choose_the_order(tmp_path, value, month):
    export = write_csv(
        tmp_path / "export.csv", [["01-02-2026", "Anna", "Knippen", "50"], ["03-04-2026", "Bea", "Knippen", "5"]]
    )
    result = invoke("inspect", export, "--date-format", value, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    first = document["files"][0]["first_date"] if "files" in document else document[0]["first_date"]
    assert first.startswith("2026-01-02" if month == 2 else "2026-02-01")


# ---------------------------------------------------------------- workbooks: 21 (resource bombs) and 24 (damage)


def workbook_bytes(rows) -> bytes:
    """A small real .xlsx (openpyxl) holding the given rows on a sheet named Omzet."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Omzet"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_member(data: bytes, member: str, change, extra: dict | None = None) -> bytes:
    """The same zip with one member's bytes changed (and extra members, given as byte iterables, added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info.filename, change(body) if info.filename == member else body)
        for name, blocks in (extra or {}).items():
            with target.open(name, "w", force_zip64=True) as stream:
                for block in blocks:
                    stream.write(block)
    return out.getvalue()


LEDGER_ROWS = [["Datum", "Klant", "Bedrag"]] + [[f"2026-0{i % 9 + 1}-1{i % 9}", f"Klant {i}", 50] for i in range(20)]
SHEET = "xl/worksheets/sheet1.xml"


def run_isolated(*args: object, timeout: float = 120) -> tuple[int, str, int]:
    """The CLI in a child process (a reader abort must not take pytest down): (exit code, stderr, peak RSS bytes)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = subprocess.Popen(
        [sys.executable, "-m", "salon_segment", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    return process.returncode, err.decode("utf-8", "replace"), usage.ru_maxrss * 1024


def test_item21_cell_at_xfd1048576_is_refused_not_an_abort(tmp_path):
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    book = tmp_path / "far.xlsx"
    book.write_bytes(rewrite_member(workbook_bytes(LEDGER_ROWS), SHEET, lambda b: b.replace(b"</sheetData>", far)))
    assert book.stat().st_size < 8000
    code, err, _ = run_isolated("analyze", book, "--as-of", AS_OF)
    assert code == 1, err[-500:]
    assert len(err.strip().splitlines()) == 1
    assert "far.xlsx: sheet 'Omzet'" in err and "16,384" in err


def test_item21_declared_range_far_beyond_the_cells_is_refused(tmp_path):
    book = tmp_path / "dimension.xlsx"
    book.write_bytes(
        rewrite_member(
            workbook_bytes(LEDGER_ROWS),
            SHEET,
            lambda b: b.replace(b'<dimension ref="A1:C21"/>', b'<dimension ref="A1:SF1048576"/>'),
        )
    )
    result = invoke("analyze", book, "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "declares a used range" in one_line_error(result)


def test_item21_shared_strings_bomb_is_refused_in_bounded_memory(tmp_path):
    # 300 MB of one-letter shared strings in a 0.8 MB file: the reader used to need more than 1 GiB for it
    blocks = [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    blocks += [b"<si><t>y</t></si>" * 60_000] * (300 * 2**20 // (17 * 60_000))
    blocks += [b"</sst>"]
    book = tmp_path / "bomb.xlsx"
    book.write_bytes(rewrite_member(workbook_bytes(LEDGER_ROWS), "", None, extra={"xl/sharedStrings.xml": blocks}))
    assert book.stat().st_size < 2 * 2**20
    code, err, peak = run_isolated("analyze", book, "--as-of", AS_OF)
    assert code == 1, err[-500:]
    assert "would unzip to" in err and len(err.strip().splitlines()) == 1
    assert peak < 2**30


def test_item21_millions_of_shared_strings_for_a_few_cells_are_refused(tmp_path):
    # under the unzip limit, but 3 million strings for 60 cells: the reader would hold them all
    blocks = [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    blocks += [b"<si><t>y</t></si>" * 100_000] * 30 + [b"</sst>"]
    book = tmp_path / "strings.xlsx"
    book.write_bytes(rewrite_member(workbook_bytes(LEDGER_ROWS), "", None, extra={"xl/sharedStrings.xml": blocks}))
    result = invoke("analyze", book, "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "shared strings (3,000,000 strings" in one_line_error(result)


def test_item21_a_workbook_bigger_than_memory_allows_is_refused_with_the_limit_to_raise(tmp_path):
    rows = [["Datum", "Klant", "Bedrag", *[f"Extra {i}" for i in range(22)]]]
    rows += [["2026-03-01", f"Klant {i}", 50, *range(22)] for i in range(99)]
    book = tmp_path / "wide.xlsx"
    book.write_bytes(workbook_bytes(rows))
    config = tmp_path / "salon-segment.toml"
    config.write_text("[limits]\nmax_file_mb = 1\n", encoding="utf-8")
    result = invoke("analyze", book, "--as-of", AS_OF, "--config", config)
    assert result.exit_code == 1
    assert "more than the 2,000 a workbook may hold under max_file_mb = 1" in one_line_error(result)
    assert invoke("analyze", book, "--as-of", AS_OF).exit_code == 0


@pytest.mark.parametrize(
    "damage",
    [lambda b: b[: len(b) // 2], lambda b: b.replace(b"Klant 3", b"Klant &bogus; 3")],
    ids=["truncated", "bad-entity"],
)
def test_item24_corrupt_sheet_xml_is_one_sentence_exit_1(tmp_path, damage):
    book = tmp_path / "damaged.xlsx"
    book.write_bytes(rewrite_member(workbook_bytes(LEDGER_ROWS), SHEET, damage))
    result = invoke("analyze", book, "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    message = one_line_error(result)
    assert "damaged.xlsx" in message and "'Omzet'" in message and "CSV" in message


# ---------------------------------------------------------------- 1: an unbalanced quote in a CSV line


def analyse_json(*args: object) -> dict:
    result = invoke("analyze", *args, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


@pytest.mark.parametrize("where", [10, 30], ids=["middle", "last-line"])
def test_item1_unbalanced_quote_sets_one_line_aside_and_reads_on(tmp_path, where):
    lines = visits(30)
    lines[where - 1] = ["05-02-2026", '"Klant kapot', "Knippen", "50,00"]  # spreadsheet row where + 1
    lines[19] = ["06-02-2026", '"Klant 20"', "Knippen", "50,00"]  # a well-quoted field further down
    lines[24] = ["07-02-2026", "Klant 25", '"Knippen\nmet föhn"', "50,00"]  # a legitimate line break
    export = write_csv(tmp_path / "export.csv", lines)
    rejects = tmp_path / "rejects.csv"
    totals = analyse_json(export, "--rejects-out", rejects)["totals"]
    assert totals["rows_read"] == 30  # 31 physical data lines, the quoted line break is inside one record
    assert (totals["rows_used"], totals["rows_skipped"], totals["rows_rejected"]) == (29, 0, 1)
    assert totals["clients"] + totals["upcoming_bookings"] == 29  # three lines are dated after as_of
    rejected = list(csv.DictReader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))
    assert [(r["source_row"], r["reason"].split(":")[0]) for r in rejected] == [(str(where + 1), "unbalanced quote")]


def test_item1_prune_accounts_for_every_line_and_keeps_the_broken_one(tmp_path):
    lines = visits(12, year=2022) + visits(12, start=20)
    lines[5] = ["05-02-2022", '"Klant kapot', "Knippen", "50,00"]
    export = write_csv(tmp_path / "export.csv", lines)
    cleaned = tmp_path / "cleaned.csv"
    result = invoke("prune", export, "--inactive", "24m", "--as-of", AS_OF, "--keep-out", cleaned, "--format", "json")
    assert result.exit_code == 0, result.output
    (counts,) = json.loads(result.output)["files"]
    assert counts["rows"] == 24 == counts["kept"] + counts["removed"]
    assert counts["removed"] == 11  # the eleven readable 2022 clients; the broken line is kept, not guessed
    kept = cleaned.read_bytes().split(b"\r\n")
    assert b'05-02-2022;"Klant kapot;Knippen;50,00' in kept
    assert len([k for k in kept if k]) == 1 + 13


# ---------------------------------------------------------------- 4: the input changes while the tool runs


def test_item4_keep_out_is_cut_from_the_bytes_that_were_analysed(tmp_path, monkeypatch):
    import salon_segment.importers as importers

    lines = visits(10, year=2022) + visits(10, start=20)
    export = write_csv(tmp_path / "export.csv", lines)
    original = export.read_bytes()
    real = importers.read_exports

    def read_then_change(*args, **kwargs):
        result = real(*args, **kwargs)
        # another program rewrites the export: the old and the recent lines swap places
        rows = original.split(b"\r\n")
        export.write_bytes(b"\r\n".join([rows[0], *rows[11:21], *rows[1:11], *rows[21:]]))
        return result

    monkeypatch.setattr(importers, "read_exports", read_then_change)
    cleaned = tmp_path / "cleaned.csv"
    result = invoke("prune", export, "--inactive", "24m", "--as-of", AS_OF, "--keep-out", cleaned)
    assert result.exit_code == 0, result.output
    expected = b"\r\n".join([original.split(b"\r\n")[0], *original.split(b"\r\n")[11:]])
    assert cleaned.read_bytes() == expected


# ---------------------------------------------------------------- 5: the same input given twice


def revenue_of(*paths) -> float:
    return analyse_json(*paths)["totals"]["revenue"]


@pytest.mark.parametrize("how", ["same-path", "symlink", "hard-link", "copy"])
def test_item5_the_same_input_twice_is_counted_once(tmp_path, how):
    export = write_csv(tmp_path / "export.csv", visits(20))
    other = tmp_path / "other.csv"
    if how == "same-path":
        other = export
    elif how == "symlink":
        other.symlink_to(export)
    elif how == "hard-link":
        os.link(export, other)
    else:
        other.write_bytes(export.read_bytes())
    single = revenue_of(export)
    result = invoke("analyze", export, other, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["totals"]["revenue"] == single > 0
    assert "read once" in result.stderr


def test_item5_prune_of_the_same_input_twice_writes_each_cleaned_copy_once(tmp_path):
    export = write_csv(tmp_path / "export.csv", visits(10, year=2022) + visits(10, start=20))
    link = tmp_path / "link.csv"
    link.symlink_to(export)
    folder = tmp_path / "cleaned"
    folder.mkdir()
    result = invoke(
        "prune", export, link, "--inactive", "24m", "--as-of", AS_OF, "--keep-out", folder, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [(f["rows"], f["kept"], f["removed"]) for f in document["files"]] == [(20, 10, 10)]
    assert (folder / "export.csv").read_bytes() == (folder / "link.csv").read_bytes()


# ---------------------------------------------------------------- 7: Windows-1252 against Windows-1250

WESTERN = ["Hélène Dupré", "Zoë de Vries", "Anaïs Lefèvre", "Françoise Gérard", "Noël Brûlé", "Chloë Maës"]
NAMES = {
    "french-dutch": (WESTERN, "cp1252"),
    "one-french-name": (WESTERN[:1], "cp1252"),
    "portuguese-italian-danish": (["João Simões", "Nicolò Mazzà", "Søren Jørgensen", "Lærke Møller"], "cp1252"),
    "czech": (["Jiří Dvořák", "Věra Nováková", "Tomáš Černý", "Zdeněk Růžička", "Petra Šťastná"], "cp1250"),
    "one-czech-name": (["Jiří Dvořák"], "cp1250"),
    "polish": (["Paweł Wałęsa", "Małgorzata Kowalczyk", "Łukasz Żółć", "Agnieszka Wiśniewska"], "cp1250"),
    "croatian-hungarian": (["Ivana Šarić", "Marko Kovačević", "Erdős Pál", "Szőke Gyöngyi"], "cp1250"),
}


@pytest.mark.parametrize(("names", "code_page"), NAMES.values(), ids=NAMES.keys())
def test_item7_single_byte_code_page_is_chosen_by_the_names(tmp_path, names, code_page):
    lines = [[f"0{i + 1}-03-2026", name, "Knippen", "50,00"] for i, name in enumerate(names)]
    export = write_csv(tmp_path / "export.csv", lines, encoding=code_page)
    clients = tmp_path / "clients.csv"
    result = invoke("analyze", export, "--as-of", AS_OF, "--clients-out", clients, "--format", "json")
    assert result.exit_code == 0, result.output
    written = clients.read_text(encoding="utf-8-sig")
    for name in names:
        assert name in written


# ---------------------------------------------------------------- 8: ragged rows and --delimiter


def ragged_export(path):
    """Semicolons, decimal commas, and rows that stop after the last filled field (as some tills write)."""
    header = "Datum;Klant;Bedrag;Medewerker;Notitie;Status"
    widths = [3, 4, 3, 5, 3, 6, 3, 4, 3, 3, 5, 3]
    body = []
    for i, width in enumerate(widths):
        cells = [f"{i + 1:02d}-03-2026", f"Klant {i}", f"{40 + i},50", "Sam", "kort", "voltooid"][:width]
        body.append(";".join(cells))
    path.write_text("\r\n".join([header, *body]) + "\r\n", encoding="utf-8")
    return path


def test_item8_ragged_rows_do_not_defeat_delimiter_detection(tmp_path):
    totals = analyse_json(ragged_export(tmp_path / "ragged.csv"))["totals"]
    assert (totals["rows_read"], totals["rows_used"], totals["clients"]) == (12, 12, 12)
    assert totals["revenue"] == pytest.approx(sum(40.5 + i for i in range(12)))


@pytest.mark.parametrize("value", [";", "semicolon", "SEMICOLON"])
def test_item8_delimiter_option_forces_the_delimiter(tmp_path, value):
    document = analyse_json(ragged_export(tmp_path / "ragged.csv"), "--delimiter", value)
    assert document["totals"]["rows_used"] == 12


@pytest.mark.parametrize(("value", "text"), [("tab", "\t"), ("pipe", "|"), ("comma", ",")])
def test_item8_delimiter_words_on_every_reading_command(tmp_path, value, text):
    lines = [[f"{i + 1:02d}-03-2026", f"Klant {i}", "Knippen", "50"] for i in range(5)]
    export = write_csv(tmp_path / "export.csv", lines, delimiter=text)
    for command in ("analyze", "inspect", "staff", "load", "trend", "services", "prune"):
        args = [command, export, "--delimiter", value] + (["--as-of", AS_OF] if command != "inspect" else [])
        result = invoke(*args)
        assert result.exit_code == 0, (command, result.output)


def test_item8_unknown_delimiter_is_refused(tmp_path):
    result = invoke("analyze", ragged_export(tmp_path / "ragged.csv"), "--delimiter", "x")
    assert result.exit_code == 2
    assert "semicolon" in one_line_error(result)
