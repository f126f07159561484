"""A person's requests about their data, and the secretariat's answers.

A restriction takes effect when it is asked (no e-mails but the account's
own, no new rounds or assignments) and ends when it is withdrawn or refused;
an erasure is done when staff complete it, in the mode they choose."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue

from ..enums import ErasureMode, RequestKind, RequestStatus
from ..errors import PrivacyError
from ..models import PrivacyRequest
from .erasure import person_erase


def _restrict(user: User, restricted: bool) -> None:
    User.objects.filter(pk=user.pk).update(processing_restricted=restricted)
    user.processing_restricted = restricted


@transaction.atomic
def privacy_request_make(*, user: User, kind: RequestKind, message: str = "") -> PrivacyRequest:
    """Record a request and tell the privacy officer. Asking again what is
    already open (a double click) returns the open request."""
    User.objects.select_for_update().only("pk").get(pk=user.pk)
    open_request = PrivacyRequest.objects.filter(user=user, kind=kind, status=RequestStatus.OPEN).first()
    if open_request is not None:
        return open_request
    request = PrivacyRequest.objects.create(user=user, kind=kind, message=message.strip()[:2000])
    if kind == RequestKind.RESTRICTION:
        _restrict(user, True)
    audit_record(actor=user, action="privacy.request", target=request, after={"kind": kind})
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("privacy_staff:request", args=[request.pk])
        label = str(RequestKind(kind).label)
    outbox_enqueue(
        to=settings.PRIVACY_OFFICER_EMAIL,
        template="privacy/email/request_received",
        language=settings.LANGUAGE_CODE,
        context={"kind": label, "person": user.pseudonym, "link": link},
        dedupe_key=f"privacy-request:{request.pk}",
    )
    return request


def _open(request_id: int) -> PrivacyRequest:
    request = PrivacyRequest.objects.select_for_update().select_related("user").get(pk=request_id)
    if request.status != RequestStatus.OPEN:
        raise PrivacyError(_("This request has already been answered."), code="closed")
    return request


def _end_restriction_unless_open(user: User) -> None:
    still = PrivacyRequest.objects.filter(user=user, kind=RequestKind.RESTRICTION, status=RequestStatus.OPEN)
    if (
        not still.exists()
        and not PrivacyRequest.objects.filter(
            user=user, kind=RequestKind.RESTRICTION, status=RequestStatus.DONE
        ).exists()
    ):
        _restrict(user, False)


@transaction.atomic
def privacy_request_withdraw(*, user: User, request_id: int) -> PrivacyRequest:
    """The person takes back an open request, or lifts a restriction (which
    ends with it, whether staff had confirmed it or not)."""
    request = PrivacyRequest.objects.select_for_update().select_related("user").get(pk=request_id, user=user)
    lifting = request.kind == RequestKind.RESTRICTION and request.status == RequestStatus.DONE
    if request.status != RequestStatus.OPEN and not lifting:
        raise PrivacyError(_("This request has already been answered."), code="closed")
    request.status = RequestStatus.WITHDRAWN
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    if request.kind == RequestKind.RESTRICTION:
        _end_restriction_unless_open(request.user)
    audit_record(actor=user, action="privacy.request_withdraw", target=request)
    return request


@transaction.atomic
def privacy_request_decide(
    *,
    actor: User,
    request_id: int,
    done: bool,
    answer: str = "",
    erasure_mode: ErasureMode | None = None,
) -> PrivacyRequest:
    """Staff answer a request: done or refused, with a message to the person.
    Completing an erasure erases the person in ``erasure_mode``; refusing a
    restriction ends it. The person is told, unless they were erased (their
    address is gone with them)."""
    request = _open(request_id)
    user = request.user
    if request.kind == RequestKind.ERASURE and done:
        if erasure_mode is None:
            raise PrivacyError(_("Choose how to erase the person."), code="mode_required")
        request.erasure_mode = erasure_mode
    request.status = RequestStatus.DONE if done else RequestStatus.REFUSED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.answer = answer.strip()[:2000]
    request.save(update_fields=["status", "decided_by", "decided_at", "answer", "erasure_mode"])
    audit_record(actor=actor, action="privacy.request_decide", target=request, after={"status": request.status})
    if request.kind == RequestKind.RESTRICTION and not done:
        _end_restriction_unless_open(user)
    if request.kind == RequestKind.ERASURE and done:
        person_erase(user_id=user.pk, mode=erasure_mode, actor=actor)  # type: ignore[arg-type]
        return request
    with translation.override(user.language):
        link = settings.SITE_URL + reverse("privacy:requests")
    outbox_enqueue(
        to=user.email,
        template="privacy/email/request_answered",
        language=user.language,
        user=user,
        context={"kind": request.kind, "status": request.status, "answer": request.answer, "link": link},
        dedupe_key=f"privacy-request-answer:{request.pk}",
    )
    return request
