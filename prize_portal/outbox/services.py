"""Writes of the e-mail outbox: queue, send exactly once, sweep, retry.

Delivery guarantee: a message is sent once. The only window for a second copy
is a worker that dies after the SMTP server accepted the message and before
the row is marked sent; the claim then expires (OUTBOX_CLAIM_TIMEOUT) and the
message is sent again rather than lost. Each copy carries the same Message-ID
header so mail systems can recognise it.
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from prize_portal.accounts.models import User
from prize_portal.audit.redaction import EMAIL, REDACTED_EMAIL
from prize_portal.tasks import queue_task, queue_task_on_commit

from .enums import OutboxStatus
from .models import OutboxMessage
from .preferences import is_wanted

logger = logging.getLogger(__name__)

SEND_TASK = "prize_portal.outbox.tasks.task_send_message"

# Context values that let someone act as the recipient (verification and reset
# links, sign-in codes). Nobody reads them in admin, and they are blanked once the
# message has been sent.
SECRET_CONTEXT_KEYS = frozenset({"activate_url", "password_reset_url", "code", "key", "login_url", "delegate_link"})


REDACTED = "[redacted]"


def redact(context: dict[str, Any]) -> dict[str, Any]:
    return {key: (REDACTED if key in SECRET_CONTEXT_KEYS else value) for key, value in context.items()}


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: 1, 2, 4, … minutes, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def outbox_message(
    *,
    to: str,
    template: str,
    language: str,
    context: dict[str, Any] | None = None,
    user: User | None = None,
    dedupe_key: str | None = None,
) -> OutboxMessage:
    """A checked, unsaved message; born ``skipped`` when it is non-essential
    and its recipient has turned reminders off (kept as a record, never sent)."""
    user = user if getattr(user, "pk", None) else None
    message = OutboxMessage(
        to_email=to,
        template=template,
        language=language,
        context=context or {},
        user=user,
        dedupe_key=dedupe_key,
        status=OutboxStatus.QUEUED if is_wanted(template=template, user=user) else OutboxStatus.SKIPPED,
    )
    # The user is a loaded row and the constraints concern sending: checking
    # them here would only cost queries.
    message.full_clean(exclude=["user"], validate_unique=False, validate_constraints=False)
    return message


@transaction.atomic
def outbox_enqueue(
    *,
    to: str,
    template: str,
    language: str,
    context: dict[str, Any] | None = None,
    user: User | None = None,
    dedupe_key: str | None = None,
) -> OutboxMessage:
    """Record a message and queue its sending once the transaction commits.

    With a ``dedupe_key``, queueing the same message again returns the
    existing row and sends nothing more.
    """
    if dedupe_key:
        existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
        if existing:
            return existing
    message = outbox_message(
        to=to, template=template, language=language, context=context, user=user, dedupe_key=dedupe_key
    )
    try:
        with transaction.atomic():  # savepoint: a concurrent twin may win the key
            message.save()
    except IntegrityError:
        if not dedupe_key:
            raise
        return OutboxMessage.objects.get(dedupe_key=dedupe_key)
    if message.status == OutboxStatus.QUEUED:
        queue_task_on_commit(SEND_TASK, message.pk)
    return message


@transaction.atomic
def outbox_enqueue_many(*, messages: list[OutboxMessage]) -> list[OutboxMessage]:
    """Record many messages from ``outbox_message`` in a fixed number of
    queries, however many there are (periodic reminders), and queue their
    sending once the transaction commits.

    Every message needs a ``dedupe_key``; keys already in the outbox are left
    as they are. Returns the messages recorded now.
    """
    keys = [message.dedupe_key for message in messages]
    if not all(keys):
        raise ValueError("outbox_enqueue_many needs a dedupe_key on every message")
    existing = set(OutboxMessage.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
    new = {message.dedupe_key: message for message in messages if message.dedupe_key not in existing}
    if not new:
        return []
    # A concurrent run may have taken some keys meanwhile: those rows are kept.
    OutboxMessage.objects.bulk_create(new.values(), ignore_conflicts=True)
    recorded = OutboxMessage.objects.filter(dedupe_key__in=list(new)).values_list("pk", "dedupe_key", "status")
    for pk, key, status in recorded:
        new[key].pk = pk
        if status == OutboxStatus.QUEUED:
            queue_task_on_commit(SEND_TASK, pk)
    return list(new.values())


def _due(now: datetime) -> Q:
    """Messages a worker may take now: new ones (whatever the clocks of web and
    worker hosts say), retries whose time has come, and claims left by a worker
    that died."""
    stale = now - timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT)
    return (
        Q(status=OutboxStatus.QUEUED, attempts=0)
        | Q(status=OutboxStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=OutboxStatus.SENDING, claimed_at__lt=stale)
    )


def _claim(message_id: int) -> OutboxMessage | None:
    """Mark a due message as being sent by this worker (or as skipped, when
    its recipient has turned it off), or return None."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(_due(now), pk=message_id)
            .first()
        )
        if message is None:
            return None
        if not is_wanted(template=message.template, user=message.user):
            # Turned off since it was queued: final, so turning reminders on
            # again never brings back a stale one.
            message.status = OutboxStatus.SKIPPED
            message.context = redact(message.context)
            message.save(update_fields=["status", "context", "updated_at"])
            return message
        if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            # Workers keep dying on this message: stop instead of looping.
            message.status = OutboxStatus.FAILED
            message.last_error = message.last_error or "The worker stopped while sending, too many times."
            message.context = redact(message.context)
            message.save(update_fields=["status", "last_error", "context", "updated_at"])
            return None
        message.status = OutboxStatus.SENDING
        message.claimed_at = now
        message.attempts += 1
        message.save(update_fields=["status", "claimed_at", "attempts", "updated_at"])
    return message


