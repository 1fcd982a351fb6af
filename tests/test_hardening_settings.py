"""Issue 15, settings and secrets: one key store for --pseudonymize, masked values in errors, config typos.

Every test here failed on commit 1fce7da (before the fix); see SECURITY.md. The output side is in
tests/test_hardening_files.py.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from salon_segment.privacy import default_key_path
from tests.test_hardening_files import AS_OF, export_with_names, invoke

INTERNALS = (
    "Traceback", "__init__", "unexpected keyword", "invalid literal", "not supported between", "Error(",
    "is not iterable", "update sequence",
)  # fmt: skip


# 14, 15, 16 ------------------------------------------------------------------------------------------------------


def run_pseudonymized(tmp_path: Path, config_text: str | None = None):
    export = export_with_names(tmp_path / "export.csv", ["Anna", "Bea"])
    config = tmp_path / "salon-segment.toml"
    config.write_text(config_text or 'lang = "en"\n')
    return invoke("analyze", export, "--as-of", AS_OF, "--config", config, "--pseudonymize", "--format", "json")


@pytest.mark.parametrize("key", ['""', '"\\n"', '"abc"', '"   short key  "'])
def test_14_a_short_configured_key_is_refused(tmp_path, key):
    result = run_pseudonymized(tmp_path, f"pseudonym_key = {key}\n")
    assert result.exit_code == 1
    assert "16" in result.output and len(result.output.strip().splitlines()) == 1
    assert not default_key_path().exists()
    assert not (tmp_path / ".salon-segment.key").exists()


def key_in_config_folder() -> Path:
    """The default key path (in the test's own config folder, see conftest.py), its folder made."""
    key = default_key_path()
    key.parent.mkdir(parents=True, exist_ok=True)
    return key


@pytest.mark.parametrize("content", [b"", b"\n", b"abc\n", b"  \n\n"])
def test_14_a_short_key_file_is_refused(tmp_path, content):
    key = key_in_config_folder()
    key.write_bytes(content)
    key.chmod(0o600)
    result = run_pseudonymized(tmp_path)
    assert result.exit_code == 1
    assert "16" in result.output


def test_15_a_dangling_symlink_at_the_key_path_is_refused_and_not_followed(tmp_path):
    target = tmp_path / "elsewhere.key"
    os.symlink(target, key_in_config_folder())
    result = run_pseudonymized(tmp_path)
    assert result.exit_code == 1
    assert not target.exists()


def test_15_a_key_file_others_can_write_is_refused(tmp_path):
    key = key_in_config_folder()
    key.write_text("0123456789abcdef0123456789abcdef\n")
    key.chmod(0o666)
    assert run_pseudonymized(tmp_path).exit_code == 1
    key.chmod(0o600)
    assert run_pseudonymized(tmp_path).exit_code == 0


def test_15_the_key_file_is_created_exclusively_with_mode_0600(tmp_path, monkeypatch):
    calls = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kwargs):
        if str(path).endswith("pseudonym.key"):
            calls.append((flags, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    assert run_pseudonymized(tmp_path).exit_code == 0
    created = [(f, m) for f, m in calls if f & os.O_CREAT]
    assert created and all(f & os.O_EXCL and f & os.O_NOFOLLOW and m == 0o600 for f, m in created)
    assert default_key_path().stat().st_mode & 0o777 == 0o600
    assert default_key_path().parent.stat().st_mode & 0o777 == 0o700


def test_16_a_key_folder_that_cannot_be_written_is_one_sentence(tmp_path, monkeypatch):
    real_open, real_io_open = os.open, io.open

    def denied(path, *args, **kwargs):
        if str(path).endswith("pseudonym.key") and not Path(path).exists():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def denied_io(path, mode="r", *args, **kwargs):
        if str(path).endswith("pseudonym.key") and ("w" in mode or "x" in mode):
            raise PermissionError(13, "Permission denied", str(path))
        return real_io_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    monkeypatch.setattr(io, "open", denied_io)
    result = run_pseudonymized(tmp_path)
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1


# 19 --------------------------------------------------------------------------------------------------------------


def test_19_errors_never_show_phone_numbers_or_postcodes(tmp_path):
    export = tmp_path / "export.csv"
    values = ["612 3456", "1234 AB", "020-5557788", "9876 ZX", "+31 6 4321", "5555"]
    lines = ["Date,Client,Price", *[f"{v},Anna,40" for v in values]]
    export.write_text("\n".join(lines) + "\n")
    result = invoke("analyze", export, "--as-of", AS_OF)
    assert result.exit_code == 1
    for digits in ("3456", "1234", "5557788", "9876", "4321", "5555"):
        assert digits not in result.output, result.output


def test_19_mask_keeps_the_shape_only():
    from salon_segment.privacy import mask

    assert mask("Anna 0612") == "Xxxx 9999"
    assert mask("1234 AB") == "9999 XX" and mask("612 3456") == "999 9999"


# 26 --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ("[limits]\nmax_file_mbb = 3\n", "max_file_mbb"),
        ('[limits]\nmax_columns = "lots"\n', "max_columns"),
        ("[limits]\nmax_field_chars = 1.5\n", "max_field_chars"),
        ("limits = 5\n", "limits"),
        ('rules = "x"\n', "rules"),
        ('[rules]\nlost_after_months = "two"\n', "lost_after_months"),
        ("[rules]\nproduct_keywords = 3\n", "product_keywords"),
        ("[columns]\ndate = 5\n", "date"),
        ('[columns]\ndatum = "Datum"\n', "datum"),
        ("pseudonym_key = 12\n", "pseudonym_key"),
    ],
)
def test_26_config_typos_are_one_sentence_naming_the_key(tmp_path, toml, named):
    config = tmp_path / "salon-segment.toml"
    config.write_text(toml)
    export = export_with_names(tmp_path / "export.csv", ["Anna"])
    result = invoke("analyze", export, "--as-of", AS_OF, "--config", config)
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert named in result.output
    assert not any(word in result.output for word in INTERNALS), result.output


def test_26_a_limits_typo_lists_the_known_limits(tmp_path):
    config = tmp_path / "salon-segment.toml"
    config.write_text("[limits]\nmax_colums = 50\n")
    result = invoke("analyze", export_with_names(tmp_path / "e.csv", ["Anna"]), "--config", config)
    assert result.exit_code == 1
    assert all(name in result.output for name in ("max_file_mb", "max_columns", "max_field_chars"))
    assert "__init__" not in result.output
