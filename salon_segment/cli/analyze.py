"""`salon-segment analyze`: the Pareto check, the segments, the call list and the forecast (one Report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from salon_segment import progress
from salon_segment.cli import app, handle_errors
from salon_segment.cli.campaign import CampaignListOpt, CampaignOutOpt, check_campaign_options, write_campaign
from salon_segment.cli.common import check_excel_target, load, read_paths, show, write_excel
from salon_segment.cli.options import (
    AsOfOpt,
    ConfigOpt,
    DateFormatOpt,
    DelimiterOpt,
    DialectOpt,
    EncodingOpt,
    ExcelOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    HorizonOpt,
    KeyFileOpt,
    LangOpt,
    LogOpt,
    MapOpt,
    OutputFormat,
    ProductsOpt,
    PseudonymizeOpt,
    QuietOpt,
    SheetOpt,
    excel_path,
    parse_as_of,
    parse_inactive,
)
from salon_segment.i18n import _
from salon_segment.presentation import using


@app.command(
    epilog="Example: salon-segment analyze examples/salon-nl.csv --as-of 2026-11-20 --clients-out clients.xlsx"
)
@handle_errors
def analyze(
    files: FilesArg,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
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
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    dialect: DialectOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
    excel: ExcelOpt = None,
    quiet: QuietOpt = False,
    force: ForceOpt = False,
    pseudonymize: PseudonymizeOpt = False,
    key_file: KeyFileOpt = None,
    horizon: HorizonOpt = "90d",
    log: LogOpt = None,
    campaign_out: CampaignOutOpt = None,
    campaign_list: CampaignListOpt = "call",
) -> None:
    """How few clients bring most of the revenue (the 80/20 or Pareto check), how regular each client is
    (segments A, B, C, new, lost), and whom to call this week."""
    from salon_segment import api
    from salon_segment.output import check_distinct_outputs, check_output_path, write_table

    as_of_date = parse_as_of(as_of)
    duration = parse_inactive(horizon)  # a usage error before any file is read
    check_campaign_options(campaign_out, campaign_list, pseudonymize)
    for path in (clients_out, rejects_out, campaign_out):
        if path is not None:
            check_output_path(path, inputs=read_paths(files, config, products, dialect, key_file), force=force)
    loaded = load(
        files, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, dialect=dialect, products=products, lang=lang, pseudonymize=pseudonymize,
        key_file=key_file, quiet=quiet,
    )  # fmt: skip
    resolved_as_of = api.resolve_as_of(loaded.imported, as_of_date)
    excel_target = excel_path(excel, resolved_as_of) if excel is not None else None
    if excel_target is not None:  # checked before anything is written, like the other outputs
        check_excel_target(excel_target, read_paths(files, config, products, dialect, key_file), force)
    check_distinct_outputs([clients_out, rejects_out, excel_target, campaign_out])
    report = api.analyze(
        loaded.imported,
        as_of=resolved_as_of,
        rules=loaded.settings.rules,
        currency=loaded.settings.currency,
        horizon=duration,
    )
    if clients_out is not None:
        progress.stage(_("writing"), str(clients_out))
        from salon_segment.render.columns import client_table

        write_table(client_table(report.clients, report.analysis.rules), clients_out)
    if rejects_out is not None:
        write_table(report.rejects, rejects_out, sheet_name="rejected")
    campaign = None
    if campaign_out is not None:
        from salon_segment.render.campaign_view import campaign_clients

        with using(loaded.presentation):  # reasons and approaches in the report language
            chosen = campaign_clients(report.analysis, campaign_list)
        campaign = write_campaign(campaign_out, chosen, campaign_list, loaded.imported, loaded.settings, quiet=quiet)
    if excel_target is not None:
        write_excel(excel_target, report, loaded.presentation)
    if quiet:
        return
    document = report.to_dict() if campaign is None else {**report.to_dict(), "campaign": campaign}
    show(loaded.presentation, output_format, document, lambda: analysis_view(report, excel_target))


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
