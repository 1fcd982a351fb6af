"""Hostile and broken input: every run ends in a consistent report or one clear sentence; nothing leaks or breaks."""

import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from salon_segment.errors import InputFileError
from salon_segment.importers import ImportOptions, read_exports
from salon_segment.importers.source import Limits
from salon_segment.privacy import default_key_path
from salon_segment.rules import Rules
from salon_segment.scoring import SEGMENTS, analyze
from tests.helpers import DATA, EXAMPLES, ROOT

runner = CliRunner()
# CI: a bounded number of examples (about 20 s); HYPOTHESIS_PROFILE=deep for a longer local run.
settings.register_profile("deep", max_examples=2000)
EXAMPLES_PER_TEST = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else 60
FUZZ = settings(
    max_examples=EXAMPLES_PER_TEST, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SAMPLE = b"".join((EXAMPLES / "salon-nl.csv").read_bytes().splitlines(keepends=True)[:80])


def consistent_or_refused(path):
    """The property every input must satisfy: a consistent import, or one InputFileError sentence."""
    try:
        result = read_exports([path])
    except InputFileError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return None
    for report in result.reports:
        assert report.rows_read == report.rows_used + report.rows_skipped + report.rows_rejected
    if not result.ledger.empty:
        analysis = analyze(result.ledger, as_of=pd.Timestamp("2026-11-20"), rules=Rules())
        visited = analysis.clients[analysis.clients["visits"] > 0]
        assert visited["segment"].isin(SEGMENTS).all()
        assert int(analysis.segments["clients"].sum()) == len(visited)
    return result


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    consistent_or_refused(path)


cell = st.one_of(
    st.text(max_size=12),
    st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "=1+1", "Totaal", "€ 12,50", "(3.00)", "31-02-2024", '"', ";", "\n"]),
)


@FUZZ
@given(st.lists(st.lists(cell, min_size=1, max_size=5), max_size=25), st.sampled_from([";", ",", "\t"]))
def test_valid_csv_with_random_cells(tmp_path, rows, delimiter):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Datum", "Klant", "Bedrag", "Status", "Omschrijving"])
    writer.writerows(rows)
    path = tmp_path / "export.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    consistent_or_refused(path)


def mutate(data: bytes, kind: str, rng: random.Random) -> bytes:
    if kind == "truncate":
        return data[: rng.randrange(len(data))]
    if kind == "flip":
        raw = bytearray(data)
        for _ in range(20):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind == "encoding":
        return data.decode("utf-8-sig").encode(rng.choice(["cp1251", "utf-16", "cp1252", "latin-1"]), errors="replace")
    lines = data.decode("utf-8-sig").splitlines()
    cells = [line.split(";") for line in lines]
    if kind == "shuffle-columns":
        order = list(range(len(cells[0])))
        rng.shuffle(order)
        cells = [[row[i] for i in order if i < len(row)] for row in cells]
    elif kind == "drop-column":
        drop = rng.randrange(len(cells[0]))
        cells = [[c for i, c in enumerate(row) if i != drop] for row in cells]
    elif kind == "junk-values":
        for row in cells[1:]:
            if rng.random() < 0.5:
                row[4] = rng.choice(["soon", "", "32-13-2026", "?"])
                row[10] = rng.choice(["lots", "", "1.2.3", "€€"])
    elif kind == "huge-field":
        cells[3][6] = "x" * 200_000
    elif kind == "wide-row":
        cells[5] = cells[5] + ["x"] * 20_000
    elif kind == "quotes":  # unbalanced quotes at random places: no line may be lost silently
        for _ in range(rng.randrange(1, 4)):
            row = cells[rng.randrange(1, len(cells))]
            column = rng.randrange(len(row))
            row[column] = rng.choice(['"', '"' + row[column], row[column] + '"', '""' + row[column]])
    elif kind == "ragged":  # rows that stop after their last filled field
        for row in cells[1:]:
            if rng.random() < 0.5:
                del row[rng.randrange(5, len(row)) :]
    return "\r\n".join(";".join(row) for row in cells).encode("utf-8")


MUTATIONS = [
    "truncate", "flip", "encoding", "shuffle-columns", "drop-column", "junk-values", "huge-field", "wide-row",
    "quotes", "ragged",
]  # fmt: skip


