"""``--help`` that reads well: full command summaries and examples that are never re-wrapped mid-option."""

from __future__ import annotations

import inspect
from typing import Any

import typer
from typer.core import TyperArgument


def polish_help(app: typer.Typer) -> None:
    """Give every command its full summary in the command list and an unwrapped example.

    click cuts the command list's summaries at about 45 characters ("…"); an explicit ``short_help`` is shown
    in full (wrapped at the terminal's width). An epilog ``Example: …`` becomes a ``\\b`` block, which click
    prints as it is, so the example line can be copied whole.
    """
    _plain_argument_names()
    for info in app.registered_commands:
        doc = inspect.cleandoc(info.callback.__doc__ or "") if info.callback else ""
        if doc and not info.short_help:
            info.short_help = " ".join(doc.split("\n\n", 1)[0].split())
        if info.epilog and info.epilog.startswith("Example: "):
            info.epilog = "\b\nExample:\n  " + info.epilog.removeprefix("Example: ")


def _plain_argument_names() -> None:
    """An argument with a metavar (``FILE...``) is shown as written: not ``{FILE...}...`` nor ``<list[Path]>``."""
    usage, kind = TyperArgument._usage_display_name, TyperArgument.display_type_rich

    def usage_name(self: TyperArgument) -> str:
        return str(self.metavar) if self.metavar else usage(self)

    def type_name(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else kind(self, ctx)

    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    TyperArgument.display_type_rich = type_name  # type: ignore[method-assign]
