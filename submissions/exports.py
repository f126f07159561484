"""Entries as CSV and XLSX for staff: one selector and one row builder feed
both formats, so the two files always hold the same columns and values."""

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django_countries import countries

from .models import Entry

Cell = str | int

COLUMNS = [
    gettext_lazy("Reference number"),
    gettext_lazy("Status"),
    gettext_lazy("Category"),
    gettext_lazy("Track"),
    gettext_lazy("Organisation (English)"),
    gettext_lazy("Organisation (own language)"),
    gettext_lazy("Applicant type"),
    gettext_lazy("Country"),
    gettext_lazy("City"),
    gettext_lazy("Language of the entry"),
    gettext_lazy("Title in English"),
    gettext_lazy("Last submitted (Seoul time)"),
    gettext_lazy("Versions submitted"),
]

# A spreadsheet runs a cell that starts with one of these as a formula
# (OWASP "CSV injection"); a leading apostrophe keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def entries_for_export(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    """The entries of ``queryset`` (e.g. admin's filtered selection) with
    everything a row needs, in one query."""
    return (
        queryset.select_related("organisation", "category", "track")
        .annotate(version_count=Count("submissions"))
        # Drafts (no sequence yet) last, whatever the database's NULL order.
        .order_by("cycle__year", "category__order", F("sequence").asc(nulls_last=True), "pk")
    )


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _seoul_iso(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment, ZoneInfo(settings.PRIZE_TIME_ZONE)).isoformat(timespec="seconds")


def entry_row(entry: Entry) -> list[Cell]:
    """One entry as export cells, in the order of COLUMNS (names in the active language)."""
    organisation = entry.organisation
    return [
        entry.reference or "",
        entry.get_status_display(),
        entry.category.name,
        entry.track.name if entry.track else "",
        organisation.name_en,
        organisation.name_native,
        organisation.get_type_display(),
        countries.name(organisation.country),
        organisation.city,
        _language_name(entry.language),
        entry.title_en,
        _seoul_iso(entry.submitted_at),
        getattr(entry, "version_count", 0),
    ]


def neutralise(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_rows(queryset: QuerySet[Entry]) -> Iterator[list[Cell]]:
    """The header, then one row per entry, every cell safe to open in a spreadsheet."""
    yield [str(label) for label in COLUMNS]
    for entry in entries_for_export(queryset):
        yield [neutralise(value) for value in entry_row(entry)]


def entries_csv(queryset: QuerySet[Entry]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Korean and other scripts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(export_rows(queryset))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def entries_xlsx(queryset: QuerySet[Entry]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = _("Entries")[:31]
    for row in export_rows(queryset):
        # Control characters that XML cannot hold are dropped, not fatal.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_response(queryset: QuerySet[Entry], file_format: str) -> HttpResponse:
    """A download of ``queryset`` as ``csv`` or ``xlsx``, named by the Seoul time of export."""
    stamp = timezone.localtime(timezone.now(), ZoneInfo(settings.PRIZE_TIME_ZONE)).strftime("%Y%m%d-%H%M")
    if file_format == "xlsx":
        response = HttpResponse(entries_xlsx(queryset), content_type=XLSX_TYPE)
    elif file_format == "csv":
        response = HttpResponse(entries_csv(queryset), content_type=CSV_TYPE)
    else:
        raise ValueError(f"Unknown export format {file_format!r}")
    response["Content-Disposition"] = f'attachment; filename="entries-{stamp}.{file_format}"'
    return response
