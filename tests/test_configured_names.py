"""Names that stay true when the config changes: with a 10% Pareto share, a 90% revenue target and an 8-month
regularity window, no JSON key, --clients-out header or Excel label names the defaults (20%, 80%, 6 months);
the labels state the configured values instead. Also: the column schema and the segment registry are complete."""

import json
import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.render.columns import (
    CLIENT_TABLE,
    CLIENTS,
    DEPRECATED_CLIENT_KEYS,
    DEPRECATED_PARETO_KEYS,
    REVENUE,
    SEGMENT_TABLE,
    SERVICE_SHEET,
    SOURCE_SHEET,
    STAFF_SHEET,
    TREND_SHEET,
    VISITS,
)
from salon_segment.rules import Rules
from salon_segment.scoring import SEGMENTS, analyze
from salon_segment.scoring import services as SV
from salon_segment.scoring import staff as ST
from salon_segment.scoring import trend as T
from salon_segment.scoring.segments import BY_ID, REGISTRY
from tests.helpers import EXAMPLES, ledger, monthly

runner = CliRunner()
ENGLISH = EXAMPLES / "salon-en.csv"
CONFIG = """
[rules]
pareto_top_client_share = 0.1
pareto_revenue_share = 0.9
regular_window_months = 8
"""
OLD_KEY = re.compile(r"20pct|80pct|top_20|_6m\b|_6$|_6_")  # a key that bakes in a default share or window
OLD_LABEL = re.compile(r"\b[28]0([.,]0)?\s?%|80/20|\bof 6\b|\b6 (month|maand|мес)|\bиз 6\b|\bvan 6\b")


def keys(value):
    """Every key of a JSON document, nested ones included."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys(inner)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("configured")
    config = folder / "salon-segment.toml"
    config.write_text(CONFIG, encoding="utf-8")
    runs = {}
    for lang in ("en", "nl", "ru"):
        paths = {kind: folder / f"{lang}-{kind}.{kind}" for kind in ("csv", "xlsx")}
        paths["excel"] = folder / f"{lang}-summary.xlsx"
        common = ["analyze", str(ENGLISH), "--as-of", "2026-11-20", "--config", str(config), "--lang", lang]
        result = runner.invoke(
            app, [*common, "--format", "json", "--clients-out", str(paths["csv"]), "--excel", str(paths["excel"])]
        )
        assert result.exit_code == 0, result.output
        terminal = runner.invoke(app, [*common, "--clients-out", str(paths["xlsx"])])
        assert terminal.exit_code == 0, terminal.output
        runs[lang] = (json.loads(result.output), paths, terminal.output)
    return runs


def test_json_keys_name_no_default_and_state_the_configured_values(outputs):
    document = outputs["en"][0]
    found = [key for key in keys(document) if OLD_KEY.search(key)]
    assert found == []
    pareto = document["pareto"]
    assert pareto["top_clients_share"] == 0.1
    assert pareto["revenue_target_share"] == 0.9
    assert pareto["top_clients"] == -(-pareto["clients_with_revenue"] // 10)  # ceil(10% of the clients)
    assert pareto["clients_for_revenue_target"] >= pareto["top_clients"]
    assert document["rules"]["regular_window_months"] == 8
    assert document["rules"]["pareto_top_client_share"] == 0.1


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_clients_out_headers_name_no_default(outputs, kind):
    path = outputs["en"][1][kind]
    table = pd.read_csv(path) if kind == "csv" else pd.read_excel(path, engine="openpyxl")
    assert [c for c in table.columns if OLD_KEY.search(c)] == []
    assert {"active_months", "regular_window_visits", "product_visit_share"} <= set(table.columns)
    assert table["active_months"].max() <= 8


def _call_list_title(lang: str) -> str:
    """The call-list sheet's name in the report language (its rows say how long ago a client came: data)."""
    from salon_segment.i18n import translations

    return translations(lang).gettext("Call list")


@pytest.mark.parametrize("lang", ["en", "nl", "ru"])
def test_excel_labels_name_no_default_and_state_the_configured_values(outputs, lang):
    workbook = load_workbook(outputs[lang][1]["excel"])
    call_list = workbook[_call_list_title(lang)]
    texts = [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(max_row=1 if sheet is call_list else None)  # below: reasons about a client
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert [text for text in texts if OLD_LABEL.search(text)] == []
    summary, clients = workbook.worksheets[0], workbook.worksheets[1]
    labels = [str(row[0].value) for row in summary.iter_rows(max_col=1) if row[0].value]
    ten, ninety = {"en": ("10.0%", "90.0%"), "nl": ("10,0%", "90,0%"), "ru": ("10,0%", "90,0%")}[lang]
    assert any(ten in label for label in labels), labels
    assert any(ninety in label for label in labels), labels
    headers = [cell.value for cell in next(clients.iter_rows(max_row=1))]
    active = {"en": "Active months of 8", "nl": "Actieve maanden van 8", "ru": "Активных месяцев из 8"}[lang]
    assert active in headers


@pytest.mark.parametrize("lang", ["en", "nl", "ru"])
def test_terminal_states_the_configured_values(outputs, lang):
    text = " ".join(outputs[lang][2].replace("\u00a0", " ").split())
    assert not re.search(r"\b[28]0([.,]0)?\s?%", text)
    ten = {"en": "10.0%", "nl": "10,0%", "ru": "10,0%"}[lang]
    assert ten in text


def test_deprecated_aliases_only_while_true():
    from salon_segment.render.columns import deprecated_aliases

    defaults = Rules()
    assert set(deprecated_aliases(DEPRECATED_PARETO_KEYS, defaults)) == set(DEPRECATED_PARETO_KEYS)
    assert set(deprecated_aliases(DEPRECATED_CLIENT_KEYS, defaults)) == set(DEPRECATED_CLIENT_KEYS)
    changed = Rules(pareto_top_client_share=0.1, regular_window_months=8)
    assert deprecated_aliases(DEPRECATED_PARETO_KEYS, changed) == {
        "clients_share_for_80pct_revenue": "clients_share_for_revenue_target",
        "clients_for_80pct_revenue": "clients_for_revenue_target",
    }
    assert deprecated_aliases(DEPRECATED_CLIENT_KEYS, changed) == {}


def test_the_schema_names_every_client_column_and_the_registry_every_segment():
    rows = [*monthly("anna", ["2026-06-15", "2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15"])]
    analysis = analyze(ledger(*rows), as_of=pd.Timestamp("2026-11-22"), rules=Rules())
    assert set(analysis.clients.columns) <= {column.key for column in CLIENT_TABLE}
    shared = (CLIENTS.key, VISITS.key, REVENUE.key)  # one Column each, in the tables of every scoring module
    assert (ST.CLIENTS, ST.VISITS, ST.REVENUE) == (SV.CLIENTS, SV.VISITS, SV.REVENUE) == shared
    for table in (STAFF_SHEET, SERVICE_SHEET, SOURCE_SHEET, TREND_SHEET, SEGMENT_TABLE):
        assert all(column in (CLIENTS, VISITS, REVENUE) for column in table if column.key in shared)
    assert (VISITS.key, REVENUE.key) == (T.VISITS, T.REVENUE)
    assert [segment.id for segment in REGISTRY if segment.reported] == list(SEGMENTS)
    assert len(BY_ID) == len(REGISTRY)
    for segment_id in SEGMENTS:
        assert BY_ID[segment_id].label and BY_ID[segment_id].approach and BY_ID[segment_id].colour
