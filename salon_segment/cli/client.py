"""`salon-segment client`: one client's card (segment and why, spend, rhythm, habits, last visits)."""

from __future__ import annotations

from typing import Annotated

import typer

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import LIST_KEYS, analysed, show
from salon_segment.cli.options import (
    AsOfOpt,
    FilesArg,
    FormatOpt,
    OutputFormat,
)
from salon_segment.cli.reading import GIVEN, Reading, reading_options
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _, ngettext


@app.command(epilog='Example: salon-segment client examples/salon-nl.csv "de vries"')
@handle_errors
@reading_options()
def client(
    files: FilesArg,
    query: Annotated[
        str, typer.Argument(help="Client key, part of the name, e-mail or phone.", show_default=False, metavar="QUERY")
    ],
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
) -> None:
    """A client's card: segment and why, spend, rhythm, favourite stylist, usual day and hour, last visits."""
    from salon_segment.render.insights_view import LIST_COLUMNS, card_document, card_view, frame_table, records
    from salon_segment.scoring.card import client_card, find_clients

    loaded, analysis = analysed(files, as_of, reading, horizon_days=90)
    found = find_clients(analysis.clients, query)
    if found.empty:
        raise SalonSegmentError(_("no client matches that search; try part of the name, the e-mail or the phone."))
    if len(found) > 1:
        title = ngettext("{n} client matches", "{n} clients match; narrow the search", len(found)).format(n=len(found))
        show(loaded.presentation, output_format, {"matches": records(found[LIST_KEYS])},
             lambda: frame_table(title, found, LIST_COLUMNS))  # fmt: skip
        return
    rules = loaded.settings.rules
    card = client_card(loaded.imported.ledger, found.iloc[0], as_of=analysis.as_of, rules=rules)
    show(loaded.presentation, output_format, card_document(card), lambda: card_view(card, rules))
