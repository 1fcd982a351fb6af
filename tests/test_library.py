"""The library API: ``salon_segment.analyze(...).to_dict()`` is what ``analyze --format json`` prints, ``prune``
reuses a Report, and the package imports without pandas."""

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

import salon_segment
from salon_segment import presentation
from salon_segment.cli import app
from salon_segment.importers import ImportOptions
from salon_segment.presentation import Presentation, using
from salon_segment.render import formatting as F
from salon_segment.rules import Rules
from tests.helpers import EXAMPLES

AS_OF = "2026-11-20"
PRODUCT_LISTING = "till-products.csv"  # a listing of items: analyze refuses it alone
ANALYSABLE = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".csv", ".xlsx"} and p.name != PRODUCT_LISTING)


@pytest.mark.parametrize("name", ANALYSABLE)
def test_library_report_equals_the_commands_json(name, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no salon-segment.toml of the developer's
    path = str(EXAMPLES / name)
    result = CliRunner().invoke(app, ["analyze", path, "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = salon_segment.analyze(path, as_of=AS_OF)
    assert report.to_dict() == json.loads(result.stdout)


def test_the_one_example_analyze_refuses_is_a_product_listing():
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / PRODUCT_LISTING), "--as-of", AS_OF])
    assert result.exit_code == 1


@pytest.fixture(scope="module")
def report():
    return salon_segment.analyze([EXAMPLES / "salon-en.csv"], as_of=AS_OF, rules=Rules())


def test_report_holds_every_table(report):
    assert report.as_of == pd.Timestamp(AS_OF)
    assert report.totals.clients == len(report.clients[report.clients["segment"] != "potential"])
    assert set(report.segments["segment"]) >= {"A", "B", "C", "new", "lost"}
    assert report.pareto.clients_with_revenue > 0
    assert len(report.call_list) > 0 and report.forecast is not None
    assert [f.path for f in report.files] == [str(EXAMPLES / "salon-en.csv")]
    assert report.prune_plan is not None and report.prune_plan.inactive.text == "24m"
    for table in (report.staff, report.services, report.load, report.trend, report.sources):
        assert isinstance(table, pd.DataFrame)
    with pytest.raises(AttributeError):  # immutable
        report.currency = "USD"


def test_prune_reuses_the_report_and_agrees_with_reading_again(report):
    reused = salon_segment.prune(report, inactive="18m")
    assert reused.imported is report.imported  # nothing read again
    fresh = salon_segment.prune(EXAMPLES / "salon-en.csv", inactive="18m", as_of=AS_OF)
    assert reused.to_dict() == fresh.to_dict()
    assert reused.plan.cutoff == pd.Timestamp("2025-05-20")
    counts = reused.counts[0]
    assert counts.rows == counts.kept + counts.removed and counts.removed == sum(map(len, reused.removed_rows.values()))


def test_inspect_is_the_commands_json(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = str(EXAMPLES / "salon-ru-cp1251.csv")
    result = CliRunner().invoke(app, ["inspect", path, "--format", "json"])
    assert salon_segment.inspect(path, options=ImportOptions()).to_dict() == json.loads(result.stdout)


def test_the_library_does_not_depend_on_the_report_language():
    english = salon_segment.analyze(EXAMPLES / "till-sales.csv", as_of=AS_OF)
    with using(Presentation(language="ru", currency="RUB")):
        russian = salon_segment.analyze(EXAMPLES / "till-sales.csv", as_of=AS_OF)
    assert russian.currency == english.currency
    assert russian.to_dict() == english.to_dict()


def test_using_restores_the_language_and_currency_before_it():
    with using(Presentation(language="nl", currency="GBP")):
        assert F.money(1234.5) == "£\xa01.234,50"
        with using(Presentation(language="ru", currency=None)):
            assert F.money(1234.5) == "1\xa0234,50"
        assert presentation.active() == Presentation(language="nl", currency="GBP")
    assert presentation.active() == Presentation()
    assert F.money(1234.5) == "€1,234.50"


def test_importing_the_package_and_help_load_no_pandas():
    code = "import sys, salon_segment\nassert callable(salon_segment.__getattr__)\nprint('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    with pytest.raises(AttributeError):
        salon_segment.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-11-05", "2026-11-05"),
        ("05-11-2026", "2026-11-05"),  # day first, as the command line and the Dutch reports write it
        ("05.11.2026", "2026-11-05"),
        ("05/11/2026", "2026-11-05"),  # never month first
        (pd.Timestamp("2026-11-05 17:30"), "2026-11-05"),
        (dt.date(2026, 11, 5), "2026-11-05"),
        ("1900-01-01", "1900-01-01"),
        ("2200-12-31", "2200-12-31"),
    ],
)
def test_the_library_reads_as_of_as_the_command_line_does(given, expected):
    from salon_segment.api import as_of_date

    assert as_of_date(given) == pd.Timestamp(expected)


@pytest.mark.parametrize("given", ["1899-12-31", "2201-01-01", "31-02-2026", "2026-13-01", "11/05/26", "today"])
def test_the_library_refuses_an_as_of_it_cannot_read(given):
    from salon_segment.api import as_of_date

    with pytest.raises(ValueError):
        as_of_date(given)


def test_an_as_of_that_is_not_a_date_is_a_type_error():
    from salon_segment.api import as_of_date

    with pytest.raises(TypeError):
        as_of_date(20261120)
