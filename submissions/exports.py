"""Entries as CSV and XLSX for staff: one selector and one row builder feed
both formats (prize_portal/site/spreadsheets.py), so the two files always
hold the same columns and values."""

from collections.abc import Iterator

from django.db.models import Count, F, QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from prize_portal.documents import language_name
from prize_portal.site.spreadsheets import Cell, download, rows_csv, rows_xlsx, seoul_iso

from .models import Entry

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


def entries_for_export(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    """The entries of ``queryset`` (e.g. admin's filtered selection) with
    everything a row needs, in one query."""
    return (
        queryset.select_related("organisation", "category", "track")
        .annotate(version_count=Count("submissions"))
        # Drafts (no sequence yet) last, whatever the database's NULL order.
        .order_by("cycle__year", "category__order", F("sequence").asc(nulls_last=True), "pk")
    )


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
        language_name(entry.language),
        entry.title_en,
        seoul_iso(entry.submitted_at),
        getattr(entry, "version_count", 0),
    ]


def export_rows(queryset: QuerySet[Entry]) -> Iterator[list[Cell]]:
    """The header, then one row per entry."""
    yield [str(label) for label in COLUMNS]
    for entry in entries_for_export(queryset):
        yield entry_row(entry)


def entries_csv(queryset: QuerySet[Entry]) -> bytes:
    return rows_csv(export_rows(queryset))


def entries_xlsx(queryset: QuerySet[Entry]) -> bytes:
    return rows_xlsx(export_rows(queryset), _("Entries"))


def export_response(queryset: QuerySet[Entry], file_format: str) -> HttpResponse:
    """A download of ``queryset`` as ``csv`` or ``xlsx``, named by the Seoul time of export."""
    return download(export_rows(queryset), file_format=file_format, name="entries", title=_("Entries"))
