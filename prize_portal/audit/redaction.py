"""Taking names and e-mail addresses out of audit events, for the recorded
redactions that are the only writes the append-only trail allows: the one of
the rows written before people were named by pseudonymous ids (migration
0003), and the one an erasure makes of free text that still names the
person (a reason someone typed).

Pure functions over plain values, plus the one place that lifts the
PostgreSQL trigger for the length of a transaction."""

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REDACTED_EMAIL = "[e-mail]"
# Shorter names are too likely to be ordinary words.
MIN_NAME_LENGTH = 3


class Redactor:
    """Replaces the people's e-mail addresses and names by their pseudonyms
    (``emails``, ``names``: text → pseudonym); any other address becomes
    ``[e-mail]``."""

    def __init__(self, emails: Mapping[str, str], names: Mapping[str, str]) -> None:
        self.emails = {email.lower(): pseudonym for email, pseudonym in emails.items()}
        usable = sorted((name for name in names if len(name.strip()) >= MIN_NAME_LENGTH), key=len, reverse=True)
        self.names = {name: names[name] for name in usable}
        self._names = (
            re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in self.names)) if self.names else None
        )

    def text(self, value: str) -> str:
        value = EMAIL.sub(lambda found: self.emails.get(found.group(0).lower(), REDACTED_EMAIL), value)
        if self._names is not None:
            value = self._names.sub(lambda found: self.names[found.group(0)], value)
        return value

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value


@contextmanager
def trail_writable(schema_editor_or_connection: Any) -> Iterator[None]:
    """Lift the append-only trigger inside the current transaction (PostgreSQL;
    SQLite has none); it is back when the block ends, and a rollback undoes both."""
    given = schema_editor_or_connection
    connection = given if hasattr(given, "vendor") else given.connection
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            # Deferred checks of rows this transaction wrote would keep the table from being altered.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
    try:
        yield
    finally:
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def redact_events(events: Any, redactor: Redactor, *, user_targets: Mapping[str, str]) -> int:
    """Redact the events of queryset ``events`` in place (call within
    ``trail_writable``); ``user_targets`` maps a user id to the pseudonym an
    event about that account is named by. Returns how many changed."""
    changed = 0
    for event in events.iterator():
        if event.target_type == "accounts.user" and event.target_id in user_targets:
            target_repr = user_targets[event.target_id]
        else:
            target_repr = redactor.text(event.target_repr)
        before, after = redactor.value(event.before), redactor.value(event.after)
        if (target_repr, before, after) != (event.target_repr, event.before, event.after):
            type(event).objects.filter(pk=event.pk).update(target_repr=target_repr, before=before, after=after)
            changed += 1
    return changed
