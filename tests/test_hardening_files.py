"""Issue 15, files and output: injection-safe CSV, kept workbooks without live formulas, distinct outputs, one
writer (one descriptor, cleanup on signals) and one cell sanitiser.

The CLI tests here failed on commit 1fce7da (before the fix), except the Ctrl-C case (already cleaned up) and
the unit tests of the new ``salon_segment.cells`` rule; see SECURITY.md. The key store, masked errors and config
typos are in tests/test_hardening_settings.py.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import DATA, EXAMPLES, ROOT

runner = CliRunner()
AS_OF = "2026-11-20"
DANGEROUS_PIECE = re.compile(r"^[ \"]*[=+\-@\t\r]")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

HOSTILE_NAMES = [
    'x;=HYPERLINK("http://evil.example","click")',
    "@SUM(A1)",
    "Anna, -2+3",
    "Bea;+31 6 12",
    "Cor,\t=1+1",
    "'=already quoted",
]


def invoke(*args: object):
    """Run the CLI in English (tests must pass under any LANG)."""
    return runner.invoke(app, [str(a) for a in args], env={"LANG": "C", "LC_ALL": "C"})


def export_with_names(path: Path, names: list[str]) -> Path:
    """A small visit export: each name has a few completed visits; the last client only a refund."""
    rows = [["Date", "Client", "Phone", "Item", "Price"]]
    for number, name in enumerate(names):
        for month in range(5, 12):
            rows.append([f"2026-{month:02d}-0{number % 9 + 1}", name, f"06-1234{number:04d}", "Knippen", "40"])
    rows.append(["2026-11-10", "Refund Only", "", "Knippen", "-25"])
    rows.append(["2026-11-11", "Kleur Client", "", "Kleuren", "80"])
    rows.append(["2020-01-05", "Old Client", "", "Knippen", "30"])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def assert_csv_is_inert(path: Path) -> list[dict[str, str]]:
    """Every field quoted, and no piece of any field (split on ';' or ',') starts like a formula."""
    text = path.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(records)
    assert out.getvalue() == text, "every field must be quoted"
    for record in records:
        for field in (f for f in record if not NUMBER.match(f)):  # a number is a number, not a formula
            for piece in re.split(r"[;,\r\n]", field):
                assert not DANGEROUS_PIECE.match(piece), (field, piece)
    return [dict(zip(records[0], r, strict=True)) for r in records[1:]]


# 11 -------------------------------------------------------------------------------------------------------------


def test_11_clients_csv_quotes_every_field_and_neutralises_every_piece(tmp_path):
    from salon_segment.cells import restore_csv

    export = export_with_names(tmp_path / "export.csv", HOSTILE_NAMES)
    out = tmp_path / "clients.csv"
    result = invoke("analyze", export, "--as-of", AS_OF, "--clients-out", out, "--quiet")
    assert result.exit_code == 0, result.output
    rows = assert_csv_is_inert(out)
    expected = [*HOSTILE_NAMES, "Refund Only", "Kleur Client", "Old Client"]
    assert sorted(restore_csv(r["client_name"]) for r in rows) == sorted(expected)
    refund = next(r for r in rows if r["client_name"] == "Refund Only")
    assert refund["revenue"] == "-25.0"  # a number stays a number: no apostrophe before a negative amount
    table = pd.read_csv(out)
    assert pd.api.types.is_float_dtype(table["revenue"]) and table["revenue"].min() == -25.0


def test_11_prune_rejects_and_services_csv_outputs_are_inert(tmp_path):
    export = export_with_names(tmp_path / "export.csv", HOSTILE_NAMES)
    with export.open("a", encoding="utf-8") as handle:
        handle.write("not a date,\"=cmd|' /C calc'!A0\",,Knippen,10\n")
    removal, rejects = tmp_path / "removal.csv", tmp_path / "rejects.csv"
    assert invoke("prune", export, "--as-of", AS_OF, "--inactive", "24m", "--out", removal).exit_code == 0
    assert_csv_is_inert(removal)
    assert invoke("analyze", export, "--as-of", AS_OF, "--rejects-out", rejects, "--quiet").exit_code == 0
    assert_csv_is_inert(rejects)
    campaign = tmp_path / "campaign.csv"
    result = invoke("services", export, "--as-of", AS_OF, "--list", "Kleuren", "--out", campaign)
    assert result.exit_code == 0, result.output
    assert_csv_is_inert(campaign)


def test_11_the_rule_is_reversible_and_idempotent_on_safe_text():
    from salon_segment.cells import inert_csv, restore_csv

    for text in [*HOSTILE_NAMES, "plain", "a;b,c", "''=x", ";;", ",=", "", "e-mail: a@b.nl", "x; 'y"]:
        assert restore_csv(inert_csv(text)) == text
    assert inert_csv("Anna de Vries") == "Anna de Vries"
    assert inert_csv("x;=1") == "x;'=1"


# 12 and 2 --------------------------------------------------------------------------------------------------------


def test_12_ods_text_starting_with_equals_stays_text_in_the_kept_copy(tmp_path):
    source = tmp_path / "omzet.ods"
    with zipfile.ZipFile(DATA / "omzet.ods") as original, zipfile.ZipFile(source, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                data = data.replace(
                    b"<text:p>Anna de Vries</text:p>", b"<text:p>=HYPERLINK(&quot;http://e&quot;)</text:p>"
                )
            out.writestr(info, data)
    kept = tmp_path / "kept.xlsx"
    result = invoke("prune", source, "--as-of", "2026-12-31", "--inactive", "24m", "--keep-out", kept)
    assert result.exit_code == 0, result.output
    cells = [c for row in load_workbook(kept).active.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert '=HYPERLINK("http://e")' in [c.value for c in cells]


def formula_workbook(path: Path) -> Path:
    """An export whose amounts are formulas (with the cached values Excel stores), referencing other rows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Client", "Item", "Base", "Amount"])
    rows = [("2020-01-10", "Old", 30), ("2026-10-01", "Anna", 40), ("2020-02-11", "Old", 35), ("2026-11-01", "Bea", 50)]
    cached = {}
    for number, (date, name, price) in enumerate(rows, start=2):
        sheet.append([date, name, "Knippen", price, f"=D{number}*2"])
        cached[f"E{number}"] = price * 2
    sheet.append(["2026-11-05", "Cor", "Knippen", 10, "=E3+E5"])  # another row's formula result
    cached["E6"] = cached["E3"] + cached["E5"]
    workbook.save(path)
    with zipfile.ZipFile(path) as original:
        parts = {i.filename: original.read(i) for i in original.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?', rf"\g<1><v>{value}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_2_an_xlsx_with_formulas_re_imports_with_the_same_totals_after_prune(tmp_path):
    source = formula_workbook(tmp_path / "export.xlsx")
    before = json.loads(invoke("analyze", source, "--as-of", AS_OF, "--format", "json").output)
    assert before["totals"]["revenue"] == 2 * (30 + 40 + 35 + 50) + 180
    kept = tmp_path / "kept.xlsx"
    result = invoke("prune", source, "--as-of", AS_OF, "--inactive", "24m", "--keep-out", kept)
    assert result.exit_code == 0, result.output
    after = json.loads(invoke("analyze", kept, "--as-of", AS_OF, "--format", "json").output)
    assert after["totals"]["revenue"] == before["totals"]["revenue"] - 2 * (30 + 35)
    assert all(c.data_type != "f" for row in load_workbook(kept).active.iter_rows() for c in row)


# 3 ---------------------------------------------------------------------------------------------------------------


def test_3_two_inputs_with_the_same_name_get_distinct_cleaned_copies(tmp_path):
    for name in ("north", "south"):
        (tmp_path / name).mkdir()
    first = export_with_names(tmp_path / "north" / "export.csv", ["Anna"])
    second = export_with_names(tmp_path / "south" / "export.csv", ["Bea", "Cor"])
    folder = tmp_path / "kept"
    folder.mkdir()
    result = invoke("prune", first, second, "--as-of", AS_OF, "--inactive", "24m", "--keep-out", folder)
    assert result.exit_code == 0, result.output
    written = sorted(folder.iterdir())
    assert len(written) == 2
    contents = {p.read_text(encoding="utf-8") for p in written}
    assert any("Anna" in c and "Bea" not in c for c in contents)
    assert any("Bea" in c and "Anna" not in c for c in contents)


# 20 --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["same", "relative", "symlink"])
def test_20_the_same_output_given_twice_is_refused(tmp_path, form, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    export = export_with_names(tmp_path / "export.csv", ["Anna"])
    second = {"same": "x.xlsx", "relative": "sub/../x.xlsx", "symlink": "alias/x.xlsx"}[form]
    os.symlink(tmp_path, tmp_path / "alias")  # a second name for the same folder
    result = invoke("analyze", export, "--as-of", AS_OF, "--clients-out", "x.xlsx", "--excel", second, "--quiet")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_20_prune_outputs_given_twice_are_refused(tmp_path):
    export = export_with_names(tmp_path / "export.csv", ["Anna"])
    same = tmp_path / "out.csv"
    result = invoke("prune", export, "--as-of", AS_OF, "--out", same, "--keep-out", tmp_path / "." / "out.csv")
    assert result.exit_code == 1
    assert not same.exists()


@pytest.mark.parametrize("victim", ["salon-segment.toml", "products.csv", ".salon-segment.key"])
def test_20_an_output_over_the_config_products_or_key_is_refused_even_with_force(tmp_path, monkeypatch, victim):
    monkeypatch.chdir(tmp_path)
    export = export_with_names(tmp_path / "export.csv", ["Anna"])
    Path("salon-segment.toml").write_text('lang = "en"\n')
    shutil.copy(EXAMPLES / "till-products.csv", "products.csv")
    Path(".salon-segment.key").write_text("0123456789abcdef0123456789abcdef\n")
    before = Path(victim).read_bytes()
    args = ["--as-of", AS_OF, "--products", "products.csv", "--force"]
    assert invoke("prune", export, *args, "--keep-out", victim).exit_code == 1
    assert invoke("analyze", export, *args, "--quiet", "--clients-out", victim).exit_code == 1
    assert Path(victim).read_bytes() == before


# 17 and 18 -------------------------------------------------------------------------------------------------------


def test_17_the_temporary_file_is_written_through_one_descriptor_never_reopened_by_name(tmp_path):
    from salon_segment.output import atomic_write

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / "out" / "report.csv"
    modes = []

    def write(handle) -> None:
        (temporary,) = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
        modes.append(temporary.stat().st_mode & 0o777)
        temporary.unlink()  # an attacker swaps the temporary file for a symlink to another file
        os.symlink(victim, temporary)
        if isinstance(handle, Path):  # the old interface reopened the file by name
            handle.write_bytes(b"report")
        else:
            handle.write(b"report")

    with contextlib.suppress(Exception):  # refusing is fine too; writing into the victim is not
        atomic_write(target, write)
    assert victim.read_text() == "precious"
    assert not target.is_symlink()
    assert modes == [0o600]


# The child restores Python's Ctrl-C handler first: started from a background job of a shell without job control
# (`cmd &` in a script, as a CI runner may do), it inherits SIGINT ignored, and Python then installs none.
SLOW_WRITE = textwrap.dedent(
    """
    import pathlib, signal, sys, time
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import salon_segment.render.workbook as workbook
    original = workbook.write_table_xlsx
    def slow(frame, handle, **kwargs):
        original(frame, handle, **kwargs)
        pathlib.Path(sys.argv[1]).touch()
        time.sleep(60)
    workbook.write_table_xlsx = slow
    from salon_segment.cli import app
    app(sys.argv[2:])
    """
)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_18_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, signum, code):
    export = export_with_names(tmp_path / "export.csv", ["Anna", "Bea"])
    ready, out = tmp_path / "ready", tmp_path / "reports" / "clients.xlsx"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C"}
    args = [sys.executable, "-c", SLOW_WRITE, str(ready), "analyze", str(export), "--as-of", AS_OF]
    process = subprocess.Popen([*args, "--clients-out", str(out), "--quiet"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists(), process.stderr.read().decode() if process.poll() is not None else "never got to write"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == code, stderr.decode()
    assert b"Traceback" not in stderr
    assert list(out.parent.iterdir()) == []


# 22 and 23 -------------------------------------------------------------------------------------------------------


CONTROL_NAMES = ["Anna\x01\x1b[31mRed", "Bea\ufffe\uffffX", "Cor\x7f\x85Y", "Dirk\tTab", "L" * 40_000]


def test_22_23_control_characters_and_huge_names_in_every_excel_output(tmp_path):
    export = export_with_names(tmp_path / "export.csv", CONTROL_NAMES)
    clients, summary, removal = tmp_path / "clients.xlsx", tmp_path / "summary.xlsx", tmp_path / "removal.xlsx"
    result = invoke("analyze", export, "--as-of", AS_OF, "--clients-out", clients, "--excel", summary, "--quiet")
    assert result.exit_code == 0, result.output
    result = invoke("prune", export, "--as-of", "2031-01-01", "--inactive", "24m", "--out", removal)
    assert result.exit_code == 0, result.output
    for path in (clients, summary, removal):
        workbook = load_workbook(path)
        texts = [c.value for s in workbook for r in s.iter_rows() for c in r if isinstance(c.value, str)]
        assert not [t for t in texts if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", t)]
        long = [t for t in texts if t.startswith("LLLL")]
        assert long and all(len(t) <= 32_767 and t.endswith("…[truncated]") for t in long), path


def test_22_23_the_csv_outputs_go_through_the_same_sanitiser(tmp_path):
    export = export_with_names(tmp_path / "export.csv", CONTROL_NAMES)
    out = tmp_path / "clients.csv"
    assert invoke("analyze", export, "--as-of", AS_OF, "--clients-out", out, "--quiet").exit_code == 0
    names = pd.read_csv(out, keep_default_na=False)["client_name"].tolist()
    assert not [n for n in names if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", n)]
    assert max(len(n) for n in names) <= 32_767


def test_22_the_sanitiser_replaces_lone_surrogates():
    from salon_segment.cells import clean, inert_text

    assert clean("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert inert_text(pd.Series(["=\ud800"], dtype=object)).tolist() == ["'=\ufffd"]


def test_outputs_keep_their_usual_mode(tmp_path):
    export = export_with_names(tmp_path / "export.csv", ["Anna"])
    out = tmp_path / "clients.csv"
    umask = os.umask(0o022)
    try:
        assert invoke("analyze", export, "--as-of", AS_OF, "--clients-out", out, "--quiet").exit_code == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


ALPHABET = "=+-@\t\r\n'\" ;,aZ09é"


@given(st.text(alphabet=ALPHABET, max_size=30))
@settings(max_examples=500, deadline=None)
def test_11_the_csv_rule_holds_for_any_text(text):
    from salon_segment.cells import inert, inert_csv, inert_csv_text, restore_csv

    written = inert_csv(text)
    assert restore_csv(written) == text
    assert not any(DANGEROUS_PIECE.match(piece) for piece in re.split(r"[;,\r\n]", written))
    assert not DANGEROUS_PIECE.match(inert(text))
    assert inert_csv_text(pd.Series([text], dtype=object)).tolist() == [written]


def test_3_cleaned_copy_names_are_distinct_for_every_kind_of_clash(tmp_path):
    from salon_segment.cleaned_copy import cleaned_copy_paths

    files = [Path("a/omzet.xls"), Path("b/omzet.ods"), Path("a/Export.csv"), Path("c/export.csv"), Path("a/x.csv")]
    names = [p.name for p in cleaned_copy_paths(tmp_path, files)]
    assert names == ["a-omzet.xlsx", "b-omzet.xlsx", "a-Export.csv", "c-export.csv", "x.csv"]
    twice = [p.name for p in cleaned_copy_paths(tmp_path, [Path("a/e.csv"), Path("a/e.csv")])]
    assert twice == ["a-e.csv", "a-e-2.csv"]
