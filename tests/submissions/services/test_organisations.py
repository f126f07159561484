"""Organisations through the real services."""

from __future__ import annotations

from typing import Any

import pytest

from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.enums import MembershipRole
from submissions.errors import IntakeError
from submissions.models import Entry, Membership, Organisation
from submissions.services import organisations_merge
from tests.factories import make_user, submit_entry

pytestmark = pytest.mark.django_db(transaction=True)


def test_organisation_creator_is_its_owner(applicant: Any, organisation: Any) -> None:
    assert Membership.objects.get(organisation=organisation).role == MembershipRole.OWNER
    assert list(organisation.members.all()) == [applicant]


# --- Merging duplicates -----------------------------------------------------------


def _duplicates(project: Any) -> tuple[Any, Any]:
    """Seoul applied twice under two records (2030 and a second entry)."""
    first = submit_entry(project, email="kim@seoul.example", name_en="Seoul Metropolitan Government")
    second = submit_entry(project, email="lee@seoul.example", name_en="Seoul Metropolitan Govt.", submit=False)
    return first, second


def test_merging_moves_entries_and_members_to_the_kept_record(project: Any) -> None:
    first, second = _duplicates(project)
    both = make_user(email="park@seoul.example")
    for entry in (first, second):
        Membership.objects.create(organisation=entry.organisation, user=both, role=MembershipRole.MEMBER)
    staff = make_user(Role.STAFF, email="dpo@wego.example")

    ids = [first.organisation_id, second.organisation_id]
    kept = organisations_merge(actor=staff, keep_id=first.organisation_id, merge_ids=ids)

    assert kept.pk == first.organisation_id
    assert not Organisation.objects.filter(pk=second.organisation_id).exists()
    assert set(Entry.objects.filter(organisation=kept).values_list("pk", flat=True)) == {first.pk, second.pk}
    roles = dict(Membership.objects.filter(organisation=kept).values_list("user__email", "role"))
    # Its owner stays the owner; the other record's owner joins as a member; a member of both stays once.
    assert roles == {"kim@seoul.example": "owner", "lee@seoul.example": "member", "park@seoul.example": "member"}
    event = AuditEvent.objects.get(action="organisation.merge")
    assert (event.actor, event.target_id, event.after) == (
        staff,
        str(kept.pk),
        {"merged": [second.organisation_id], "entries": 1, "members": 1},
    )


def test_merging_is_refused_with_nothing_changed(project: Any) -> None:
    first, second = _duplicates(project)
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    company = submit_entry(project, email="ceo@company.example", name_en="Seoul Tech", type="corporation", submit=False)
    with pytest.raises(IntakeError, match="same applicant type"):
        organisations_merge(actor=staff, keep_id=first.organisation_id, merge_ids=[company.organisation_id])
    with pytest.raises(IntakeError, match="at least two"):
        organisations_merge(actor=staff, keep_id=first.organisation_id, merge_ids=[first.organisation_id])
    with pytest.raises(IntakeError, match="no longer exists"):
        organisations_merge(actor=staff, keep_id=first.organisation_id, merge_ids=[second.organisation_id, 999999])
    assert Organisation.objects.count() == 3
    assert Entry.objects.get(pk=second.pk).organisation_id == second.organisation_id
    assert not AuditEvent.objects.filter(action="organisation.merge").exists()
