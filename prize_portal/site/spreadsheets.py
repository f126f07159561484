"""Tables as CSV and XLSX downloads for staff, made safe to open in a
spreadsheet: one source of rows feeds both formats, so the two files always
hold the same columns and values."""

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

Cell = str | int | float

# A spreadsheet runs a cell that starts with one of these as a formula
# (OWASP "CSV injection"); a leading apostrophe keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def neutralise(value: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula, kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def seoul_iso(moment: datetime | None) -> str:
    """A moment as ISO 8601 in Seoul time ('' for none)."""
    if moment is None:
        return ""
    return timezone.localtime(moment, ZoneInfo(settings.PRIZE_TIME_ZONE)).isoformat(timespec="seconds")


def _safe(rows: Iterable[list[Cell]]) -> Iterable[list[Cell]]:
    for row in rows:
        yield [neutralise(value) for value in row]


def rows_csv(rows: Iterable[list[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Korean and other scripts.
    Every cell quoted: a spreadsheet set to split on semicolons (Spanish,
    French, German settings) then cannot cut a cell into a formula."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows(_safe(rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def rows_xlsx(rows: Iterable[list[Cell]], title: str) -> bytes:
    """One sheet named ``title``; the first row (the header) bold and frozen, with filters.
    Text that starts like a formula is written as text, marked so (Excel's
    quote prefix) that editing the cell keeps it text; no apostrophe shows."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = title[:31]
    for row in rows:
        # Control characters that XML cannot hold are dropped, not fatal.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def download(rows: Iterable[list[Cell]], *, file_format: str, name: str, title: str) -> HttpResponse:
    """``rows`` (header first) as a ``csv`` or ``xlsx`` download named
    ``<name>-<Seoul time of export>.<format>``."""
    stamp = timezone.localtime(timezone.now(), ZoneInfo(settings.PRIZE_TIME_ZONE)).strftime("%Y%m%d-%H%M")
    if file_format == "xlsx":
        response = HttpResponse(rows_xlsx(rows, title), content_type=XLSX_TYPE)
    elif file_format == "csv":
        response = HttpResponse(rows_csv(rows), content_type=CSV_TYPE)
    else:
        raise ValueError(f"Unknown export format {file_format!r}")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{file_format}"'
    return response
