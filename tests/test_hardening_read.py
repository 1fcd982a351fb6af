"""Issue 15, the reading layer: hostile or unlucky inputs and options end in the right result or one sentence.

Each test names the item of issue 15 it guards. Files are generated in tmp_path; nothing depends on LANG.
"""

from __future__ import annotations

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
        (["analyze", "--as-of", "2026-02-31"], "February has no 31st"),
        (["analyze", "--as-of", "2026-02-29"], "not a leap year"),
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
