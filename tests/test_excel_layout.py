"""Excel layout: widths from content (headers included, capped), translated rule names on the About sheet."""

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.render.widths import MAX_WIDTH
from tests.helpers import EXAMPLES


@pytest.fixture(scope="module")
def dutch_workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "overzicht.xlsx"
    result = CliRunner().invoke(
        app, ["analyze", str(EXAMPLES / "salon-nl.csv"), "--as-of", "2026-11-20", "--lang", "nl", "--excel", str(path)]
    )
    assert result.exit_code == 0, result.output
    return load_workbook(path)


@pytest.mark.parametrize("sheet", ["Klanten", "Bellijst", "Opschonen"])
def test_columns_fit_their_header_words_and_values(dutch_workbook, sheet):
    ws = dutch_workbook[sheet]
    for header in ws[1]:
        width = ws.column_dimensions[header.column_letter].width
        assert width >= max(len(w) for w in str(header.value).split()) + 1, header.value
        assert header.alignment.wrap_text
        longest = max((len(str(c.value)) for c in ws[header.column_letter][1:200] if isinstance(c.value, str)),
                      default=0)  # fmt: skip
        assert width >= min(longest, MAX_WIDTH), (header.value, width, longest)


def test_the_about_sheet_names_rules_in_the_report_language(dutch_workbook):
    about = dutch_workbook["Over"] if "Over" in dutch_workbook.sheetnames else dutch_workbook.worksheets[-1]
    labels = [row[0] for row in about.iter_rows(values_only=True) if row and row[0]]
    assert "Verloren na zoveel maanden zonder bezoek" in labels
    assert "lost_after_months" not in labels
    settings = [row[2] for row in about.iter_rows(values_only=True) if row and len(row) > 2]
    assert "lost_after_months" in settings
