from collections.abc import Sequence
from typing import Any

from django.db import models

from prize_portal.accounts.models import User

from .models import AuditEvent


def _event(
    actor: User | None, action: str, target: models.Model, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> AuditEvent:
    return AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        before=before or {},
        after=after or {},
    )


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event to the audit trail (call it inside the write's transaction)."""
    event = _event(actor, action, target, before, after)
    event.save(force_insert=True)
    return event


def audit_record_many(
    *,
    actor: User | None,
    action: str,
    events: Sequence[tuple[models.Model, dict[str, Any] | None, dict[str, Any] | None]],
) -> list[AuditEvent]:
    """Append one event per (target, before, after) in one insert."""
    return AuditEvent.objects.bulk_create(
        [_event(actor, action, target, before, after) for target, before, after in events]
    )
