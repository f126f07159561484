"""Writes of entries: start, submit, withdraw, extend the deadline (saving
a draft is in drafts.py). Each checks its guard, saves, records the audit trail and queues
mail after commit."""

from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from categories.enums import CycleStatus
from categories.models import Category, Track
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.site.times import seoul_text
from prize_portal.tasks import queue_task_on_commit

from ..enums import COUNTED_STATUSES, EDITABLE_STATUSES, EntryStatus
from ..errors import EntryIncompleteError, IntakeError
from ..models import Entry, Membership, Organisation, ReferenceCounter, Submission
from ..selectors import entry_missing
from .files import entry_file_names
from .pdfs import PDF_TASK
from .status import entry_change_status


def lock_entry(entry_id: int) -> Entry:
    return (
        Entry.objects.select_for_update(of=("self",))
        .select_related("cycle", "category", "organisation")
        .get(pk=entry_id)
    )


def check_open(entry: Entry, now: datetime) -> None:
    if entry.status not in EDITABLE_STATUSES:
        raise IntakeError(_("This entry can no longer be changed."), code="not_editable")
    if now >= entry.deadline:
        raise IntakeError(_("The deadline has passed: the entry can no longer be changed."), code="deadline")


@transaction.atomic
def entry_start(
    *,
    user: User,
    organisation: Organisation,
    category: Category,
    track: Track | None = None,
    language: str = "en",
    now: datetime | None = None,
) -> Entry:
    """Start a draft, if the organisation may enter this category now."""
    now = now or timezone.now()
    # Locking the organisation serialises its starts: the entry limit holds.
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise IntakeError(_("You are not a member of this organisation."), code="not_member")
    cycle = category.cycle
    if cycle.status != CycleStatus.ANNOUNCED or not cycle.applications_open_at <= now < cycle.applications_close_at:
        raise IntakeError(_("This edition is not accepting applications now."), code="closed")
    if not category.accepts_applications:
        raise IntakeError(_("This category does not take applications."), code="no_applications")
    if not category.allows(organisation.type):
        raise IntakeError(
            _("%(type)s may not apply in the %(category)s category.")
            % {"type": organisation.get_type_display(), "category": category.name},
            code="applicant_type",
        )
    has_tracks = category.tracks.exists()
    if has_tracks and (track is None or track.category_id != category.pk):
        raise IntakeError(_("Choose one of this category's tracks."), code="track")
    if not has_tracks and track is not None:
        raise IntakeError(_("This category has no tracks."), code="track")
    if category.entry_limit is not None:
        count = Entry.objects.filter(organisation=organisation, category=category, status__in=COUNTED_STATUSES).count()
        if count >= category.entry_limit:
            raise IntakeError(
                _("Your organisation has already started %(count)d entries in this category, the most allowed.")
                % {"count": count},
                code="entry_limit",
            )
    entry = Entry(cycle=cycle, category=category, track=track, organisation=organisation, owner=user, language=language)
    entry.full_clean()
    entry.save()
    audit_record(
        actor=user,
        action="entry.start",
        target=entry,
        after={"category": category.code, "track": track.code if track else None},
    )
    return entry


def _allocate_reference(entry: Entry) -> None:
    """Take the category's next sequence number, holding its counter's lock
    until the transaction ends: no gaps, no duplicates."""
    try:
        with transaction.atomic():
            ReferenceCounter.objects.get_or_create(category=entry.category)
    except IntegrityError:  # a concurrent submit created it first
        pass
    counter = ReferenceCounter.objects.select_for_update().get(category=entry.category)
    counter.last += 1
    counter.save(update_fields=["last"])
    entry.sequence = counter.last
    entry.reference = f"SSCP-{entry.cycle.year}-{entry.category.reference_letter}-{counter.last:04d}"


def _snapshot(entry: Entry) -> dict[str, Any]:
    return {
        "reference": entry.reference,
        "category": entry.category.code,
        "track": entry.track.code if entry.track else None,
        "language": entry.language,
        **{name: getattr(entry, name) for name in ("title_en", "summary_en", "title_original", "summary_original")},
        "answers": {a.question.code: a.value for a in entry.answers.select_related("question")},
        "attachments": [
            {"id": a.pk, "name": a.original_name, "type": a.content_type, "size": a.size}
            for a in entry.attachments.all()
            if a.is_clean  # the submit waits for the others, but for those of hidden questions
        ],
    }


