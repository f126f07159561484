"""Applicant pages of intake: an organisation's profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from prize_portal.accounts.requests import AuthenticatedRequest
from submissions import selectors, services
from submissions.forms import OrganisationForm
from submissions.views.entries import add_errors


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def organisation_edit(request: AuthenticatedRequest, organisation_id: int | None = None) -> HttpResponse:
    organisation = None
    if organisation_id is not None:
        organisation = selectors.organisation_get(
            user=request.user, organisation_id=organisation_id, perm="submissions.edit_organisation"
        )
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            if organisation is None:
                services.organisation_create(user=request.user, **form.cleaned_data)
                messages.success(request, _("Your organisation has been saved. You can now start an entry."))
                return redirect("submissions:entry_start")
            services.organisation_update(organisation_id=organisation.pk, user=request.user, **form.cleaned_data)
            messages.success(request, _("Your organisation has been saved."))
            return redirect("submissions:dashboard")
        except ValidationError as error:
            add_errors(form, error)
    return render(request, "submissions/organisation_form.html", {"form": form, "organisation": organisation})
