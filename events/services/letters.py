"""Passport details and visa invitation letters.

A delegate enters their passport details through their own link
(:func:`passport_save`, sealed before they are written); staff issue the
letter for a confirmed delegate of an attending winner (:func:`letter_issue`:
a verifiable document of kind ``visa_letter``, rendered by judging's task
through the kind events registers). Every reading of the details and every
download of a letter is audited (:func:`passport_read`, :func:`letter_opened`).
:func:`passports_purge` deletes the details, the letters' PDFs and then the
delegates themselves PASSPORT_KEEP_DAYS after the event, in batches, each
deletion recorded (an invitation keeps its answer: the network of winners
says who attended)."""

import logging
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from events.enums import InvitationStatus
from events.errors import EventError
from events.models import Delegate, PassportDetails, VisaLetter
from events.rendering import initials_of
from events.sealing import seal, unseal
from judging.enums import CertificateKind
from judging.models import Certificate
from judging.services.certificates import RENDER_TASK, certificate_regenerate
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record, audit_record_many
from prize_portal.tasks import queue_task_on_commit

logger = logging.getLogger(__name__)

PASSPORT_NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")
LONGEST_STAY = timedelta(days=90)


@dataclass(frozen=True)
class Passport:
    full_name: str
    nationality: str  # ISO 3166 code
    passport_number: str
    date_of_birth: date
    stay_from: date
    stay_to: date
    purpose: str

    def as_sealed(self) -> dict[str, Any]:
        values = asdict(self)
        return {key: value.isoformat() if isinstance(value, date) else value for key, value in values.items()}

    @classmethod
    def from_sealed(cls, values: dict[str, Any]) -> "Passport":
        dates = ("date_of_birth", "stay_from", "stay_to")
        fields: dict[str, Any] = {
            key: date.fromisoformat(value) if key in dates else value for key, value in values.items()
        }
        return cls(**fields)


def _check(passport: Passport, delegate: Delegate, today: date) -> Passport:
    event = delegate.invitation.event
    number = re.sub(r"[\s-]", "", passport.passport_number).upper()
    problems = []
    if not passport.full_name.strip():
        problems.append(_("Give your full name exactly as it is written in your passport."))
    if passport.nationality.upper() not in dict(countries):
        problems.append(_("Choose your nationality."))
    if not PASSPORT_NUMBER.match(number):
        problems.append(_("A passport number has 5 to 20 letters and digits."))
    if not passport.date_of_birth < today:
        problems.append(_("The date of birth must be in the past."))
    first, last = timezone.localdate(event.starts_at), timezone.localdate(event.ends_at)
    if passport.stay_from > first or passport.stay_to < last:
        problems.append(
            _("Your stay must cover the event, from %(first)s to %(last)s.") % {"first": first, "last": last}
        )
    if passport.stay_to - passport.stay_from > LONGEST_STAY:
        problems.append(_("A letter covers a stay of at most 90 days."))
    if problems:
        raise EventError(problems, code="passport")
    return Passport(
        full_name=" ".join(passport.full_name.split()),
        nationality=passport.nationality.upper(),
        passport_number=number,
        date_of_birth=passport.date_of_birth,
        stay_from=passport.stay_from,
        stay_to=passport.stay_to,
        purpose=passport.purpose.strip() or _("To attend the event as a delegate of a winner of the prize."),
    )


@transaction.atomic
def passport_save(*, delegate_id: int, passport: Passport, now: datetime | None = None) -> PassportDetails:
    """The delegate's passport details, sealed; an issued letter is rendered
    again with them. Refused once the event is over."""
    now = now or timezone.now()
    delegate = Delegate.objects.select_for_update(of=("self",)).select_related("invitation__event").get(pk=delegate_id)
    event = delegate.invitation.event
    if now >= event.ends_at:
        raise EventError(_("The event is over: these details can no longer be changed."), code="over")
    checked = _check(passport, delegate, timezone.localdate(now))
    details = PassportDetails.objects.filter(delegate=delegate).first() or PassportDetails(delegate=delegate)
    created = details.pk is None
    details.sealed = seal(checked.as_sealed())
    details.delete_after = event.ends_at + timedelta(days=settings.PASSPORT_KEEP_DAYS)
    details.save()
    audit_record(
        actor=None,
        action="passport.save",
        target=details,
        after={"by": "delegate", "created": created, "delete_after": details.delete_after.isoformat()},
    )
    letter = VisaLetter.objects.filter(delegate=delegate).select_related("certificate").first()
    if letter is not None and not letter.certificate.is_revoked:
        certificate_regenerate(actor=None, certificate_id=letter.certificate_id)
    return details


