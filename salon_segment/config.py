"""Read the salon's TOML config (``salon-segment.toml`` in the working directory, or ``--config FILE``).

Example::

    lang = "nl"                     # report language: en, nl or ru
    currency = "EUR"

    [rules]
    lost_after_months = 2
    regular_min_active_months = 5   # a salon with a six-week rhythm

    [columns]
    client = "Klantcode"            # force a column mapping
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salon_segment.errors import ConfigError
from salon_segment.i18n import LANGUAGES
from salon_segment.importers.source import Limits
from salon_segment.rules import Rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEFAULT_CONFIG_NAME = "salon-segment.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with: scoring rules plus import overrides."""

    rules: Rules = field(default_factory=Rules)
    columns: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    currency: str | None = None  # None: from the export, else LANG (salon_segment/currency.py)
    limits: Limits = field(default_factory=Limits)
    pseudonym_key: str | None = None
    source: Path | None = None


def load_settings(path: Path | None, *, cwd: Path | None = None) -> Settings:
    """Load ``path``, or ``salon-segment.toml`` from ``cwd`` when it exists, else the defaults."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        path = candidate
    try:
        data: dict[str, Any] = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.__class__.__name__}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}).") from None
    unknown = sorted(set(data) - {"rules", "columns", "lang", "currency", "limits", "pseudonym_key"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; expected lang, currency, pseudonym_key, "
            "[rules], [columns] and [limits]."
        )
    try:
        limits = Limits(**{k: int(v) for k, v in dict(data.get("limits", {})).items()})
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"{path}: [limits]: {exc}; known limits are max_file_mb, max_columns, max_field_chars."
        ) from None
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"{path}: lang = {lang!r}; choose one of {', '.join(LANGUAGES)}.")
    currency = str(data["currency"]).upper() if "currency" in data else None
    if currency is not None and (len(currency) != 3 or not currency.isalpha()):
        raise ConfigError(f"{path}: currency = {currency!r}; use a three-letter code such as EUR, RUB or GBP.")
    try:
        rules = Rules.from_mapping(dict(data.get("rules", {})))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: [rules]: {exc}.") from None
    columns = {str(k): str(v) for k, v in dict(data.get("columns", {})).items()}
    key = data.get("pseudonym_key")
    return Settings(
        rules=rules,
        columns=columns,
        lang=lang,
        currency=currency,
        limits=limits,
        pseudonym_key=str(key) if key else None,
        source=Path(path),
    )
