"""The recorded, one-off redaction of the rows written before the trail named
people by pseudonymous ids: every known person's e-mail address and name in
an event becomes their pseudonym, any other address ``[e-mail]``, and an
event about an account names it by its pseudonym. The trigger is lifted for
this transaction only, and the redaction itself is recorded as an event."""

from typing import Any

from django.db import migrations

from prize_portal.audit.redaction import Redactor, redact_events, trail_writable


def redact(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("accounts", "User")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    if not AuditEvent.objects.exists():
        return  # a new database: nothing written before pseudonymous ids
    people = list(User.objects.only("pk", "email", "name", "pseudonym"))
    redactor = Redactor(
        emails={person.email: person.pseudonym for person in people},
        names={person.name: person.pseudonym for person in people if person.name},
    )
    with trail_writable(schema_editor):
        changed = redact_events(
            AuditEvent.objects.order_by("pk"), redactor, user_targets={str(p.pk): p.pseudonym for p in people}
        )
    AuditEvent.objects.create(
        action="audit.redact",
        target_type="audit.auditevent",
        target_id="*",
        target_repr="audit trail before pseudonymous ids",
        after={"events": changed, "reason": "people named by pseudonymous ids from now on"},
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only"), ("accounts", "0006_user_pseudonym_unique")]

    operations = [migrations.RunPython(redact, migrations.RunPython.noop)]
