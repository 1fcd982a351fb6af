"""The Excel summary a cron job writes every week: Summary, Clients, Call list, Trend, Prune, insights, About.

Cells hold real numbers and dates with number formats (never text), sheet names and headers are in the
report language, charts are native Excel charts, text from the export can never run as a formula, and the
same input and as_of give the same cells (document properties are dated from as_of, not the clock).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd
from babel.numbers import get_currency_symbol
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from salon_segment import ledger as L
from salon_segment.i18n import N_, _, language
from salon_segment.importers import FileReport
from salon_segment.output import inert, inert_text
from salon_segment.render import formatting as F
from salon_segment.render.call_list_view import call_list
from salon_segment.render.rule_names import RULE_NAMES
from salon_segment.render.sheet_rows import CellColumn, splice_rows
from salon_segment.render.terminal import client_labels, segment_approach, segment_label
from salon_segment.render.widths import column_width
from salon_segment.render.workbook import cell_value
from salon_segment.scoring import clients as C
from salon_segment.scoring import services as SV
from salon_segment.scoring import staff as ST
from salon_segment.scoring import trend as T
from salon_segment.scoring.analysis import Analysis
from salon_segment.scoring.movement import Movement
from salon_segment.scoring.pareto import pareto_curve
from salon_segment.scoring.prune import REVENUE_12M as PRUNE_REVENUE_12M
from salon_segment.scoring.prune import REVENUE_TOTAL as PRUNE_REVENUE_TOTAL
from salon_segment.scoring.prune import PrunePlan
from salon_segment.scoring.segments import LOST, NEW, A, B
from salon_segment.scoring.segments import C as SEG_C

DATE_FORMATS = {"en": "yyyy-mm-dd", "nl": "dd-mm-yyyy", "ru": "dd.mm.yyyy"}
SHARE_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.00"
SEGMENT_FILLS = {A: "C6EFCE", B: "DDEBF7", SEG_C: "FFF2CC", NEW: "E4DFEC", LOST: "F8CBAD"}
CURVE_POINTS = 100
CURVE_COLUMN = 20  # the Pareto curve's data sits in columns T:U of the Summary sheet
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TITLE = Font(bold=True, size=14)


@dataclass(frozen=True)
class Column:
    """One column of a sheet: header (message id), source column, and how its cells are typed."""

    header: str
    key: str
    kind: str = "text"  # text | phone | int | number | money | date | share | bool
    width: int = 14


def _money_format() -> str:
    if F.current_currency() is None:  # nothing says which currency: a plain number
        return "#,##0.00"
    symbol = get_currency_symbol(F.current_currency(), locale=F.LOCALES[language()])
    return f'#,##0.00 "{symbol}"' if language() == "ru" else f'"{symbol}" #,##0.00'


def _phone_column(sheet: Any, values: pd.Series) -> CellColumn:
    """Phones as text cells (quote-prefix style, format @) without a visible apostrophe; odd values neutralised."""
    from salon_segment.phones import phone_mask

    text = values.fillna("").astype(str)
    template = WriteOnlyCell(sheet, value="")
    template.number_format, template.quotePrefix = "@", True
    return CellColumn(text.where(phone_mask(text), inert_text(text)), "text", template.style_id)


class _Writer:
    """Appends typed rows to write-only sheets, sharing number formats."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.formats = {
            "money": _money_format(),
            "date": DATE_FORMATS[language()],
            "share": SHARE_FORMAT,
            "number": NUMBER_FORMAT,
        }
        self.rows: dict[str, list[CellColumn]] = {}  # sheet part → its table's data columns, added on save

    def cell(self, sheet: Any, value: Any, kind: str = "text", *, bold: bool = False, font: Font | None = None) -> Any:
        value = cell_value(value)
        if kind == "text" and value is not None:
            value = inert(str(value))  # file names and config values can start with '=' too
        if kind not in self.formats and not bold and font is None:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        if kind in self.formats and value is not None:
            cell.number_format = self.formats[kind]
        if bold or font is not None:
            cell.font = font or BOLD
        return cell

    def _style_id(self, sheet: Any, kind: str) -> int:
        """The workbook's style id for a column kind's number format (0: unstyled)."""
        if kind not in self.formats:
            return 0
        template = WriteOnlyCell(sheet, value=0)
        template.number_format = self.formats[kind]
        return template.style_id

    def _cell_column(self, sheet: Any, values: pd.Series, kind: str) -> CellColumn:
        """A column's cells: text made inert, numbers and dates typed, with the kind's number format."""
        if kind == "text":
            return CellColumn(inert_text(values.fillna("").astype(str)), "text")
        if kind == "phone":
            return _phone_column(sheet, values)
        return CellColumn(values, "date" if kind == "date" else "number", self._style_id(sheet, kind))

    def table(self, sheet: Any, name: str, columns: Sequence[Column], frame: pd.DataFrame) -> None:
        """Header + one row per record as an Excel table with filters (columns typed by ``Column.kind``).

        The table must be the last thing on its sheet: its data rows are added when the workbook is saved.
        """
        for index, column in enumerate(columns, start=1):  # from content: values and the header's words, capped
            values = frame[column.key] if column.key in frame else pd.Series(dtype=object)
            width = column_width(_(column.header), column.kind, values)
            sheet.column_dimensions[get_column_letter(index)].width = width
        header = [self.cell(sheet, _(c.header), bold=True) for c in columns]
        for cell in header:
            cell.alignment = WRAP
        sheet.append(header)
        if len(frame):
            part = f"xl/worksheets/sheet{self.workbook.worksheets.index(sheet) + 1}.xml"
            self.rows[part] = [self._cell_column(sheet, frame[c.key], c.kind) for c in columns]
            ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"
            table = Table(displayName=name, ref=ref)
            table.tableColumns = [TableColumn(id=i, name=_(c.header)) for i, c in enumerate(columns, start=1)]
            table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            with warnings.catch_warnings():  # openpyxl warns in write-only mode even when columns are given
                warnings.simplefilter("ignore", UserWarning)
                sheet.add_table(table)

    def save(self, path: Path | IO[bytes]) -> None:
        """Save the workbook to ``path`` with every table's data rows."""
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        splice_rows(buffer, path, self.rows)


