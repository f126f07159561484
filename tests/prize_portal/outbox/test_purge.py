"""Sent e-mails keep their body (what they said) OUTBOX_KEEP_DAYS, then it is
emptied by the daily purge; the row stays, so a de-duplicated message is
still never sent twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue, outbox_purge, outbox_send
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _sent(user: object, key: str, days_ago: int) -> OutboxMessage:
    message = outbox_enqueue(
        to="kim@seoul.example",
        template="submissions/email/receipt",
        language="en",
        user=user,  # type: ignore[arg-type]
        context={"title": "Digital companions", "reference": "SSCP-2030-P-0001", "submitted": "now", "version": 1},
        dedupe_key=key,
    )
    outbox_send(message_id=message.pk)
    OutboxMessage.objects.filter(pk=message.pk).update(updated_at=timezone.now() - timedelta(days=days_ago))
    return message


def test_bodies_older_than_the_limit_are_emptied_once(settings: object) -> None:
    user = make_user(email="kim@seoul.example")
    old = _sent(user, "receipt:old", days_ago=91)
    recent = _sent(user, "receipt:recent", days_ago=89)
    queued = outbox_enqueue(to=user.email, template="submissions/email/receipt", language="en", context={"title": "x"})
    OutboxMessage.objects.filter(pk=queued.pk).update(updated_at=timezone.now() - timedelta(days=200))

    assert outbox_purge() == 1
    assert outbox_purge() == 0  # idempotent

    old.refresh_from_db()
    recent.refresh_from_db()
    queued.refresh_from_db()
    assert (old.status, old.context, old.purged_at is not None) == (OutboxStatus.SENT, {}, True)
    assert recent.context["title"] == "Digital companions"
    assert queued.context == {"title": "x"}  # still to be sent: never purged
    # The row stays: the same message is not queued again.
    again = outbox_enqueue(
        to=user.email, template="submissions/email/receipt", language="en", user=user, dedupe_key="receipt:old"
    )
    assert again.pk == old.pk
