"""A progress line on stderr with named stages (reading, parsing, scoring, writing) for large exports.

Shown only when stderr is a terminal, the inputs are larger than :data:`MIN_BYTES` and the run is not
``--quiet``: never in cron, in pipes or in tests. It appears as soon as a run starts (the spinner refreshes
by itself, so the first stage shows within a second) and disappears before the report is printed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from salon_segment.i18n import _

MIN_BYTES = 4 * 1024 * 1024
_state: dict[str, Any] = {"status": None, "console": None}


def wanted(files: Sequence[Path], *, quiet: bool = False, environ: dict[str, str] | None = None) -> bool:
    """Whether to show progress: a terminal on stderr, not quiet, not TERM=dumb, inputs over MIN_BYTES."""
    environ = dict(os.environ) if environ is None else environ
    if quiet or environ.get("TERM") == "dumb" or not sys.stderr.isatty():
        return False
    return sum(Path(f).stat().st_size for f in files if Path(f).is_file()) >= MIN_BYTES


def begin(files: Sequence[Path], *, quiet: bool = False) -> None:
    """Start the progress line (if wanted) with the reading stage."""
    if _state["status"] is not None or not wanted(files, quiet=quiet):
        return
    from rich.console import Console

    console = Console(stderr=True)
    status = console.status(_stage_text(_("reading"), Path(files[0]).name if files else ""), spinner="dots")
    status.start()
    _state.update(status=status, console=console)


def stage(name: str, detail: str = "") -> None:
    """Show the current stage: 'reading', 'parsing', 'scoring' or 'writing' (translated), with a detail."""
    status = _state["status"]
    if status is not None:
        status.update(_stage_text(name, detail))


def end() -> None:
    """Remove the progress line (before the report is printed, or on an error)."""
    status = _state["status"]
    if status is not None:
        status.stop()
        _state.update(status=None, console=None)


def _stage_text(name: str, detail: str) -> str:
    from rich.markup import escape

    return f"[bold]{escape(name)}[/bold] {escape(detail)}".rstrip() + "…"


@contextlib.contextmanager
def importer_stages() -> Iterator[None]:
    """While importing, name the stage: 'reading' a file, then 'parsing' it (wraps the importer's two steps)."""
    import salon_segment.importers as importers

    if _state["status"] is None or not all(hasattr(importers, n) for n in ("read_table", "normalize")):
        yield
        return
    read_table, normalize = importers.read_table, importers.normalize

    def reading(path: Any, *args: Any, **kwargs: Any) -> Any:
        stage(_("reading"), Path(path).name)
        return read_table(path, *args, **kwargs)

    def parsing(raw: Any, *args: Any, **kwargs: Any) -> Any:
        stage(_("parsing"), Path(str(getattr(raw, "path", ""))).name)
        return normalize(raw, *args, **kwargs)

    importers.read_table, importers.normalize = reading, parsing  # type: ignore[attr-defined]
    try:
        yield
    finally:
        importers.read_table, importers.normalize = read_table, normalize  # type: ignore[attr-defined]
