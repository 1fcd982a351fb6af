"""The reading options (how to read the exports, the report language, pseudonyms) as one ``Reading`` value, and
the decorator that gives a command those options without repeating them in its signature."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from salon_segment.cli.options import (
    ConfigOpt,
    DateFormatOpt,
    DelimiterOpt,
    DialectOpt,
    EncodingOpt,
    KeyFileOpt,
    LangOpt,
    MapOpt,
    ProductsOpt,
    PseudonymizeOpt,
    SheetOpt,
)
from salon_segment.i18n import _

F = TypeVar("F", bound=Callable[..., Any])


@dataclasses.dataclass(frozen=True)
class Reading:
    """The reading options as given on the command line (None or False: not given, or not offered)."""

    config: Path | None = None
    mappings: list[str] | None = None
    encoding: str | None = None
    sheet: str | None = None
    date_format: str | None = None
    delimiter: str | None = None
    dialect: Path | None = None
    products: Path | None = None
    lang: str | None = None
    pseudonymize: bool = False
    key_file: Path | None = None

    def paths(self, files: list[Path]) -> list[Path]:
        """Every file a command may read (exports, config, product listing, dialect, pseudonym key): never an
        output."""
        from salon_segment.config import DEFAULT_CONFIG_NAME
        from salon_segment.privacy import default_key_path, legacy_key_paths

        settings = self.config if self.config is not None else Path(DEFAULT_CONFIG_NAME)
        keys = [self.key_file if self.key_file is not None else default_key_path(), *legacy_key_paths(settings)]
        return [*files, settings, *keys, *(p for p in (self.products, self.dialect) if p is not None)]


GIVEN = Reading()  # the default of a command's ``reading`` parameter, for the signature only: the decorator passes one

# The options in the order --help lists them, each with its Typer declaration.
OPTIONS: dict[str, Any] = {
    "config": ConfigOpt,
    "mappings": MapOpt,
    "encoding": EncodingOpt,
    "sheet": SheetOpt,
    "date_format": DateFormatOpt,
    "delimiter": DelimiterOpt,
    "dialect": DialectOpt,
    "products": ProductsOpt,
    "lang": LangOpt,
    "pseudonymize": PseudonymizeOpt,
    "key_file": KeyFileOpt,
}
ALL = tuple(OPTIONS)
WITHOUT_PRIVACY = tuple(name for name in ALL if name not in ("pseudonymize", "key_file"))
EXPORTS_ONLY = tuple(name for name in WITHOUT_PRIVACY if name != "products")  # commands that count no retail
_DEFAULTS = {field.name: field.default for field in dataclasses.fields(Reading)}


def checked(reading: Reading) -> Reading:
    """The reading options, refused (a usage error, before any file is read) when one would be silently ignored:
    --key-file without --pseudonymize."""
    if reading.key_file is not None and not reading.pseudonymize:
        raise typer.BadParameter(
            _("--key-file is the key for --pseudonymize and does nothing without it; add --pseudonymize, or leave "
              "out --key-file.")
        )  # fmt: skip
    return reading


def reading_options(names: tuple[str, ...] = ALL) -> Callable[[F], F]:
    """Put the reading options ``names`` where the command declares ``reading: Reading``; it receives one Reading.

    Typer reads a command's options from ``inspect.signature`` and ``get_type_hints``: the wrapper's
    ``__signature__`` and ``__annotations__`` hold the options as real objects, so both see them.
    """
    unknown = set(names) - set(OPTIONS)
    if unknown:  # a mistake in a command module, never the user's: no translated message
        raise KeyError(", ".join(sorted(unknown)))
    chosen = tuple(name for name in OPTIONS if name in names)

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        params = list(signature.parameters.values())
        at = [p.name for p in params].index("reading")
        added = [
            inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=_DEFAULTS[name],
                              annotation=OPTIONS[name])
            for name in chosen
        ]  # fmt: skip
        params[at : at + 1] = added

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in chosen if name in kwargs}
            return command(*args, reading=checked(Reading(**given)), **kwargs)

        new = signature.replace(parameters=params)
        wrapper.__signature__ = new  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params} | {"return": new.return_annotation}
        return wrapper  # type: ignore[return-value]

    return decorate
