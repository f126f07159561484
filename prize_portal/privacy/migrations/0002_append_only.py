"""Consents are append-only in the database itself (PostgreSQL, as in
production and CI): a trigger refuses every UPDATE and DELETE of a recorded
answer, so what a person agreed to, and when, cannot be rewritten. A
withdrawal is a new row. Accounts are never deleted (erasure anonymises the
person), so no answer loses its person.
On PostgreSQL only (see ``prize_portal.migrating``)."""

from django.db import migrations

from prize_portal.migrating import postgresql_only

FORWARD = """
CREATE OR REPLACE FUNCTION privacy_consent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Consents are append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_consent_append_only
BEFORE UPDATE OR DELETE ON privacy_consent
FOR EACH ROW EXECUTE FUNCTION privacy_consent_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS privacy_consent_append_only ON privacy_consent;
DROP FUNCTION IF EXISTS privacy_consent_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
