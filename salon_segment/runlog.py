"""``--log FILE``: append error messages to a log file, for cron jobs and scheduled tasks.

A shell redirect (``2>> reports/errors.log``) fails before the tool runs when the folder does not exist yet;
``--log`` creates the folder and the file on first use, so a scheduled run works verbatim from day one.
The file is created (empty) on every run, and each error is appended as one line with the time and command.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from salon_segment.i18n import _


def open_log(path: Path) -> None:
    """Create the log's folder and the log file itself if they do not exist yet (never truncates)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)


def append_error(path: Path, message: str, *, command: str = "") -> None:
    """Append one line: local time, the command, and the message (never raises: the error still goes to stderr)."""
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    line = f"{stamp} salon-segment {command}: {message}".replace("\n", " ") + "\n"
    try:
        open_log(path)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        print(_("{path}: cannot write the log ({reason}).").format(path=path, reason=reason), file=sys.stderr)
