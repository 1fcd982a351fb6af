"""The prune dry run and summary (terminal) and its JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from salon_segment import ledger as L
from salon_segment.cleaned_copy import CleanedCounts
from salon_segment.i18n import _, ngettext
from salon_segment.render import formatting as F
from salon_segment.render.terminal import label_grid
from salon_segment.scoring.prune import AGE_BUCKETS, ATTEMPT_DATE, ATTEMPT_STATUS, REVENUE_TOTAL, PrunePlan

SHOWN = 15


def attempt_note(attempt_date: object, attempt_status: str) -> str:
    """'booked 04-03-2026, did not come': a booking attempt within the period, in the report language."""
    if F.is_missing(attempt_date):
        return ""
    if attempt_status == L.NO_SHOW:
        return _("booked {date}, did not come").format(date=F.date(attempt_date))
    return _("booked {date}, cancelled").format(date=F.date(attempt_date))


def prune_summary(plan: PrunePlan) -> RenderableType:
    """The owner's sanity check: how many, what share of the register, what revenue, how long gone."""
    grid = label_grid()
    n = len(plan.candidates)
    share = n / plan.register if plan.register else 0.0
    grid.add_row(
        _("Candidates"),
        ngettext(
            "{n} of {register} client in the register ({share})",
            "{n} of {register} clients in the register ({share})",
            plan.register,
        ).format(n=F.whole(n), register=F.whole(plan.register), share=F.share(share)),
    )
    grid.add_row(
        _("Their revenue"),
        _("{recent} in the last 12 months · {total} in total").format(
            recent=F.money(plan.revenue_12m), total=F.money(plan.revenue_total)
        ),
    )
    if plan.age_distribution:
        grid.add_row(
            _("Last visit"),
            " · ".join(f"{_(label)}: {F.whole(count)}" for label, count in plan.age_distribution.items()),
        )
    title = _("Clients not seen for {inactive} (last visit before {cutoff}), as of {as_of}").format(
        inactive=F.duration(plan.inactive), cutoff=F.date(plan.cutoff), as_of=F.date(plan.as_of)
    )
    return Group(Text(title, style="bold"), grid)


def prune_view(
    plan: PrunePlan, written: Sequence[str], counts: Sequence[CleanedCounts], *, cleaned: bool = False
) -> RenderableType:
    """Summary, the first candidates, and what was (or was not) written (``cleaned``: a cleaned copy was)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(_("Client"), overflow="ellipsis", no_wrap=True, max_width=24)
    table.add_column(_("Last visit"), no_wrap=True)
    table.add_column(_("Visits"), justify="right")
    table.add_column(_("Revenue"), justify="right", no_wrap=True)
    table.add_column(_("Note"), overflow="fold")
    for row in plan.candidates.head(SHOWN).itertuples(index=False):
        record = row._asdict()
        table.add_row(
            record[L.CLIENT_NAME] or record[L.CLIENT],
            F.date(record[L.LAST_VISIT]),
            F.whole(record[L.VISITS]),
            F.money(record[REVENUE_TOTAL]),
            attempt_note(record[ATTEMPT_DATE], record[ATTEMPT_STATUS]),
        )
    if len(plan.candidates) > SHOWN:
        table.caption = _("… and {n} more: write them all with --out FILE").format(
            n=F.whole(len(plan.candidates) - SHOWN)
        )
    lines: list[RenderableType] = [prune_summary(plan), table]
    for count in counts:
        lines.append(
            Text(
                (
                    ngettext(
                        "{path}: {rows} row = {kept} kept + {removed} removed",
                        "{path}: {rows} rows = {kept} kept + {removed} removed",
                        count.rows,
                    )
                    if cleaned
                    else ngettext(
                        "{path}: {rows} row = {kept} to keep + {removed} would be removed",
                        "{path}: {rows} rows = {kept} to keep + {removed} would be removed",
                        count.rows,
                    )
                ).format(
                    path=count.path, rows=F.whole(count.rows), kept=F.whole(count.kept), removed=F.whole(count.removed)
                )
            )
        )
    if written:
        lines.append(Text(_("Wrote {files}. The input files were not changed.").format(files=", ".join(written))))
    else:
        lines.append(
            Text(
                _(
                    "Dry run: nothing was written. --out FILE writes the removal list; "
                    "--keep-out FILE writes a cleaned copy of the export."
                ),
                style="dim",
            )
        )
    return Group(*lines)


def age_records(distribution: dict[str, int]) -> list[dict[str, Any]]:
    """The candidates by years since the last visit, in machine form: ``{"from_years": 2, "to_years": 3,
    "clients": 28}`` (``to_years`` null for the last bucket; both null, ``never_visited`` true, for no visit)."""
    ends = [*(start for _label, start in AGE_BUCKETS[1:]), None]
    edges = {label: (start, end) for (label, start), end in zip(AGE_BUCKETS, ends, strict=True)}
    rows = []
    for label, clients in distribution.items():
        start, end = edges.get(label, (None, None))
        rows.append({"never_visited": label not in edges, "from_years": start, "to_years": end, "clients": clients})
    return rows


def prune_document(plan: PrunePlan, counts: Sequence[CleanedCounts]) -> dict[str, Any]:
    """The JSON document of a prune run (ISO dates and machine keys whatever the report language)."""
    return {
        "as_of": plan.as_of.strftime("%Y-%m-%d"),
        "inactive": plan.inactive.text,
        "cutoff": plan.cutoff.strftime("%Y-%m-%d"),
        "candidates": len(plan.candidates),
        "register": plan.register,
        "revenue_12m": round(plan.revenue_12m, 2),
        "revenue_total": round(plan.revenue_total, 2),
        "kept_rows": sum(c.kept for c in counts),
        "removed_rows": sum(c.removed for c in counts),
        "age_distribution": age_records(plan.age_distribution),
        "files": [{"path": c.path, "rows": c.rows, "kept": c.kept, "removed": c.removed} for c in counts],
        "candidate_keys": plan.candidates[L.CLIENT].tolist(),
    }
