"""Personal data: keyed pseudonyms for shared reports, and masked values for error messages.

Pseudonyms are HMAC-SHA256 of the value under the salon's own key: the same client gets the same pseudonym in
every report made with that key, and nobody without the key can reverse or recompute them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import ConfigError
from salon_segment.i18n import _
from salon_segment.output import same_file

APP_NAME = "salon-segment"
KEY_FILE_NAME = "pseudonym.key"  # in the user's config folder (default_key_path)
LEGACY_KEY_FILE_NAME = ".salon-segment.key"  # where earlier versions created it: the working folder
MIN_KEY_BYTES = 16
MAX_KEY_FILE_BYTES = 4096


def check_key_material(key: bytes, where: str) -> bytes:
    """The key without surrounding whitespace, refused (one sentence) when under ``MIN_KEY_BYTES`` bytes."""
    key = key.strip()
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(
            f"{where}: the pseudonym key is {'empty' if not key else f'only {len(key)} bytes'}; it needs at least "
            f"{MIN_KEY_BYTES} random bytes (delete the key file to have a new one made, or set a longer "
            "pseudonym_key)."
        )
    return key


def _read_key_file(path: Path) -> bytes:
    """Read an existing key file: a regular file, not a symlink, writable by its owner only."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot read the pseudonym key ({exc.strerror or exc.__class__.__name__})."
        ) from None
    info = os.fstat(descriptor)  # before fdopen, which refuses a folder with IsADirectoryError
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise ConfigError(f"{path}: is a folder, not a pseudonym key file; name a file with --key-file.")
        raise ConfigError(f"{path}: the pseudonym key is not a regular file; remove it or set pseudonym_key.")
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_mode & 0o022:
            raise ConfigError(
                f"{path}: the pseudonym key is writable by other users; make it private (chmod 600) and check that "
                "nobody changed it."
            )
        return check_key_material(handle.read(MAX_KEY_FILE_BYTES), str(path))


def _create_key_file(path: Path) -> bytes:
    """A new random key, created exclusively with mode 0600 (never through a symlink, never over a file)."""
    key = secrets.token_hex(32).encode("ascii")
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise ConfigError(
            f"{path}: appeared while the pseudonym key was being created; run the command again."
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot create the pseudonym key ({exc.strerror or exc.__class__.__name__}); make the folder "
            "writable, or set pseudonym_key in the config."
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise ConfigError(
            f"{path}: cannot write the pseudonym key ({exc.strerror or exc.__class__.__name__})."
        ) from None
    return key


def default_key_path() -> Path:
    """The key file in the user's config folder, by platform convention (``platformdirs.user_config_dir``):
    ``~/.config/salon-segment/pseudonym.key`` on Linux, ``~/Library/Application Support/salon-segment/…`` on
    macOS, ``%LOCALAPPDATA%\\salon-segment\\…`` on Windows. Never the working folder."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / KEY_FILE_NAME


def legacy_key_paths(config: Path | None) -> list[Path]:
    """Where earlier versions created the key: beside the config file, else in the working folder."""
    folder = config.parent if config is not None else Path.cwd()
    return [folder / LEGACY_KEY_FILE_NAME]


@dataclass(frozen=True)
class PseudonymKey:
    """The key material, where it came from, and a note for the user (a key found where old versions put it)."""

    key: bytes
    source: str
    note: str = ""


def load_or_create_key(path: Path) -> bytes:
    """The key in the key file ``path``, created once (with its folder, mode 0700) when absent. Keys under 16
    bytes, a symlink at the key path (dangling or not), a key file that others can write and a folder that cannot
    be written are refused with one sentence."""
    path = Path(path)
    if path.is_symlink():
        raise ConfigError(f"{path}: the pseudonym key is a symbolic link; replace it by the key file itself.")
    if os.path.lexists(path):
        return _read_key_file(path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"{path.parent}: cannot create the folder of the pseudonym key "
            f"({exc.strerror or exc.__class__.__name__}); pass --key-file or set pseudonym_key_file."
        ) from None
    return _create_key_file(path)


def _refuse_an_input(key_file: Path, inputs: Sequence[Path]) -> None:
    """Refuse a key file that is one of the input exports (its contents would silently become the key)."""
    for source in inputs:
        if same_file(source, key_file):
            raise ConfigError(f"{key_file}: the pseudonym key file is one of the input exports; name another file.")


def pseudonym_key(
    *,
    configured: str | None = None,
    key_file: Path | None = None,
    config: Path | None = None,
    inputs: Sequence[Path] = (),
) -> PseudonymKey:
    """The one key store: ``pseudonym_key`` from the config, else the key file named by ``--key-file`` or
    ``pseudonym_key_file``, else the key file in the user's config folder (created once). A key file left by an
    old version beside the config or in the working folder is still used (with a note to move it) while the
    config folder holds none, so that pseudonyms stay the same; a new key is never created there."""
    if configured is not None:
        return PseudonymKey(check_key_material(configured.encode("utf-8"), "pseudonym_key in the config"), "config")
    if key_file is not None:
        _refuse_an_input(Path(key_file), inputs)
        return PseudonymKey(load_or_create_key(key_file), str(key_file))
    path = default_key_path()
    if not os.path.lexists(path):
        for legacy in legacy_key_paths(config):
            if os.path.lexists(legacy):
                note = _(
                    "{legacy}: using the pseudonym key where older versions kept it; move it to {path} "
                    "(or name it with --key-file) so that it stays out of your working folder."
                ).format(legacy=legacy, path=path)
                return PseudonymKey(load_or_create_key(legacy), str(legacy), note)
    return PseudonymKey(load_or_create_key(path), str(path))


def _digest(values: pd.Series, key: bytes, prefix: str) -> pd.Series:
    """prefix + 10 hex characters of HMAC-SHA256, computed once per distinct value; empty stays empty."""
    uniques = pd.Series(values.astype(str).unique())

    def one(value: str) -> str:
        if not value:
            return ""
        return prefix + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:10]

    lookup = pd.Series([one(v) for v in uniques], index=uniques, dtype=object)
    return values.astype(str).map(lookup).astype(object)


def pseudonymize(table: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """A copy with the client key, name, e-mail and phone replaced by keyed pseudonyms."""
    out = table.copy()
    if L.CLIENT in out.columns:
        out[L.CLIENT] = _digest(out[L.CLIENT], key, "c-")
    if L.CLIENT_NAME in out.columns:
        out[L.CLIENT_NAME] = _digest(
            out[L.CLIENT].astype(str) if L.CLIENT in out else out[L.CLIENT_NAME], key, "Client "
        )
        out[L.CLIENT_NAME] = out[L.CLIENT_NAME].where(table[L.CLIENT_NAME].astype(str) != "", "")
    if L.EMAIL in out.columns:
        digest = _digest(table[L.EMAIL], key, "")
        out[L.EMAIL] = digest.where(digest == "", digest + "@example.invalid")
    if L.PHONE in out.columns:
        out[L.PHONE] = _digest(table[L.PHONE], key, "tel-")
    return out


_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def mask(value: object) -> str:
    """The shape of a value without its content, for error messages: 'Anna 0612' → 'Xxxx 9999'.

    Every letter becomes X/x and every digit 9, so no phone number, postcode or house number is ever shown.
    """
    text = str(value)[:40]
    text = _LETTERS.sub(lambda m: "X" if m.group().isupper() else "x", text)
    return re.sub(r"\d", "9", text)
