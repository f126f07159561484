"""The conflicts of a round as CSV for staff: the same rows as the conflicts
page, with the intake export's safeguards (byte-order mark for Excel, formula
cells neutralised)."""

import csv
import io
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from submissions.exports import CSV_TYPE, Cell, _seoul_iso, neutralise

from .models import Round
from .staff_selectors import ConflictRow, round_conflicts

CONFLICT_COLUMNS = [
    gettext_lazy("Judge"),
    gettext_lazy("Judge's e-mail address"),
    gettext_lazy("Reference number"),
    gettext_lazy("Title in English"),
    gettext_lazy("Kind"),
    gettext_lazy("Reason"),
    gettext_lazy("Status"),
    gettext_lazy("Declared (Seoul time)"),
    gettext_lazy("Source"),
]


def conflict_row(row: ConflictRow) -> list[Cell]:
    """One conflict as export cells, in the order of CONFLICT_COLUMNS."""
    return [
        row.judge.name,
        row.judge.email,
        row.entry.reference or "",
        row.entry.title_en,
        row.kind_label,
        row.reason,
        row.status_label,
        _seoul_iso(row.declared_at),
        row.source,
    ]


def conflict_export_rows(rows: list[ConflictRow]) -> Iterator[list[Cell]]:
    yield [str(label) for label in CONFLICT_COLUMNS]
    for row in rows:
        yield [neutralise(value) for value in conflict_row(row)]


def conflicts_csv(round_: Round) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows every script."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(conflict_export_rows(round_conflicts(round_)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def conflicts_response(round_: Round) -> HttpResponse:
    stamp = timezone.localtime(timezone.now(), ZoneInfo(settings.PRIZE_TIME_ZONE)).strftime("%Y%m%d-%H%M")
    response = HttpResponse(conflicts_csv(round_), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="conflicts-round-{round_.pk}-{stamp}.csv"'
    return response
