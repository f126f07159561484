"""Conflicts of interest through the real services: declared by judges (for an
entry or standing), requested by applicants and decided by staff; each recuses."""

from __future__ import annotations

from typing import Any

import pytest

from judging import services
from judging.enums import AssignmentState, ConflictKind, ConflictStatus
from judging.errors import JudgingError
from judging.models import Assignment, Conflict
from tests.factories import assign, make_judge, make_round

pytestmark = pytest.mark.django_db


def test_standing_country_conflict_recuses_open_assignments(
    scored_round: Any, entry: Any, judge: Any, staff: Any
) -> None:
    assignment = assign(scored_round, entry, judge, actor=staff)
    services.conflict_declare_standing(judge=judge, kind=ConflictKind.COUNTRY, country="KR", reason="I advise Korea")
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert assignment.recusal_reason == "I advise Korea"


def test_standing_conflict_needs_a_target_and_reason(judge: Any) -> None:
    with pytest.raises(JudgingError, match="Give a reason"):
        services.conflict_declare_standing(judge=judge, kind=ConflictKind.DOMAIN, email_domain="x.org", reason=" ")
    with pytest.raises(JudgingError):
        services.conflict_declare_standing(judge=judge, kind=ConflictKind.DOMAIN, email_domain="", reason="Why")
    assert not Conflict.objects.exists()


def test_applicant_request_waits_for_staff_then_recuses(scored_round: Any, entry: Any, judge: Any, staff: Any) -> None:
    assignment = assign(scored_round, entry, judge, actor=staff)
    request = services.conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=judge.pk, reason="Competitor")
    assert request.status == ConflictStatus.PENDING
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.ACTIVE  # pending: not in force yet
    services.conflict_decide(actor=staff, conflict_id=request.pk, approve=True)
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    with pytest.raises(JudgingError, match="already been decided"):
        services.conflict_decide(actor=staff, conflict_id=request.pk, approve=False)


def test_applicant_may_name_at_most_three_members(entry: Any) -> None:
    judges = [make_judge(f"m{i}@inst{i}.example", totp=False) for i in range(4)]
    for member in judges[:3]:
        services.conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=member.pk, reason="Rival")
    with pytest.raises(JudgingError, match="at most 3"):
        services.conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=judges[3].pk, reason="Rival")
    with pytest.raises(JudgingError, match="already named"):
        services.conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=judges[0].pk, reason="Rival")
    assert Conflict.objects.filter(entry=entry).count() == 3


def test_declaring_a_conflict_recuses_the_entry_in_every_round(
    project: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    first = assign(make_round(project, name_en="Screening"), entry, judge, actor=staff)
    second = assign(make_round(project, name_en="Final"), entry, judge, actor=staff)
    services.conflict_declare_entry(judge=judge, assignment_id=second.pk, reason="Former employer")
    assert set(Assignment.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)) == {
        AssignmentState.RECUSED
    }
