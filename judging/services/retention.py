"""Removing a cycle's personal data once its retention period has passed
(``Cycle.personal_data_months`` after it closed), after staff confirm.

The plan is computed the same way for the dry run and for the real run:
staff confirm the dry run they looked at (its digest), and the confirmation
is refused if the plan changed since; the confirmed plan is then frozen in a
:class:`RetentionRun` and worked through in batches by a task, so what the
dry run listed is exactly what is removed, and the page shows the progress.

- Entries of the cycle without a published award are emptied: their answers,
  files and the versions submitted go; the rows stay, so the cycle's reviews,
  rankings and statistics are unchanged. A published award stays as published.
- Organisations whose entries all belong to expired cycles lose their contact.
- Applicants and collaborators whose entries all belong to expired cycles
  are erased (closed cycles kept intact). Judges, chairs and staff are not:
  they serve beyond one cycle, and ask for erasure themselves. Someone who
  entered a cycle still kept between the confirmation and their turn is kept
  (and listed as kept).
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from categories.models import Cycle
from judging.errors import JudgingError
from judging.models import RetentionRun
from judging.selectors.retention import (
    ENTRY,
    ORGANISATION,
    PERSON,
    RetentionPlan,
    cycles_due,
    expired_cycles,
    people_due,
    retention_plan,
)
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import ErasureMode
from prize_portal.privacy.services.erasure import person_erase, sessions_end
from prize_portal.tasks import queue_task, queue_task_on_commit
from submissions.models import Entry, Organisation
from submissions.services.erasure import entry_empty

RETENTION_TASK = "judging.tasks.task_retention_batch"


@transaction.atomic
def retention_confirm(*, cycle_id: int, actor: User, digest: str, now: datetime | None = None) -> RetentionRun:
    """Staff confirm the dry run with this ``digest``: its plan is frozen in a
    run, audited, and a task starts removing it. Confirming again (a double
    click, a second tab) returns the same run."""
    now = now or timezone.now()
    cycle = Cycle.objects.select_for_update().get(pk=cycle_id)
    run = RetentionRun.objects.filter(cycle=cycle).first()
    if run is not None:
        return run
    if cycle.personal_data_removed_at is not None:
        raise JudgingError(_("This cycle's personal data has already been removed."), code="removed")
    if cycle.personal_data_until > now:
        raise JudgingError(_("This cycle's personal data is not yet due for removal."), code="not_due")
    plan = retention_plan(cycle_id=cycle.pk, now=now)
    if plan.digest != digest:
        raise JudgingError(_("What would be removed has changed since the dry run: look at it again."), code="stale")
    run = RetentionRun.objects.create(
        cycle=cycle, digest=plan.digest, steps=plan.steps, files=plan.files, confirmed_by=actor, confirmed_at=now
    )
    audit_record(actor=actor, action="retention.confirm", target=cycle, after=plan.figures)
    queue_task_on_commit(RETENTION_TASK, run.pk)
    return run


def _take(run: RetentionRun, steps: list[list[Any]], now: datetime) -> None:
    """Remove what ``steps`` name (one batch, in the caller's transaction).
    Organisations and people are checked again first: one that entered a
    cycle still kept since the confirmation (or began serving on the
    committee) is kept, and listed in ``run.kept``."""
    ids = {kind: [int(pk) for step_kind, pk in steps if step_kind == kind] for kind in (ENTRY, ORGANISATION, PERSON)}
    for entry in Entry.objects.filter(pk__in=ids[ENTRY]):
        entry_empty(entry)
    if not (ids[ORGANISATION] or ids[PERSON]):
        return
    expired = expired_cycles(now)
    entered_again = set(
        Entry.objects.exclude(cycle_id__in=expired)
        .filter(organisation_id__in=ids[ORGANISATION])
        .values_list("organisation_id", flat=True)
    )
    Organisation.objects.filter(pk__in=set(ids[ORGANISATION]) - entered_again).update(contact_name="", contact_phone="")
    due = set(people_due(run.cycle, expired).filter(pk__in=ids[PERSON]).values_list("pk", flat=True))
    sessions_end(due)  # one pass over the sessions for the whole batch
    for person_id in ids[PERSON]:
        if person_id in due:
            person_erase(user_id=person_id, mode=ErasureMode.KEEP_CLOSED, actor=run.confirmed_by, sessions_ended=True)
    still_active = User.objects.filter(pk__in=set(ids[PERSON]) - due, is_active=True).values_list("pk", flat=True)
    run.kept = [
        *run.kept,
        *([ORGANISATION, pk] for pk in sorted(entered_again)),
        *([PERSON, pk] for pk in sorted(still_active)),
    ]


def _finish(run: RetentionRun, now: datetime) -> None:
    cycle = run.cycle
    cycle.personal_data_removed_at = now
    cycle.save(update_fields=["personal_data_removed_at"])
    run.finished_at = now
    counts = {kind: sum(1 for step in run.steps if step[0] == kind) for kind in (ENTRY, ORGANISATION, PERSON)}
    kept = {kind: sum(1 for step in run.kept if step[0] == kind) for kind in (ORGANISATION, PERSON)}
    audit_record(
        actor=run.confirmed_by,
        action="retention.apply",
        target=cycle,
        after={
            "entries": counts[ENTRY],
            "organisations": counts[ORGANISATION] - kept[ORGANISATION],
            "people": counts[PERSON] - kept[PERSON],
            "kept": len(run.kept),
            "files": run.files,
            "digest": run.digest,
        },
    )


@transaction.atomic
def retention_run_batch(*, run_id: int, batch_size: int, now: datetime | None = None) -> int:
    """Take the next ``batch_size`` steps of run ``run_id`` in one
    transaction; the last batch marks the cycle's data removed and records
    it. Returns how many steps are left (0 when finished). Safe to call any
    number of times, from any number of workers: the run's row is locked and
    its counter moves with the work it counts."""
    run = RetentionRun.objects.select_for_update(of=("self",)).select_related("cycle", "confirmed_by").get(pk=run_id)
    if run.finished_at is not None:
        return 0
    now = max(now or timezone.now(), run.confirmed_at)  # never judged earlier than confirmed
    batch = run.steps[run.done : run.done + batch_size]
    _take(run, batch, now)
    run.done += len(batch)
    run.batch_at = timezone.now()
    if run.done >= run.total:
        _finish(run, now)
    run.save(update_fields=["done", "kept", "batch_at", "finished_at"])
    return run.total - run.done


def retention_apply(*, cycle_id: int, actor: User, digest: str, now: datetime | None = None) -> RetentionPlan:
    """Confirm and run to the end here (the command, and scripts): the same
    run and batches as the task's. Running it again changes nothing."""
    plan = retention_plan(cycle_id=cycle_id, now=now)
    run = retention_confirm(cycle_id=cycle_id, actor=actor, digest=digest, now=now)
    while retention_run_batch(run_id=run.pk, batch_size=settings.RETENTION_BATCH, now=now):
        pass
    return plan


def retention_runs_sweep(now: datetime | None = None) -> int:
    """Start again the runs whose chain of batches stopped (a dead worker or broker)."""
    now = now or timezone.now()
    stalled = now - timedelta(seconds=settings.RETENTION_STALLED_SECONDS)
    ids = list(
        RetentionRun.objects.filter(finished_at__isnull=True)
        .filter(Q(batch_at__lt=stalled) | Q(batch_at__isnull=True, confirmed_at__lt=stalled))
        .values_list("pk", flat=True)
    )
    for run_id in ids:
        queue_task(RETENTION_TASK, run_id)
    return len(ids)


def retention_announce_due(*, now: datetime | None = None) -> int:
    """Tell the privacy officer which cycles' personal data is due for removal
    (beat, daily; once per cycle). Returns how many were announced."""
    announced = 0
    for cycle in cycles_due(now):
        with translation.override(settings.LANGUAGE_CODE):
            link = settings.SITE_URL + reverse("judging_retention:cycle", args=[cycle.year])
        outbox_enqueue(
            to=settings.PRIVACY_OFFICER_EMAIL,
            template="judging/email/retention_due",
            language=settings.LANGUAGE_CODE,
            context={
                "year": cycle.year,
                "due": cycle.personal_data_until.date().isoformat(),
                "link": link,
            },
            dedupe_key=f"retention-due:{cycle.pk}",
        )
        announced += 1
    return announced
