"""The options several commands share, and the parsers that turn their text into values (usage errors)."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated, Any

import typer

from salon_segment.cli_parsing import lang_option
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _, languages


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"


def parse_as_of(value: str | None, option: str = "--as-of") -> dt.date | None:
    """--as-of YYYY-MM-DD or the report language's own form (20-11-2026, 20.11.2026), in 1900–2200; a usage
    error that says why otherwise (an impossible day, a year out of range)."""
    from salon_segment.cli_parsing import parse_date
    from salon_segment.duration import EARLIEST, LATEST

    date = parse_date(value, option)
    if date is not None and not EARLIEST <= date <= LATEST:
        raise typer.BadParameter(
            _("{option} {value}: the year {year} is outside {first}–{last}.").format(
                option=option, value=value, year=date.year, first=EARLIEST.year, last=LATEST.year
            )
        )
    return date




def check_span(as_of: Any, duration: Any, option: str) -> None:
    """Refuse (exit 1, one sentence) a duration that reaches back before 1900 from as_of."""
    from salon_segment.duration import check_span as check

    try:
        check(as_of, duration, option)
    except ValueError as exc:
        raise SalonSegmentError(str(exc)) from None



def parse_inactive(value: str) -> Any:
    """--inactive DURATION (usage error naming the accepted forms)."""
    from salon_segment.scoring.periods import parse_duration

    try:
        return parse_duration(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def horizon_days(value: str, as_of: Any) -> int:
    """--horizon DURATION as a number of days after as_of (usage error naming the accepted forms)."""
    from salon_segment.api import horizon_days as days

    return days(parse_inactive(value), as_of)


def period_months(text: str) -> tuple[Any, int]:
    """--period as (duration, whole months, at least 1): day and week periods round to months."""
    duration = parse_inactive(text)
    return duration, duration.months or max(1, round(duration.days / 30.44))


def excel_path(template: Path, as_of: Any) -> Path:
    """Fill {as_of} and {today} (YYYY-MM-DD) into an --excel path."""
    text = str(template)
    for key, value in (("{as_of}", as_of.strftime("%Y-%m-%d")), ("{today}", dt.date.today().isoformat())):
        text = text.replace(key, value)
    return Path(text)


FilesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Export files (CSV or Excel) from the booking system or till.", show_default=False, metavar="FILE..."
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=(
            "Analyse as of this date: 2026-11-20, 20-11-2026 or 20.11.2026. "
            "Default: the latest completed visit that is not after today."
        ),
        show_default=False,
        metavar="DATE",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Config file (TOML). Default: salon-segment.toml in this folder, if any.", metavar="FILE"
    ),
]
MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map", help="Force a column: FIELD=HEADER, e.g. --map date=Afspraak. Repeatable.", metavar="FIELD=HEADER"
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Text encoding of CSV inputs (default: detected).", metavar="NAME")
]
SheetOpt = Annotated[
    str | None,
    typer.Option("--sheet", help="Excel sheet name or number (default: the first with data).", metavar="NAME|N"),
]
DelimiterOpt = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        help="Delimiter of CSV inputs: , ; | tab (or comma, semicolon, pipe, tab). Default: detected.",
        show_default=False,
        metavar="CHAR",
    ),
]
DateFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--date-format",
        help="Day/month order when every date reads both ways: dd-mm-yyyy or mm/dd/yyyy.",
        metavar="ORDER",
    ),
]
ProductsOpt = Annotated[
    Path | None,
    typer.Option(
        "--products", help="A product listing export: its item names count as retail products.", metavar="FILE"
    ),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", help="Output: a table or JSON (for scripts).", metavar="table|json")
]
LANGUAGE_CODES = languages()  # English and the code of every salon_segment/locale/<code>.po
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=f"Report language: {', '.join(LANGUAGE_CODES[:-1])} or {LANGUAGE_CODES[-1]} (any case). Default: lang in"
        " the config, else LANG/LC_ALL, else en.",
        callback=lang_option,
        metavar="|".join(LANGUAGE_CODES),
    ),
]
ExcelOpt = Annotated[
    Path | None,
    typer.Option(
        "--excel",
        help="Write the Excel summary here; {as_of} and {today} are filled in (reports/summary-{as_of}.xlsx).",
        metavar="FILE.xlsx",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", help="Print nothing on success (for cron jobs).")]
PseudonymizeOpt = Annotated[
    bool,
    typer.Option(
        "--pseudonymize",
        help="Replace names, e-mails and phones in every output by stable keyed pseudonyms (to share a report).",
    ),
]
DialectOpt = Annotated[
    Path | None,
    typer.Option(
        "--dialect",
        help=(
            "Read the exports as this file says: the JSON of inspect --format json (encoding, delimiter, sheet, "
            "date order, columns, export profile). Options given here win."
        ),
        metavar="FILE",
    ),
]
KeyFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--key-file",
        help="The pseudonym key file (created if absent). Default: pseudonym_key_file in the config, else "
        "pseudonym.key in your config folder.",
        metavar="FILE",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace output files that already exist.")]
HorizonOpt = Annotated[
    str,
    typer.Option(
        "--horizon",
        metavar="DURATION",
        help="The forecast window: who comes back within it, expected visits and revenue (90d, 3m, 12w).",
    ),
]
LogOpt = Annotated[
    Path | None,
    typer.Option(
        "--log",
        help="Append error messages to FILE (its folder is created), besides stderr. For cron jobs.",
        metavar="FILE",
    ),
]
PeriodOpt = Annotated[str, typer.Option("--period", help="How far back: 12m, 6m, 2y or 90d.", metavar="DURATION")]
