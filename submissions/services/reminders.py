"""Reminders to applicants whose entry is still a draft as the deadline
nears: one a week before and one a day before, to the owner and each
collaborator in their own language. Sent by a periodic task; the outbox's
de-duplication key keeps each to once per entry, person and kind."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue_many, outbox_message
from prize_portal.site.times import seoul_text

from ..enums import EntryStatus
from ..models import Entry

TEMPLATE = "submissions/email/draft_reminder"
# Kind of reminder → how long before the deadline it becomes due (shortest first).
WINDOWS = {"1": timedelta(days=1), "7": timedelta(days=7)}


def reminder_kind(time_left: timedelta) -> str | None:
    """The reminder due with ``time_left`` before the deadline: "7" for a
    week or less (more than a day), "1" for a day or less, None otherwise.
    A draft started late only gets the reminders still due."""
    if time_left <= timedelta(0):
        return None
    for kind, window in WINDOWS.items():
        if time_left <= window:
            return kind
    return None


def drafts_near_deadline(now: datetime) -> QuerySet[Entry]:
    """Drafts whose deadline (an extension counts) is ahead and at most a week
    away, with who to remind: the owner and collaborators who want reminders."""
    deadline = Greatest("cycle__applications_close_at", Coalesce("extended_until", "cycle__applications_close_at"))
    wanting = User.objects.filter(is_active=True, reminder_emails=True).order_by("pk")
    return (
        Entry.objects.annotate(effective_deadline=deadline)
        .filter(
            status=EntryStatus.DRAFT,
            effective_deadline__gt=now,
            effective_deadline__lte=now + max(WINDOWS.values()),
        )
        .select_related("cycle", "category", "owner")
        .prefetch_related(Prefetch("collaborators", queryset=wanting, to_attr="reminded_collaborators"))
        .order_by("effective_deadline", "pk")
    )


def _recipients(entry: Entry) -> list[Any]:
    owner = entry.owner
    owner_wants = owner.is_active and owner.reminder_emails
    return ([owner] if owner_wants else []) + list(entry.reminded_collaborators)  # type: ignore[attr-defined]


def _reminder(entry: Entry, user: User, kind: str) -> OutboxMessage:
    with translation.override(user.language):  # names, date and link as the person reads them
        context = {
            "kind": kind,
            "title": entry.title_en or entry.title_original or _("Untitled entry"),
            "category": str(entry.category.name),
            "deadline": seoul_text(entry.deadline),
            "link": settings.SITE_URL + reverse("submissions:entry_edit", args=[entry.pk]),
        }
    return outbox_message(
        to=user.email,
        template=TEMPLATE,
        language=user.language,
        user=user,
        context=context,
        dedupe_key=f"draft-reminder:{entry.pk}:{user.pk}:{kind}",
    )


def draft_reminders_send(now: datetime | None = None) -> int:
    """The periodic task's work: queue the reminders due now to everyone on a
    draft entry near its deadline. Returns how many were queued now (those
    sent before are not queued again). A fixed number of queries, however
    many entries."""
    now = now or timezone.now()
    messages: list[OutboxMessage] = []
    for entry in drafts_near_deadline(now):
        kind = reminder_kind(entry.deadline - now)
        if kind is None:
            continue
        messages.extend(_reminder(entry, user, kind) for user in _recipients(entry))
    return len(outbox_enqueue_many(messages=messages)) if messages else 0