@FUZZ
@given(st.sampled_from(MUTATIONS), st.integers(0, 10_000))
def test_mutated_real_exports_through_the_cli(tmp_path, kind, seed):
    path = tmp_path / "mutated.csv"
    path.write_bytes(mutate(SAMPLE, kind, random.Random(seed)))
    result = runner.invoke(app_(), ["analyze", str(path), "--as-of", "2026-11-20", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        document = json.loads(result.output)
        totals = document["totals"]
        assert totals["rows_read"] == totals["rows_used"] + totals["rows_skipped"] + totals["rows_rejected"]
        assert sum(s["clients"] for s in document["segments"].values() if s) == totals["clients"]
    else:
        assert len(result.output.strip().splitlines()) == 1


def app_():
    from salon_segment.cli import app

    return app


@pytest.mark.parametrize(
    ("content", "limits", "message"),
    [
        (b"Date,Client\n2026-01-01,Anna\n", Limits(max_file_mb=0), "more than the limit of 0 MB"),
        (
            ("Date,Client," + ",".join(f"c{i}" for i in range(800)) + "\n").encode(),
            Limits(),
            "the header has 802 columns",
        ),
        (
            b"Date;Client;Note\n2026-01-01;Anna;" + b"x" * 200_000 + b"\n",
            Limits(),
            "row 2, column 3 holds 200,000 characters",
        ),
    ],
    ids=["file-size", "columns", "field-size"],
)
def test_hard_limits_fail_fast_with_a_clear_message(tmp_path, content, limits, message):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        read_exports([path], ImportOptions(limits=limits))


def test_error_messages_show_the_shape_of_values_not_personal_data(tmp_path):
    path = tmp_path / "headerless.csv"
    path.write_text("Anna de Vries,0612345678,anna@example.nl\nBea Bakker,0687654321,bea@example.nl\n")
    result = runner.invoke(app_(), ["analyze", str(path)])
    assert result.exit_code == 1
    for secret in ("Anna", "Vries", "0612345678", "anna@example.nl"):
        assert secret not in result.output
    assert "Xxxx xx Xxxxx" in result.output


INJECTION = '=HYPERLINK("http://evil.example","x")'


def test_every_csv_output_neutralises_formulas(tmp_path):
    export = tmp_path / "export.csv"
    quoted = '"' + INJECTION.replace('"', '""') + '"'
    rows = [f"2021-01-0{d},{quoted},+31612345678,50,Nagels" for d in (1, 2, 3)] + [
        "2026-11-01,@SUM(A1),0612345678,20,Knippen"
    ]
    export.write_text("Date,Client,Phone,Price,Category\n" + "\n".join(rows) + "\nsoon,=cmd,1,1,x\n")
    outputs = {
        "clients": ["analyze", str(export), "--clients-out", str(tmp_path / "clients.csv")],
        "rejects": ["analyze", str(export), "--rejects-out", str(tmp_path / "rejects.csv")],
        "removal": [
            "prune",
            str(export),
            "--inactive",
            "24m",
            "--as-of",
            "2026-11-20",
            "--out",
            str(tmp_path / "removal.csv"),
        ],
    }
    for args in outputs.values():
        assert runner.invoke(app_(), args).exit_code == 0
    import csv

    from salon_segment.phones import is_phone

    for name in ("clients", "removal"):
        text = (tmp_path / f"{name}.csv").read_text(encoding="utf-8-sig")
        for row in csv.DictReader(text.splitlines()):
            for column, field in row.items():
                if column == "phone" and is_phone(field):  # dialable, and no letters: no formula payload
                    assert field in ("+31612345678", "0612345678"), field
                    continue
                assert not field.startswith(("=", "+", "-", "@")), (name, column, field)
    assert "'=HYPERLINK" in (tmp_path / "clients.csv").read_text(encoding="utf-8-sig")


def test_pseudonyms_hide_personal_data_and_stay_stable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out1, out2 = tmp_path / "one.csv", tmp_path / "two.csv"
    base = ["analyze", str(EXAMPLES / "salon-nl.csv"), "--pseudonymize", "--as-of", "2026-11-20"]
    first = runner.invoke(app_(), [*base, "--clients-out", str(out1)])
    runner.invoke(app_(), [*base, "--clients-out", str(out2), "--format", "json"])
    assert first.exit_code == 0
    assert default_key_path().is_file() and not (tmp_path / ".salon-segment.key").exists()
    assert out1.read_text() == out2.read_text()  # same key, same pseudonyms
    text = out1.read_text(encoding="utf-8-sig") + first.output
    original = read_exports([EXAMPLES / "salon-nl.csv"]).ledger
    secrets = {*original["phone"].head(50), *original["email"].head(50), "Jansen"} - {""}
    assert [s for s in secrets if s in text] == []
    table = pd.read_csv(out1)
    assert table["client_name"].str.startswith("Client ").all()


def test_the_cli_makes_no_network_connection(tmp_path):
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n    raise RuntimeError('network access attempted')\n"
        "socket.socket = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from salon_segment.cli import main\n"
        f"sys.argv = ['salon-segment', 'analyze', {str(EXAMPLES / 'salon-nl.csv')!r}, '--as-of', '2026-11-20',"
        f" '--excel', {str(tmp_path / 'x.xlsx')!r}, '--quiet']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.xlsx").is_file()


COMMANDS = [
    ["analyze", "--format", "json"],
    ["inspect"],
    ["prune", "--inactive", "24m"],
    ["staff"],
    ["services"],
    ["load"],
    ["trend"],
]


@pytest.mark.parametrize(
    "example",
    sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".csv", ".xlsx"} and p.name != "till-products.csv"),
)
def test_no_command_changes_an_input_file(example):
    path = EXAMPLES / example
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    for command in COMMANDS:
        result = runner.invoke(app_(), [command[0], str(path), *command[1:]])
        assert result.exit_code in (0, 1), result.output  # insights refuse client lists with exit 1
        assert "Traceback" not in result.output
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_regression_client_id_without_a_name_column():
    result = read_exports([DATA / "regression-id-without-name.csv"])
    assert result.ledger["client"].tolist() == ["17", "18"]
    assert result.ledger["client_name"].tolist() == ["", ""]


