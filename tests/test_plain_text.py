"""The importer's fast paths give what the slow ones give: Arrow's dictionary codes for the raw columns, and
Arrow's ASCII kernels for plain distinct values (``importers.plain_text``)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_segment.importers import source
from salon_segment.importers.cells import _plain_alphanumeric, _plain_digit
from salon_segment.importers.identity import _id_text, _plain_id
from salon_segment.importers.plain_text import arrow_text, by_parts, lengths, plain_mask, sorted_codes
from salon_segment.importers.text_column import _stripped, _stripped_slowly
from salon_segment.importers.values import (
    TextColumn,
    _email_text,
    _fold_text,
    _plain_email,
    _plain_lower,
    email_text,
    fold_text,
)

# text that exercises the border of "plain": spaces, tabs, control and C1 characters, non-ASCII letters and
# digits, Unicode spaces, case folding that differs from lower() (ß), dots and zeros of spreadsheet ids
ALPHABET = st.sampled_from(
    [*"aZ09 .@-_,", "  ", "\t", "\n", "\r", "\x1c", "\x1f", "\x7f", "\x85", "\xa0", "\u2003", "é", "ß", "٣",
     "Ⅻ", "İ", "ﬁ", ".0", "---", "\x00"]
)  # fmt: skip
TEXT = st.lists(ALPHABET, max_size=6).map("".join)
VALUES = st.lists(TEXT, max_size=30)


def _series(values):
    return pd.Series(values, dtype=object)


@pytest.mark.parametrize(
    ("fast", "slow"),
    [
        (lambda plain: plain, _stripped_slowly),
        (_plain_email, _email_text),
        (_plain_lower, _fold_text),
        (_plain_id, _id_text),
        (_plain_digit, lambda other: other.astype(str).str.contains(r"\d", regex=True)),
        (_plain_digit, lambda other: other.str.contains(r"\d", regex=True)),
        (_plain_alphanumeric, lambda other: other.str.contains(r"[^\W_]")),
    ],
)
@settings(max_examples=150, deadline=None)
@given(values=VALUES)
def test_plain_values_by_arrow_equal_python(fast, slow, values):
    uniques = _series(values)
    expected = np.asarray(slow(uniques))
    got = by_parts(uniques, fast, slow)
    assert got.tolist() == expected.tolist()


@settings(max_examples=150, deadline=None)
@given(values=VALUES)
def test_lengths_and_sorted_codes_equal_python(values):
    uniques = _series(values)
    assert lengths(uniques).tolist() == uniques.str.len().fillna(0).astype("int64").tolist()
    codes, categories = pd.factorize(uniques.to_numpy(dtype=object), sort=True)
    fast = sorted_codes(uniques.to_numpy(dtype=object))
    if values:
        assert fast is not None
        assert fast[0].tolist() == codes.tolist()
        assert list(fast[1]) == list(categories)


def test_plain_is_printable_ascii_without_outer_or_double_spaces():
    values = ["Client 0001", "", "a b", " a", "a ", "a  b", "a\tb", "é", "a\x7f", "~!"]
    assert plain_mask(arrow_text(values)).tolist() == [True, True, True, False, False, False, False, False, False, True]


def test_values_arrow_cannot_hold_take_the_python_path():
    surrogate = "\udcff"
    assert arrow_text([surrogate, "a"]) is None
    assert arrow_text([b"bytes"]) is None and arrow_text([None, "a"]) is None and arrow_text([1, 2]) is None
    uniques = _series([f"A{surrogate}@X.nl", "Ann@Example.COM"])
    assert email_text(uniques).tolist() == [f"a{surrogate}@x.nl", "ann@example.com"]
    assert fold_text(_series(["Ann  B", surrogate])).tolist() == ["ann b", surrogate]
    assert _stripped([" a\x1b ", "b"]).tolist() == ["a", "b"]


def _raw_columns(tmp_path, text, monkeypatch, block_bytes):
    monkeypatch.setattr(source, "ARROW_BLOCK_BYTES", block_bytes)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return source.read_table(path).cells


@pytest.mark.parametrize("quoted", [False, True])
def test_the_parsers_dictionary_numbers_values_as_a_factorisation(tmp_path, monkeypatch, quoted):
    rng = np.random.default_rng(7)
    names = [f"Client {i:03d}" for i in rng.integers(0, 400, 3000)]
    quote = '"' if quoted else ""
    lines = [f"{quote}{name}{quote},2026-0{i % 9 + 1}-1{i % 10}, {i % 7} " for i, name in enumerate(names)]
    text = "Client,Date,Amount\n" + "\n".join(lines) + "\n"
    cells = _raw_columns(tmp_path, text, monkeypatch, 4096)  # many blocks, each with its own dictionary
    assert isinstance(cells[0].dtype, pd.CategoricalDtype)
    for position in range(3):
        plain = cells[position].astype(object)
        fast, slow = TextColumn.of_cells(cells[position]), TextColumn.of(plain)
        assert fast.codes.tolist() == slow.codes.tolist()
        assert fast.uniques.tolist() == slow.uniques.tolist()
    assert fast.uniques.tolist()[:2] == ["0", "1"]  # stripped


def test_categories_not_from_the_parser_are_factorised():
    unused = pd.Series(pd.Categorical(["b", "a", "b"], categories=["a", "b", "c"]))
    column = TextColumn.of_cells(unused)
    assert column.uniques.tolist() == ["b", "a"] and column.codes.tolist() == [0, 1, 0]
    missing = pd.Series(pd.Categorical(["b", None, "a"], categories=["a", "b"]))
    assert TextColumn.of_cells(missing).codes.tolist() == TextColumn.of(missing).codes.tolist()


def test_an_ascii_file_without_quotes_is_decoded_only_as_far_as_the_reader_reads(tmp_path):
    from salon_segment.errors import InputFileError
    from salon_segment.importers.encoding import decode, decode_head
    from salon_segment.importers.source import _head

    path = tmp_path / "x.csv"
    data = b"Client,Date\n" + b"".join(b"Ann %d,2026-01-02\n" % i for i in range(30_000))
    chosen, head = decode_head(path, data, None, 200)
    assert chosen == "utf-8" and len(head) < len(data)
    assert _head(head, 200) == _head(decode(path, data, None)[1], 200)
    assert decode_head(path, b"a,b\n1,2", None, 200) == ("utf-8", "a,b\n1,2")
    quoted = data + b'"Bo",2026-01-03\n'
    assert decode_head(path, quoted, None, 200)[1] == quoted.decode()  # quotes: the whole text
    with pytest.raises(InputFileError, match="binary"):  # a NUL after the head but in the checked characters
        decode_head(path, data[:50_000] + b"\x00" + data[50_000:], None, 200)