def passport_read(delegate: Delegate, *, actor: User | None, by: str) -> Passport | None:
    """The delegate's passport details for someone to see (``by``: delegate,
    team or staff), audited; None when none were given."""
    details = PassportDetails.objects.filter(delegate=delegate).first()
    if details is None:
        return None
    audit_record(actor=actor, action="passport.view", target=details, after={"by": by})
    return Passport.from_sealed(unseal(details.sealed))


def letter_opened(letter: VisaLetter, *, actor: User | None, by: str) -> None:
    """Record that someone (``by``: delegate, team or staff) downloaded a letter."""
    audit_record(actor=actor, action="letter.download", target=letter, after={"by": by})


@transaction.atomic
def letter_issue(*, delegate_id: int, actor: User, now: datetime | None = None) -> VisaLetter:
    """Issue a delegate's visa invitation letter (once: again, it is the same
    letter). Refused unless the winner attends, the delegate confirmed their
    details and gave their passport details, and the event is still to come."""
    now = now or timezone.now()
    delegate = (
        Delegate.objects.select_for_update(of=("self",))
        .select_related("invitation__event", "passport")
        .get(pk=delegate_id)
    )
    existing = VisaLetter.objects.filter(delegate=delegate).first()
    if existing is not None:
        return existing
    invitation = delegate.invitation
    if invitation.status != InvitationStatus.ATTENDING:
        raise EventError(_("Letters are issued to delegates of winners who attend."), code="not_attending")
    if now >= invitation.event.starts_at:
        raise EventError(_("The event has started: no letter is issued any more."), code="started")
    if delegate.confirmed_at is None:
        raise EventError(_("The delegate has not confirmed their details yet."), code="unconfirmed")
    if not hasattr(delegate, "passport"):
        raise EventError(_("The delegate has not given their passport details yet."), code="no_passport")
    passport = Passport.from_sealed(unseal(delegate.passport.sealed))
    certificate = Certificate.objects.create(
        entry=None,
        kind=CertificateKind.VISA_LETTER,
        language=delegate.language,
        snapshot={"initials": initials_of(passport.full_name)},
    )
    letter = VisaLetter.objects.create(
        certificate=certificate, invitation=invitation, delegate=delegate, issued_by=actor
    )
    audit_record(actor=actor, action="letter.issue", target=letter, after={"code": certificate.code})
    queue_task_on_commit(RENDER_TASK, certificate.pk)
    return letter


def _delete_file(name: str) -> None:
    try:
        default_storage.delete(name)
    except Exception:  # a leftover is deleted by the next run
        logger.warning("a visa letter's PDF could not be deleted", exc_info=True)


def _purge_batch(now: datetime, batch_size: int) -> int:
    with transaction.atomic():
        due = list(
            PassportDetails.objects.select_for_update().filter(delete_after__lte=now).order_by("pk")[:batch_size]
        )
        delegate_ids = [details.delegate_id for details in due]
        letters = list(
            VisaLetter.objects.select_related("certificate")
            .filter(certificate__file_deleted_at__isnull=True)
            .filter(Q(delegate_id__in=delegate_ids) | Q(delegate__isnull=True))
            .order_by("pk")[:batch_size]
        )
        for letter in letters:
            name = letter.certificate.file.name
            Certificate.objects.filter(pk=letter.certificate_id).update(file="", file_deleted_at=now)
            if name:
                transaction.on_commit(partial(_delete_file, name))
        PassportDetails.objects.filter(pk__in=[details.pk for details in due]).delete()
        audit_record_many(
            actor=None,
            action="passport.deleted",
            events=[(details, None, {"delete_after": details.delete_after.isoformat()}) for details in due],
        )
        audit_record_many(
            actor=None,
            action="letter.file_deleted",
            events=[(letter, None, {"file_deleted": True}) for letter in letters],
        )
        # The delegates themselves go at the same time (their letters keep their codes).
        ended = now - timedelta(days=settings.PASSPORT_KEEP_DAYS)
        delegates = list(
            Delegate.objects.select_for_update(of=("self",))
            .filter(invitation__event__ends_at__lte=ended)
            .exclude(pk__in=delegate_ids)
            .order_by("pk")[:batch_size]
        )
        audit_record_many(
            actor=None,
            action="delegate.deleted",
            events=[(delegate, None, {"deleted": True}) for delegate in delegates],
        )
        Delegate.objects.filter(pk__in=[delegate.pk for delegate in delegates]).delete()
        return len(due) + len(letters) + len(delegates)


def passports_purge(*, now: datetime | None = None, batch_size: int = 25) -> int:
    """Delete the passport details due (and the PDFs of their letters, and of
    letters whose delegate was taken off), then the delegates of events that
    ended PASSPORT_KEEP_DAYS ago, ``batch_size`` at a time, each batch its
    own transaction; returns how many rows were dealt with."""
    now = now or timezone.now()
    total = 0
    while done := _purge_batch(now, batch_size):
        total += done
    return total
