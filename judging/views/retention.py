"""Staff pages removing a cycle's personal data after its retention period:
the cycles and where their data stands, a cycle's dry run, the confirmation
that starts the run, and the progress the page polls.

Every page needs ``judging.apply_retention`` (404 otherwise). The people a
dry run lists are personal data shown to staff: that view is audited."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from categories.models import Cycle
from judging.errors import JudgingError
from judging.forms.retention import RetentionConfirmForm
from judging.selectors import retention as selectors
from judging.services.retention import retention_confirm
from judging.views.publication import cycle_or_404
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.decorators import page_for

staff_page = page_for("judging.apply_retention")


def _back(cycle: Cycle, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("judging_retention:cycle", args=[cycle.year])
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""))


@require_safe
@staff_page
def cycles(request: HttpRequest) -> HttpResponse:
    return render(request, "judging/retention/cycles.html", {"rows": selectors.retention_overview()})


@require_safe
@staff_page
def cycle_page(request: AuthenticatedRequest, year: int) -> HttpResponse:
    cycle = cycle_or_404(year)
    run = selectors.retention_run(cycle)
    dry_run = selectors.retention_dry_run(cycle, run=run)
    if dry_run is not None:
        audit_staff_access(actor=request.user, targets=dry_run.people, after={"page": "retention"})
    context = {
        "cycle": cycle,
        "run": run,
        "progress": selectors.retention_progress(run),
        "dry_run": dry_run,
        "form": RetentionConfirmForm(initial={"digest": dry_run.plan.digest if dry_run else ""}),
    }
    return render(request, "judging/retention/cycle.html", context)


@require_safe
@staff_page
def progress(request: HttpRequest, year: int) -> JsonResponse:
    response = JsonResponse(selectors.retention_progress(selectors.retention_run(cycle_or_404(year))))
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@staff_page
def confirm(request: AuthenticatedRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    form = RetentionConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise JudgingError([str(message) for errors in form.errors.values() for message in errors])
        retention_confirm(cycle_id=cycle.pk, actor=request.user, digest=form.cleaned_data["digest"])
    except JudgingError as error:
        for message in error.messages:
            messages.error(request, message)
        return _back(cycle, "confirm")
    messages.success(request, _("The removal has started. This page shows its progress."))
    return _back(cycle, "progress")
