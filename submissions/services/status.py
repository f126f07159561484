"""The entry state machine: every change of an entry's status — submit,
withdraw, screening, review rounds, advancement, published and withdrawn
results — goes through :func:`entry_change_status` (one entry) or
:func:`entries_change_status` (many at once, in a fixed number of queries),
which check the move against :data:`TRANSITIONS`, save and write the audit
trail. Callers lock the entries and hold the transaction."""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record, audit_record_many

from ..enums import EntryStatus
from ..errors import IntakeError
from ..models import Entry

S = EntryStatus

# The states an entry may move to from each state.
TRANSITIONS: dict[str, frozenset[str]] = {
    # The applicant, before the deadline: submit, submit again, withdraw.
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.SUBMITTED, S.WITHDRAWN, S.ELIGIBLE, S.INELIGIBLE}),
    # Screening decides (and may correct) eligibility; rounds and results follow.
    S.ELIGIBLE: frozenset({S.INELIGIBLE, S.IN_REVIEW, S.FINALIST, S.NOT_SELECTED, S.WINNER}),
    S.INELIGIBLE: frozenset({S.ELIGIBLE}),
    S.IN_REVIEW: frozenset({S.FINALIST, S.NOT_SELECTED, S.WINNER}),
    # Published results: an award makes a winner (a special mention may go to
    # any eligible entry); publishing again after a changed decision corrects it.
    S.FINALIST: frozenset({S.WINNER, S.NOT_SELECTED}),
    # Withdrawn results put entries back where they stood before them.
    S.NOT_SELECTED: frozenset({S.WINNER, S.FINALIST, S.IN_REVIEW, S.ELIGIBLE}),
    S.WINNER: frozenset({S.NOT_SELECTED, S.FINALIST, S.IN_REVIEW, S.ELIGIBLE}),
}


def _check(entry: Entry, status: str) -> None:
    if status not in TRANSITIONS.get(entry.status, frozenset()):
        raise IntakeError(
            _("This entry is %(status)s and cannot change to that state.") % {"status": entry.get_status_display()},
            code="transition",
        )


def entry_change_status(
    *,
    entry: Entry,
    actor: User | None,
    status: str,
    action: str = "entry.status",
    note: dict[str, Any] | None = None,
    fields: Sequence[str] = (),
) -> Entry:
    """Move ``entry`` (locked by the caller) to ``status``: checked against
    TRANSITIONS, saved with ``fields`` the caller changed alongside, and
    recorded in the audit trail with ``note`` added to what it says after."""
    _check(entry, status)
    before = {"status": entry.status}
    entry.status = status
    entry.save(update_fields=["status", *fields, "updated_at"])
    audit_record(actor=actor, action=action, target=entry, before=before, after={"status": status, **(note or {})})
    return entry


@transaction.atomic
def entries_change_status(
    *,
    entries: Sequence[Entry],
    actor: User | None,
    status: str,
    action: str = "entry.status",
    note: dict[str, Any] | None = None,
) -> int:
    """Move many entries (locked by the caller) to ``status`` at once: every
    move is checked first (one refused, none made), then one update and one
    insert of audit events, whatever the number. Returns how many moved."""
    for entry in entries:
        _check(entry, status)
    if not entries:
        return 0
    now = timezone.now()
    events = [(entry, {"status": entry.status}, {"status": status, **(note or {})}) for entry in entries]
    Entry.objects.filter(pk__in=[entry.pk for entry in entries]).update(status=status, updated_at=now)
    for entry in entries:
        entry.status = status
        entry.updated_at = now
    audit_record_many(actor=actor, action=action, events=events)
    return len(entries)
