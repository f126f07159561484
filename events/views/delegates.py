"""A delegate's own page, opened from the signed link in their e-mail: no
account. They check and correct their details (which confirms them) and may
give or take back their consent to keeping their access or dietary needs."""

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.errors import EventError
from events.forms import DelegateDetailsForm
from events.links import delegate_for_token
from events.services.delegates import delegate_update_own, needs_text


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def delegate_page(request: HttpRequest, token: str) -> HttpResponseBase:
    delegate = delegate_for_token(token)
    if delegate is None:
        return render(request, "events/delegates/invalid.html", status=404)
    fields = ("name", "title", "organisation", "language", "needs")
    initial = {name: getattr(delegate, name) for name in fields}
    initial["needs_consent"] = delegate.needs_consent_at is not None
    form = DelegateDetailsForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                delegate_update_own(delegate_id=delegate.pk, details=form.details())
            except EventError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Thank you: your details are confirmed."))
                return redirect("events:delegate", token=token)
        status = 400
    context = {
        "delegate": delegate,
        "invitation": delegate.invitation,
        "event": delegate.invitation.event,
        "needs_text": needs_text(),
        "form": form,
    }
    # The link is the delegate's credential: the site's Referrer-Policy (same-origin) never sends it elsewhere.
    return render(request, "events/delegates/delegate.html", context, status=status)
