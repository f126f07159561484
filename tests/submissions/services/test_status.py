"""The entry state machine: one table of moves for the applicant's submit and
withdraw and for every judging transition, one entry or many at once."""

from __future__ import annotations

from typing import Any

import pytest

from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.enums import EntryStatus
from submissions.errors import IntakeError
from submissions.models import Entry
from submissions.services import entry_withdraw
from submissions.services.status import TRANSITIONS, entries_change_status, entry_change_status
from tests.factories import BEFORE_DEADLINE, make_user, submit_entry

pytestmark = pytest.mark.django_db(transaction=True)


def _submitted(project: Any, count: int) -> list[Entry]:
    return [submit_entry(project, email=f"moved{number}@city{number}.example") for number in range(count)]


def test_every_status_but_withdrawn_has_its_moves() -> None:
    assert set(TRANSITIONS) == set(EntryStatus) - {EntryStatus.WITHDRAWN}
    assert all(target in EntryStatus.values for targets in TRANSITIONS.values() for target in targets)


def test_submit_and_withdraw_go_through_the_state_machine(project: Any) -> None:
    entry = submit_entry(project, email="applicant@city.example")
    submitted = AuditEvent.objects.get(action="entry.submit", target_id=str(entry.pk))
    assert submitted.before == {"status": "draft"}
    assert submitted.after == {"status": "submitted", "reference": entry.reference, "submission": 1}
    entry_withdraw(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    withdrawn = AuditEvent.objects.get(action="entry.withdraw", target_id=str(entry.pk))
    assert (withdrawn.before, withdrawn.after) == ({"status": "submitted"}, {"status": "withdrawn"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WITHDRAWN
    with pytest.raises(IntakeError, match="cannot change to that state"):
        entry_change_status(entry=entry, actor=None, status=EntryStatus.SUBMITTED)


def test_many_entries_move_at_once_with_an_audit_event_each(project: Any) -> None:
    staff = make_user(Role.STAFF, email="mover@wego.example")
    entries = _submitted(project, 3)
    moved = entries_change_status(entries=entries, actor=staff, status=EntryStatus.ELIGIBLE, note={"round": 4})
    assert moved == 3
    assert set(Entry.objects.filter(pk__in=[e.pk for e in entries]).values_list("status", flat=True)) == {"eligible"}
    assert all(entry.status == EntryStatus.ELIGIBLE for entry in entries)
    events = AuditEvent.objects.filter(action="entry.status").order_by("target_id")
    assert [(event.target_id, event.before, event.after) for event in events] == [
        (str(entry.pk), {"status": "submitted"}, {"status": "eligible", "round": 4})
        for entry in sorted(entries, key=lambda entry: str(entry.pk))
    ]
    assert {event.actor_id for event in events} == {staff.pk}


def test_one_refused_move_moves_none(project: Any) -> None:
    entries = _submitted(project, 3)
    entry_change_status(entry=entries[1], actor=None, status=EntryStatus.INELIGIBLE)
    with pytest.raises(IntakeError, match="cannot change to that state"):
        entries_change_status(entries=entries, actor=None, status=EntryStatus.IN_REVIEW)
    statuses = Entry.objects.filter(pk__in=[e.pk for e in entries]).order_by("pk").values_list("status", flat=True)
    assert list(statuses) == ["submitted", "ineligible", "submitted"]
    assert not AuditEvent.objects.filter(action="entry.status", after__status="in_review").exists()


@pytest.mark.parametrize("count", [1, 3])
def test_moving_many_takes_the_same_queries_for_one_or_three(
    project: Any, count: int, django_assert_num_queries: Any
) -> None:
    entries = _submitted(project, count)
    with django_assert_num_queries(4):  # savepoint, one update, one insert of audit events, release
        entries_change_status(entries=entries, actor=None, status=EntryStatus.ELIGIBLE)


def test_judging_status_changes_follow_the_allowed_transitions(project: Any) -> None:
    from submissions.services.status import entry_change_status
    from tests.factories import submit_entry

    staff = make_user(Role.STAFF, email="mover@wego.example")
    entry = submit_entry(project, email="moved@city.example")
    with pytest.raises(IntakeError, match="cannot change to that state"):
        entry_change_status(entry=entry, actor=staff, status=EntryStatus.FINALIST)
    assert Entry.objects.get(pk=entry.pk).status == EntryStatus.SUBMITTED
    entry_change_status(entry=entry, actor=staff, status=EntryStatus.ELIGIBLE)
    entry_change_status(entry=entry, actor=staff, status=EntryStatus.IN_REVIEW, note={"round": 7})
    event = AuditEvent.objects.filter(action="entry.status").order_by("pk").last()
    assert event is not None
    assert (event.before, event.after) == ({"status": "eligible"}, {"status": "in_review", "round": 7})
