"""Applicant pages of intake: inviting collaborators to an entry, and accepting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.privacy.enums import ConsentRole
from prize_portal.privacy.forms import ConsentsForm
from prize_portal.privacy.middleware import consents_checked
from prize_portal.privacy.selectors import consents_asked
from submissions import selectors, services
from submissions.models import Invitation


@require_POST
@login_required
def invitation_create(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.manage_entry")
    email = request.POST.get("email", "").strip()
    try:
        from django.core.validators import validate_email

        validate_email(email)
        services.invitation_create(entry_id=entry.pk, user=request.user, email=email, language=get_language())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("An invitation has been sent to %(email)s.") % {"email": email})
    return redirect(reverse("submissions:entry_detail", args=[entry.pk]) + "#collaborators")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def invitation_accept(request: AuthenticatedRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("entry__organisation", "invited_by").filter(token=token).first()
    if invitation is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = ConsentsForm(data, asked=consents_asked(request.user, roles=[ConsentRole.COLLABORATOR]))
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.invitation_accept(token=token, user=request.user, consents=form.consent_answers())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            consents_checked(request, request.user)
            messages.success(request, _("You now collaborate on this entry."))
            return redirect("submissions:entry_step", entry.pk, "about")
    return render(request, "submissions/invitation_accept.html", {"invitation": invitation, "form": form})
