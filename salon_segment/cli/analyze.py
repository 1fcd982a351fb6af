"""`salon-segment analyze`: the Pareto check, the segments, the call list and the forecast (one Report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from salon_segment import progress
from salon_segment.cli import app, handle_errors
from salon_segment.cli.campaign import (
    CampaignListOpt,
    CampaignOutOpt,
    check_campaign_list,
    check_campaign_out,
    write_campaign,
)
from salon_segment.cli.common import check_outputs, excel_target, load, show, write_excel
from salon_segment.cli.options import (
    AsOfOpt,
    ExcelOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    HorizonOpt,
    LogOpt,
    OutputFormat,
    QuietOpt,
    parse_as_of,
    parse_inactive,
)
from salon_segment.cli.reading import GIVEN, Reading, reading_options
from salon_segment.i18n import _


@app.command(
    epilog="Example: salon-segment analyze examples/salon-nl.csv --as-of 2026-11-20 --clients-out clients.xlsx"
)
@handle_errors
@reading_options()
def analyze(
    files: FilesArg,
    as_of: AsOfOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    clients_out: Annotated[
        Path | None,
        typer.Option(
            "--clients-out",
            help="Write one row per client (segment, metrics, contact) to .csv or .xlsx.",
            metavar="FILE",
        ),
    ] = None,
    rejects_out: Annotated[
        Path | None,
        typer.Option(
            "--rejects-out", help="Write every rejected input row (file, row, reason) to .csv.", metavar="FILE"
        ),
    ] = None,
    reading: Reading = GIVEN,
    excel: ExcelOpt = None,
    quiet: QuietOpt = False,
    force: ForceOpt = False,
    horizon: HorizonOpt = "90d",
    log: LogOpt = None,
    campaign_out: CampaignOutOpt = None,
    campaign_list: CampaignListOpt = None,
) -> None:
    """How few clients bring most of the revenue (the 80/20 or Pareto check), how regular each client is
    (segments A, B, C, new, lost), and whom to call this week."""
    from salon_segment import api
    from salon_segment.output import check_distinct_outputs, write_table

    as_of_date = parse_as_of(as_of)
    duration = parse_inactive(horizon)  # a usage error before any file is read
    which = check_campaign_list(campaign_list, campaign_out)
    check_campaign_out(campaign_out, reading.pseudonymize)
    check_outputs([clients_out, rejects_out, campaign_out], files, reading, force)
    loaded = load(files, reading)
    resolved_as_of = api.resolve_as_of(loaded.imported, as_of_date)
    target = excel_target(excel, resolved_as_of, files, reading, force)  # checked before anything is written
    check_distinct_outputs([clients_out, rejects_out, target, campaign_out])
    report = api.analyze(
        loaded.imported,
        as_of=resolved_as_of,
        rules=loaded.settings.rules,
        currency=loaded.settings.currency,
        horizon=duration,
    )
    chosen = None
    if campaign_out is not None:  # before any output is written: the call list of a client list is refused
        from salon_segment.render.campaign_view import campaign_clients

        chosen = campaign_clients(report.analysis, which)  # reasons in the language load() activated
    if clients_out is not None:
        progress.stage(_("writing"), str(clients_out))
        from salon_segment.render.columns import client_table

        write_table(client_table(report.clients, report.analysis.rules), clients_out)
    if rejects_out is not None:
        write_table(report.rejects, rejects_out, sheet_name="rejected")
    campaign = None
    if chosen is not None:
        campaign = write_campaign(campaign_out, chosen, which, loaded.imported, loaded.settings, quiet=quiet)
    if target is not None:
        write_excel(target, report, loaded.presentation)
    if quiet:
        return
    def document() -> str:  # built only for --format json: per-client records are not cheap
        return report.to_json(None if campaign is None else {"campaign": campaign})

    show(loaded.presentation, output_format, document, lambda: analysis_view(report, target))


def analysis_view(report: Any, excel_target: Path | None) -> Any:
    """The terminal report: the analysis, where clients come from, the forecast."""
    from rich.console import Group

    from salon_segment.render.forecast_view import forecast_view
    from salon_segment.render.insights_view import SOURCE_COLUMNS, frame_table
    from salon_segment.render.terminal import analysis_view as analysis_panel

    excel = str(excel_target) if excel_target else None
    parts = [analysis_panel(report.analysis, report.files, report.prune_plan, excel=excel)]
    if not report.sources.empty:
        parts.append(frame_table(_("Where clients come from"), report.sources, SOURCE_COLUMNS))
    parts.append(forecast_view(report.analysis.prediction))
    return Group(*parts)
