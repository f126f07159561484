from collections.abc import Sequence
from typing import Any

from django.db import models

from prize_portal.accounts.models import User

from .models import AuditEvent


def audit_label(target: models.Model) -> str:
    """How the trail names an object: never by a person's name or e-mail
    address. A person is their pseudonymous id; a model whose ``__str__``
    shows a person says what it is by its ``audit_label()``."""
    if isinstance(target, User):
        return target.pseudonym
    label = getattr(target, "audit_label", None)
    return str(label() if callable(label) else target)[:300]


def _event(
    actor: User | None, action: str, target: models.Model, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> AuditEvent:
    return AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=audit_label(target),
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


# Actions of staff reading personal data: what a person's data download
# lists as "who at the secretariat looked at their records".
STAFF_VIEW = "staff.view"
STAFF_EXPORT = "staff.export"


def audit_staff_access(
    *, actor: User, targets: Sequence[models.Model], export: str = "", after: dict[str, Any] | None = None
) -> list[AuditEvent]:
    """Record that a member of the secretariat opened (or, with ``export``
    naming the kind, exported) records holding personal data: one event per
    record, in one insert. A person looking at their own records is not staff access."""
    if not targets:
        return []
    action = STAFF_EXPORT if export else STAFF_VIEW
    details = {**(after or {}), **({"export": export} if export else {})}
    return audit_record_many(actor=actor, action=action, events=[(target, None, details) for target in targets])
