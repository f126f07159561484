"""Publication of a cycle's results.

Staff preview (:func:`publication_preview`: what is still undecided blocks
publishing), publish with an embargo time (:func:`publication_publish`) or
withdraw (:func:`publication_withdraw`). At the embargo time a task makes the
results take effect (:func:`publication_take_effect`: entries become winners
or not selected) and then queues every applicant's results e-mail in
rate-limited batches (:func:`results_mail_queue_batch`). Each step is
idempotent: a second click, a retried task or a worker killed mid-batch never
sends an applicant the same kind of result twice (the outbox's de-duplication
key is ``results:<cycle>:<kind>:<user>``).
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from categories.models import Cycle
from judging.enums import ResultKind
from judging.errors import JudgingError
from judging.models import Award, Feedback, Publication
from judging.selectors.publication import (
    Recipient,
    category_label,
    cycle_awards,
    entry_results,
    mail_key_prefix,
    publication_gaps,
    results_recipients,
)
from judging.services.certificates import certificates_rerender
from judging.signals import results_took_effect
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue, outbox_retry
from prize_portal.site.times import seoul_text
from prize_portal.tasks import queue_task, queue_task_on_commit
from prize_portal.writes import save_fields
from submissions.enums import EntryStatus
from submissions.services.entries import lock_entry
from submissions.services.status import entry_change_status

logger = logging.getLogger(__name__)

PUBLISH_TASK = "judging.tasks.task_publish_results"


def _describe(publication: Publication) -> dict[str, Any]:
    return {
        "visible_from": publication.visible_from.isoformat(),
        "version": publication.version,
        "withdrawn": not publication.is_published,
    }


@transaction.atomic
def publication_publish(*, actor: User, cycle_id: int, visible_from: datetime | None = None) -> Publication:
    """Publish a cycle's results, public from ``visible_from`` (now by default).

    Refused while a category or track is undecided or a decision unlocked.
    Publishing a published cycle again changes nothing (a double click);
    after a withdrawal it publishes again with a new version."""
    cycle = Cycle.objects.select_for_update().prefetch_related("categories__tracks").get(pk=cycle_id)
    gaps = publication_gaps(cycle, cycle_awards(cycle_id))
    if gaps:
        raise JudgingError(gaps, code="undecided")
    now = timezone.now()
    visible_from = visible_from or now
    publication = Publication.objects.select_for_update().filter(cycle=cycle).first()
    if publication is not None and publication.is_published:
        return publication
    before = _describe(publication) if publication else {}
    if publication is None:
        publication = Publication(cycle=cycle, version=1)
    else:
        publication.version += 1
        certificates_rerender(cycle_id=cycle.pk)  # their date is the new publication's
    publication.visible_from = visible_from
    publication.published_by = actor
    publication.published_at = now
    publication.withdrawn_at = None
    publication.withdrawn_by = None
    publication.withdraw_reason = ""
    publication.effective_at = None
    publication.mail_queued_at = None
    publication.mail_batch_at = None
    publication.full_clean()
    save_fields(
        publication,
        [
            "version",
            "visible_from",
            "published_by",
            "published_at",
            "withdrawn_at",
            "withdrawn_by",
            "withdraw_reason",
            "effective_at",
            "mail_queued_at",
            "mail_batch_at",
        ],
    )
    audit_record(actor=actor, action="results.publish", target=publication, before=before, after=_describe(publication))
    queue_task_on_commit(PUBLISH_TASK, publication.pk, eta=visible_from if visible_from > now else None)
    return publication


@transaction.atomic
def publication_withdraw(*, actor: User, cycle_id: int, reason: str) -> Publication:
    """Take published results down (the pages, photos and verification answer
    404 again). E-mails already sent cannot be recalled; no more are sent."""
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give the reason for the withdrawal."), code="reason")
    publication = Publication.objects.select_for_update().filter(cycle_id=cycle_id).first()
    if publication is None or not publication.is_published:
        raise JudgingError(_("These results are not published."), code="not_published")
    before = _describe(publication)
    restored = _restore_statuses(publication, actor)
    # Results e-mails not sent yet will not be: sent with a later publication, or never.
    unsent = OutboxMessage.objects.filter(
        dedupe_key__startswith=mail_key_prefix(cycle_id), status__in=[OutboxStatus.QUEUED, OutboxStatus.FAILED]
    ).delete()[0]
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_by = actor
    publication.withdraw_reason = reason
    publication.version += 1
    publication.effective_at = None
    publication.mail_queued_at = None
    publication.statuses_before = {}
    publication.save(
        update_fields=[
            "withdrawn_at",
            "withdrawn_by",
            "withdraw_reason",
            "version",
            "effective_at",
            "mail_queued_at",
            "statuses_before",
        ]
    )
    after = {**_describe(publication), "reason": reason, "statuses_restored": restored, "unsent_dropped": unsent}
    audit_record(actor=actor, action="results.withdraw", target=publication, before=before, after=after)
    return publication


def _restore_statuses(publication: Publication, actor: User) -> int:
    """Put the entries back as they were before the results took effect."""
    restored = 0
    for entry_id, status in sorted(publication.statuses_before.items()):
        entry = lock_entry(int(entry_id))
        if entry.status in (EntryStatus.WINNER, EntryStatus.NOT_SELECTED) and entry.status != status:
            entry_change_status(entry=entry, actor=actor, status=status, action="entry.result_withdrawn")
            restored += 1
    return restored


def publication_take_effect(*, publication_id: int, now: datetime | None = None) -> bool:
    """Once the embargo has passed, move each entry to its published state:
    an award makes a winner, every other entry still being judged is not
    selected. Returns whether the results are in effect (False while embargoed
    or withdrawn). Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication_id)
        if not publication.is_live(now):
            return False
        if publication.effective_at is not None:
            return True
        results = entry_results(publication.cycle_id)
        before: dict[str, str] = {}
        for entry_id, kind in sorted(results.items()):
            target = EntryStatus.WINNER if kind == ResultKind.WINNER else EntryStatus.NOT_SELECTED
            entry = lock_entry(entry_id)
            if entry.status == target:
                continue
            before[str(entry.pk)] = entry.status
            entry_change_status(entry=entry, actor=None, status=target, action="entry.result")
        publication.effective_at = now
        publication.statuses_before = before
        publication.save(update_fields=["effective_at", "statuses_before"])
        results_took_effect.send(sender=Publication, cycle_id=publication.cycle_id)
    return True


