"""Personal data: keyed pseudonyms for shared reports, and masked values for error messages.

Pseudonyms are HMAC-SHA256 of the value under the salon's own key: the same client gets the same pseudonym in
every report made with that key, and nobody without the key can reverse or recompute them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L

KEY_FILE_NAME = ".salon-segment.key"


def load_or_create_key(folder: Path, configured: str | None = None) -> bytes:
    """The pseudonym key: from the config if set, else ``.salon-segment.key`` beside it (created once)."""
    if configured:
        return configured.encode("utf-8")
    path = Path(folder) / KEY_FILE_NAME
    if path.is_file():
        return path.read_text(encoding="utf-8").strip().encode("utf-8")
    key = secrets.token_hex(32)
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key.encode("utf-8")


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
    """The shape of a value without its content, for error messages: 'Anna 0612' → 'Xxxx 9999'."""
    text = str(value)[:40]
    text = _LETTERS.sub(lambda m: "X" if m.group().isupper() else "x", text)
    return re.sub(r"\d", "9", text) if sum(ch.isdigit() for ch in text) > 8 else text
