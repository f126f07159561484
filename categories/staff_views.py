"""Staff pages of the prize configuration: how much of an edition's content
is translated, and its texts exchanged with outside translators as one
spreadsheet per language."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.uploads import size_limited_upload
from prize_portal.site.decorators import page_for
from prize_portal.site.spreadsheets import download

from .exchange import read_translation_sheet, translatable_languages, translation_rows
from .models import Cycle
from .selectors import content_texts, content_translation_status
from .services import content_translations_import


def _cycle_chosen(request: HttpRequest) -> tuple[list[Cycle], Cycle | None]:
    """The editions, and the one ``?cycle=<year>`` names (by default the newest)."""
    cycles = list(Cycle.objects.order_by("-year"))
    year = request.GET.get("cycle", "") or request.POST.get("cycle", "")
    return cycles, next((option for option in cycles if str(option.year) == year), cycles[0] if cycles else None)


@require_safe
@page_for("accounts.use_staff_pages")
def translation_status(request: HttpRequest) -> HttpResponse:
    """How much of an edition's content is translated into each language,
    and what is missing, each text with a link to where it is edited."""
    cycles, cycle = _cycle_chosen(request)
    statuses = content_translation_status(cycle=cycle) if cycle else []
    return render(
        request, "categories/staff/translations.html", {"cycles": cycles, "cycle": cycle, "statuses": statuses}
    )


@require_safe
@page_for("accounts.use_staff_pages")
def translation_sheet(request: HttpRequest, language: str) -> HttpResponse:
    """The edition's texts in English with their ``language`` translations so
    far, as a spreadsheet for a translator to fill in and send back."""
    _cycles, cycle = _cycle_chosen(request)
    if cycle is None or language not in translatable_languages():
        raise Http404
    rows = translation_rows(content_texts(cycle=cycle, language=language), language)
    return download(rows, file_format="xlsx", name=f"content-{cycle.year}-{language}", title=f"{cycle.year} {language}")


@require_POST
@page_for("accounts.use_staff_pages")
@size_limited_upload
def translation_import(request: AuthenticatedRequest) -> HttpResponse:
    """Take back a filled-in sheet: its translations are written where the
    English is still the same; what was done is said in a message."""
    _cycles, cycle = _cycle_chosen(request)
    if cycle is None:
        raise Http404
    back = f"{reverse('content_staff:translations')}?cycle={cycle.year}"
    upload = request.FILES.get("sheet")
    if upload is None:
        messages.error(request, _("Choose the sheet of translations to import."))
        return redirect(back)
    try:
        language, rows = read_translation_sheet(upload)
        report = content_translations_import(cycle=cycle, language=language, rows=rows, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(
        request,
        _("Translations imported: %(updated)d written, %(unchanged)d already the same, %(empty)d left empty.")
        % {"updated": report.updated, "unchanged": report.unchanged, "empty": report.empty},
    )
    if report.english_changed or report.unknown:
        messages.warning(
            request,
            _(
                "Rows not imported: %(changed)d whose English text has changed since the sheet was made, "
                "%(unknown)d whose text no longer exists. Download a new sheet for these."
            )
            % {"changed": len(report.english_changed), "unknown": len(report.unknown)},
        )
    return redirect(back)
