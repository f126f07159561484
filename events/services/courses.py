"""The training programme: a winning organisation's team nominates
officials, each nominee accepts with a short profile (and their answers to
the nominee's consent items, sharing with the provider among them), staff
confirm them up to the course's capacity and places per organisation in the
order of nomination; the rest wait. When a confirmed participant withdraws,
the next one waiting is offered the place at once, with an e-mail and
``offer_days`` to accept; an offer declined or run out moves on to the next
(:func:`course_offers_sweep`). Staff record attendance, and those who
complete get a completion certificate (a verifiable document).

Every transition is one transaction under the course's row lock (so two
withdrawals never offer one place twice), audited without names."""

from collections.abc import Mapping
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.enums import HOLDING_PLACE, NominationStatus
from events.errors import EventError
from events.models import Course, Nomination
from judging.enums import CertificateKind
from judging.models import Certificate
from judging.services.certificates import RENDER_TASK
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import ConsentRole, ConsentSource
from prize_portal.privacy.services.consents import consents_record
from prize_portal.tasks import queue_task_on_commit
from submissions.enums import EntryStatus
from submissions.models import Entry, Organisation
from submissions.services.invitations import verified_addresses


def eligible_entries(course: Course) -> "Q":
    """The entries whose organisations may nominate officials to ``course``."""
    won = Q(status=EntryStatus.WINNER, cycle__in=course.eligible_editions.all())
    if course.finalists_eligible:
        won |= Q(status__in=[EntryStatus.FINALIST, EntryStatus.WINNER])
    return won


def organisation_eligible(course: Course, organisation_id: int) -> bool:
    return Entry.objects.filter(eligible_entries(course), organisation_id=organisation_id).exists()


def _mail(nomination: Nomination, template: str, key: str) -> None:
    with translation.override(nomination.language):
        context = {
            "name": nomination.name,
            "course": str(nomination.course.title),
            "provider": str(nomination.course.provider),
            "dates": f"{nomination.course.starts_on.isoformat()} to {nomination.course.ends_on.isoformat()}",
            "organisation": nomination.organisation.name_en,
            "offered_until": timezone.localtime(nomination.offered_until).strftime("%Y-%m-%d %H:%M")
            if nomination.offered_until
            else "",
            "link": settings.SITE_URL + reverse("events:nomination", args=[nomination.token]),
        }
    outbox_enqueue(
        to=nomination.email,
        template=template,
        language=nomination.language,
        context=context,
        user=nomination.nominee,
        dedupe_key=key,
    )