CLIENT_COLUMNS = (
    Column(N_("Client"), L.CLIENT_NAME, width=26),
    Column(N_("Segment"), "segment_label", width=12),
    Column(N_("Phone"), L.PHONE, "phone", width=16),
    Column(N_("E-mail"), L.EMAIL, width=28),
    Column(N_("First visit"), C.FIRST_VISIT, "date", 12),
    Column(N_("Last visit"), C.LAST_VISIT, "date", 12),
    Column(N_("Visits"), C.VISITS, "int", 8),
    Column(N_("Revenue"), C.REVENUE, "money", 13),
    Column(N_("Product revenue"), C.PRODUCT_REVENUE, "money", 13),
    Column(N_("Revenue 12 months"), C.REVENUE_WINDOW, "money", 13),
    Column(N_("Visits 12 months"), C.VISITS_WINDOW, "int", 8),
    Column(N_("Usual interval (days)"), C.MEDIAN_INTERVAL, "number", 10),
    Column(N_("Active months of 6"), C.ACTIVE_MONTHS, "int", 8),
    Column(N_("Expected next visit"), C.EXPECTED_NEXT, "date", 12),
    Column(N_("Days overdue"), C.DAYS_OVERDUE, "int", 8),
    Column(N_("No-shows"), C.NO_SHOWS, "int", 8),
    Column(N_("Cancellations"), C.CANCELLATIONS, "int", 8),
    Column(N_("Next booking"), C.NEXT_BOOKING, "date", 12),
    Column(N_("Chance of a visit"), "p_return", "share", 10),
    Column(N_("Expected visits"), "expected_visits", "number", 10),
    Column(N_("At risk (a year)"), "value_at_risk", "money", 13),
    Column(N_("Client key"), L.CLIENT, width=16),
)
CALL_COLUMNS = (
    Column(N_("Client"), L.CLIENT_NAME, width=26),
    Column(N_("Why"), "reason", width=36),
    Column(N_("What to do"), "approach", width=48),
    Column(N_("Phone"), L.PHONE, "phone", width=16),
    Column(N_("E-mail"), L.EMAIL, width=28),
    Column(N_("Segment"), "segment_label", width=12),
    Column(N_("Last visit"), C.LAST_VISIT, "date", 12),
    Column(N_("Days since last visit"), C.DAYS_SINCE_LAST, "int", 10),
    Column(N_("Days overdue"), C.DAYS_OVERDUE, "int", 8),
    Column(N_("Revenue 12 months"), C.REVENUE_WINDOW, "money", 13),
    Column(N_("Visits"), C.VISITS, "int", 8),
    Column(N_("At risk (a year)"), "value_at_risk", "money", 13),
    Column(N_("Chance of a visit"), "p_return", "share", 10),
)
TREND_COLUMNS = (
    Column(N_("Month"), T.MONTH, "date", 12),
    Column(N_("Active clients"), T.ACTIVE, "int", 10),
    Column(N_("New clients"), T.NEW, "int", 10),
    Column(N_("Lost clients"), T.LOST, "int", 10),
    Column(N_("Visits"), T.VISITS, "int", 10),
    Column(N_("Revenue"), T.REVENUE, "money", 14),
    Column(N_("Revenue per client"), T.REVENUE_PER_CLIENT, "money", 14),
)
PRUNE_COLUMNS = (
    Column(N_("Client"), L.CLIENT_NAME, width=26),
    Column(N_("Phone"), L.PHONE, "phone", width=16),
    Column(N_("E-mail"), L.EMAIL, width=28),
    Column(N_("First visit"), L.FIRST_VISIT, "date", 12),
    Column(N_("Last visit"), L.LAST_VISIT, "date", 12),
    Column(N_("Visits"), L.VISITS, "int", 8),
    Column(N_("Revenue"), PRUNE_REVENUE_TOTAL, "money", 13),
    Column(N_("Revenue 12 months"), PRUNE_REVENUE_12M, "money", 13),
    Column(N_("Client key"), L.CLIENT, width=16),
)


