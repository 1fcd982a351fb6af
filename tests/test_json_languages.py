"""The JSON of every command is language-neutral: machine keys, ISO dates, plain numbers, whatever --lang is.

Only these fields hold sentences for a person and follow the report language (the amounts in them too):
"""

import json
import re

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import EXAMPLES

HUMAN_TEXT_FIELDS = {"analyze": {"warnings", "call_list[].reason", "call_list[].approach"}}
AS_OF = "2026-11-20"
FILE = str(EXAMPLES / "salon-nl.csv")
COMMANDS = {
    "analyze": ["analyze", FILE, "--as-of", AS_OF],
    "prune": ["prune", FILE, "--as-of", AS_OF],
    "inspect": ["inspect", FILE],
    "staff": ["staff", FILE, "--as-of", AS_OF],
    "services": ["services", FILE, "--as-of", AS_OF],
    "services --list": ["services", FILE, "--as-of", AS_OF, "--list", "Nagels"],
    "load": ["load", FILE, "--as-of", AS_OF],
    "trend": ["trend", FILE, "--as-of", AS_OF, "--compare-from", "2026-05-01"],
    "client": ["client", FILE, "--as-of", AS_OF, "de vries"],
    "client (several)": ["client", FILE, "--as-of", AS_OF, "van"],
    "backtest": ["backtest", FILE, "--as-of", AS_OF],
    "movement": ["movement", FILE, "--from", "2026-08-20", "--to", AS_OF],
}
QUOTED = {"date_example", "amount_example"}  # a value as the export writes it (inspect)
LOCAL_DATE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{4}$")  # 20-11-2026, 20.11.2026, 11/20/2026


def _json(args: list[str], lang: str) -> dict:
    result = CliRunner().invoke(app, [*args, "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _walk(value, path=""):
    """(path, key or None, value) for every node; list items as ``path[]``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key, item
            yield from _walk(item, f"{path}.{key}".lstrip("."))
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, f"{path}[]")


def _without(document, fields: set[str]):
    """The document with the human-text fields blanked (their presence still counts)."""

    def strip(value, path=""):
        if isinstance(value, dict):
            return {k: ("…" if f"{path}{k}" in fields else strip(v, f"{path}{k}.")) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v, path.rstrip(".") + "[].") for v in value]
        return value

    return strip(document)


@pytest.fixture(scope="module", params=list(COMMANDS))
def outputs(request):
    args = COMMANDS[request.param]
    return request.param, {lang: _json(args, lang) for lang in ("en", "nl", "ru")}


def test_json_is_the_same_in_every_language_but_for_the_human_text_fields(outputs):
    name, documents = outputs
    fields = HUMAN_TEXT_FIELDS.get(name.split()[0], set())
    english = _without(documents["en"], fields)
    for lang in ("nl", "ru"):
        assert _without(documents[lang], fields) == english, f"{name} --lang {lang}"


def test_json_keys_are_ascii_and_dates_iso(outputs):
    name, documents = outputs
    for lang, document in documents.items():
        for path, key, value in _walk(document):
            assert key is None or key.isascii(), f"{name} --lang {lang}: key {key!r} at {path}"
            if isinstance(value, str) and key not in QUOTED:
                assert not LOCAL_DATE.match(value), f"{name} --lang {lang}: {path}.{key} = {value!r}"


def test_prune_age_buckets_are_machine_keys():
    document = _json(COMMANDS["prune"], "ru")
    assert document["cutoff"] == "2024-11-20" and document["as_of"] == AS_OF
    assert document["age_distribution"] == [
        {"never_visited": True, "from_years": None, "to_years": None, "clients": 2},
        {"never_visited": False, "from_years": 2, "to_years": 3, "clients": 28},
        {"never_visited": False, "from_years": 3, "to_years": 5, "clients": 21},
    ]
