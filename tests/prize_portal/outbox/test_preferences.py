"""Non-essential mail to someone who turned reminders off is never sent: it
is recorded as skipped when queued, or becomes skipped when its turn comes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import (
    outbox_enqueue,
    outbox_enqueue_many,
    outbox_message,
    outbox_send,
    outbox_sweep,
)
from tests.factories import make_user, set_reminders

# Turning reminders off is an answer to the "reminder-emails" consent item.
pytestmark = pytest.mark.usefixtures("privacy_texts")

REMINDER = "judging/email/reminder"
CONTEXT = {
    "name": "Judge Lee",
    "pending": 1,
    "rounds": [{"name": "First round", "pending": 1, "closes": "June 3, 2030", "link": "https://sscp.example/r/1/"}],
}


def _reminder(user: Any, **overrides: Any) -> OutboxMessage:
    values: dict[str, Any] = {
        "to": user.email,
        "template": REMINDER,
        "language": "en",
        "user": user,
        "context": CONTEXT,
        "dedupe_key": f"judge-reminder:{user.pk}:2030-06-01",
    }
    values.update(overrides)
    return outbox_enqueue(**values)


@pytest.mark.django_db
def test_queued_reminder_of_user_who_unsubscribed_is_skipped_not_sent() -> None:
    judge = make_user(email="judge@example.org")
    message = _reminder(judge)  # queued; its send task would run after commit
    set_reminders(judge, False)

    result = outbox_send(message_id=message.pk)

    assert result is not None
    assert result.status == OutboxStatus.SKIPPED
    message.refresh_from_db()
    assert (message.status, message.sent_at, message.attempts) == (OutboxStatus.SKIPPED, None, 0)
    assert mail.outbox == []
    # Final: neither the sweep nor turning reminders on again brings it back.
    set_reminders(judge, True)
    assert outbox_sweep() == 0
    assert outbox_send(message_id=message.pk) is None
    message.refresh_from_db()
    assert message.status == OutboxStatus.SKIPPED
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_reminder_queued_for_user_who_unsubscribed_is_recorded_skipped() -> None:
    judge = make_user(email="judge@example.org")
    set_reminders(judge, False)

    with transaction.atomic():
        message = _reminder(judge)

    message.refresh_from_db()
    assert message.status == OutboxStatus.SKIPPED
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_user_who_unsubscribed_still_gets_essential_mail() -> None:
    user = make_user(email="owner@example.org")
    set_reminders(user, False)

    with transaction.atomic():
        message = outbox_enqueue(
            to=user.email,
            template="submissions/email/receipt",
            language="en",
            user=user,
            context={"reference": "SSCP-2030-P-0001", "title": "Safe streets", "submitted": "May 1", "version": 1},
        )

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert [sent.to for sent in mail.outbox] == [["owner@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_enqueue_many_records_new_keys_once_and_sends_them() -> None:
    judge = make_user(email="judge@example.org")
    _reminder(judge, dedupe_key="batch:1")
    mail.outbox.clear()

    def batch() -> list[OutboxMessage]:
        return [
            outbox_message(
                to=judge.email, template=REMINDER, language="en", user=judge, context=CONTEXT, dedupe_key=key
            )
            for key in ("batch:1", "batch:2", "batch:3")
        ]

    with transaction.atomic():
        recorded = outbox_enqueue_many(messages=batch())
    again = outbox_enqueue_many(messages=batch())

    assert sorted(message.dedupe_key or "" for message in recorded) == ["batch:2", "batch:3"]
    assert all(message.pk for message in recorded)
    assert again == []
    assert OutboxMessage.objects.filter(dedupe_key__startswith="batch:").count() == 3
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_enqueue_many_refuses_messages_without_key() -> None:
    message = outbox_message(to="a@example.org", template=REMINDER, language="en", context=CONTEXT)

    with pytest.raises(ValueError, match="dedupe_key"):
        outbox_enqueue_many(messages=[message])
    assert OutboxMessage.objects.count() == 0
