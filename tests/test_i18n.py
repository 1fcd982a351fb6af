"""Report languages: complete catalogues, no literals around them, exact local formats per language."""

import ast
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.i18n import _read_po, languages, resolve_language, set_language
from salon_segment.render import formatting as F
from salon_segment.render.terminal import analysis_view
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from tests.helpers import EXAMPLES, ROOT, ledger, line

sys.path.insert(0, str(ROOT / "tools"))
from catalogue import message_ids

RENDERERS = sorted((ROOT / "salon_segment" / "render").glob("*.py"))
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


@pytest.fixture
def language():
    """Switch the report language for one test and restore English and euros afterwards."""

    def switch(lang, currency="EUR"):
        set_language(lang)
        F.set_currency(currency)

    yield switch
    set_language("en")
    F.set_currency("EUR")


@pytest.mark.parametrize("lang", languages()[1:])  # every locale/*.po
def test_every_message_is_translated_with_the_same_placeholders(lang):
    catalogue = {m.id if isinstance(m.id, str) else m.id[0]: m for m in _read_po(lang) if m.id}
    for message_id in message_ids():
        assert message_id in catalogue, f"{lang}: no translation for {message_id!r}"
        message = catalogue[message_id]
        expected = set(PLACEHOLDER.findall(message_id))
        if isinstance(message.string, str):
            assert message.string, f"{lang}: empty translation for {message_id!r}"
            assert set(PLACEHOLDER.findall(message.string)) == expected, message_id
            continue
        assert all(message.string), f"{lang}: a plural form of {message_id!r} is empty"
        for index, form in enumerate(message.string):  # only a form for n = 1 alone may leave out {n}
            found = set(PLACEHOLDER.findall(form))
            assert found == expected or (index == 0 and lang == "nl" and found == expected - {"n"}), (lang, form)


TECHNICAL = {
    "bold",
    "dim",
    "italic",
    "yellow",
    "left",
    "right",
    "ellipsis",
    "fold",
    "[bold]{}[/bold]",
    "EUR",
    "bold reverse",
}


def _gettext_name(func: ast.expr) -> str:
    """The name of a called function: ``_``, ``ngettext``, ``F.count`` → 'count'."""
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _literals_outside_catalogue(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside, docstrings = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _gettext_name(node.func) in ("_", "N_", "Nn_", "ngettext", "count"):
            inside.update(id(a) for a in node.args)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            docstrings.add(id(node.body[0].value))
        if isinstance(node, ast.Subscript):  # dictionary keys and column names: record["client_name"]
            inside.add(id(node.slice))
        if isinstance(node, ast.Dict):
            inside.update(id(k) for k in node.keys if k is not None)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside | docstrings:
            text = node.value
            prose = " " in text.strip() or re.fullmatch(r"[A-ZА-Я][a-zа-я]+", text)  # 'Clients', 'Call list'
            if re.search(r"[A-Za-zА-Яа-я]", text) and prose and text not in TECHNICAL:
                found.append(f"{path.name}:{node.lineno}: {text!r}")
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in RENDERERS if p.name not in ("json_report.py", "json_writer.py", "workbook.py", "sheet_rows.py")],
    ids=lambda p: p.name,
)
def test_renderers_have_no_user_facing_literal_outside_the_catalogue(path):
    assert _literals_outside_catalogue(path) == []


def small_analysis():
    rows = [
        line("anna", d, 1234.5, name="Anna de Vries", phone="06-12345678")
        for d in ("2026-06-15", "2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15", "2026-11-15")
    ]
    rows += [line("bea", "2026-11-01", 45.0, name="Bea Bakker")]
    return analyze(ledger(*rows), as_of=pd.Timestamp("2026-11-22"), rules=Rules())


