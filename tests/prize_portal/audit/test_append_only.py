"""Nothing edits or deletes the audit trail: the database refuses it."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from prize_portal.audit.models import AuditEvent
from prize_portal.audit.services import audit_record
from tests.factories import make_user
from tests.services import service_missing

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db: Any) -> AuditEvent:
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL is not configured (set DATABASE_URL)")
    actor = make_user(email="actor@wego.example")
    return audit_record(actor=actor, action="review.unlock", target=actor, after={"reason": "typo"})


def test_updating_an_event_is_refused(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(after={"reason": "rewritten"})
    assert AuditEvent.objects.get(pk=event.pk).after == {"reason": "typo"}


def test_deleting_an_event_is_refused(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_deleting_the_actor_keeps_the_event(event: AuditEvent) -> None:
    assert event.actor is not None
    event.actor.delete()
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.actor is None
    assert (kept.action, kept.after) == ("review.unlock", {"reason": "typo"})


def test_staff_export_the_selected_events_as_csv(client: Any, db: Any) -> None:
    from django.urls import reverse

    from prize_portal.accounts.roles import Role
    from tests.factories import give_totp

    staff = make_user(Role.STAFF, email="auditor@wego.example")
    give_totp(staff)
    first = audit_record(actor=staff, action="entry.screen", target=staff, before={"status": "submitted"})
    audit_record(actor=staff, action="review.unlock", target=staff)
    client.force_login(staff)
    response = client.post(
        reverse("admin:audit_auditevent_changelist"), {"action": "export_csv", "_selected_action": [first.pk]}
    )
    assert response.status_code == 200
    import csv
    import io

    content = response.content.decode("utf-8").lstrip("\ufeff")
    assert content.startswith('"When (Seoul time)","Who",')  # every cell quoted
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["When (Seoul time)", "Who", "What", "Object type", "Object id", "Object", "Before", "After"]
    assert len(rows) == 2
    assert rows[1][1:4] == ["auditor@wego.example", "entry.screen", "accounts.user"]
    assert rows[1][-2:] == ['{"status": "submitted"}', "{}"]
