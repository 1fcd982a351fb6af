"""The functional core stays pure: no I/O libraries, no clock, no row loops."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SCORING = Path(__file__).resolve().parent.parent / "salon_segment" / "scoring"


def test_importing_scoring_loads_no_cli_rendering_or_excel_library():
    code = (
        "import sys, salon_segment.scoring;"
        "print(sorted(m for m in ('typer', 'rich', 'openpyxl', 'python_calamine') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


@pytest.mark.parametrize("module", sorted(SCORING.glob("*.py")), ids=lambda p: p.name)
def test_scoring_has_no_row_loops_clock_or_printing(module):
    tree = ast.parse(module.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            assert node.attr not in {"iterrows", "itertuples", "apply", "applymap", "today", "now"}, (
                f"{module.name}:{node.lineno} uses .{node.attr}"
            )
        if isinstance(node, ast.Name):
            assert node.id not in {"print", "open"}, f"{module.name}:{node.lineno} uses {node.id}"
        if isinstance(node, (ast.For, ast.comprehension)):
            iterable = node.iter
            name = getattr(iterable, "attr", getattr(iterable, "id", ""))
            literal = (
                isinstance(iterable, (ast.Tuple, ast.List))
                or (isinstance(iterable, ast.Call) and getattr(iterable.func, "id", "") == "range")
                or (isinstance(iterable, (ast.Name, ast.Attribute)) and name.isupper())  # column-name constants
            )
            assert literal, f"{module.name}:{getattr(node, 'lineno', '?')} loops over data, not a fixed list"


def test_help_does_not_import_pandas():
    code = (
        "import sys\nfrom salon_segment.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().endswith("False")