def _mail_context(
    recipient: Recipient, cycle: Cycle, awards: dict[int, Award], feedback: dict[int, str]
) -> dict[str, Any]:
    """Everything the message says, as text in the recipient's language."""
    entries = []
    for entry in recipient.entries:
        award = awards.get(entry.pk)
        entries.append(
            {
                "reference": entry.reference or "",
                "title": entry.title_en or entry.title_original or entry.reference or "",
                "category": category_label(entry.category, entry.track),
                "level": str(award.level.name) if award else "",
                "special_mention": bool(award and award.special_mention),
                "citation": str(award.citation) if award else "",
                "feedback": feedback.get(entry.pk, "") if cycle.results_feedback else "",
                "link": settings.SITE_URL + reverse("submissions:entry_detail", args=[entry.pk]),
            }
        )
    return {
        "kind": recipient.kind,
        "name": recipient.user.name,
        "cycle": str(cycle.name),
        "year": cycle.year,
        "entries": entries,
        "ceremony_at": seoul_text(cycle.ceremony_at) if cycle.ceremony_at else "",
        "ceremony_place": str(cycle.ceremony_place or ""),
        "winners_link": settings.SITE_URL + reverse("judging_public:edition", args=[cycle.year]),
        "dashboard_link": settings.SITE_URL + reverse("submissions:dashboard"),
    }