@dataclass(frozen=True)
class Insights:
    """The insight tables that get sheets of their own."""

    staff: pd.DataFrame
    services: pd.DataFrame
    load: pd.DataFrame
    sources: pd.DataFrame


STAFF_SHEET_COLUMNS = (
    Column(N_("Staff"), ST.STAFF, width=18),
    Column(N_("Clients"), ST.CLIENTS, "int", 9),
    Column(N_("Visits"), ST.VISITS, "int", 9),
    Column(N_("Revenue"), ST.REVENUE, "money", 14),
    Column(N_("Retail"), ST.PRODUCT_SHARE, "share", 9),
    Column(N_("First-visit clients"), ST.FIRST_VISITS, "int", 10),
    Column(N_("Back within 90 days"), ST.RETENTION, "share", 11),
    Column(N_("Rebooked"), ST.REBOOKING, "share", 10),
    Column(N_("Regulars"), ST.REGULARS, "int", 10),
    Column(N_("Lost clients who followed"), ST.LOST_FOLLOWERS, "int", 12),
    Column(N_("Last working day"), ST.LAST_SEEN, "date", 12),
)
SERVICE_SHEET_COLUMNS = (
    Column(N_("Category"), SV.GROUP, width=22),
    Column(N_("Clients"), SV.CLIENTS, "int", 9),
    Column(N_("Visits"), SV.VISITS, "int", 9),
    Column(N_("Revenue"), SV.REVENUE, "money", 14),
    Column(N_("Share A"), SV.SHARE_A, "share", 9),
    Column(N_("Share B"), SV.SHARE_B, "share", 9),
    Column(N_("Share C"), SV.SHARE_C, "share", 9),
    Column(N_("Regulars who never used it"), SV.GAP, "int", 14),
)
SOURCE_SHEET_COLUMNS = (
    Column(N_("Source"), SV.SOURCE, width=22),
    Column(N_("Clients"), SV.CLIENTS, "int", 9),
    Column(N_("First-year revenue"), SV.FIRST_YEAR_REVENUE, "money", 14),
    Column(N_("Still active"), SV.STILL_ACTIVE, "share", 11),
)
WEEKDAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def _insight_sheets(writer: _Writer, insights: Insights) -> None:
    workbook = writer.workbook
    for title, table_name, columns, frame in (
        (N_("Staff"), "tbl_staff", STAFF_SHEET_COLUMNS, insights.staff),
        (N_("Services"), "tbl_services", SERVICE_SHEET_COLUMNS, insights.services),
        (N_("Sources"), "tbl_sources", SOURCE_SHEET_COLUMNS, insights.sources),
    ):
        sheet = _new_sheet(workbook, _(title))
        sheet.freeze_panes = "A2"
        writer.table(sheet, table_name, columns, frame)
    load = insights.load
    sheet = _new_sheet(workbook, _("Load"))
    sheet.append(
        [writer.cell(sheet, _("Visits by weekday and hour"), bold=True), *[f"{h:02d}:00" for h in load.columns]]
    )
    for weekday, row in load.iterrows():
        sheet.append([_(WEEKDAY_NAMES[int(weekday)]), *[int(v) for v in row]])
    if len(load.columns):
        last = get_column_letter(len(load.columns) + 1)
        scale = ColorScaleRule(start_type="min", start_color="F8696B", end_type="max", end_color="63BE7B")
        sheet.conditional_formatting.add(f"B2:{last}8", scale)


