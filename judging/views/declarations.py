"""The judges' declaration page: read the version in force, accept it for the cycle, go on to the entry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from categories.models import Cycle
from judging.forms.declarations import DeclarationForm
from judging.selectors import declarations as selectors
from judging.services.declarations import declaration_accept
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.site.decorators import page_for
from prize_portal.site.gates import next_url


@require_http_methods(["GET", "HEAD", "POST"])
@page_for("judging.use_reviewer_pages")
def declaration(request: AuthenticatedRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    if not selectors.sits_in_cycle(request.user, cycle.pk):
        raise Http404
    text = selectors.current_declarations().first()
    if text is None:
        raise Http404
    accepted = selectors.accepted_version(request.user, cycle.pk)
    form = DeclarationForm(request.POST or None, initial={"text": text.pk})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                declaration_accept(
                    judge=request.user,
                    cycle_id=cycle.pk,
                    text_id=form.cleaned_data["text"],
                    language=translation.get_language() or "en",
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.get_full_path())
            messages.success(request, _("Thank you: your declaration is recorded."))
            return redirect(next_url(request) or "judging:dashboard")
        status = 400
    context = {
        "cycle": cycle,
        "text": text,
        "form": form,
        "accepted": accepted,
        "already": accepted == text.version,
        "next": next_url(request),
    }
    return render(request, "judging/reviewer/declaration.html", context, status=status)
