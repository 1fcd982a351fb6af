"""Read the salon's TOML config (``salon-segment.toml`` in the working directory, or ``--config FILE``).

Example::

    lang = "nl"                     # report language: en or a locale/<code>.po (nl, ru)
    currency = "EUR"
    country = "NL"                  # phone numbers without a country code (campaign lists)

    [rules]
    lost_after_months = 2
    regular_min_active_months = 5   # a salon with a six-week rhythm

    [columns]
    client = "Klantcode"            # force a column mapping

``pseudonym_key_file = "…"`` names the key file of ``--pseudonymize`` (default: in the user's config folder).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from salon_segment.errors import ConfigError
from salon_segment.i18n import languages
from salon_segment.importers.source import Limits
from salon_segment.rules import Rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEFAULT_CONFIG_NAME = "salon-segment.toml"
TOP_LEVEL: dict[str, type] = {
    "lang": str,
    "currency": str,
    "country": str,
    "pseudonym_key": str,
    "pseudonym_key_file": str,
    "rules": dict,
    "columns": dict,
    "limits": dict,
}


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with: scoring rules plus import overrides."""

    rules: Rules = field(default_factory=Rules)
    columns: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    currency: str | None = None  # None: from the export, else LANG (salon_segment/currency.py)
    limits: Limits = field(default_factory=Limits)
    country: str | None = None  # two-letter ISO code; None: the LANG territory (campaign.resolve_country)
    pseudonym_key: str | None = None
    pseudonym_key_file: Path | None = None  # relative to the config file's folder
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
    unknown = sorted(set(data) - set(TOP_LEVEL))
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; expected lang, currency, country, pseudonym_key, "
            "pseudonym_key_file, [rules], [columns] and [limits]."
        )
    for name, kind in TOP_LEVEL.items():
        if name in data and not isinstance(data[name], kind):
            shape = "a [table]" if kind is dict else "a quoted text"
            raise ConfigError(f"{path}: {name} must be {shape}.")
    limits = _limits(path, data.get("limits", {}))
    lang = data.get("lang")
    if lang is not None and lang not in languages():
        raise ConfigError(f"{path}: lang = {lang!r}; choose one of {', '.join(languages())}.")
    currency = str(data["currency"]).upper() if "currency" in data else None
    if currency is not None and (len(currency) != 3 or not currency.isalpha()):
        raise ConfigError(f"{path}: currency = {currency!r}; use a three-letter code such as EUR, RUB or GBP.")
    country = str(data["country"]).upper() if "country" in data else None
    if country is not None and (len(country) != 2 or not country.isascii() or not country.isalpha()):
        raise ConfigError(f"{path}: country = {country!r}; use a two-letter country code such as NL, RU or DE.")
    rules = _rules(path, data.get("rules", {}))
    columns = _columns(path, data.get("columns", {}))
    key = data.get("pseudonym_key")
    if key is not None:
        from salon_segment.privacy import check_key_material

        check_key_material(key.encode("utf-8"), f"{path}: pseudonym_key")
    key_file = data.get("pseudonym_key_file")
    if key_file is not None and not key_file.strip():
        raise ConfigError(f'{path}: pseudonym_key_file must name a file, like pseudonym_key_file = "~/salon.key".')
    return Settings(
        rules=rules,
        columns=columns,
        lang=lang,
        currency=currency,
        limits=limits,
        country=country,
        pseudonym_key=key,
        pseudonym_key_file=Path(path).parent / Path(key_file).expanduser() if key_file is not None else None,
        source=Path(path),
    )


def _whole_number(value: object) -> bool:
    """A TOML integer (``true``/``false`` are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _limits(path: Path, table: dict[str, Any]) -> Limits:
    """[limits]: known names, whole numbers of at least 1 (one sentence otherwise)."""
    known = [f.name for f in fields(Limits)]
    for name, value in table.items():
        if name not in known:
            raise ConfigError(f"{path}: [limits] has no setting {name!r}; the limits are {', '.join(known)}.")
        if not _whole_number(value) or value < 1:
            raise ConfigError(f"{path}: [limits] {name} must be a whole number of at least 1, like {name} = 500.")
    return Limits(**table)


def _rules(path: Path, table: dict[str, Any]) -> Rules:
    """[rules]: known names with values of the right type, then the rules' own range checks."""
    known = {f.name: f for f in fields(Rules)}
    for name, value in table.items():
        if name not in known:
            raise ConfigError(f"{path}: [rules] has no rule {name!r}; the rules are {', '.join(known)}.")
        default = getattr(Rules(), name)
        if isinstance(default, tuple):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            shape = 'a list of quoted words, like ["shampoo", "wax"]'
        elif isinstance(default, str):
            ok, shape = isinstance(value, str), 'a quoted duration, like "24m"'
        elif isinstance(default, float):
            ok, shape = (isinstance(value, float) or _whole_number(value)), "a number, like 0.5"
        else:
            ok, shape = _whole_number(value), "a whole number, like 3"
        if not ok:
            raise ConfigError(f"{path}: [rules] {name} must be {shape}.")
    try:
        return Rules.from_mapping(dict(table))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: [rules]: {exc}.") from None


def _columns(path: Path, table: dict[str, Any]) -> dict[str, str]:
    """[columns]: field = "header text", for the fields the importers know."""
    from salon_segment.importers.headers import FIELDS

    for name, value in table.items():
        if name not in FIELDS:
            raise ConfigError(f"{path}: [columns] has no field {name!r}; the fields are {', '.join(FIELDS)}.")
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{path}: [columns] {name} must be the quoted header text, like {name} = "Datum".')
    return {str(k): str(v) for k, v in table.items()}