def _with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["segment_label"] = client_labels(out)
    return out


def _summary_sheet(writer: _Writer, analysis: Analysis, reports: Sequence[FileReport], plan: PrunePlan | None) -> None:
    sheet = _new_sheet(writer.workbook, _("Summary"))
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 16
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 20
    sheet.column_dimensions["H"].width = 60
    for letter in (get_column_letter(CURVE_COLUMN), get_column_letter(CURVE_COLUMN + 1)):
        sheet.column_dimensions[letter].hidden = True
    t, p = analysis.totals, analysis.pareto
    cell = writer.cell
    buffered: list[list[Any]] = []

    def append(values: list[Any]) -> int:
        buffered.append(values)
        return len(buffered)

    def row(label: str, value: Any = None, kind: str = "text") -> None:
        append([cell(sheet, _(label)), cell(sheet, value, kind)])

    append([cell(sheet, _("salon-segment analysis"), font=TITLE)])
    row(N_("Files"), ", ".join(Path(r.path).name for r in reports))
    row(N_("Period"), f"{F.date(t.first_date)} – {F.date(t.last_date)}")
    row(N_("As of"), analysis.as_of, "date")
    row(N_("Clients"), t.clients, "int")
    row(N_("Visits"), t.visits, "int")
    row(N_("Revenue"), t.revenue, "money")
    row(N_("Product revenue"), t.product_revenue, "money")
    row(N_("No-shows"), t.no_shows, "int")
    row(N_("Cancellations"), t.cancellations, "int")
    row(N_("Upcoming bookings"), t.upcoming_bookings, "int")
    append([])
    append([cell(sheet, _("Who carries the salon"), bold=True)])
    row(N_("Top 20% of clients bring"), p.top_revenue_share, "share")
    row(N_("Share of clients for 80% of revenue"), p.clients_share_for_target, "share")
    row(N_("How evenly spending is spread (Gini: 0 = all the same, 1 = one client)"), p.gini, "number")
    append([])
    headers = (
        N_("Segment"),
        N_("Clients"),
        N_("Share"),
        N_("Revenue"),
        N_("Revenue share"),
        N_("Visits per client"),
        N_("Average ticket"),
        N_("Approach"),
    )
    header_row = append([cell(sheet, _(h), bold=True) for h in headers])
    segments = analysis.segments
    for record in segments.itertuples(index=False):
        append(
            [
                cell(sheet, segment_label(record.segment)),
                cell(sheet, record.clients, "int"),
                cell(sheet, record.client_share, "share"),
                cell(sheet, record.revenue, "money"),
                cell(sheet, record.revenue_share, "share"),
                cell(sheet, record.visits_per_client, "number"),
                cell(sheet, record.average_ticket, "money"),
                cell(sheet, segment_approach(record.segment)),
            ]
        )
    last_segment_row = len(buffered)
    if plan is not None:
        append([])
        row(N_("Not seen for (prune)"), F.duration(plan.inactive))
        row(N_("Prune candidates"), len(plan.candidates), "int")

    bars = BarChart()
    bars.title = _("Clients per segment")
    bars.y_axis.title = _("Clients")
    bars.add_data(Reference(sheet, min_col=2, min_row=header_row, max_row=last_segment_row), titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_segment_row))
    bars.legend = None
    bars.width, bars.height = 16, 9
    sheet.add_chart(bars, "A30")

    points = _curve_points(pareto_curve(analysis.clients.loc[analysis.clients[C.REVENUE_WINDOW] > 0, C.REVENUE_WINDOW]))
    curve_rows = [[cell(sheet, _("Share of clients"), bold=True), cell(sheet, _("Share of revenue"), bold=True)]]
    curve_rows += [[cell(sheet, x, "share"), cell(sheet, y, "share")] for x, y in points]
    for index in range(max(len(buffered), len(curve_rows))):
        values = buffered[index] if index < len(buffered) else []
        if index < len(curve_rows):
            values = [*values, *[None] * (CURVE_COLUMN - 1 - len(values)), *curve_rows[index]]
        sheet.append(values)
    chart = ScatterChart()
    chart.title = _("Pareto curve: cumulative share of revenue by share of clients")
    chart.x_axis.title = _("Share of clients")
    chart.y_axis.title = _("Share of revenue")
    chart.style = 13
    last = len(curve_rows)
    series = Series(
        Reference(sheet, min_col=CURVE_COLUMN + 1, min_row=2, max_row=last),
        Reference(sheet, min_col=CURVE_COLUMN, min_row=2, max_row=last),
    )
    chart.series.append(series)
    chart.legend = None
    chart.visible_cells_only = False  # the curve's data columns are hidden
    for axis in (chart.x_axis, chart.y_axis):
        axis.scaling.min, axis.scaling.max = 0, 1
        axis.number_format = "0%"
        axis.delete = False
    chart.width, chart.height = 16, 9
    sheet.add_chart(chart, "E30")


