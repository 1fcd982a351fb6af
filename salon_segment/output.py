"""Write output files safely: never over an input, never half-written, never as live formulas."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from salon_segment.errors import OutputError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def check_output_path(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Path:
    """Refuse an output that is one of the inputs, or that exists already unless ``force``."""
    path = Path(path)
    resolved = path.resolve()
    for source in inputs:
        if Path(source).resolve() == resolved:
            raise OutputError(f"{path}: refusing to write over an input file; choose another output name.")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; choose another name or pass --force to replace it.")
    return path


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file in the target folder, then rename it into place."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror or exc.__class__.__name__}).") from None
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror or exc.__class__.__name__}).") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def inert(text: str) -> str:
    """One text cell made inert: a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def inert_text(values: pd.Series) -> pd.Series:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP guidance)."""
    text = values.astype(str)
    return text.where(~text.str.startswith(FORMULA_PREFIXES), "'" + text)


def make_inert(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text column passed through ``inert_text``."""
    from salon_segment.phones import PHONE_COLUMNS, phone_mask

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            text = out[column].fillna("")
            safe = inert_text(text)
            out[column] = text.where(phone_mask(text), safe) if column in PHONE_COLUMNS else safe  # dialable
    return out


def write_table(frame: pd.DataFrame, path: Path, *, sheet_name: str = "clients") -> None:
    """Write a table atomically as CSV (UTF-8 with BOM, so Excel reads accents) or .xlsx, by suffix."""
    safe = make_inert(frame)
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        from salon_segment.render.workbook import write_table_xlsx

        atomic_write(path, lambda tmp: write_table_xlsx(safe, tmp, sheet_name=sheet_name))
    elif suffix in (".csv", ".txt", ""):
        atomic_write(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d"))
    else:
        raise OutputError(f"{path}: unsupported output type {suffix!r}; use .csv or .xlsx.")
