"""Tables that fit the terminal without cutting a figure: columns are dropped, least important first.

rich shrinks every column of a table that is too wide, and cuts money to ``3 853 23…`` at 60 columns. A
:class:`FittedTable` knows each column's importance; at render time it shows the widest variant whose minimum
width fits (figures keep their full width; labels may be shortened with "…"), so a narrow terminal loses the
"visits per client" column rather than the last digits of the revenue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table

LABEL_MIN = 8  # a label column is never narrower: names and segments are shortened instead
LABEL_COMFORT = 16  # columns are dropped before a label is cut below this


@dataclass
class FittedColumn:
    """One column: header, cells, whether it holds figures (never cut), and its rank (lower: dropped later)."""

    header: str
    cells: Sequence[str]
    figure: bool = True
    rank: int = 0  # 0: always shown; higher ranks are dropped first
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class FittedTable:
    """A table of :class:`FittedColumn` rendered as wide as the terminal allows."""

    title: str
    columns: Sequence[FittedColumn]
    caption: str | None = None

    def shown(self, dropped: int) -> list[FittedColumn]:
        """The columns of a variant: those ranked at most ``max rank - dropped`` (rank 0 always)."""
        keep = max((c.rank for c in self.columns), default=0) - dropped
        return [c for c in self.columns if c.rank <= keep or c.rank == 0]

    def table(self, dropped: int, width: int | None = None) -> Table:
        """The variant as a rich table; with ``width``, labels share what the figures leave (cut with an ellipsis)."""
        shown = self.shown(dropped)
        labels = [c for c in shown if not c.figure]
        spare = None
        if width is not None and labels:
            used = sum(_figure_width(c) for c in shown if c.figure) + 3 * len(shown) + 1
            spare = max(LABEL_MIN, (width - used) // len(labels))
        table = Table(title=self.title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
        table.caption, table.caption_justify = self.caption, "left"
        for column in shown:
            if column.figure:
                table.add_column(column.header, justify="right", min_width=_figure_width(column), **column.options)
                continue
            options = dict(column.options)
            if spare is not None:
                options["max_width"] = min(spare, int(options.get("max_width", spare)))
            table.add_column(column.header, overflow="ellipsis", no_wrap=True, **options)
        for row in zip(*(c.cells for c in shown), strict=True):
            table.add_row(*row)
        return table

    def minimum(self, dropped: int) -> int:
        """Characters the variant needs: figures whole, labels up to LABEL_COMFORT, padding and dividers."""
        shown = self.shown(dropped)
        need = sum(_figure_width(c) if c.figure else _label_width(c) for c in shown)
        return need + 3 * len(shown) + 1  # padding on both sides and a divider per column

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The widest variant whose minimum width fits the console."""
        ranks = max((c.rank for c in self.columns), default=0)
        dropped = next((d for d in range(ranks + 1) if self.minimum(d) <= options.max_width), ranks)
        yield self.table(dropped, options.max_width)


def _figure_width(column: FittedColumn) -> int:
    """A figure column's width: its widest cell, or its header's longest word (headers wrap)."""
    words = max((len(w) for w in column.header.split()), default=1)
    return max(words, max((len(cell) for cell in column.cells), default=1))


def _label_width(column: FittedColumn) -> int:
    """A label column's comfortable width: its longest cell, between LABEL_MIN and LABEL_COMFORT."""
    longest = max((len(cell) for cell in column.cells), default=LABEL_MIN)
    return max(LABEL_MIN, min(LABEL_COMFORT, longest))
