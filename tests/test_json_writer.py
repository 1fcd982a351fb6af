"""The fast JSON writer gives exactly what json.dumps gives, and Records reads like a list of dicts."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_segment.render.json_report import json_text
from salon_segment.render.json_writer import Records, indented, record_lines, tokens

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(values)
@settings(max_examples=300)
def test_indented_is_json_dumps(value: object) -> None:
    assert indented(value) == _dumps(value)


@given(st.dictionaries(st.text(max_size=6), values, max_size=5))
def test_nested_levels_are_indented_as_json_dumps(value: dict[str, object]) -> None:
    assert indented({"a": [value, {"b": value}]}) == _dumps({"a": [value, {"b": value}]})


@pytest.mark.parametrize("key", [1, 2.5, True, False, None, float("nan")])
def test_dict_keys_that_are_not_text(key: object) -> None:
    assert indented({key: 1, "x": [key]}) == _dumps({key: 1, "x": [key]})


def test_what_json_cannot_write_raises_as_json_does() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        indented({"a": {1, 2}})


columns = st.lists(st.none() | st.floats(allow_nan=True) | st.integers(-5, 5) | st.text(max_size=5), max_size=6)
kinds = st.sampled_from(["float", "int", "text", "mixed", "bool"])


@st.composite
def records(draw: st.DrawFn) -> Records:
    n = draw(st.integers(0, 8))
    keys = draw(st.lists(st.text(max_size=5), unique=True, max_size=5))
    made = []
    for _key in keys:
        kind = draw(kinds)
        element = {
            "float": st.floats(allow_nan=True, allow_infinity=True),
            "int": st.integers(-(10**12), 10**12),
            "text": st.text(max_size=8),
            "bool": st.booleans(),
            "mixed": scalars | st.lists(st.integers(0, 3), max_size=2) | st.dictionaries(st.text(max_size=2), scalars),
        }[kind]
        if draw(st.booleans()):
            element = element | st.none()
        made.append(draw(st.lists(element, min_size=n, max_size=n)))
    return Records(tuple(keys), tuple(made))


@given(records())
@settings(max_examples=300)
def test_records_are_written_as_their_dicts(table: Records) -> None:
    dicts = [dict(zip(table.keys, row, strict=True)) for row in zip(*table.columns, strict=True)] if table.keys else []
    if not table.keys:
        return
    assert list(table) == dicts
    assert table == dicts
    assert indented({"list": table}) == _dumps({"list": dicts})
    encode = json.JSONEncoder(ensure_ascii=False).encode
    assert record_lines(table) == [encode(r) for r in dicts]


def test_records_index_like_a_list() -> None:
    table = Records(("a", "b"), ([1, 2, 3], ["x", "y", "z"]))
    assert len(table) == 3
    assert table[1] == {"a": 2, "b": "y"}
    assert table[-1] == {"a": 3, "b": "z"}
    assert table[:2] == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]


def test_a_column_of_one_type_is_encoded_at_once() -> None:
    assert tokens([1.5, None, 2.0]) == ["1.5", "null", "2.0"]
    assert tokens([math.nan, 1.0]) == ["NaN", "1.0"]
    assert tokens(["a\"b", None]) == ['"a\\"b"', "null"]
    assert tokens([True, 1, 2.5]) == ["true", "1", "2.5"]
    assert tokens([[1]]) == [None]


@given(st.lists(st.dictionaries(st.sampled_from(["client", "p", "n"]), scalars, min_size=3), min_size=0, max_size=70))
@settings(max_examples=60)
def test_json_text_of_a_document_with_many_clients(clients: list[dict[str, object]]) -> None:
    """The layout of ``analyze --format json``: indented, with 50 or more clients one record a line."""
    document = {"as_of": "2026-11-20", "clients": clients, "after": {"x": [1, 2]}}
    expected = _dumps(document)
    if len(clients) >= 50:
        encode = json.JSONEncoder(ensure_ascii=False).encode
        marker = "\u0000clients\u0000"
        head = _dumps({**document, "clients": marker})
        expected = head.replace(
            json.dumps(marker), "[\n" + ",\n".join("    " + encode(r) for r in clients) + "\n  ]", 1
        )
    assert json_text(document) == expected
    keys = ("client", "p", "n")
    if all(tuple(c) == keys for c in clients) and clients:
        table = Records(keys, tuple([c[k] for c in clients] for k in keys))
        assert json_text({**document, "clients": table}) == expected


def test_analyze_as_json_loads_neither_rich_nor_openpyxl():
    """Start-up: the JSON of analyze needs no terminal or Excel code."""
    import subprocess
    import sys

    from tests.helpers import EXAMPLES

    code = (
        "import sys\n"
        "from salon_segment.cli import main\n"
        f"sys.argv = ['salon-segment', 'analyze', {str(EXAMPLES / 'salon-en.csv')!r}, '--format', 'json',"
        " '--as-of', '2026-11-20']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'openpyxl') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["call_list"]
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_key_json_cannot_write_raises_as_json_does():
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None"):
        indented({(1, 2): 1})


@pytest.mark.parametrize("name", ["salon-nl.csv", "fresha-sales.csv", "client-list.csv"])
def test_report_to_json_is_the_text_of_to_dict(name):
    """What --format json prints (written from the columns) is the JSON of Report.to_dict()."""
    import salon_segment
    from tests.helpers import EXAMPLES

    report = salon_segment.analyze(EXAMPLES / name, as_of="2026-11-20")
    document = report.to_dict()
    assert isinstance(document["clients"], list)
    assert isinstance(document["call_list"], list)
    assert report.to_json() == json_text(document)
    assert report.to_json({"campaign": {"written": 3}}) == json_text({**document, "campaign": {"written": 3}})
