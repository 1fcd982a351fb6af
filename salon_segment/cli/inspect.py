"""`salon-segment inspect`: how each file was read, every row accounted for."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import load, show
from salon_segment.cli.options import (
    ConfigOpt,
    DateFormatOpt,
    DelimiterOpt,
    DialectOpt,
    EncodingOpt,
    FilesArg,
    FormatOpt,
    LangOpt,
    MapOpt,
    OutputFormat,
    ProductsOpt,
    SheetOpt,
)


@app.command(epilog="Example: salon-segment inspect examples/salon-ru-cp1251.csv --format json")
@handle_errors
def inspect(
    files: FilesArg,
    config: ConfigOpt = None,
    output_format: FormatOpt = OutputFormat.table,
    mappings: MapOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    date_format: DateFormatOpt = None,
    delimiter: DelimiterOpt = None,
    dialect: DialectOpt = None,
    products: ProductsOpt = None,
    lang: LangOpt = None,
) -> None:
    """How each file was read: kind, encoding, header, column mapping, date format, every row accounted for."""
    from salon_segment.render.inspect_view import inspect_view
    from salon_segment.report import Inspection

    loaded = load(
        files, config=config, mappings=mappings, encoding=encoding, sheet=sheet, date_format=date_format,
        delimiter=delimiter, dialect=dialect, products=products, lang=lang, need_rows=False,
    )  # fmt: skip
    inspection = Inspection(files=loaded.imported.reports, notes=loaded.imported.notes)
    show(loaded.presentation, output_format, inspection.to_dict(), lambda: inspect_view(inspection.files))
