from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from prize_portal.files.downloads import file_response
from prize_portal.site.gates import next_url
from prize_portal.site.meta import page_meta, site_title

from .enums import ConsentSource, ExportStatus, TextKind
from .errors import PrivacyError
from .forms import ConsentsForm
from .middleware import consents_checked
from .models import Text
from .selectors import consents_asked, current_notice, current_texts, data_export_get, data_exports_of
from .services.consents import consents_record
from .services.exports import data_export_download, data_export_request


def _notice_page(request: HttpRequest, notice: Text, *, current: bool) -> HttpResponse:
    texts = current_texts()
    items = [text for text in texts.values() if text.kind == TextKind.CONSENT]
    earlier = Text.objects.filter(code=notice.code, published_at__isnull=False).exclude(pk=notice.pk)
    meta = page_meta(request, title=site_title(notice.title), description=notice.summary or notice.title)
    context = {
        "notice": notice,
        "current": current,
        "items": items,
        "versions": earlier.order_by("-version"),
        "page_meta": meta,
    }
    return render(request, "privacy/notice.html", context)


@require_safe
def notice(request: HttpRequest) -> HttpResponse:
    """The privacy notice in force, the consent items it asks, and its earlier versions."""
    current = current_notice()
    if current is None:
        raise Http404
    return _notice_page(request, current, current=True)


@require_safe
def notice_version(request: HttpRequest, version: int) -> HttpResponse:
    """An earlier published version (a person's answer names the one they read)."""
    current = current_notice()
    if current is None:
        raise Http404
    text = Text.objects.filter(code=current.code, version=version, published_at__isnull=False).first()
    if text is None:
        raise Http404
    if text.pk == current.pk:
        return redirect("privacy:notice")
    return _notice_page(request, text, current=False)


@login_required
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest) -> HttpResponse:
    """The person's answers: what is due is asked, optional items can be
    given or withdrawn at any time."""
    user = request.user
    asked = consents_asked(user)  # type: ignore[arg-type]
    if not asked:
        raise Http404
    form = ConsentsForm(request.POST if request.method == "POST" else None, asked=asked)
    if request.method == "POST" and form.is_valid():
        try:
            written = consents_record(user=user, answers=form.consent_answers(), source=ConsentSource.CONSENTS_PAGE)  # type: ignore[arg-type]
        except PrivacyError as error:
            form.add_error(None, error)
        else:
            consents_checked(request, user)
            if written:
                messages.success(request, _("Your answers have been saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect(next_url(request) or reverse("privacy:consents"))
    due = any(item.due for item in asked)
    return render(request, "privacy/consents.html", {"form": form, "due": due, "next": next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def data(request: HttpRequest) -> HttpResponse:
    """Your data: ask for a download of everything the portal holds about you."""
    user = request.user
    if request.method == "POST":
        data_export_request(user=user)  # type: ignore[arg-type]
        messages.success(
            request, _("Your download is being prepared. We will e-mail you when it is ready, usually within minutes.")
        )
        return redirect("privacy:data")
    exports = data_exports_of(user)  # type: ignore[arg-type]
    context = {
        "exports": exports,
        "preparing": any(export.status == ExportStatus.REQUESTED for export in exports),
        "days": settings.PRIVACY_EXPORT_DAYS,
        "now": timezone.now(),
    }
    return render(request, "privacy/data.html", context)


@login_required
@require_safe
def data_download(request: HttpRequest, export_id: int) -> HttpResponseBase:
    """The owner's ZIP, while it lasts; recorded in the audit trail."""
    export = data_export_get(request.user, export_id)  # type: ignore[arg-type]
    try:
        data_export_download(user=request.user, export_id=export.pk)  # type: ignore[arg-type]
    except PrivacyError as error:
        return render(request, "privacy/data_expired.html", {"error": error.messages[0]}, status=410)
    filename = f"seoul-smart-city-prize-data-{export.requested_at:%Y-%m-%d}.zip"
    return file_response(export.file, filename, "application/zip", inline=False)
