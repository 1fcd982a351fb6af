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
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.errors import ConfigError

KEY_FILE_NAME = ".salon-segment.key"
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
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{path}: the pseudonym key is not a regular file; remove it or set pseudonym_key.")
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


def load_or_create_key(folder: Path, configured: str | None = None) -> bytes:
    """The pseudonym key (the one key store): ``pseudonym_key`` from the config if set, else the key file
    ``.salon-segment.key`` in ``folder``, created once. Keys under 16 bytes, a symlink at the key path (dangling or
    not), a key file that others can write and a folder that cannot be written are refused with one sentence."""
    if configured is not None:
        return check_key_material(configured.encode("utf-8"), "pseudonym_key in the config")
    path = Path(folder) / KEY_FILE_NAME
    if path.is_symlink():
        raise ConfigError(f"{path}: the pseudonym key is a symbolic link; replace it by the key file itself.")
    if os.path.lexists(path):
        return _read_key_file(path)
    return _create_key_file(path)


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
