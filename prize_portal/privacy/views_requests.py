"""Requests about one's data: the person asks (and may withdraw), the
secretariat answers on its staff pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access

from .enums import ErasureMode, RequestKind, RequestStatus
from .errors import PrivacyError
from .forms import PrivacyRequestForm, RequestDecisionForm
from .models import PrivacyRequest
from .services.requests import privacy_request_decide, privacy_request_make, privacy_request_withdraw


@login_required
@require_http_methods(["GET", "POST"])
def requests(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    form = PrivacyRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        privacy_request_make(
            user=user, kind=RequestKind(form.cleaned_data["kind"]), message=form.cleaned_data["message"]
        )
        messages.success(request, _("Your request has been sent to the privacy officer. We answer within 30 days."))
        return redirect("privacy:requests")
    mine = PrivacyRequest.objects.filter(user=user).order_by("-created_at", "-pk")[:20]
    context = {"form": form, "mine": mine, "user_restricted": user.processing_restricted}
    return render(request, "privacy/requests.html", context)


@login_required
@require_POST
def request_withdraw(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    try:
        privacy_request_withdraw(user=request.user, request_id=request_id)
    except PrivacyRequest.DoesNotExist as missing:
        raise Http404 from missing
    except PrivacyError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your request has been withdrawn."))
    return redirect("privacy:requests")


def _staff(request: HttpRequest) -> None:
    if not request.user.has_perm("privacy.decide_request"):
        raise Http404


@login_required
def staff_requests(request: HttpRequest) -> HttpResponse:
    _staff(request)
    open_requests = (
        PrivacyRequest.objects.filter(status=RequestStatus.OPEN).select_related("user").order_by("created_at")
    )
    answered = (
        PrivacyRequest.objects.exclude(status=RequestStatus.OPEN)
        .select_related("user", "decided_by")
        .order_by("-decided_at", "-pk")[:50]
    )
    return render(request, "privacy/staff_requests.html", {"open_requests": open_requests, "answered": answered})


@login_required
@require_http_methods(["GET", "POST"])
def staff_request(request: HttpRequest, request_id: int) -> HttpResponse:
    _staff(request)
    item = PrivacyRequest.objects.select_related("user", "decided_by").filter(pk=request_id).first()
    if item is None:
        raise Http404
    erasure = item.kind == RequestKind.ERASURE
    if request.method == "GET":
        audit_staff_access(actor=request.user, targets=[item.user])  # type: ignore[arg-type]
    form = RequestDecisionForm(request.POST if request.method == "POST" else None, erasure=erasure)
    if request.method == "POST" and item.status == RequestStatus.OPEN and form.is_valid():
        mode = form.cleaned_data.get("erasure_mode") or None
        try:
            privacy_request_decide(
                actor=request.user,  # type: ignore[arg-type]
                request_id=item.pk,
                done=form.cleaned_data["decision"] == "done",
                answer=form.cleaned_data["answer"],
                erasure_mode=ErasureMode(mode) if mode else None,
            )
        except PrivacyError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The request has been answered."))
            return redirect("privacy_staff:requests")
    return render(request, "privacy/staff_request.html", {"item": item, "form": form, "erasure": erasure})
