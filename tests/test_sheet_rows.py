"""Table rows spliced into openpyxl's sheets read back exactly as openpyxl would have written them."""

import datetime as dt
import io
import math

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from salon_segment.render import sheet_rows
from salon_segment.render.sheet_rows import CellColumn, splice_rows


def _round_trip(tmp_path, columns_of) -> list[tuple]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["header"])
    template = WriteOnlyCell(sheet, value=0)
    template.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    columns = columns_of(template.style_id)
    workbook.save(buffer)
    target = tmp_path / "rows.xlsx"
    splice_rows(buffer, target, {"xl/worksheets/sheet1.xml": columns})
    data = load_workbook(target)["Data"]
    return [tuple(c.value for c in row) for row in data.iter_rows(min_row=2)], data


def test_text_numbers_dates_and_gaps_read_back(tmp_path):
    text = pd.Series(["Anna & Co <VIP>", "", "  spaced  ", "Ольга\x07"], dtype=object)
    numbers = pd.Series([1.0, 3474.3500000000004, math.nan, -0.1])
    dates = pd.Series(pd.to_datetime(["2026-11-20", None, "1999-12-31", "2000-02-29"]))
    rows, sheet = _round_trip(
        tmp_path,
        lambda date_style: [
            CellColumn(text, "text"),
            CellColumn(numbers, "number"),
            CellColumn(dates, "date", date_style),
        ],
    )
    assert rows == [
        ("Anna & Co <VIP>", 1, dt.datetime(2026, 11, 20)),
        (None, 3474.35, None),  # empty text and a missing date: no cell; numbers as openpyxl writes them (%.16g)
        ("  spaced  ", None, dt.datetime(1999, 12, 31)),
        ("Ольга", -0.1, dt.datetime(2000, 2, 29)),  # a control character XML cannot hold is dropped
    ]
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["B2"].number_format == "General"


def test_rows_continue_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_rows, "CHUNK_ROWS", 3)
    values = pd.Series(range(8), dtype="int64")
    rows, sheet = _round_trip(tmp_path, lambda _style: [CellColumn(values, "number")])
    assert [r[0] for r in rows] == list(range(8))
    assert sheet.max_row == 9


def test_a_sheet_without_sheet_data_is_refused(tmp_path):
    workbook = Workbook(write_only=True)
    workbook.create_sheet("Data")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ValueError, match=r"xl/styles\.xml"):
        splice_rows(buffer, tmp_path / "x.xlsx", {"xl/styles.xml": [CellColumn(pd.Series([1]), "number")]})


def test_numbers_are_written_as_openpyxl_writes_them():
    """Whole numbers take a shortcut; every value still reads as '%.16g' gives it (-0.0 and 10^15 included)."""
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.lists(st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**17), 10**17).map(float)))
    def check(values):
        texts, missing = sheet_rows._numbers(CellColumn(pd.Series(values, dtype=float), "number"))
        for value, text, gone in zip(values, texts, missing, strict=True):
            assert gone == (not math.isfinite(value))
            if not gone:
                assert text == "%.16g" % value  # noqa: UP031  (what openpyxl does)

    check()
    texts, _missing = sheet_rows._numbers(CellColumn(pd.Series([-0.0, 0.0, 1e15, 3.0, 2.5]), "number"))
    assert texts == ["-0", "0", "1000000000000000", "3", "2.5"]


def test_text_is_escaped_for_xml_column_by_column():
    cells = sheet_rows._cells(CellColumn(pd.Series(["a&b", "", "<x>", "plain"]), "text"), "B", ["2", "3", "4", "5"])
    assert cells == [
        '<c r="B2" t="inlineStr"><is><t xml:space="preserve">a&amp;b</t></is></c>',
        "",
        '<c r="B4" t="inlineStr"><is><t xml:space="preserve">&lt;x&gt;</t></is></c>',
        '<c r="B5" t="inlineStr"><is><t xml:space="preserve">plain</t></is></c>',
    ]
