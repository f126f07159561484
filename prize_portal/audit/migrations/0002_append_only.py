"""The audit trail is append-only in the database itself (PostgreSQL, as in
production and CI): a trigger refuses every DELETE and every UPDATE except the
one Django makes when a user is deleted (``actor`` becomes NULL). Nothing in
the portal, admin or a stray shell command can rewrite history.
On PostgreSQL only (see ``prize_portal.migrating``)."""

from django.db import migrations

from prize_portal.migrating import postgresql_only

FORWARD = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.actor_id IS NULL
       AND (NEW.id, NEW.created_at, NEW.action, NEW.target_type, NEW.target_id, NEW.target_repr,
            NEW.before, NEW.after)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.created_at, OLD.action, OLD.target_type, OLD.target_id, OLD.target_repr,
            OLD.before, OLD.after)
    THEN
        RETURN NEW;  -- the actor's account was deleted: the event stays, without the link
    END IF;
    RAISE EXCEPTION 'The audit trail is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON audit_auditevent
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
