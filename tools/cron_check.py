"""Run the README's crontab line verbatim in a minimal environment, as cron would, and check what it leaves.

    python tools/cron_check.py --venv .ci-venv      # the virtual environment that has salon-segment installed

The line is taken from README.md (the ```text block after "A crontab line"), its five time fields dropped,
``/home/salon`` replaced by a fresh temporary folder holding ``.venv`` (a link to --venv) and
``exports/latest.csv`` (the Dutch example), and run with ``env -i PATH=/usr/bin:/bin HOME=$HOME /bin/sh -c``.
Checks: exit 0, one workbook in reports/, the log file exists and is empty; then, with the export removed,
exit 1 and one error line naming the file in the log. Exit 0 when all hold, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME = "/home/salon"


def cron_command(readme: str) -> str:
    """The shell command of the README's crontab line (without the five schedule fields)."""
    section = readme.split("A crontab line", 1)[1]
    block = section.split("```text", 1)[1].split("```", 1)[0]
    line = next(text for text in block.splitlines() if text.strip())
    return re.split(r"\s+", line.strip(), maxsplit=5)[5]


def log_path(command: str) -> str:
    """The --log FILE of the command (relative to the salon folder)."""
    match = re.search(r"--log\s+(\"[^\"]+\"|\S+)", command)
    if not match:
        raise SystemExit("the README's cron line has no --log FILE")
    return match.group(1).strip('"')


def run(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """The command in a minimal environment, as cron runs it."""
    environment = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", str(folder))}
    shell = ["/bin/sh", "-c", command.replace(HOME, str(folder))]
    return subprocess.run(
        ["env", "-i", *(f"{k}={v}" for k, v in environment.items()), *shell],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def check(venv: Path, example: Path = ROOT / "examples" / "salon-nl.csv") -> list[str]:
    """Problems found (empty when the cron line works on first use and logs a failure)."""
    command = cron_command((ROOT / "README.md").read_text(encoding="utf-8"))
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / ".venv").symlink_to(venv.resolve(), target_is_directory=True)
        (folder / "exports").mkdir()
        shutil.copyfile(example, folder / "exports" / "latest.csv")
        first = run(command, folder)
        log = folder / log_path(command)
        workbooks = sorted((folder / "reports").glob("*.xlsx")) if (folder / "reports").is_dir() else []
        if first.returncode != 0:
            problems.append(f"first run: exit {first.returncode}: {first.stderr.strip()}")
        if len(workbooks) != 1 or workbooks[0].stat().st_size == 0:
            problems.append(f"first run: expected one workbook in reports/, found {[w.name for w in workbooks]}")
        if not log.is_file() or log.read_text(encoding="utf-8"):
            problems.append(f"first run: expected an empty log at {log.relative_to(folder)}")
        (folder / "exports" / "latest.csv").unlink()
        second = run(command, folder)
        logged = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
        if second.returncode != 1:
            problems.append(f"missing export: expected exit 1, got {second.returncode}")
        if len(logged) != 1 or "latest.csv" not in logged[0]:
            problems.append(f"missing export: expected one log line naming latest.csv, got {logged}")
    return problems


def main() -> int:
    """Command line: --venv PATH."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, required=True, help="virtual environment with salon-segment installed")
    problems = check(parser.parse_args().venv)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("cron line: workbook written, log created; a missing export is logged")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