def results_mail_queue_batch(*, publication_id: int, batch_size: int) -> int:
    """Queue the next ``batch_size`` results e-mails not yet in the outbox and
    return how many are still to queue (0 when done, -1 when the results are
    not in effect). Each e-mail is in the recipient's language."""
    publication = Publication.objects.select_related("cycle").get(pk=publication_id)
    if not publication.is_live() or publication.effective_at is None:
        return -1
    cycle = publication.cycle
    prefix = mail_key_prefix(cycle.pk)
    queued = set(OutboxMessage.objects.filter(dedupe_key__startswith=prefix).values_list("dedupe_key", flat=True))
    waiting = [recipient for recipient in results_recipients(cycle.pk) if recipient.dedupe_key(cycle.pk) not in queued]
    awards = {award.entry_id: award for award in cycle_awards(cycle.pk)}
    feedback = dict(
        Feedback.objects.filter(entry__cycle_id=cycle.pk).values_list("entry_id", "text")
        if cycle.results_feedback
        else []
    )
    for recipient in waiting[:batch_size]:
        with transaction.atomic(), translation.override(recipient.user.language):
            outbox_enqueue(
                to=recipient.user.email,
                template="judging/email/results",
                language=recipient.user.language,
                user=recipient.user,
                context=_mail_context(recipient, cycle, awards, feedback),
                dedupe_key=recipient.dedupe_key(cycle.pk),
            )
    remaining = max(len(waiting) - batch_size, 0)
    if remaining == 0 and publication.mail_queued_at is None:
        Publication.objects.filter(pk=publication.pk, mail_queued_at__isnull=True).update(mail_queued_at=timezone.now())
    return remaining


def results_mail_claim_batch(*, publication_id: int, now: datetime | None = None) -> bool:
    """Take the turn to queue the next batch, unless another run took one less
    than half an interval ago: one chain of batches at a time, so the rate
    limit holds however many tasks a sweep or a redelivery started."""
    now = now or timezone.now()
    recent = now - timedelta(seconds=settings.RESULTS_MAIL_INTERVAL / 2)
    claimed = Publication.objects.filter(
        Q(mail_batch_at__isnull=True) | Q(mail_batch_at__lt=recent), pk=publication_id
    ).update(mail_batch_at=now)
    return claimed == 1


def publications_sweep() -> int:
    """Start again every live publication whose results are not yet in effect
    or whose e-mails are not all queued and whose chain of batches stopped
    (a dead worker or broker)."""
    now = timezone.now()
    stalled = now - timedelta(seconds=max(3 * settings.RESULTS_MAIL_INTERVAL, 30))
    due = (
        Publication.objects.live(now)
        .filter(
            Q(effective_at__isnull=True) | Q(mail_queued_at__isnull=True),
            Q(mail_batch_at__isnull=True) | Q(mail_batch_at__lt=stalled),
        )
        .values_list("pk", flat=True)
    )
    ids = list(due)
    for publication_id in ids:
        queue_task(PUBLISH_TASK, publication_id)
    return len(ids)


def results_mail_retry(*, cycle_id: int) -> int:
    """Queue the failed results e-mails again, while the results are public."""
    publication = Publication.objects.filter(cycle_id=cycle_id).first()
    if publication is None or not publication.is_live():
        raise JudgingError(_("The results are not public: their e-mails are not sent."), code="not_live")
    failed = OutboxMessage.objects.filter(dedupe_key__startswith=mail_key_prefix(cycle_id), status=OutboxStatus.FAILED)
    return outbox_retry(message_ids=list(failed.values_list("pk", flat=True)))


@transaction.atomic
def feedback_write(*, actor: User, entry_id: int, text: str) -> Feedback:
    """Write (or correct) the committee's summary feedback for an entry; it
    goes out with the results e-mail when the cycle allows it."""
    text = text.strip()
    if not text:
        raise JudgingError(_("Write the feedback."), code="empty")
    feedback = Feedback.objects.select_for_update().filter(entry_id=entry_id).first()
    before = {"text": feedback.text} if feedback else {}
    feedback = feedback or Feedback(entry_id=entry_id)
    feedback.text = text
    feedback.written_by = actor
    feedback.full_clean()
    save_fields(feedback, ["text", "written_by"])
    audit_record(actor=actor, action="feedback.write", target=feedback, before=before, after={"text": text})
    return feedback