def outbox_send(*, message_id: int) -> OutboxMessage | None:
    """Send one message if it is due and not already sent or being sent.

    Idempotent: calling it again for a sent message does nothing. A
    non-essential message whose recipient has turned reminders off becomes
    ``skipped`` and is never sent. On failure the message goes back to the
    queue with backoff, or to ``failed`` after OUTBOX_MAX_ATTEMPTS attempts. Returns the message as it now stands, or
    None when there was nothing to do.
    """
    from .rendering import render_email

    message = _claim(message_id)
    if message is None or message.status == OutboxStatus.SKIPPED:
        return message
    claimed = OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.SENDING, claimed_at=message.claimed_at)
    try:
        render_email(message).send(fail_silently=False)
    except Exception as error:
        failed = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
        message.status = OutboxStatus.FAILED if failed else OutboxStatus.QUEUED
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
        if failed:  # a failed message keeps no sign-in secret either
            message.context = redact(message.context)
        claimed.update(
            status=message.status,
            last_error=message.last_error,
            next_attempt_at=message.next_attempt_at,
            context=message.context,
            updated_at=timezone.now(),
        )
        # A mail server's error often quotes the address: logs keep no one's.
        logged = EMAIL.sub(REDACTED_EMAIL, message.last_error)
        logger.warning("outbox: message %s attempt %s failed: %s", message.pk, message.attempts, logged)
        return message
    message.status = OutboxStatus.SENT
    message.sent_at = timezone.now()
    claimed.update(
        status=OutboxStatus.SENT,
        sent_at=message.sent_at,
        last_error="",
        context=redact(message.context),
        updated_at=message.sent_at,
    )
    return message


def outbox_sweep() -> int:
    """Queue every message that is due but may have no task waiting for it.

    Catches messages queued while Redis was down, retries whose time has come
    and claims left by a worker that died. Returns how many were queued.
    """
    now = timezone.now()
    grace = now - timedelta(seconds=settings.OUTBOX_SWEEP_GRACE)
    # Fresh rows are left to the task queued on commit for a short grace period.
    due = (
        OutboxMessage.objects.filter(_due(now))
        .exclude(status=OutboxStatus.QUEUED, updated_at__gt=grace)
        .values_list("pk", flat=True)
    )
    ids = list(due[:1000])
    for message_id in ids:
        queue_task(SEND_TASK, message_id)
    return len(ids)


def _is_redacted(message: OutboxMessage) -> bool:
    return any(value == REDACTED for value in message.context.values())


@transaction.atomic
def outbox_retry(*, message_ids: list[int]) -> int:
    """Put failed messages back in the queue now (staff action).

    Messages whose sign-in link or code was blanked stay failed: sending them
    again would mail a useless link; the person asks for a new one instead.
    """
    now = timezone.now()
    failed = OutboxMessage.objects.select_for_update().filter(pk__in=message_ids, status=OutboxStatus.FAILED)
    retry = [message.pk for message in failed if not _is_redacted(message)]
    OutboxMessage.objects.filter(pk__in=retry).update(
        status=OutboxStatus.QUEUED, attempts=0, next_attempt_at=now, updated_at=now
    )
    for message_id in retry:
        queue_task_on_commit(SEND_TASK, message_id)
    return len(retry)


# Finished messages whose body (the context the text is rendered from) is
# emptied after OUTBOX_KEEP_DAYS: the row stays, so a de-duplicated message
# is still never sent twice, but nothing of what it said remains.
FINISHED = (OutboxStatus.SENT, OutboxStatus.SKIPPED, OutboxStatus.FAILED)
PURGE_BATCH = 500


def outbox_purge(*, now: datetime | None = None) -> int:
    """Empty the bodies of messages finished more than OUTBOX_KEEP_DAYS ago
    (beat, daily); idempotent. Returns how many were purged."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    purged = 0
    while True:
        batch = list(
            OutboxMessage.objects.filter(status__in=FINISHED, updated_at__lt=cutoff, purged_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:PURGE_BATCH]
        )
        if not batch:
            return purged
        purged += OutboxMessage.objects.filter(pk__in=batch).update(context={}, last_error="", purged_at=timezone.now())
