"""`salon-segment movement`: how clients moved between segments from one date to another.

Every client's segment at ``--from`` and at ``--to`` (default: the as-of date, found as ``analyze`` finds it),
the transitions with client counts and 12-month revenue, and the regulars who slipped (A or B then, C or lost
now) with the reason; ``--campaign-out`` writes the slipping clients as a list to send.
"""

from __future__ import annotations

from typing import Annotated

import typer

from salon_segment.cli import app, handle_errors
from salon_segment.cli.campaign import CampaignOutOpt, check_campaign_out, write_campaign
from salon_segment.cli.common import check_outputs, load, need_history, show
from salon_segment.cli.options import (
    FilesArg,
    ForceOpt,
    FormatOpt,
    OutputFormat,
    parse_as_of,
)
from salon_segment.cli.reading import GIVEN, Reading, reading_options
from salon_segment.i18n import _

FromOpt = Annotated[
    str,
    typer.Option(
        "--from",
        help="Compare with the segments on this date: 2026-08-20, 20-08-2026 or 20.08.2026.",
        show_default=False,
        metavar="DATE",
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="The later date. Default: the latest completed visit that is not after today (as for analyze).",
        show_default=False,
        metavar="DATE",
    ),
]
SLIPPING = "slipping"  # the campaign list movement writes


@app.command(epilog="Example: salon-segment movement examples/salon-nl.csv --from 2026-08-20 --to 2026-11-20")
@handle_errors
@reading_options()
def movement(
    files: FilesArg,
    from_date: FromOpt,
    to_date: ToOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
    campaign_out: CampaignOutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Who moved where between two dates: each client's segment on both, the transitions with their revenue,
    and the A and B clients who slipped to C or lost, with why."""
    import pandas as pd

    from salon_segment.api import resolve_as_of
    from salon_segment.render.movement_view import movement_document, movement_view
    from salon_segment.scoring.movement import movement as score_movement

    start = parse_as_of(from_date, "--from")  # usage errors before any file is read
    end = parse_as_of(to_date, "--to")
    if start is not None and end is not None and start >= end:
        raise typer.BadParameter(_("--from must be before --to"))
    check_campaign_out(campaign_out, reading.pseudonymize)
    check_outputs([campaign_out], files, reading, force)
    loaded = load(files, reading)
    imported = loaded.imported
    need_history(imported)
    resolved = resolve_as_of(imported, end)
    if pd.Timestamp(start) >= resolved:
        raise typer.BadParameter(
            _("--from must be before --to (here {date}, the as-of date)").format(date=resolved.strftime("%Y-%m-%d"))
        )
    rules = loaded.settings.rules
    result = score_movement(imported.ledger, from_date=pd.Timestamp(start), to_date=resolved, rules=rules)
    document = movement_document(result)
    if campaign_out is not None:
        from salon_segment.render.movement_view import slipping_campaign

        chosen = slipping_campaign(result)
        document["campaign"] = write_campaign(campaign_out, chosen, SLIPPING, imported, loaded.settings, quiet=False)
    show(loaded.presentation, output_format, document, lambda: movement_view(result))
