"""--help: full command summaries, the terminal's width, plain placeholders, an unwrapped example per command."""

import os
import re
import subprocess
import sys

import pytest
import typer.main
from typer.testing import CliRunner

from salon_segment.cli import app
from tests.helpers import ROOT

COMMANDS = sorted(typer.main.get_command(app).commands)


def help_text(*args, columns=100):
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("columns", [60, 80, 140])
def test_the_command_list_is_never_cut(columns):
    text = help_text(columns=columns)
    commands = text.split("Commands:", 1)[1]
    assert "..." not in commands and "…" not in commands
    assert "whom to call this week." in " ".join(commands.split())


def test_help_follows_the_terminal_width():
    def widest(columns):  # a real process: click's test runner fixes the width at 80
        environment = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, "-m", "salon_segment", "--help"], capture_output=True, text=True,
                             env=environment, check=True)  # fmt: skip
        return max(len(line) for line in run.stdout.splitlines())

    assert widest(140) > 100
    assert widest(60) <= 60


@pytest.mark.parametrize("name", COMMANDS)
def test_plain_placeholders_and_an_example_that_is_not_wrapped(name):
    text = help_text(name, columns=60)
    assert not re.search(r"<[a-z\[\]|]+>|\{FILE|\{files\}|<str>|<path>", text), text
    assert "FILE..." in text
    example = text.split("Example:", 1)[1].strip().splitlines()[0]
    assert example.startswith(f"salon-segment {name} ")
    assert example.count("--") == text.split("Example:", 1)[1].count("--")  # all options on the one line


@pytest.mark.parametrize(("name", "plain"), [("analyze", "most of the revenue"), ("trend", "never came back")])
def test_terms_of_art_come_after_plain_words(name, plain):
    text = " ".join(help_text(columns=200).split())
    assert plain in text
