"""How every input is read, as one frozen object built once from the config, a pinned dialect and the flags.

``read_options`` is the one place the reading choices come together, for every command:

* the config (``[columns]``, ``[rules]``, ``[limits]``),
* then a dialect file (``--dialect FILE``: the JSON that ``inspect --format json`` wrote, so that a cron job reads
  its exports the way a person checked once: encoding, delimiter, sheet, date order, column mapping, profile),
* then the flags given explicitly (``--map``, ``--encoding``, ``--sheet``, ``--date-format``, ``--delimiter``,
  ``--products``), which win.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from salon_segment.errors import ConfigError, UsageError
from salon_segment.i18n import _
from salon_segment.importers.source import Limits
from salon_segment.rules import Rules

if TYPE_CHECKING:
    from salon_segment.config import Settings

T = TypeVar("T")
MAX_DIALECT_BYTES = 1_000_000  # an inspect document of one file is a few kilobytes


@dataclass(frozen=True)
class ReadOptions:
    """How to read every input: column overrides, forced encoding/delimiter/sheet/date order/profile, the product
    and service catalogues, the rules (product keywords) and the size limits."""

    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    sheet: str | None = None
    month_first: bool | None = None
    product_items: frozenset[str] = frozenset()  # folded item names from a --products catalogue
    service_items: frozenset[str] = frozenset()  # folded item names from a service listing given as an input
    rules: Rules = field(default_factory=Rules)
    limits: Limits = field(default_factory=Limits)
    profile: str | None = None  # force an export profile by id ("generic" for none)
    delimiter: str | None = None  # force the CSV delimiter
    # field → where a column mapping not given with --map comes from: ("dialect" or "config", the file)
    column_origins: Mapping[str, tuple[str, Path]] = field(default_factory=dict)


@dataclass(frozen=True)
class PinnedDialect:
    """What a dialect file pins: every field None (or empty) that it leaves to detection."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    month_first: bool | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    profile: str | None = None


def _flag(value: str | None, parse: Callable[[str], T], option: str) -> T | None:
    """A flag's value parsed, None when not given; a usage error naming the flag when it does not parse."""
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}.") from None


def parse_date_order(value: str | None) -> bool | None:
    """--date-format dd-mm-yyyy, mm/dd/yyyy…: True when the month comes first; a usage error otherwise."""
    from salon_segment.duration import parse_date_format

    return _flag(value, parse_date_format, "--date-format")


def parse_delimiter_option(value: str | None) -> str | None:
    """--delimiter: , ; | tab or a word for one; a usage error otherwise."""
    from salon_segment.importers.csv_records import parse_delimiter

    return _flag(value, parse_delimiter, "--delimiter")


def parse_mappings(values: Iterable[str] | Mapping[str, str] | None) -> dict[str, str]:
    """--map FIELD=HEADER (repeatable), or a mapping already split."""
    if isinstance(values, Mapping):
        return {str(k): str(v) for k, v in values.items()}
    mapping: dict[str, str] = {}
    for value in values or []:
        name, sep, header = value.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise UsageError(_("expected FIELD=HEADER, got {value!r}").format(value=value))
        mapping[name.strip()] = header.strip()
    return mapping


def _dialect_entry(path: Path, document: Any) -> dict[str, Any]:
    """The one file description in an inspect document (or a file description given alone)."""
    if isinstance(document, dict) and isinstance(document.get("files"), list):
        entries = document["files"]
        if len(entries) != 1:
            raise ConfigError(
                f"{path}: the dialect file describes {len(entries)} files; inspect one export to pin its reading."
            )
        document = entries[0]
    if not isinstance(document, dict) or "mapping" not in document:
        raise ConfigError(f"{path}: not a dialect file; write one with inspect FILE --format json.")
    return document


def _text(path: Path, entry: Mapping[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise ConfigError(f"{path}: {key} in the dialect file must be a text or null, got {value!r}.")
    return value


def load_dialect(path: Path) -> PinnedDialect:
    """Read a dialect file (the JSON of ``inspect --format json`` for one export); one sentence when it is not one."""
    from salon_segment.importers.csv_records import DELIMITERS
    from salon_segment.importers.headers import FIELDS
    from salon_segment.importers.profiles import BY_ID

    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_DIALECT_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the dialect file ({exc.strerror or exc.__class__.__name__}).") from None
    if len(data) > MAX_DIALECT_BYTES:
        raise ConfigError(f"{path}: too large for a dialect file; write one with inspect FILE --format json.")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ConfigError(f"{path}: not valid JSON; write a dialect file with inspect FILE --format json.") from None
    entry = _dialect_entry(path, document)
    mapping = entry.get("mapping")
    if not isinstance(mapping, dict) or not all(isinstance(v, str) and v.strip() for v in mapping.values()):
        raise ConfigError(f"{path}: mapping in the dialect file must map fields to header texts.")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ConfigError(f"{path}: the dialect file maps unknown field(s) {', '.join(unknown)}.")
    profile = _text(path, entry, "profile")
    if profile is not None and profile != "generic" and profile not in BY_ID:
        raise ConfigError(f"{path}: the dialect file names the unknown export profile {profile!r}.")
    delimiter = _text(path, entry, "delimiter")
    if delimiter is not None and delimiter not in DELIMITERS:
        raise ConfigError(f"{path}: the delimiter {delimiter!r} in the dialect file is not one of , ; | tab.")
    date_format = _text(path, entry, "date_format") if entry.get("date_format") != "" else None
    return PinnedDialect(
        encoding=_text(path, entry, "encoding"),
        delimiter=delimiter,
        sheet=_text(path, entry, "sheet"),
        month_first=_date_order(date_format),
        columns=dict(mapping),
        profile=profile,
    )


def _date_order(date_format: str | None) -> bool | None:
    """The order a detected date format pins: none for ISO dates, Excel serials, month names and unknown forms."""
    from salon_segment.duration import parse_date_format

    if date_format is None:
        return None
    try:
        return parse_date_format(date_format)
    except ValueError:
        return None  # "yyyy-mm-dd", "excel serial", "d mmmm yyyy", "unknown": no day/month order to pin


def read_options(
    settings: Settings,
    *,
    mappings: Iterable[str] | Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    date_format: str | None = None,
    delimiter: str | None = None,
    products: Path | None = None,
    dialect: Path | None = None,
) -> ReadOptions:
    """The reading of every input for one run: config, then the dialect file, then the explicit flags."""
    month_first = parse_date_order(date_format)
    forced_delimiter = parse_delimiter_option(delimiter)
    flags = parse_mappings(mappings)
    pinned = load_dialect(dialect) if dialect is not None else PinnedDialect()
    if products is not None:  # a listing of its own: the flag's encoding, not the pinned export's
        from salon_segment.importers.catalogue import read_product_catalogue

        product_items = read_product_catalogue(products, encoding=encoding)
    else:
        product_items = frozenset()
    origins: dict[str, tuple[str, Path]] = {}
    if settings.source is not None:
        origins.update({name: ("config", settings.source) for name in settings.columns})
    if dialect is not None:
        origins.update({name: ("dialect", dialect) for name in pinned.columns})
    return ReadOptions(
        columns={**settings.columns, **pinned.columns, **flags},
        column_origins={name: origin for name, origin in origins.items() if name not in flags},
        encoding=encoding or pinned.encoding,
        sheet=sheet if sheet is not None else pinned.sheet,
        month_first=month_first if month_first is not None else pinned.month_first,
        product_items=product_items,
        rules=settings.rules,
        limits=settings.limits,
        profile=pinned.profile,
        delimiter=forced_delimiter or pinned.delimiter,
    )
