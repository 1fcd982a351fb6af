"""Issue 17, item 9: the pseudonym key lives in the user's config folder (or where --key-file / the config say),
never in the working folder by default; a key left there by an earlier version is still used, with a note."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from salon_segment.privacy import default_key_path
from tests.helpers import EXAMPLES
from tests.test_hardening_files import AS_OF, invoke

KEY = "0123456789abcdef0123456789abcdef\n"


def analyze_json(*extra: object) -> dict:
    result = invoke("analyze", EXAMPLES / "salon-nl.csv", "--as-of", AS_OF, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def test_pseudonymize_in_a_git_checkout_leaves_git_status_clean(tmp_path, monkeypatch, private_config_folder):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    git(checkout, "init", "-q")
    (checkout / "notes.txt").write_text("salon reports\n")
    git(checkout, "add", "notes.txt")
    git(checkout, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "start")
    monkeypatch.chdir(checkout)
    analyze_json("--pseudonymize")
    assert git(checkout, "status", "--porcelain", "--ignored") == ""
    assert default_key_path().is_relative_to(private_config_folder)
    assert default_key_path().is_file() and default_key_path().stat().st_mode & 0o777 == 0o600


def test_the_same_key_gives_the_same_pseudonyms_from_any_folder(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    first = analyze_json("--pseudonymize")
    monkeypatch.chdir(tmp_path / "b")
    assert analyze_json("--pseudonymize") == first
    assert list((tmp_path / "a").iterdir()) == [] and list((tmp_path / "b").iterdir()) == []


def test_key_file_option_and_config_setting_name_the_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    given = tmp_path / "keys" / "salon.key"
    by_option = analyze_json("--pseudonymize", "--key-file", given)
    assert given.is_file() and not default_key_path().exists()
    config = tmp_path / "conf" / "salon-segment.toml"
    config.parent.mkdir()
    config.write_text('pseudonym_key_file = "../keys/salon.key"\n')  # relative to the config's folder
    assert analyze_json("--pseudonymize", "--config", config) == by_option
    assert not default_key_path().exists()


def test_a_key_left_in_the_working_folder_by_an_earlier_version_is_used_with_a_note(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    legacy = tmp_path / ".salon-segment.key"
    legacy.write_text(KEY)
    legacy.chmod(0o600)
    old = analyze_json("--pseudonymize")
    result = invoke("analyze", EXAMPLES / "salon-nl.csv", "--as-of", AS_OF, "--pseudonymize", "--quiet")
    assert result.exit_code == 0
    assert "move it to" in result.output and str(default_key_path()) in result.output
    assert not default_key_path().exists()  # never moved or copied behind the user's back
    moved = default_key_path()
    moved.parent.mkdir(parents=True)
    legacy.rename(moved)
    assert analyze_json("--pseudonymize") == old  # moved as SECURITY.md says: the same pseudonyms


def test_a_folder_given_as_key_file_is_refused_in_one_sentence(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    result = invoke("analyze", EXAMPLES / "salon-nl.csv", "--as-of", AS_OF, "--pseudonymize", "--key-file", folder)
    assert result.exit_code == 1, result.output
    assert "is a folder, not a pseudonym key file" in result.output
    assert "Unexpected error" not in result.output and "Traceback" not in result.output
    assert list(folder.iterdir()) == []


def test_an_input_export_given_as_key_file_is_refused_in_one_sentence(tmp_path, monkeypatch):
    export = tmp_path / "salon.csv"
    export.write_bytes((EXAMPLES / "salon-nl.csv").read_bytes())
    before = export.read_bytes()
    monkeypatch.chdir(tmp_path)
    for named in (export, Path("salon.csv"), tmp_path / "." / "salon.csv"):
        result = invoke("analyze", export, "--as-of", AS_OF, "--pseudonymize", "--key-file", named)
        assert result.exit_code == 1, result.output
        assert "the pseudonym key file is one of the input exports" in result.output
    assert export.read_bytes() == before


def test_key_file_without_pseudonymize_is_a_usage_error_before_reading(tmp_path):
    key = tmp_path / "salon.key"
    for command in (["analyze"], ["movement", "--from", "2026-08-20"], ["prune"], ["services"]):
        result = invoke(command[0], "missing.csv", *command[1:], "--key-file", key)
        assert result.exit_code == 2, (command, result.output)
        assert "add --pseudonymize, or leave out --key-file" in " ".join(result.output.split())
        assert not key.exists()  # no key was made
