"""Issue 15, the reading layer: hostile or unlucky inputs and options end in the right result or one sentence.

Each test names the item of issue 15 it guards. Files are generated in tmp_path; nothing depends on LANG.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app

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
