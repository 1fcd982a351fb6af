"""The README's crontab line works verbatim in cron's minimal environment on first use (tools/cron_check.py)."""

import os
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from cron_check import check, cron_command, log_path

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_cron_line_logs_with_an_option_not_a_shell_redirect():
    command = cron_command(README)
    assert "2>" not in command and ">>" not in command
    assert log_path(command) == "reports/errors.log"


@pytest.mark.skipif(not Path("/bin/sh").exists() or os.name != "posix", reason="needs a POSIX shell and env -i")
def test_the_readme_cron_line_runs_verbatim_under_env_i(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    script = venv / "bin" / "salon-segment"  # this checkout's code, run by the test's interpreter
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m salon_segment "$@"\n')
    script.chmod(0o755)
    assert check(venv) == []