def test_regression_totals_row_of_a_client_list_is_not_a_client():
    result = read_exports([DATA / "regression-totals-row-in-client-list.csv"])
    assert result.client_list["client"].tolist() == ["1", "2"]
    assert result.reports[0].skipped == {"totals or summary below the data": [4]}


def test_regression_field_over_the_csv_modules_limit_is_a_clear_error_not_a_crash():
    # found by test_mutated_real_exports_through_the_cli (huge-field): csv.Error escaped delimiter sniffing
    result = runner.invoke(app_(), ["analyze", str(DATA / "regression-huge-field.csv")])
    assert result.exit_code == 1
    assert "row 4, column 7 holds 200,000 characters" in result.output


def test_regression_lone_carriage_return_is_refused_not_a_csv_error():
    # found by test_random_bytes: csv.reader without newline="" raised csv.Error on b"\r\x01"
    with pytest.raises(InputFileError):
        read_exports([DATA / "regression-lone-carriage-return.csv"])


def test_regression_year_2263_is_an_unreadable_date_not_an_overflow():
    # found by test_valid_csv_with_random_cells: 1/1/2263 is past pandas' timestamp range and overflowed scoring
    result = consistent_or_refused(DATA / "regression-year-2263.csv")
    assert result is None or result.ledger.empty


def test_unescaped_quotes_never_drop_fields_silently(tmp_path):
    # pandas' C parser warned "loss of data" and truncated rows wider than the header; now they are rejected
    export = tmp_path / "export.csv"
    export.write_text('Date,Client,Price\n2026-01-01,"=HYPERLINK("http://x","y")",50\n2026-01-02,Bea,20\n')
    report = read_exports([export]).reports[0]
    assert report.rows_read == report.rows_used + report.rows_skipped + report.rows_rejected == 2
    assert report.rejected == {"more fields than the header": [2]}


