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


PACKAGE = SCORING.parent
LIBRARY = ("api.py", "report.py", "presentation.py")


def _imported_modules(path: Path, *, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("name", LIBRARY)
def test_the_library_imports_no_command_line_and_no_renderer_when_loaded(name):
    """api, report and presentation know no command line; the JSON builders are imported only inside to_dict."""
    everywhere = _imported_modules(PACKAGE / name, top_level_only=False)
    assert not {m for m in everywhere if m.startswith(("salon_segment.cli", "typer"))}
    loaded = _imported_modules(PACKAGE / name, top_level_only=True)
    assert not {m for m in loaded if m.startswith(("salon_segment.render", "rich", "openpyxl"))}


@pytest.mark.parametrize("path", sorted((PACKAGE / "render").glob("*.py")), ids=lambda p: p.name)
def test_renderers_call_no_command(path):
    assert not {m for m in _imported_modules(path, top_level_only=False) if m.startswith("salon_segment.cli")}


def test_no_module_of_the_command_line_or_the_library_is_over_400_lines():
    paths = [*(PACKAGE / "cli").glob("*.py"), *(PACKAGE / name for name in LIBRARY)]
    assert {p.name: n for p in paths if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400} == {}
