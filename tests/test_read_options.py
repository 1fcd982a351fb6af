"""Issue 17, items 2 and 3: one ReadOptions for every command (config, --dialect, flags), and a file's report split
into how it was read (Dialect) and what became of its rows (RowAccount)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_segment.config import Settings
from salon_segment.errors import ConfigError, UsageError
from salon_segment.importers import RowAccount, read_exports, read_options
from tests.helpers import EXAMPLES
from tests.test_hardening_files import AS_OF, invoke

VISIT_EXAMPLES = ["salon-nl.csv", "salon-en.csv", "salon-ru-cp1251.csv", "fresha-sales.csv", "umsatzbericht.xlsx"]


def json_of(*args: object) -> dict:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write_dialect(tmp_path: Path, name: str) -> Path:
    dialect = tmp_path / "dialect.json"
    dialect.write_text(json.dumps(json_of("inspect", EXAMPLES / name)), encoding="utf-8")
    return dialect


@pytest.mark.parametrize("name", VISIT_EXAMPLES)
def test_a_dialect_from_inspect_reads_the_export_as_before(tmp_path, name):
    dialect = write_dialect(tmp_path, name)
    plain = json_of("analyze", EXAMPLES / name, "--as-of", AS_OF)
    assert json_of("analyze", EXAMPLES / name, "--as-of", AS_OF, "--dialect", dialect) == plain


def test_a_dialect_pinning_another_date_order_changes_the_reading_and_a_flag_wins(tmp_path):
    export = tmp_path / "export.csv"  # every date reads both ways: the order is a choice
    lines = ["Datum;Klant;Bedrag", *(f"0{m}-0{m + 1}-2026;Klant {m};40" for m in range(1, 8))]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialect = tmp_path / "dialect.json"
    dialect.write_text(json.dumps(json_of("inspect", export)), encoding="utf-8")
    plain = json_of("inspect", export)["files"][0]
    assert plain["date_format"] == "dd-mm-yyyy" and plain["first_date"] == "2026-02-01"
    chosen = json_of("inspect", export, "--dialect", dialect)["files"][0]
    assert chosen["candidates"] == {}  # the columns were pinned, not chosen among candidates
    assert {**chosen, "candidates": plain["candidates"]} == plain
    document = json.loads(dialect.read_text(encoding="utf-8"))
    document["files"][0]["date_format"] = "mm-dd-yyyy"
    dialect.write_text(json.dumps(document), encoding="utf-8")
    pinned = json_of("inspect", export, "--dialect", dialect)["files"][0]
    assert (pinned["date_format"], pinned["first_date"]) == ("mm-dd-yyyy", "2026-01-02")
    flag = json_of("inspect", export, "--dialect", dialect, "--date-format", "dd-mm-yyyy")["files"][0]
    assert {**flag, "candidates": plain["candidates"]} == plain


def test_read_options_layers_config_dialect_and_flags(tmp_path):
    dialect = tmp_path / "d.json"
    entry = {"encoding": "cp1251", "delimiter": ";", "sheet": None, "date_format": "mm/dd/yyyy",
             "mapping": {"date": "Datum", "client_name": "Klant"}, "profile": "generic"}  # fmt: skip
    dialect.write_text(json.dumps({"files": [entry]}), encoding="utf-8")
    settings = Settings(columns={"client_name": "Naam", "staff": "Kapper"})
    options = read_options(settings, dialect=dialect, mappings=["date=Wanneer"], delimiter="tab")
    assert options.columns == {"client_name": "Klant", "staff": "Kapper", "date": "Wanneer"}
    pinned = (options.encoding, options.delimiter, options.month_first, options.profile)
    assert pinned == ("cp1251", "\t", True, "generic")
    assert options.rules is settings.rules and options.limits is settings.limits
    assert read_options(settings).columns == settings.columns


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "not a dialect file"),
        ('{"files": []}', "describes 0 files"),
        ('{"mapping": {"colour": "Kleur"}}', "unknown field"),
        ('{"mapping": {}, "profile": "nosuch"}', "unknown export profile"),
        ('{"mapping": {}, "delimiter": "x"}', "delimiter"),
        ('{"mapping": {}, "encoding": 12}', "encoding"),
    ],
)
def test_a_dialect_file_that_is_not_valid_is_one_sentence(tmp_path, text, words):
    dialect = tmp_path / "d.json"
    dialect.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        read_options(Settings(), dialect=dialect)
    result = invoke("analyze", EXAMPLES / "salon-nl.csv", "--dialect", dialect)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and words in result.output


def test_malformed_flags_stay_usage_errors():
    with pytest.raises(UsageError):
        read_options(Settings(), date_format="yyyy/dd")
    assert invoke("analyze", EXAMPLES / "salon-nl.csv", "--delimiter", "x").exit_code == 2
    assert invoke("analyze", EXAMPLES / "salon-nl.csv", "--map", "date").exit_code == 2


@pytest.mark.parametrize("name", [*VISIT_EXAMPLES, "client-list.csv", "till-sales.csv"])
def test_every_report_is_a_dialect_and_a_balanced_row_account(name):
    for report in read_exports([EXAMPLES / name]).reports:
        assert report.rows.balanced
        assert (report.rows_read, report.rows_used) == (report.rows.read, report.rows.used)
        assert (report.encoding, report.mapping, report.profile) == (
            report.dialect.encoding, report.dialect.mapping, report.dialect.profile,
        )  # fmt: skip


rows = st.lists(st.integers(1, 10_000), unique=True, max_size=30)


@given(used=rows, skipped=rows, broken=rows)
def test_row_account_moves_keep_read_equal_to_used_skipped_and_rejected(used, skipped, broken):
    account = RowAccount(len(used) + len(skipped), len(used) + len(skipped), {}, {"bad date": []})
    account = account.skipping("overlap", skipped).rejecting({"unbalanced quote": broken})
    assert account.balanced
    assert (account.used, account.n_skipped, account.n_rejected) == (len(used), len(skipped), len(broken))
    assert account.read == len(used) + len(skipped) + len(broken)


def test_a_dialect_mapping_that_does_not_match_the_export_names_the_dialect_file(tmp_path):
    dialect = write_dialect(tmp_path, "salon-nl.csv")
    document = json.loads(dialect.read_text(encoding="utf-8"))
    document["files"][0]["mapping"]["date"] = "Дата"
    dialect.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = invoke("analyze", EXAMPLES / "salon-nl.csv", "--as-of", AS_OF, "--dialect", dialect)
    assert result.exit_code == 1, result.output
    assert f"the dialect file {dialect} maps date to 'Дата', but no column is headed so" in result.output
    assert "--map" not in result.output
    # a real --map flag is still named as the flag (and wins over the dialect's mapping)
    flagged = invoke("analyze", EXAMPLES / "salon-nl.csv", "--dialect", dialect, "--map", "date=Wanneer")
    assert flagged.exit_code == 1, flagged.output
    assert "--map date=Wanneer: no column is headed 'Wanneer'" in flagged.output
    fixed = invoke("analyze", EXAMPLES / "salon-nl.csv", "--as-of", AS_OF, "--dialect", dialect, "--map", "date=Datum")
    assert fixed.exit_code == 0, fixed.output
    config = tmp_path / "salon-segment.toml"
    config.write_text('[columns]\ndate = "Wanneer"\n', encoding="utf-8")
    configured = invoke("analyze", EXAMPLES / "salon-nl.csv", "--config", config)
    assert configured.exit_code == 1, configured.output
    assert f"[columns] in {config} maps date to 'Wanneer'" in configured.output


def test_read_options_knows_where_each_column_mapping_comes_from(tmp_path):
    dialect = tmp_path / "d.json"
    dialect.write_text(json.dumps({"files": [{"mapping": {"date": "Dag", "amount": "Prijs"}}]}), encoding="utf-8")
    settings = Settings(columns={"date": "Datum", "staff": "Kapper"}, source=tmp_path / "c.toml")
    options = read_options(settings, dialect=dialect, mappings=["amount=Bedrag"])
    assert options.column_origins == {"date": ("dialect", dialect), "staff": ("config", tmp_path / "c.toml")}
