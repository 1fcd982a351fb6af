"""The reading options are declared once (cli/reading.py) and every command offers the set it always did."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.cli.options import FilesArg
from salon_segment.cli.reading import ALL, EXPORTS_ONLY, GIVEN, WITHOUT_PRIVACY, Reading, reading_options

READING_FLAGS = {
    "config": "--config", "mappings": "--map", "encoding": "--encoding", "sheet": "--sheet",
    "date_format": "--date-format", "delimiter": "--delimiter", "dialect": "--dialect", "products": "--products",
    "lang": "--lang", "pseudonymize": "--pseudonymize", "key_file": "--key-file",
}  # fmt: skip
OFFERED = {
    "analyze": ALL, "prune": ALL, "services": ALL, "client": ALL, "movement": ALL,
    "inspect": WITHOUT_PRIVACY, "backtest": WITHOUT_PRIVACY,
    "staff": EXPORTS_ONLY, "load": EXPORTS_ONLY, "trend": EXPORTS_ONLY,
}  # fmt: skip


def test_the_subsets():
    assert set(ALL) == set(READING_FLAGS)
    assert set(ALL) - set(WITHOUT_PRIVACY) == {"pseudonymize", "key_file"}
    assert set(WITHOUT_PRIVACY) - set(EXPORTS_ONLY) == {"products"}


@pytest.mark.parametrize("name", sorted(OFFERED))
def test_each_command_offers_its_reading_options_and_no_reading_parameter(name):
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    flags = {flag for param in command.params for flag in param.opts}
    offered = {READING_FLAGS[field] for field in OFFERED[name]}
    assert offered <= flags
    assert not (set(READING_FLAGS.values()) - offered) & flags
    assert "reading" not in {param.name for param in command.params}


def test_the_command_receives_one_reading_with_what_was_given(tmp_path):
    seen: list[Reading] = []
    small = typer.Typer()

    @small.command()
    @reading_options(EXPORTS_ONLY)
    def read(files: FilesArg, reading: Reading = GIVEN) -> None:
        seen.append(reading)

    result = CliRunner().invoke(
        small, ["a.csv", "--map", "date=Datum", "--map", "amount=Bedrag", "--sheet", "2", "--lang", "NL"]
    )
    assert result.exit_code == 0, result.output
    assert seen == [Reading(mappings=["date=Datum", "amount=Bedrag"], sheet="2", lang="nl")]
    assert CliRunner().invoke(small, ["a.csv", "--products", "p.csv"]).exit_code == 2  # not offered here


def test_the_paths_a_command_reads_include_every_input_file(tmp_path):
    reading = Reading(config=tmp_path / "c.toml", products=tmp_path / "p.csv", dialect=tmp_path / "d.json",
                      key_file=tmp_path / "k.key")  # fmt: skip
    paths = reading.paths([Path("a.csv")])
    for path in (Path("a.csv"), tmp_path / "c.toml", tmp_path / "p.csv", tmp_path / "d.json", tmp_path / "k.key"):
        assert path in paths


def test_an_unknown_reading_option_is_a_programming_error():
    with pytest.raises(KeyError, match="colour"):
        reading_options(("colour",))
