"""`salon-segment movement`: how clients moved between segments from one date to another.

Every client's segment at ``--from`` and at ``--to`` (default: the as-of date, found as ``analyze`` finds it),
the transitions with client counts and 12-month revenue, and the regulars who slipped (A or B then, C or lost
now) with the reason.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from salon_segment.cli import (
    ConfigOpt,
    DateFormatOpt,
    DelimiterOpt,
    EncodingOpt,
    FilesArg,
    FormatOpt,
    LangOpt,
    MapOpt,
    OutputFormat,
    ProductsOpt,
    PseudonymizeOpt,
    SheetOpt,
    _load,
    _resolve_as_of,
    _show,
    app,
    handle_errors,
    parse_as_of,
)
from salon_segment.errors import SalonSegmentError
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


@app.command(epilog="Example: salon-segment movement examples/salon-nl.csv --from 2026-08-20 --to 2026-11-20")
@handle_errors
def movement(
    files: FilesArg,
    from_date: FromOpt,
    to_date: ToOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    config: ConfigOpt = None,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    pseudonymize: PseudonymizeOpt = False,
) -> None:
    """Who moved where between two dates: each client's segment on both, the transitions with their revenue,
    and the A and B clients who slipped to C or lost, with why."""
    import pandas as pd

    from salon_segment.render.movement_view import movement_document, movement_view
    from salon_segment.scoring.movement import movement as score_movement

    start = parse_as_of(from_date, "--from")  # usage errors before any file is read
    end = parse_as_of(to_date, "--to")
    if start is not None and end is not None and start >= end:
        raise typer.BadParameter(_("--from must be before --to"))
    reading: dict[str, Any] = dict(
        config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        products=products, lang=lang, delimiter=delimiter, pseudonymize=pseudonymize,
    )  # fmt: skip
    settings, imported = _load(files, **reading)
    if imported.ledger.empty:
        raise SalonSegmentError(_("this command needs visit history; the input holds only client lists."))
    resolved = _resolve_as_of(end, imported)
    if pd.Timestamp(start) >= resolved:
        raise typer.BadParameter(
            _("--from must be before --to (here {date}, the as-of date)").format(date=resolved.strftime("%Y-%m-%d"))
        )
    result = score_movement(imported.ledger, from_date=pd.Timestamp(start), to_date=resolved, rules=settings.rules)
    _show(output_format, movement_document(result), lambda: movement_view(result))
