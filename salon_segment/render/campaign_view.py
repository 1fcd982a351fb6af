"""The campaign list in words: which clients (the call list or a segment) with a reason and an approach in the
report language, and the summary line (how many were written, opted out, phones not valid)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salon_segment import ledger as L
from salon_segment.campaign import CampaignSummary
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _, ngettext
from salon_segment.render import formatting as F
from salon_segment.render.terminal import segment_approach
from salon_segment.scoring import clients as C
from salon_segment.scoring.analysis import Analysis
from salon_segment.scoring.segments import SEGMENTS

CALL = "call"
LISTS = (CALL, *SEGMENTS)  # --campaign-list: the call list, or every client of one segment


def _segment_reason(row: dict[str, Any]) -> str:
    """Why the client is in the segment, in a few words: their rhythm and when they last came."""
    ago = F.count("last visit {n} day ago", "last visit {n} days ago", int(row[C.DAYS_SINCE_LAST]))
    visits = F.count("{n} visit so far", "{n} visits so far", int(row[C.VISITS]))
    return _("{visits}, {ago}").format(visits=visits, ago=ago)


def campaign_clients(analysis: Analysis, which: str) -> pd.DataFrame:
    """The clients of list ``which`` (``LISTS``) with reason and approach in words, most valuable first.

    The call list needs visit history: from client lists only it is refused in one sentence that names the lists
    that are there (the report shows no call list either, so none is written)."""
    if which == CALL and not analysis.visit_history:
        available = ", ".join(["A", "B", "new", "lost"] if analysis.product_split else ["new", "lost"])
        raise SalonSegmentError(
            _("The call list needs visit history and the input holds only client lists: use --campaign-list "
              "{lists}.").format(lists=available)
        )  # fmt: skip
    if which == CALL:
        from salon_segment.render.call_list_view import call_list

        return call_list(analysis)
    clients = analysis.clients
    chosen = clients.loc[(clients[C.SEGMENT] == which) & (clients[C.VISITS] > 0)]
    chosen = chosen.sort_values([C.REVENUE_WINDOW, L.CLIENT], ascending=[False, True], kind="stable").copy()
    chosen["reason"] = [_segment_reason(row) for row in chosen.to_dict("records")]
    chosen["approach"] = segment_approach(which)
    return chosen


def list_label(which: str) -> str:
    """'call list' or 'segment A' in the report language."""
    return _("call list") if which == CALL else _("segment {segment}").format(segment=which)


def summary_lines(summary: CampaignSummary, path: str) -> list[str]:
    """What the campaign file holds and what was left out, one sentence each."""
    lines = [
        ngettext(
            "Campaign list ({list}): {n} client written to {path}",
            "Campaign list ({list}): {n} clients written to {path}",
            summary.written,
        ).format(list=list_label(summary.list_name), path=path, n=F.whole(summary.written))
    ]
    if summary.consent_known:
        lines.append(
            F.count(
                "{n} client opted out of marketing and was left out",
                "{n} clients opted out of marketing and were left out",
                summary.opted_out,
            )
        )
        if summary.consent_unknown:
            lines.append(
                F.count(
                    "for {n} client the export does not say whether they accept marketing (included)",
                    "for {n} clients the export does not say whether they accept marketing (included)",
                    summary.consent_unknown,
                )
            )
    elif summary.consent_column:
        lines.append(
            _("The export's marketing consent column is empty: for everyone on the list it is unknown whether they "
              "accept marketing (all included).")
        )  # fmt: skip
    else:
        lines.append(_("The export has no marketing consent column: everyone on the list is included."))
    if summary.invalid_phones:
        lines.append(
            F.count(
                "{n} phone number is not a valid number and was left empty",
                "{n} phone numbers are not valid numbers and were left empty",
                summary.invalid_phones,
            )
        )
    if summary.phones_without_country:
        lines.append(
            F.count(
                "{n} phone number has no country code and was left empty because no country is set: put the "
                'salon\'s two-letter country in the config, e.g. country = "NL" in salon-segment.toml.',
                "{n} phone numbers have no country code and were left empty because no country is set: put the "
                'salon\'s two-letter country in the config, e.g. country = "NL" in salon-segment.toml.',
                summary.phones_without_country,
            )
        )
    elif summary.country is None:
        lines.append(
            _("No country set: only numbers with a country code (+…) are converted; set country in the config.")
        )
    return lines
