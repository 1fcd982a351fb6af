"""A narrow terminal drops the least important columns; it never cuts a figure."""

import os
import re
import subprocess
import sys

import pytest

from tests.helpers import EXAMPLES, ROOT


@pytest.mark.parametrize(("export", "lang"), [("salon-ru-cp1251.csv", "ru"), ("salon-nl.csv", "nl")])
@pytest.mark.parametrize("columns", [60, 80])
def test_no_amount_is_cut(export, lang, columns):
    environment = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "salon_segment", "analyze", str(EXAMPLES / export), "--as-of", "2026-11-20",
         "--lang", lang],
        capture_output=True, text=True, env=environment, check=True,
    )  # fmt: skip
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    money = [line for line in lines if "₽" in line or "€" in line]
    assert money and not [line for line in money if re.search(r"\d[\xa0 ]?…|…[\d₽€]", line)]
    assert not re.search(r"\d…", "\n".join(line for line in lines if "│" not in line))  # tables, not paths