@transaction.atomic
def nomination_create(
    *,
    course_id: int,
    organisation_id: int,
    actor: User,
    name: str,
    email: str,
    language: str,
    now: datetime | None = None,
) -> Nomination:
    """A team member nominates an official; the nominee is mailed the link to accept."""
    now = now or timezone.now()
    course = Course.objects.select_for_update().get(pk=course_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    if now >= course.nominations_close_at:
        raise EventError(_("Nominations for this course have closed."), code="closed")
    if not organisation_eligible(course, organisation.pk):
        raise EventError(_("This organisation cannot nominate officials to this course."), code="ineligible")
    name, email = name.strip(), email.strip().lower()
    if not name or not email:
        raise EventError(_("Give the official's name and e-mail address."), code="missing")
    nomination = Nomination(
        course=course,
        organisation=organisation,
        nominated_by=actor,
        name=name,
        email=email,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
    )
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise EventError(_("This person is nominated to this course already."), code="twice") from None
    audit_record(actor=actor, action="nomination.create", target=nomination, after={"organisation": organisation.pk})
    _mail(nomination, "events/email/nomination", f"events/nomination/{nomination.pk}")
    return nomination


def _lock(nomination_id: int) -> tuple[Course, Nomination]:
    nomination = Nomination.objects.get(pk=nomination_id)
    course = Course.objects.select_for_update().get(pk=nomination.course_id)
    return course, Nomination.objects.select_for_update().select_related("organisation", "course").get(pk=nomination_id)


@transaction.atomic
def nomination_accept(
    *,
    token: str,
    user: User,
    position: str,
    department: str,
    consents: Mapping[str, bool] | None = None,
    now: datetime | None = None,
) -> Nomination:
    """The nominee accepts with their profile: they join the waiting list."""
    now = now or timezone.now()
    found = Nomination.objects.filter(token=token).first()
    if found is None:
        raise EventError(_("This link does not work."), code="unknown")
    _course, nomination = _lock(found.pk)
    if nomination.status != NominationStatus.INVITED:
        raise EventError(_("This nomination has already been accepted."), code="used")
    if nomination.email.lower() not in verified_addresses(user):
        raise EventError(
            _("This nomination was sent to another e-mail address. Sign in with that address to accept it."),
            code="other_address",
        )
    if not position.strip() or not department.strip():
        raise EventError(_("Give your position and department."), code="profile")
    nomination.nominee = user
    nomination.position, nomination.department = position.strip(), department.strip()
    nomination.status, nomination.accepted_at = NominationStatus.WAITING, now
    nomination.save()
    if consents:
        consents_record(user=user, answers=consents, source=ConsentSource.INVITATION, role=ConsentRole.NOMINEE)
    audit_record(actor=user, action="nomination.accept", target=nomination, after={"status": nomination.status})
    return nomination


def _holding(course: Course) -> tuple[int, dict[int, int]]:
    holding = Nomination.objects.filter(course=course, status__in=HOLDING_PLACE)
    per_organisation: dict[int, int] = {}
    for organisation_id in holding.values_list("organisation_id", flat=True):
        per_organisation[organisation_id] = per_organisation.get(organisation_id, 0) + 1
    return sum(per_organisation.values()), per_organisation


def _next_waiting(course: Course) -> Nomination | None:
    """The first one waiting (in the order of nomination) whose organisation has a place left."""
    _total, per_organisation = _holding(course)
    for nomination in Nomination.objects.filter(course=course, status=NominationStatus.WAITING).order_by(
        "created_at", "pk"
    ):
        if per_organisation.get(nomination.organisation_id, 0) < course.places_per_organisation:
            return nomination
    return None


@transaction.atomic
def nominations_confirm(*, course_id: int, actor: User, now: datetime | None = None) -> int:
    """Confirm those waiting, in the order of nomination, up to the capacity
    and the places per organisation; returns how many were confirmed."""
    now = now or timezone.now()
    course = Course.objects.select_for_update().get(pk=course_id)
    confirmed = 0
    while _holding(course)[0] < course.capacity and (nomination := _next_waiting(course)) is not None:
        nomination.status, nomination.confirmed_at = NominationStatus.CONFIRMED, now
        nomination.save(update_fields=["status", "confirmed_at"])
        audit_record(actor=actor, action="nomination.confirm", target=nomination, after={"status": nomination.status})
        _mail(nomination, "events/email/nomination_confirmed", f"events/nomination-confirmed/{nomination.pk}")
        confirmed += 1
    return confirmed


def _offer_next(course: Course, now: datetime) -> Nomination | None:
    """A place is free: offer it to the next one waiting, with a deadline."""
    if _holding(course)[0] >= course.capacity:
        return None
    nomination = _next_waiting(course)
    if nomination is None:
        return None
    nomination.status = NominationStatus.OFFERED
    nomination.offered_until = now + timedelta(days=course.offer_days)
    nomination.save(update_fields=["status", "offered_until"])
    audit_record(actor=None, action="nomination.offer", target=nomination, after={"status": nomination.status})
    _mail(nomination, "events/email/nomination_offer", f"events/nomination-offer/{nomination.pk}/{now.isoformat()}")
    return nomination


@transaction.atomic
def nomination_withdraw(*, nomination_id: int, actor: User, now: datetime | None = None) -> Nomination:
    """The nominee withdraws (or declines an offer): a place they held goes to the next one waiting."""
    now = now or timezone.now()
    course, nomination = _lock(nomination_id)
    if nomination.status in (NominationStatus.WITHDRAWN, NominationStatus.EXPIRED):
        return nomination
    held = nomination.status in HOLDING_PLACE
    nomination.status, nomination.withdrawn_at, nomination.offered_until = NominationStatus.WITHDRAWN, now, None
    nomination.save(update_fields=["status", "withdrawn_at", "offered_until"])
    audit_record(actor=actor, action="nomination.withdraw", target=nomination, after={"held_a_place": held})
    if held:
        _offer_next(course, now)
    return nomination


@transaction.atomic
def nomination_take_offer(*, nomination_id: int, actor: User, now: datetime | None = None) -> Nomination:
    now = now or timezone.now()
    _course, nomination = _lock(nomination_id)
    if nomination.status != NominationStatus.OFFERED or nomination.offered_until is None:
        raise EventError(_("There is no place offered to you on this course."), code="no_offer")
    if now >= nomination.offered_until:
        raise EventError(_("The time to accept this place has run out."), code="expired")
    nomination.status, nomination.confirmed_at, nomination.offered_until = NominationStatus.CONFIRMED, now, None
    nomination.save(update_fields=["status", "confirmed_at", "offered_until"])
    audit_record(actor=actor, action="nomination.take_offer", target=nomination, after={"status": nomination.status})
    return nomination


def course_offers_sweep(*, now: datetime | None = None) -> int:
    """Offers whose time ran out expire, and their places go to the next one waiting."""
    now = now or timezone.now()
    expired = 0
    for nomination_id in Nomination.objects.filter(status=NominationStatus.OFFERED, offered_until__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            course, nomination = _lock(nomination_id)
            still_open = nomination.offered_until is None or nomination.offered_until > now
            if nomination.status != NominationStatus.OFFERED or still_open:
                continue
            nomination.status, nomination.offered_until = NominationStatus.EXPIRED, None
            nomination.save(update_fields=["status", "offered_until"])
            audit_record(actor=None, action="nomination.expire", target=nomination, after={"status": nomination.status})
            _offer_next(course, now)
            expired += 1
    return expired


@transaction.atomic
def nomination_attended(*, nomination_id: int, actor: User, attended: bool) -> Nomination:
    _course, nomination = _lock(nomination_id)
    if nomination.status != NominationStatus.CONFIRMED:
        raise EventError(_("Only a confirmed participant attends."), code="not_confirmed")
    nomination.attended = attended
    nomination.save(update_fields=["attended"])
    audit_record(actor=actor, action="nomination.attended", target=nomination, after={"attended": attended})
    return nomination


@transaction.atomic
def nomination_complete(*, nomination_id: int, actor: User) -> Nomination:
    """A participant who attended completes: their certificate is issued (once)."""
    _course, nomination = _lock(nomination_id)
    if nomination.certificate_id is not None:
        return nomination
    if nomination.status != NominationStatus.CONFIRMED or not nomination.attended:
        raise EventError(_("Record the participant's attendance first."), code="not_attended")
    certificate = Certificate.objects.create(
        entry=None, kind=CertificateKind.COMPLETION, language=nomination.language, snapshot={}
    )
    nomination.certificate = certificate
    nomination.save(update_fields=["certificate"])
    audit_record(actor=actor, action="nomination.complete", target=nomination, after={"code": certificate.code})
    queue_task_on_commit(RENDER_TASK, certificate.pk)
    return nomination