def _curve_points(curve: pd.DataFrame) -> list[tuple[float, float]]:
    """(0, 0) and up to CURVE_POINTS evenly spaced points of the curve, the last one included."""
    points = [(0.0, 0.0)]
    if len(curve):
        step = max(1, math.ceil(len(curve) / CURVE_POINTS))
        picked = [*range(step - 1, len(curve), step)]
        if picked[-1] != len(curve) - 1:
            picked.append(len(curve) - 1)
        points += list(zip(curve["client_share"].iloc[picked], curve["revenue_share"].iloc[picked], strict=True))
    return points


def _new_sheet(workbook: Workbook, title: str) -> Any:
    """A write-only sheet set up to print landscape, one page wide (set before any row is written)."""
    sheet = workbook.create_sheet(title)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def write_summary(
    path: Path | IO[bytes],
    *,
    analysis: Analysis,
    reports: Sequence[FileReport],
    plan: PrunePlan | None,
    trend: pd.DataFrame,
    version: str,
    insights: Insights | None = None,
    movement: Movement | None = None,
) -> None:
    """Write the whole workbook to ``path`` (the caller makes it atomic)."""
    workbook = Workbook(write_only=True)
    stamp = dt.datetime.combine(analysis.as_of.date(), dt.time())
    workbook.properties.creator = "salon-segment"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    writer = _Writer(workbook)
    _summary_sheet(writer, analysis, reports, plan)

    clients_sheet = _new_sheet(workbook, _("Clients"))
    clients_sheet.freeze_panes = "A2"
    visited = _with_labels(analysis.clients)
    writer.table(clients_sheet, "tbl_clients", CLIENT_COLUMNS, visited)
    if len(visited):
        segment_range = f"B2:B{len(visited) + 1}"
        labels = [(segment_label(s), color) for s, color in SEGMENT_FILLS.items()]
        labels.append((segment_label(SEG_C, True), SEGMENT_FILLS[SEG_C]))  # "C, high value" keeps C's colour
        for label, color in labels:
            rule = CellIsRule(operator="equal", formula=[f'"{label}"'], fill=PatternFill("solid", bgColor=color))
            clients_sheet.conditional_formatting.add(segment_range, rule)

    calls = call_list(analysis)  # the same list as the terminal and the JSON
    call_sheet = _new_sheet(workbook, _("Call list"))
    call_sheet.freeze_panes = "A2"
    writer.table(call_sheet, "tbl_call_list", CALL_COLUMNS, calls)
    from salon_segment.render.forecast_sheet import forecast_sheet

    forecast_sheet(writer, workbook, analysis)

    trend_sheet = _new_sheet(workbook, _("Trend"))
    trend_sheet.freeze_panes = "A2"
    writer.table(trend_sheet, "tbl_trend", TREND_COLUMNS, trend)
    if len(trend):
        lines = LineChart()
        lines.title = _("Active and new clients per month")
        lines.y_axis.title = _("Clients")
        lines.add_data(
            Reference(trend_sheet, min_col=2, max_col=3, min_row=1, max_row=len(trend) + 1), titles_from_data=True
        )
        lines.set_categories(Reference(trend_sheet, min_col=1, min_row=2, max_row=len(trend) + 1))
        lines.width, lines.height = 24, 10
        trend_sheet.add_chart(lines, "I2")

    prune_sheet = _new_sheet(workbook, _("Prune"))
    prune_sheet.freeze_panes = "A2"
    writer.table(
        prune_sheet,
        "tbl_prune",
        PRUNE_COLUMNS,
        plan.candidates if plan is not None else pd.DataFrame(columns=[c.key for c in PRUNE_COLUMNS]),
    )

    from salon_segment.render.movement_sheet import movement_sheet

    movement_sheet(writer, workbook, movement)
    if insights is not None:
        _insight_sheets(writer, insights)

    about = _new_sheet(workbook, _("About"))
    about.column_dimensions["A"].width = 46
    about.column_dimensions["B"].width = 18
    about.column_dimensions["C"].width = 28
    about.append([writer.cell(about, _("salon-segment analysis"), font=TITLE)])
    about.append([writer.cell(about, _("Tool version")), version])
    about.append([writer.cell(about, _("As of")), writer.cell(about, analysis.as_of, "date")])
    about.append([])
    headers = (N_("File"), N_("Rows read"), N_("Used"), N_("Skipped"), N_("Rejected"))
    about.append([writer.cell(about, _(h), bold=True) for h in headers])
    for report in reports:
        counts = (report.rows_read, report.rows_used, report.rows_skipped, report.rows_rejected)
        about.append([writer.cell(about, Path(report.path).name), *counts])
    about.append([])
    about.append([writer.cell(about, _(h), bold=True) for h in (N_("Rules"), N_("Value"), N_("Setting"))])
    for name, value in analysis.rules.as_dict().items():
        shown = ", ".join(value) if isinstance(value, list) else value
        label = _(RULE_NAMES[name]) if name in RULE_NAMES else name
        about.append([writer.cell(about, label), writer.cell(about, shown) if isinstance(shown, str) else shown, name])
    writer.save(path)
