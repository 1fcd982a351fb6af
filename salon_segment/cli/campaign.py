"""The campaign-list options (--campaign-out, --campaign-list) shared by analyze and movement: checked before
anything is read, written after the analysis, summarised on stderr and in the JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salon_segment import progress
from salon_segment.i18n import _

if TYPE_CHECKING:
    import pandas as pd

CampaignOutOpt = Annotated[
    Path | None,
    typer.Option(
        "--campaign-out",
        help="Write a list to send from a mailing tool (first and last name, phone in E.164, e-mail, segment, "
        "reason, approach, expected next visit) to .csv or .xlsx; clients who opted out of marketing are left out.",
        metavar="FILE",
    ),
]
CampaignListOpt = Annotated[
    str | None,
    typer.Option(
        "--campaign-list",
        help="Who is on the campaign list written by --campaign-out: call (the call list, the default), A, B, C, "
        "new or lost.",
        show_default=False,
        metavar="call|A|B|C|new|lost",
    ),
]
DEFAULT_CAMPAIGN_LIST = "call"


def check_campaign_list(which: str | None, out: Path | None) -> str:
    """The list --campaign-list names (call|A|B|C|new|lost; default call); a usage error for another word, or
    when it is given without --campaign-out (it would choose a list nothing writes)."""
    from salon_segment.scoring.segments import SEGMENTS

    if which is None:
        return DEFAULT_CAMPAIGN_LIST
    if which not in (DEFAULT_CAMPAIGN_LIST, *SEGMENTS):
        raise typer.BadParameter(_("--campaign-list {value}: choose call, A, B, C, new or lost.").format(value=which))
    if out is None:
        raise typer.BadParameter(
            _("--campaign-list chooses who goes on the list --campaign-out writes; add --campaign-out FILE.csv.")
        )
    return which


def check_campaign_out(path: Path | None, pseudonymize: bool = False) -> None:
    """--campaign-out FILE.csv|.xlsx (a usage error otherwise); a list to send needs the real contacts, so not
    with --pseudonymize."""
    if path is not None and path.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(_("--campaign-out needs a path ending in .csv or .xlsx, got {path}").format(path=path))
    if path is not None and pseudonymize:
        raise typer.BadParameter(_("--campaign-out needs the real names and contacts; leave out --pseudonymize."))


def write_campaign(path: Path | None, clients: pd.DataFrame, which: str, imported: Any, settings: Any, *,
                   quiet: bool) -> dict[str, Any] | None:  # fmt: skip
    """Write the campaign list of ``clients`` (when asked) and say what it holds on stderr; its JSON summary."""
    if path is None:
        return None
    from salon_segment.campaign import export_campaign, resolve_country
    from salon_segment.render.campaign_view import summary_lines

    progress.stage(_("writing"), str(path))
    summary = export_campaign(
        clients, path, ledger=imported.ledger, client_list=imported.client_list,
        country=resolve_country(settings.country), list_name=which, consent_column=consent_column(imported),
    )  # fmt: skip
    if not quiet:
        for line in summary_lines(summary, str(path)):
            typer.echo(line, err=True)
    return summary.as_dict()


def consent_column(imported: Any) -> bool:
    """Whether any input has a marketing consent or opt-out column (its cells may all be blank)."""
    from salon_segment.importers.fields import CONSENT, OPT_OUT

    return any(CONSENT in report.mapping or OPT_OUT in report.mapping for report in imported.reports)
