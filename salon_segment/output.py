"""Write output files safely: never over an input, never half-written, never as live formulas.

One writer for every output (``atomic_write``): a temporary file beside the target is created exclusively
(``O_CREAT|O_EXCL|O_NOFOLLOW``, mode 0600), written through that one descriptor, given the output's final mode,
fsync-ed and renamed into place; it is never reopened by name. While it exists it is registered, and SIGTERM,
SIGINT and interpreter exit remove it. Every cell goes through the one sanitiser in ``salon_segment.cells``.
"""

from __future__ import annotations

import atexit
import csv
import io
import os
import secrets
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from salon_segment.cells import FORMULA_PREFIXES, inert, inert_csv_text, inert_text
from salon_segment.errors import OutputError, SalonSegmentError

__all__ = [
    "FORMULA_PREFIXES",
    "Terminated",
    "atomic_write",
    "check_distinct_outputs",
    "check_output_path",
    "inert",
    "inert_text",
    "make_inert",
    "write_table",
]

_OPEN_TEMPORARIES: set[str] = set()


class Terminated(SalonSegmentError):
    """SIGTERM arrived while an output was being written; the temporary file was removed."""

    exit_code = 128 + signal.SIGTERM


def _remove_temporaries() -> None:
    """Remove every temporary output file that is still open (on a signal, and at interpreter exit)."""
    for name in list(_OPEN_TEMPORARIES):
        with suppress(OSError):
            os.unlink(name)
        _OPEN_TEMPORARIES.discard(name)


atexit.register(_remove_temporaries)


def _on_sigterm(signum: int, frame: Any) -> None:
    """SIGTERM during a write: remove the temporaries, then end through the CLI's error path (exit 143)."""
    _remove_temporaries()
    raise Terminated("terminated (SIGTERM) while writing an output; no partial file was left behind.")


@contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """Around a write: SIGTERM removes the temporary file and ends with exit 143 (SIGINT raises
    KeyboardInterrupt, which the writer's ``finally`` handles, and the CLI ends with 130)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _resolved(path: Path) -> Path:
    """The absolute path with every symlink followed (also for a file that does not exist yet)."""
    return Path(os.path.realpath(os.path.abspath(path)))


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same file through a hard link or mount."""
    if _resolved(Path(first)) == _resolved(Path(second)):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def check_output_path(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Path:
    """Refuse an output that is one of the inputs, or that exists already unless ``force``."""
    path = Path(path)
    for source in inputs:
        if same_file(source, path):
            raise OutputError(f"{path}: refusing to write over an input file; choose another output name.")
    if (path.exists() or path.is_symlink()) and not force:
        raise OutputError(f"{path}: already exists; choose another name or pass --force to replace it.")
    return path


def check_distinct_outputs(paths: Iterable[Path | None]) -> None:
    """Refuse the same output path given twice (also through a symlink, a relative form or letter case on a
    case-insensitive disk): the second write would silently replace the first."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path is None:
            continue
        key = os.path.normcase(str(_resolved(Path(path))))
        if key in seen:
            raise OutputError(
                f"{path}: the same output file is given twice (also as {seen[key]}); give each output its own name."
            )
        for earlier in seen.values():
            if same_file(earlier, path):
                raise OutputError(
                    f"{path}: the same output file is given twice (also as {earlier}); give each output its own name."
                )
        seen[key] = Path(path)


def _final_mode(path: Path) -> int:
    """The mode the output ends with: that of the file it replaces, else 0666 minus the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0o077)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    """One sentence for an output that the system refused."""
    return OutputError(f"{path}: cannot write here ({exc.strerror or exc.__class__.__name__}).")


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` with a binary file open on an exclusive temporary file beside ``path``, then rename it
    into place (see the module docstring)."""
    path = Path(path)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    with _cleanup_on_signals():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = _final_mode(path)
            temporary = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
            descriptor = os.open(temporary, flags, 0o600)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        _OPEN_TEMPORARIES.add(temporary)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                write(handle)
                handle.flush()
                if hasattr(os, "fchmod"):
                    os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
                written, named = os.fstat(handle.fileno()), os.lstat(temporary)
            if (written.st_dev, written.st_ino) != (named.st_dev, named.st_ino):
                raise OutputError(f"{path}: the temporary file was replaced while it was written; nothing was written.")
            os.replace(temporary, path)
            _OPEN_TEMPORARIES.discard(temporary)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        finally:
            if temporary in _OPEN_TEMPORARIES:
                with suppress(OSError):
                    os.unlink(temporary)
                _OPEN_TEMPORARIES.discard(temporary)


def _is_text(column: pd.Series) -> bool:
    """Text, object or categorical columns (numbers, booleans and dates are never neutralised)."""
    dtype = column.dtype
    return dtype is np.dtype(object) or isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype)


def make_inert(frame: pd.DataFrame, *, csv_pieces: bool = False) -> pd.DataFrame:
    """A copy of ``frame`` with every text column sanitised and neutralised (numbers and dates untouched);
    ``csv_pieces`` neutralises every piece after a ``;`` or ``,`` too (see ``salon_segment.cells``). A
    phone-shaped value in a phone column stays as it is, dialable (see ``salon_segment.phones``)."""
    from salon_segment.phones import PHONE_COLUMNS, phone_mask

    out = frame.copy()
    for column in out.columns:
        if _is_text(out[column]):
            values = out[column]
            if pd.api.types.is_string_dtype(values.dtype) and not isinstance(values.dtype, pd.CategoricalDtype):
                values = values.fillna("")
            else:
                values = values.astype(object).where(values.notna(), "")
            safe = inert_csv_text(values) if csv_pieces else inert_text(values)
            out[column] = values.where(phone_mask(values), safe) if column in PHONE_COLUMNS else safe
    return out


def _write_csv(frame: pd.DataFrame, handle: IO[bytes]) -> None:
    """UTF-8 with BOM (so Excel reads accents), every field quoted (OWASP), dates as YYYY-MM-DD."""
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    frame.to_csv(text, index=False, date_format="%Y-%m-%d", quoting=csv.QUOTE_ALL, lineterminator="\n")
    text.flush()
    text.detach()


def write_table(frame: pd.DataFrame, path: Path, *, sheet_name: str = "clients") -> None:
    """Write a table atomically as CSV or .xlsx, by suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        from salon_segment.render.workbook import write_table_xlsx

        safe = make_inert(frame)
        atomic_write(path, lambda handle: write_table_xlsx(safe, handle, sheet_name=sheet_name))
    elif suffix in (".csv", ".txt", ""):
        safe = make_inert(frame, csv_pieces=True)
        atomic_write(path, lambda handle: _write_csv(safe, handle))
    else:
        raise OutputError(f"{path}: unsupported output type {suffix!r}; use .csv or .xlsx.")