def _queue_receipt(entry: Entry, number: int, now: datetime) -> None:
    owner = entry.owner
    with translation.override(owner.language):
        submitted = seoul_text(now)
        outbox_enqueue(
            to=owner.email,
            template="submissions/email/receipt",
            language=owner.language,
            user=owner,
            context={"reference": entry.reference, "title": entry.title_en, "submitted": submitted, "version": number},
            dedupe_key=f"receipt:{entry.pk}:{number}",
        )


@transaction.atomic
def entry_submit(*, entry_id: int, user: User, now: datetime | None = None) -> Submission:
    """Submit (or submit again) a complete entry before its deadline: the
    first submit gives the reference number; each keeps a frozen copy and
    mails a receipt to the owner in their language."""
    now = now or timezone.now()
    entry = lock_entry(entry_id)
    check_open(entry, now)
    missing = entry_missing(entry)
    if missing:
        raise EntryIncompleteError(missing)
    if entry.reference is None:
        _allocate_reference(entry)
    number = entry.submissions.count() + 1
    submission = Submission.objects.create(
        entry=entry, number=number, submitted_at=now, submitted_by=user, content=_snapshot(entry)
    )
    entry.submitted_at = now
    entry.version += 1
    entry_change_status(
        entry=entry,
        actor=user,
        status=EntryStatus.SUBMITTED,
        action="entry.submit",
        note={"reference": entry.reference, "submission": number},
        fields=["submitted_at", "sequence", "reference", "version"],
    )
    _queue_receipt(entry, number, now)
    # After commit, so the worker finds the row; a broker outage is left to the sweep.
    queue_task_on_commit(PDF_TASK, submission.pk)
    return submission


@transaction.atomic
def entry_withdraw(*, entry_id: int, user: User, now: datetime | None = None) -> Entry:
    """Withdraw a submitted entry before the deadline (it no longer counts for
    the limit); a draft never submitted is deleted."""
    now = now or timezone.now()
    entry = lock_entry(entry_id)
    check_open(entry, now)
    before = {"status": entry.status}
    if entry.reference is None:  # a draft never submitted is simply deleted, with its files
        audit_record(actor=user, action="entry.delete_draft", target=entry, before=before)
        delete_files_on_commit(entry_file_names(entry.pk))
        entry.delete()
        return entry
    entry.version += 1
    return entry_change_status(
        entry=entry, actor=user, status=EntryStatus.WITHDRAWN, action="entry.withdraw", fields=["version"]
    )


# Screening decisions: from submitted (or a decision being corrected) to eligible or not.
SCREENABLE_STATUSES = frozenset({EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE})


@transaction.atomic
def entry_decide_eligibility(*, entry_id: int, staff: User, eligible: bool) -> Entry:
    """Staff's screening decision after the deadline (usually on the screening
    round's reviews): the entry becomes eligible for the scored round, or not
    eligible. Deciding again corrects the decision; later states are refused."""
    entry = lock_entry(entry_id)
    if entry.status not in SCREENABLE_STATUSES:
        raise IntakeError(
            _("Only submitted entries can be screened; this one is %(status)s.")
            % {"status": entry.get_status_display()},
            code="not_screenable",
        )
    status = EntryStatus.ELIGIBLE if eligible else EntryStatus.INELIGIBLE
    if status == entry.status:
        return entry
    return entry_change_status(entry=entry, actor=staff, status=status, action="entry.screen")


@transaction.atomic
def entry_grant_extension(*, entry_id: int, staff: User, until: datetime) -> Entry:
    """Staff let one applicant edit and submit until ``until`` (recorded)."""
    entry = lock_entry(entry_id)
    if until <= entry.cycle.applications_close_at:
        raise IntakeError(_("An extension must end after the deadline."), code="extension_too_early")
    before = {"extended_until": entry.extended_until.astimezone(UTC).isoformat() if entry.extended_until else None}
    entry.extended_until = until
    entry.save(update_fields=["extended_until", "updated_at"])
    audit_record(
        actor=staff,
        action="entry.extend_deadline",
        target=entry,
        before=before,
        after={"extended_until": until.astimezone(UTC).isoformat()},
    )
    return entry