# ---------------------------------------------------------------- mutated CSV and xlsx inputs through prune
# Every prune must end in exit 0 with kept + removed = rows read for every input, or exit 1 with one sentence.
PRUNE_FUZZ = settings(
    max_examples=2000 if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else 12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def prune_accounts_for_every_row(path):
    """Run prune with a cleaned copy; check the exit code, the message and the row accounting."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        args = ["prune", str(path), "--inactive", "12m", "--as-of", "2026-11-20", "--format", "json"]
        result = runner.invoke(app_(), [*args, "--keep-out", str(Path(folder) / ("kept" + path.suffix))])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert len(result.output.strip().splitlines()) == 1, result.output
        return
    document = json.loads(result.stdout)
    for counts in document["files"]:
        assert counts["rows"] == counts["kept"] + counts["removed"]
    assert document["kept_rows"] + document["removed_rows"] == sum(f["rows"] for f in document["files"])


@PRUNE_FUZZ
@given(st.sampled_from(["flip", "quotes", "ragged", "truncate"]), st.integers(0, 10_000))
def test_mutated_csv_through_prune_accounts_for_every_row(tmp_path, kind, seed):
    path = tmp_path / "mutated.csv"
    path.write_bytes(mutate(SAMPLE, kind, random.Random(seed)))
    prune_accounts_for_every_row(path)


def _xlsx_sample() -> bytes:
    from openpyxl import Workbook

    rows = [line.split(";") for line in SAMPLE.decode("utf-8-sig").splitlines()[:40]]
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX_SAMPLE = _xlsx_sample()
SHEET_XML = "xl/worksheets/sheet1.xml"
LIMIT_COLUMNS = ["A", "Z", "SF", "SG", "ZZ", "AAA", "XFD"]
LIMIT_ROWS = [1, 41, 65_536, 1_048_575, 1_048_576, 1_048_577, 99_999_999]


def mutate_xlsx(kind: str, rng: random.Random) -> bytes:
    """Damage a real workbook: bytes of the zip or of the sheet XML flipped, a cell at the sheet's limits,
    a declared range far away, or the file cut short."""
    if kind == "flip-zip":
        raw = bytearray(XLSX_SAMPLE)
        for _ in range(rng.randrange(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind == "truncate":
        return XLSX_SAMPLE[: rng.randrange(len(XLSX_SAMPLE))]
    source = zipfile.ZipFile(io.BytesIO(XLSX_SAMPLE))
    sheet = bytearray(source.read(SHEET_XML))
    if kind == "flip-xml":
        for _ in range(rng.randrange(1, 10)):
            sheet[rng.randrange(len(sheet))] = rng.choice(b'<>&"=/x\x00\xff')
    elif kind == "far-cell":
        ref = f"{rng.choice(LIMIT_COLUMNS)}{rng.choice(LIMIT_ROWS)}".encode()
        cell = b'<c r="' + ref + b'" t="inlineStr"><is><t>x</t></is></c>'
        row = ref.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        sheet = bytearray(
            bytes(sheet).replace(b"</sheetData>", b'<row r="' + row + b'">' + cell + b"</row></sheetData>")
        )
    elif kind == "dimension":
        ref = f"A1:{rng.choice(LIMIT_COLUMNS)}{rng.choice(LIMIT_ROWS)}".encode()
        sheet = bytearray(re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', bytes(sheet)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, bytes(sheet) if info.filename == SHEET_XML else source.read(info.filename))
    return out.getvalue()


@PRUNE_FUZZ
@given(st.sampled_from(["flip-zip", "flip-xml", "far-cell", "dimension", "truncate"]), st.integers(0, 10_000))
def test_mutated_xlsx_through_prune_accounts_for_every_row(tmp_path, kind, seed):
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(mutate_xlsx(kind, random.Random(seed)))
    prune_accounts_for_every_row(path)


def test_a_workbook_whose_zip_needs_an_unknown_version_is_refused_in_one_sentence(tmp_path):
    """zipfile raises NotImplementedError (not BadZipFile) for a central directory that asks for a newer zip
    version; found by the flip-zip fuzzing above, now a fixed case."""
    raw = bytearray(XLSX_SAMPLE)
    entry = raw.index(b"PK\x01\x02")  # the first central-directory record
    raw[entry + 6] = 216  # "version needed to extract": 21.6
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(raw))
    with pytest.raises(InputFileError, match=r"damaged\.xlsx: cannot open the workbook"):
        read_exports([path], ImportOptions())
