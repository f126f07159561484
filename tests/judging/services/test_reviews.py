"""Reviews through the real services: drafts with rising versions, submitting,
and staff unlocking a submitted review."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from judging import services
from judging.enums import ConflictKind, ReviewState, RoundKind
from judging.errors import JudgingError, ReviewConflictError
from judging.models import Conflict, Review
from prize_portal.audit.models import AuditEvent
from tests.factories import assign, make_judge, make_round, scores_for

pytestmark = pytest.mark.django_db


def test_review_draft_versions_rise_and_stale_saves_are_refused(assignment: Any, judge: Any, criteria: Any) -> None:
    first = services.review_save_draft(
        judge=judge, assignment_id=assignment.pk, version=0, scores=scores_for(criteria, 2, "")
    )
    assert first.version == 1
    second = services.review_save_draft(
        judge=judge, assignment_id=assignment.pk, version=1, scores=scores_for(criteria, 3, 8)
    )
    assert second.version == 2
    with pytest.raises(ReviewConflictError):
        services.review_save_draft(
            judge=judge, assignment_id=assignment.pk, version=1, scores=scores_for(criteria, 0, 1)
        )
    review = Review.objects.get(pk=first.pk)
    assert review.version == 2
    assert dict(review.scores.values_list("criterion__code", "score")) == {"value": 3, "implementation": 8}


def test_review_of_another_judge_or_a_closed_round_is_refused(
    assignment: Any, criteria: Any, scored_round: Any
) -> None:
    intruder = make_judge("intruder@elsewhere.example", totp=False)
    with pytest.raises(JudgingError, match="not assigned to you"):
        services.review_save_draft(judge=intruder, assignment_id=assignment.pk, version=0, scores={})
    scored_round.closes_at = timezone.now() - timedelta(minutes=1)
    scored_round.opens_at = scored_round.closes_at - timedelta(days=5)
    scored_round.save()
    with pytest.raises(JudgingError, match="closed"):
        services.review_save_draft(judge=assignment.judge, assignment_id=assignment.pk, version=0, scores={})
    assert not Review.objects.exists()


def test_review_of_a_conflicted_entry_is_refused(assignment: Any, judge: Any) -> None:
    Conflict.objects.create(judge=judge, kind=ConflictKind.COUNTRY, country="KR", reason="Advisor")
    with pytest.raises(JudgingError, match="conflict of interest"):
        services.review_save_draft(judge=judge, assignment_id=assignment.pk, version=0, scores={})


def test_unlock_reopens_a_submitted_review_and_is_audited(
    assignment: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    review = services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores=scores_for(criteria, 5, 10),
        overall_comment="Excellent",
        recommendation="strong_yes",
    )
    unlocked = services.review_unlock(actor=staff, review_id=review.pk, reason="Judge asked to fix a typo")
    assert unlocked.state == ReviewState.DRAFT
    assert unlocked.submitted_at is None
    assert unlocked.version == review.version + 1
    event = AuditEvent.objects.get(action="review.unlock")
    assert event.after == {"reason": "Judge asked to fix a typo"}
    with pytest.raises(JudgingError, match="not locked"):
        services.review_unlock(actor=staff, review_id=review.pk, reason="again")


def test_unlock_is_refused_once_the_round_has_closed(
    assignment: Any, judge: Any, staff: Any, criteria: Any, scored_round: Any
) -> None:
    review = services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores=scores_for(criteria, 4, 4),
        overall_comment="Good",
        recommendation="yes",
    )
    type(scored_round).objects.filter(pk=scored_round.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(JudgingError, match="cannot be changed any more"):
        services.review_unlock(actor=staff, review_id=review.pk, reason="Typo")
    assert Review.objects.get(pk=review.pk).state == ReviewState.SUBMITTED


def test_screening_review_needs_only_a_decision_and_reason(project: Any, entry: Any, judge: Any, staff: Any) -> None:
    round_ = make_round(project, kind=RoundKind.SCREENING)
    assignment = assign(round_, entry, judge, actor=staff)
    with pytest.raises(JudgingError):
        services.review_submit(
            judge=judge, assignment_id=assignment.pk, version=0, scores={}, overall_comment="x", recommendation="yes"
        )
    review = services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores={},
        overall_comment="Not a smart-city project",
        recommendation="fail",
    )
    assert review.state == ReviewState.SUBMITTED
    assert review.scores.count() == 0
