"""A delegate's own page, opened from the signed link in their e-mail: no
account. They check and correct their details (which confirms them), may
give or take back their consent to keeping their access or dietary needs,
and, to get a visa invitation letter, give their passport details (sealed,
every reading of them audited) and download the letter once issued."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from events.errors import EventError
from events.forms import DelegateDetailsForm, PassportForm
from events.links import delegate_for_token
from events.models import Delegate
from events.services.delegates import delegate_update_own, needs_text
from events.services.letters import letter_opened, passport_read, passport_save
from prize_portal.files.downloads import file_response


def _details_form(request: HttpRequest, delegate: Delegate) -> DelegateDetailsForm:
    initial: dict[str, Any] = {name: getattr(delegate, name) for name in ("name", "title", "organisation", "language")}
    initial.update(
        needs=delegate.needs, needs_consent=delegate.needs_consent_at is not None, name_public=delegate.name_public
    )
    data = request.POST if "save_details" in request.POST else None
    return DelegateDetailsForm(data, initial=initial, presents=delegate.presents)


def _passport_form(request: HttpRequest, delegate: Delegate) -> PassportForm:
    if "save_passport" in request.POST:
        return PassportForm(request.POST)
    passport = passport_read(delegate, actor=None, by="delegate")  # shown back to the delegate: audited
    return PassportForm(initial=passport.__dict__ if passport else {})


def _save(request: HttpRequest, delegate: Delegate, form: DelegateDetailsForm | PassportForm) -> bool:
    if not form.is_valid():
        return False
    try:
        if isinstance(form, PassportForm):
            passport_save(delegate_id=delegate.pk, passport=form.passport())
            messages.success(request, _("Thank you: your passport details are saved, for your letter only."))
        else:
            delegate_update_own(delegate_id=delegate.pk, details=form.details())
            messages.success(request, _("Thank you: your details are confirmed."))
    except EventError as error:
        for message in error.messages:
            form.add_error(None, message)
        return False
    return True


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def delegate_page(request: HttpRequest, token: str) -> HttpResponseBase:
    # The link is the delegate's credential: the site's Referrer-Policy (same-origin) never sends it elsewhere.
    delegate = delegate_for_token(token)
    if delegate is None:
        return render(request, "events/delegates/invalid.html", status=404)
    details, passport = _details_form(request, delegate), _passport_form(request, delegate)
    status = 200
    if request.method == "POST":
        form = passport if "save_passport" in request.POST else details
        if _save(request, delegate, form):
            return redirect("events:delegate", token=token)
        status = 400
    context = {
        "delegate": delegate,
        "invitation": delegate.invitation,
        "event": delegate.invitation.event,
        "needs_text": needs_text(),
        "form": details,
        "passport_form": passport,
        "letter": delegate.letters.select_related("certificate").first(),
        "token": token,
        "passport_keep_days": settings.PASSPORT_KEEP_DAYS,
    }
    return render(request, "events/delegates/delegate.html", context, status=status)


@never_cache
@require_safe
def delegate_letter(request: HttpRequest, token: str) -> HttpResponseBase:
    """The delegate's own visa letter, through their link; audited."""
    delegate = delegate_for_token(token)
    letter = delegate.letters.select_related("certificate").first() if delegate else None
    if letter is None or not letter.certificate.is_ready:
        raise Http404
    letter_opened(letter, actor=None, by="delegate")
    return file_response(
        letter.certificate.file, f"invitation-letter-{letter.certificate.code}.pdf", "application/pdf", inline=False
    )
