"""`salon-segment inspect`: how each file was read, every row accounted for."""

from __future__ import annotations

from salon_segment.cli import app, handle_errors
from salon_segment.cli.common import load, show
from salon_segment.cli.options import (
    FilesArg,
    FormatOpt,
    OutputFormat,
)
from salon_segment.cli.reading import GIVEN, WITHOUT_PRIVACY, Reading, reading_options


@app.command(epilog="Example: salon-segment inspect examples/salon-ru-cp1251.csv --format json")
@handle_errors
@reading_options(WITHOUT_PRIVACY)
def inspect(
    files: FilesArg,
    output_format: FormatOpt = OutputFormat.table,
    reading: Reading = GIVEN,
) -> None:
    """How each file was read: kind, encoding, header, column mapping, date format, every row accounted for."""
    from salon_segment.render.inspect_view import inspect_view
    from salon_segment.report import Inspection

    loaded = load(files, reading, need_rows=False)
    inspection = Inspection(files=loaded.imported.reports, notes=loaded.imported.notes)
    show(loaded.presentation, output_format, inspection.to_dict(), lambda: inspect_view(inspection.files))