def rendered(analysis):
    console = Console(width=80, no_color=True, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(analysis_view(analysis, []))
    return console.export_text()


@pytest.mark.parametrize(
    ("lang", "currency", "expected"),
    [
        (
            "en",
            "EUR",
            [
                "As of     2026-11-22",
                "revenue €7,452.00",
                "€7,407",
                "Top 20.0% of clients (1 of 2) bring",
                "99.4%",
                "Client segments",
            ],
        ),
        (
            "nl",
            "EUR",
            [
                "Peildatum  22-11-2026",
                "omzet €\xa07.452,00",
                "€\xa07.407",
                "De beste 20,0% van de klanten (1 van 2) brengt",
                "99,4%",
                "Klantgroepen",
                "A-klant",
            ],
        ),
        (
            "ru",
            "RUB",
            [
                "На дату  22.11.2026",
                "выручка 7\xa0452,00\xa0₽",
                "7\xa0407\xa0₽",
                "Лучшие 20,0% клиентов (1 из 2) приносят",
                "99,4%",
                "Группы клиентов",
                "новые",
            ],
        ),
    ],
    ids=["en", "nl", "ru"],
)
def test_rendered_report_per_language_with_exact_figures(language, lang, currency, expected):
    language(lang, currency)
    text = rendered(small_analysis())
    for fragment in expected:
        assert fragment in text, fragment
    assert max(len(row) for row in text.splitlines()) <= 80


def test_language_resolution_order():
    assert resolve_language("ru", "nl", {"LANG": "en_US.UTF-8"}) == "ru"
    assert resolve_language(None, "nl", {"LANG": "ru_RU.UTF-8"}) == "nl"
    assert resolve_language(None, None, {"LC_ALL": "", "LANG": "ru_RU.UTF-8"}) == "ru"
    assert resolve_language(None, None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert resolve_language(None, None, {}) == "en"
    with pytest.raises(ValueError):
        set_language("de")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (
            ["analyze", str(EXAMPLES / "salon-nl.csv"), "--lang", "nl"],
            ["Klantgroepen", "Peildatum", "€ 356.503,05", "Deze week bellen"],
        ),
        (
            ["analyze", str(EXAMPLES / "salon-ru-cp1251.csv"), "--config", str(EXAMPLES / "salon-ru.toml")],
            ["Группы клиентов", "На дату", "14 669 860,00 ₽"],
        ),
        (
            ["prune", str(EXAMPLES / "salon-nl.csv"), "--lang", "nl", "--inactive", "2y"],
            ["Klanten niet gezien in 24 maanden", "Proefdraai"],
        ),
        (
            ["inspect", str(EXAMPLES / "salon-ru-cp1251.csv"), "--lang", "ru"],
            ["Кодировка", "точка с запятой", "десятичная запятая"],
        ),
    ],
    ids=["analyze-nl", "analyze-ru-config", "prune-nl", "inspect-ru"],
)
def test_cli_speaks_the_chosen_language_at_80_columns(args, fragments):
    result = CliRunner().invoke(app, [*args, "--as-of", "2026-11-20"] if args[0] != "inspect" else args)
    assert result.exit_code == 0, result.output
    text = result.output.replace("\xa0", " ")
    for fragment in fragments:
        assert fragment.replace("\xa0", " ") in text
    assert max(len(row) for row in result.output.splitlines()) <= 80
    assert "Client segments" not in result.output


def test_json_keys_and_segment_values_stay_english_in_every_language(tmp_path):
    out = tmp_path / "clients.csv"
    result = CliRunner().invoke(
        app, ["analyze", str(EXAMPLES / "salon-nl.csv"), "--lang", "nl", "--format", "json", "--clients-out", str(out)]
    )
    import json

    document = json.loads(result.output)
    assert set(document["segments"]) == {"A", "B", "C", "new", "lost"}
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.replace('"', "").startswith("client,client_name,email,phone,segment")  # every field is quoted
    assert set(pd.read_csv(out)["segment"]) <= {"A", "B", "C", "new", "lost", "potential"}
