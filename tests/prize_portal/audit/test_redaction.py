"""The trail names people by pseudonymous ids; the rows written before were
redacted once by a recorded operation (migration 0003), which leaves the
trigger refusing updates and deletes afterwards."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from prize_portal.audit.models import AuditEvent
from prize_portal.audit.redaction import REDACTED_EMAIL, Redactor
from prize_portal.audit.services import audit_record
from submissions.services import invitation_create
from tests.factories import make_user, submit_entry

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("prize_portal.audit.migrations.0003_redact_personal_data")


def test_the_redactor_replaces_known_people_and_any_other_address() -> None:
    redactor = Redactor(emails={"Kim@Seoul.example": "P-AAAA"}, names={"Kim Ji-woo": "P-AAAA", "Al": "P-BBBB"})
    assert redactor.text("Kim Ji-woo <kim@seoul.example> asked lee@busan.example") == (
        f"P-AAAA <P-AAAA> asked {REDACTED_EMAIL}"
    )
    assert redactor.text("Also Alice and Al") == "Also Alice and Al"  # names of two letters are left alone
    assert redactor.value({"to": ["kim@seoul.example"], "n": 3}) == {"to": ["P-AAAA"], "n": 3}


def test_new_events_name_people_by_their_pseudonym(project: Any) -> None:
    entry = submit_entry(project, email="kim@seoul.example")
    owner = entry.owner
    invitation_create(entry_id=entry.pk, user=owner, email="lee@busan.example", language="en")
    audit_record(actor=owner, action="user.check", target=owner)

    texts = [f"{event.target_repr} {event.before} {event.after}" for event in AuditEvent.objects.all()]
    assert texts
    assert not any("@" in text for text in texts)
    assert AuditEvent.objects.get(action="user.check").target_repr == owner.pseudonym


def test_the_one_off_redaction_is_recorded_and_the_trigger_holds_afterwards() -> None:
    person = make_user(email="kim@seoul.example", name="Kim Ji-woo")
    # Rows as the trail held them before pseudonymous ids.
    old = [
        AuditEvent.objects.create(
            actor=person,
            action="user.reminder_emails",
            target_type="accounts.user",
            target_id=str(person.pk),
            target_repr="Kim Ji-woo",
            after={"via": "profile"},
        ),
        AuditEvent.objects.create(
            actor=person,
            action="entry.invite",
            target_type="submissions.entry",
            target_id="7",
            target_repr="SSCP-2026-P-0007",
            after={"email": "lee@busan.example", "by": "kim@seoul.example"},
        ),
    ]

    with transaction.atomic():
        MIGRATION.redact(apps, connection)

    first, second = (AuditEvent.objects.get(pk=event.pk) for event in old)
    assert first.target_repr == person.pseudonym
    assert second.after == {"email": REDACTED_EMAIL, "by": person.pseudonym}
    record = AuditEvent.objects.get(action="audit.redact")
    assert record.after["events"] == 2
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEvent.objects.filter(pk=first.pk).update(target_repr="rewritten")
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEvent.objects.filter(pk=first.pk).delete()
