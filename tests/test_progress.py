"""Progress on stderr with named stages for a large export in a terminal; nothing in cron, pipes or --quiet."""

import os
import pty
import select
import subprocess
import sys
import time

import pytest

from salon_segment import progress
from tests.helpers import EXAMPLES, ROOT

STAGES = ("reading", "parsing", "scoring", "writing")


@pytest.fixture(scope="module")
def large_export(tmp_path_factory):
    """About 6 MB: the Dutch example's lines, repeated with other client numbers."""
    lines = (EXAMPLES / "salon-nl.csv").read_text(encoding="utf-8-sig").splitlines()
    header, body = lines[0], lines[1:]
    path = tmp_path_factory.mktemp("large") / "large.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header + "\n")
        for copy in range(6):
            handle.writelines(f"{copy}{line}\n" for line in body)
    assert path.stat().st_size > progress.MIN_BYTES
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_large_run_in_a_terminal_names_a_stage_on_stderr_within_2_seconds(large_export):
    primary, secondary = pty.openpty()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "COLUMNS": "80"}
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "salon_segment", "analyze", str(large_export), "--as-of", "2026-11-20", "--lang", "en"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary, env=environment,
    )  # fmt: skip
    os.close(secondary)
    seen, first = b"", None
    try:
        while time.monotonic() - started < 30 and first is None:
            ready, _w, _x = select.select([primary], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(primary, 4096)
                except OSError:
                    break
            if any(stage.encode() in seen for stage in STAGES):
                first = time.monotonic() - started
    finally:
        process.wait(timeout=120)
        os.close(primary)
    assert first is not None, seen[-500:]
    assert first < 2.0, f"first stage after {first:.2f} s"
    assert process.returncode == 0


def test_no_progress_without_a_terminal_or_when_quiet(large_export, monkeypatch):
    assert not progress.wanted([large_export])  # pytest's stderr is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert progress.wanted([large_export], environ={"TERM": "xterm"})
    assert not progress.wanted([large_export], quiet=True, environ={"TERM": "xterm"})
    assert not progress.wanted([large_export], environ={"TERM": "dumb"})
    assert not progress.wanted([EXAMPLES / "client-list.csv"], environ={"TERM": "xterm"})
