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

    def table(self, dropped: int) -> Table:
        """The table without the columns ranked above ``max rank - dropped``."""
        keep = max((c.rank for c in self.columns), default=0) - dropped
        shown = [c for c in self.columns if c.rank <= keep or c.rank == 0]
        table = Table(title=self.title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
        table.caption, table.caption_justify = self.caption, "left"
        for column in shown:
            if column.figure:
                width = max((len(cell) for cell in column.cells), default=1)
                table.add_column(column.header, justify="right", min_width=width, **column.options)
            else:
                table.add_column(column.header, overflow="ellipsis", **column.options)
        for row in zip(*(c.cells for c in shown), strict=True):
            table.add_row(*row)
        return table

    def minimum(self, dropped: int) -> int:
        """Characters the variant needs: figures whole, header and label words whole, plus padding."""
        keep = max((c.rank for c in self.columns), default=0) - dropped
        shown = [c for c in self.columns if c.rank <= keep or c.rank == 0]
        need = 0
        for column in shown:
            words = max((len(w) for w in column.header.split()), default=1)
            cells = max((len(cell) for cell in column.cells), default=1)
            longest = max((len(w) for cell in column.cells for w in cell.split()), default=1)  # rich wraps words
            need += max(words, cells) if column.figure else max(int(column.options.get("min_width", 1)), longest)
        return need + 3 * len(shown) + 1  # padding on both sides and a divider per column

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The widest variant whose minimum width fits the console."""
        ranks = max((c.rank for c in self.columns), default=0)
        dropped = next((d for d in range(ranks + 1) if self.minimum(d) <= options.max_width), ranks)
        yield self.table(dropped)
