"""The README documents every command and option, and every option has help text."""

import re

import pytest
import typer.main

from salon_segment.cli import app
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands.items())


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme_with_help(name, command):
    assert f"salon-segment {name}" in README
    assert command.help
    for param in command.params:
        for option in (o for o in param.opts if o.startswith("--")):
            assert option in README, f"{name} {option} is not in the README"
            assert param.help, f"{name} {option} has no help text"


def test_quick_start_is_two_commands_and_they_name_a_shipped_example():
    block = README.split("## Quick start", 1)[1].split("```console", 1)[1].split("```", 1)[0]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert len(commands) == 2
    example = re.search(r"salon-segment analyze (\S+)", commands[0]).group(1)
    assert (ROOT / example).is_file()
    assert "pytest" in commands[1]


def test_the_python_example_in_the_readme_runs_as_written(monkeypatch, capsys):
    block = README.split("## Use it from Python", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    assert 3 <= len([line for line in block.splitlines() if line.strip()]) <= 6
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # our own README
    assert capsys.readouterr().out.split()[0] == "316"
    assert len(namespace["removal"].candidates) == 51


def test_the_campaign_recipe_says_to_set_the_country_before_its_commands():
    """Phones without a country code stay empty without a country (cron, LANG=C.UTF-8): the recipe says so."""
    section = README.split("### A list to send", 1)[1]
    before = section.split("```console", 1)[0]
    assert 'country = "NL"' in before and "salon-segment.toml" in before
