"""Removing a cycle's personal data once its retention period has passed
(``Cycle.personal_data_months`` after it closed), after staff confirm.

The plan is computed the same way for the dry run and for the real run, and
the real run refuses a plan that changed since the dry run staff looked at
(its digest): what the dry run lists is exactly what is removed.

- Entries of the cycle without a published award are emptied: their answers,
  files and the versions submitted go; the rows stay, so the cycle's reviews,
  rankings and statistics are unchanged. A published award stays as published.
- Organisations whose entries all belong to expired cycles lose their contact.
- Applicants and collaborators whose entries all belong to expired cycles
  are erased (closed cycles kept intact). Judges, chairs and staff are not:
  they serve beyond one cycle, and ask for erasure themselves.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.models import Cycle
from judging.errors import JudgingError
from judging.models import Award, Publication
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, Role
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import ErasureMode
from prize_portal.privacy.services.erasure import person_erase
from submissions.models import Attachment, Entry, Organisation, Submission
from submissions.services.erasure import entry_empty

SERVING = [GROUP_NAMES[Role.JUDGE], GROUP_NAMES[Role.CHAIR], GROUP_NAMES[Role.STAFF]]


@dataclass(frozen=True)
class RetentionPlan:
    """What a cycle's retention run removes (ids, sorted)."""

    cycle_id: int
    entries: tuple[int, ...] = ()
    organisations: tuple[int, ...] = ()
    people: tuple[int, ...] = ()
    files: int = 0
    references: tuple[str, ...] = field(default=(), compare=False)

    @property
    def digest(self) -> str:
        content = json.dumps([self.cycle_id, self.entries, self.organisations, self.people, self.files])
        return hashlib.sha256(content.encode()).hexdigest()[:16]

    @property
    def empty(self) -> bool:
        return not (self.entries or self.organisations or self.people)


def cycles_due(now: datetime | None = None) -> list[Cycle]:
    """Cycles whose retention period has passed and whose data is still there."""
    now = now or timezone.now()
    return [
        cycle
        for cycle in Cycle.objects.filter(personal_data_removed_at__isnull=True)
        if cycle.personal_data_until <= now
    ]


def _expired_cycles(now: datetime) -> set[int]:
    return {cycle.pk for cycle in Cycle.objects.all() if cycle.personal_data_until <= now}


def retention_plan(*, cycle_id: int, now: datetime | None = None) -> RetentionPlan:
    """The dry run: what the real run would remove now (reads only)."""
    now = now or timezone.now()
    cycle = Cycle.objects.get(pk=cycle_id)
    if cycle.personal_data_removed_at is not None or cycle.personal_data_until > now:
        return RetentionPlan(cycle_id=cycle.pk)
    expired = _expired_cycles(now)
    live = Publication.objects.published().values("cycle_id")
    published = Award.objects.filter(cycle_id__in=live).values("entry_id")
    entries = Entry.objects.filter(cycle=cycle).exclude(pk__in=published)
    entry_ids = sorted(entries.values_list("pk", flat=True))
    current = Entry.objects.exclude(cycle_id__in=expired)
    organisations = (
        Organisation.objects.filter(entries__cycle=cycle)
        .exclude(pk__in=current.values("organisation_id"))
        .filter(~Q(contact_name="") | ~Q(contact_phone=""))
    )
    involved = User.objects.filter(Q(owned_entries__cycle=cycle) | Q(shared_entries__cycle=cycle))
    people = (
        involved.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=SERVING)
        .exclude(pk__in=current.values("owner_id"))
        .exclude(pk__in=Entry.collaborators.through.objects.filter(entry__in=current).values("user_id"))
    )
    files = Attachment.objects.filter(entry_id__in=entry_ids).count()
    files += Submission.objects.filter(entry_id__in=entry_ids).exclude(pdf="").count()
    references = tuple(Entry.objects.filter(pk__in=entry_ids).order_by("pk").values_list("reference", flat=True))
    return RetentionPlan(
        cycle_id=cycle.pk,
        entries=tuple(entry_ids),
        organisations=tuple(sorted(set(organisations.values_list("pk", flat=True)))),
        people=tuple(sorted(set(people.values_list("pk", flat=True)))),
        files=files,
        references=tuple(reference or "" for reference in references),
    )


@transaction.atomic
def retention_apply(*, cycle_id: int, actor: User, digest: str, now: datetime | None = None) -> RetentionPlan:
    """The real run, for the plan staff confirmed (``digest`` of the dry
    run). Running it again finds nothing left to remove and changes nothing."""
    now = now or timezone.now()
    cycle = Cycle.objects.select_for_update().get(pk=cycle_id)
    plan = retention_plan(cycle_id=cycle.pk, now=now)
    if cycle.personal_data_removed_at is not None:
        return plan
    if plan.digest != digest:
        raise JudgingError(_("What would be removed has changed since the dry run: look at it again."), code="stale")
    for entry in Entry.objects.filter(pk__in=plan.entries):
        entry_empty(entry)
    Organisation.objects.filter(pk__in=plan.organisations).update(contact_name="", contact_phone="")
    for person_id in plan.people:
        person_erase(user_id=person_id, mode=ErasureMode.KEEP_CLOSED, actor=actor)
    cycle.personal_data_removed_at = now
    cycle.save(update_fields=["personal_data_removed_at"])
    audit_record(
        actor=actor,
        action="retention.apply",
        target=cycle,
        after={
            "entries": len(plan.entries),
            "organisations": len(plan.organisations),
            "people": len(plan.people),
            "files": plan.files,
            "digest": plan.digest,
        },
    )
    return plan


def retention_announce_due(*, now: datetime | None = None) -> int:
    """Tell the privacy officer which cycles' personal data is due for removal
    (beat, daily; once per cycle). Returns how many were announced."""
    announced = 0
    for cycle in cycles_due(now):
        outbox_enqueue(
            to=settings.PRIVACY_OFFICER_EMAIL,
            template="judging/email/retention_due",
            language=settings.LANGUAGE_CODE,
            context={"year": cycle.year, "due": cycle.personal_data_until.date().isoformat()},
            dedupe_key=f"retention-due:{cycle.pk}",
        )
        announced += 1
    return announced
