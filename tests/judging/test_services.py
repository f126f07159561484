"""Writes of judging through the real services: rounds and assignments,
conflicts, reviews and reminders."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from judging import services
from judging.enums import AssignmentState, ConflictKind, ConflictStatus, ReviewState, RoundKind
from judging.errors import JudgingError, ReviewConflictError
from judging.models import Assignment, Conflict, Review, RoundEntry
from judging.services.reminders import pending_reviews, reminder_key
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.judging.builders import assign, make_judge, make_round, put_in_round, submit_entry

pytestmark = pytest.mark.django_db


def _scores(criteria: list[Any], value: Any, implementation: Any) -> dict[int, Any]:
    return {criteria[0].pk: value, criteria[1].pk: implementation}


# --- rounds and assignments ------------------------------------------------------


def test_round_add_eligible_entries_takes_eligible_ones_once(project: Any, staff: Any, criteria: Any) -> None:
    eligible = submit_entry(project, email="a@a-city.example", name_en="A City")
    draft = submit_entry(project, email="b@b-city.example", name_en="B City", submit=False)
    Entry.objects.filter(pk=eligible.pk).update(status=EntryStatus.ELIGIBLE)
    round_ = make_round(project)
    assert services.round_add_eligible_entries(actor=staff, round_id=round_.pk) == 1
    assert services.round_add_eligible_entries(actor=staff, round_id=round_.pk) == 0
    assert list(RoundEntry.objects.filter(round=round_).values_list("entry_id", flat=True)) == [eligible.pk]
    assert Entry.objects.get(pk=eligible.pk).status == EntryStatus.IN_REVIEW
    assert Entry.objects.get(pk=draft.pk).status == EntryStatus.DRAFT


def test_screening_round_takes_submitted_entries(project: Any, staff: Any, entry: Any) -> None:
    round_ = make_round(project, kind=RoundKind.SCREENING)
    assert services.round_add_eligible_entries(actor=staff, round_id=round_.pk) == 1
    assert Entry.objects.get(pk=entry.pk).status == EntryStatus.SUBMITTED


def test_assignment_apply_gives_each_entry_k_judges_and_is_idempotent(project: Any, staff: Any, criteria: Any) -> None:
    entries = [submit_entry(project, email=f"o{i}@city{i}.example", name_en=f"City {i}") for i in range(4)]
    judges = [make_judge(f"j{i}@univ{i}.example", totp=False) for i in range(4)]
    round_ = make_round(project, judges_per_entry=2)
    put_in_round(round_, *entries)
    plan = services.assignment_apply(actor=staff, round_id=round_.pk)
    assert plan.problems == []
    assert Assignment.objects.filter(round=round_).count() == 8
    loads = sorted(Assignment.objects.filter(round=round_, judge__in=judges).values_list("judge_id", flat=True))
    assert [loads.count(judge.pk) for judge in judges] == [2, 2, 2, 2]
    again = services.assignment_apply(actor=staff, round_id=round_.pk)
    assert again.new_pairs == []
    assert Assignment.objects.filter(round=round_).count() == 8


def test_assignment_plan_respects_language_and_conflicts(project: Any, staff: Any, criteria: Any) -> None:
    korean = submit_entry(project, email="k@busan.example", name_en="Busan")
    Entry.objects.filter(pk=korean.pk).update(language="ko")
    reader = make_judge("reader@kaist.example", languages=["ko"], totp=False)
    make_judge("other@tum.example", languages=["de"], totp=False)
    same_domain = make_judge("staff@busan.example", languages=["ko"], totp=False)
    round_ = make_round(project, judges_per_entry=3)
    put_in_round(round_, korean)
    plan = services.assignment_plan(round_id=round_.pk)
    assert plan.new_pairs == [(korean.pk, reader.pk)]
    assert [(problem.kind, problem.entry_id) for problem in plan.problems] == [("short_of_judges", korean.pk)]
    with pytest.raises(JudgingError, match="conflict of interest"):
        services.assignment_add(actor=staff, round_id=round_.pk, entry_id=korean.pk, judge_id=same_domain.pk)


def test_assignment_add_refuses_a_judge_who_cannot_read_the_entry(scored_round: Any, entry: Any, staff: Any) -> None:
    Entry.objects.filter(pk=entry.pk).update(language="es")
    judge = make_judge("nospanish@tum.example", languages=["de"], totp=False)
    put_in_round(scored_round, entry)
    with pytest.raises(JudgingError, match="does not read"):
        services.assignment_add(actor=staff, round_id=scored_round.pk, entry_id=entry.pk, judge_id=judge.pk)
    assert not Assignment.objects.exists()


def test_recusal_frees_the_entry_and_the_engine_never_reassigns_it(
    scored_round: Any, entry: Any, judge: Any, staff: Any
) -> None:
    assignment = assign(scored_round, entry, judge, actor=staff)
    services.assignment_recuse(judge=judge, assignment_id=assignment.pk, reason="No time this month")
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert assignment.recusal_reason == "No time this month"
    plan = services.assignment_plan(round_id=scored_round.pk)
    assert (entry.pk, judge.pk) not in plan.new_pairs
    with pytest.raises(JudgingError, match="already recused"):
        services.assignment_recuse(judge=judge, assignment_id=assignment.pk, reason="Again")


def test_assignment_remove_refuses_a_submitted_review(
    scored_round: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    assignment = assign(scored_round, entry, judge, actor=staff)
    services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores=_scores(criteria, 3, 7),
        overall_comment="Fine",
        recommendation="yes",
    )
    with pytest.raises(JudgingError, match="submitted"):
        services.assignment_remove(actor=staff, assignment_id=assignment.pk)
    assert Assignment.objects.filter(pk=assignment.pk).exists()


# --- conflicts -------------------------------------------------------------------------


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


# --- reviews -----------------------------------------------------------------------------


@pytest.fixture
def assignment(scored_round: Any, entry: Any, judge: Any, staff: Any) -> Assignment:
    return assign(scored_round, entry, judge, actor=staff)


def test_review_draft_versions_rise_and_stale_saves_are_refused(assignment: Any, judge: Any, criteria: Any) -> None:
    first = services.review_save_draft(
        judge=judge, assignment_id=assignment.pk, version=0, scores=_scores(criteria, 2, "")
    )
    assert first.version == 1
    second = services.review_save_draft(
        judge=judge, assignment_id=assignment.pk, version=1, scores=_scores(criteria, 3, 8)
    )
    assert second.version == 2
    with pytest.raises(ReviewConflictError):
        services.review_save_draft(judge=judge, assignment_id=assignment.pk, version=1, scores=_scores(criteria, 0, 1))
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
        scores=_scores(criteria, 5, 10),
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
        scores=_scores(criteria, 4, 4),
        overall_comment="Good",
        recommendation="yes",
    )
    type(scored_round).objects.filter(pk=scored_round.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(JudgingError, match="cannot be changed any more"):
        services.review_unlock(actor=staff, review_id=review.pk, reason="Typo")
    assert Review.objects.get(pk=review.pk).state == ReviewState.SUBMITTED


def test_declaring_a_conflict_recuses_the_entry_in_every_round(
    project: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    first = assign(make_round(project, name_en="Screening"), entry, judge, actor=staff)
    second = assign(make_round(project, name_en="Final"), entry, judge, actor=staff)
    services.conflict_declare_entry(judge=judge, assignment_id=second.pk, reason="Former employer")
    assert set(Assignment.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)) == {
        AssignmentState.RECUSED
    }


def test_invitation_to_an_address_invited_in_other_case_is_refused(staff: Any) -> None:
    services.judge_invite(actor=staff, email="Expert@Univ.example", name="Expert", language="en")
    with pytest.raises(JudgingError, match="already been invited"):
        services.judge_invite(actor=staff, email="expert@univ.example", name="Expert", language="en")


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


# --- reminders ----------------------------------------------------------------------------


def test_reminders_go_on_reminder_days_once_per_day_in_the_judges_language(
    project: Any, entry: Any, staff: Any, criteria: Any
) -> None:
    korean_judge = make_judge("ko@snu.example", language="ko", totp=False)
    round_ = make_round(project, reminder_days=[3])
    assign(round_, entry, korean_judge, actor=staff)
    three_days_before = round_.closes_at - timedelta(days=3)
    assert services.reminders_send_due(now=three_days_before) == 1
    assert services.reminders_send_due(now=three_days_before + timedelta(hours=1)) == 0
    assert services.reminders_send_due(now=round_.closes_at - timedelta(days=5)) == 0
    message = OutboxMessage.objects.get(template="judging/email/reminder")
    assert message.to_email == "ko@snu.example"
    assert message.language == "ko"
    assert message.dedupe_key == reminder_key(korean_judge.pk, three_days_before)
    assert message.context["pending"] == 1
    assert message.context["rounds"][0]["link"].endswith(f"/ko/judging/rounds/{round_.pk}/")


def test_staff_reminder_now_counts_towards_the_daily_limit(assignment: Any, judge: Any) -> None:
    now = timezone.now()
    [pending] = pending_reviews(now, judge_id=judge.pk)
    assert services.reminder_send(pending=pending, now=now) is True
    assert services.reminder_send(pending=pending, now=now) is False
    assert OutboxMessage.objects.filter(template="judging/email/reminder").count() == 1


def test_conflicted_assignments_are_not_pending(assignment: Any, judge: Any) -> None:
    Conflict.objects.create(judge=judge, kind=ConflictKind.COUNTRY, country="KR", reason="Advisor")
    assert pending_reviews(timezone.now()) == []


def test_profile_change_that_creates_a_conflict_recuses(assignment: Any, judge: Any) -> None:
    services.judge_profile_update(user=judge, email_domain="gangnam.example")
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert assignment.recusal_reason == "The judge's profile now shows a conflict of interest."


def test_deactivated_judges_are_not_reminded(assignment: Any, judge: Any) -> None:
    type(judge).objects.filter(pk=judge.pk).update(is_active=False)
    assert pending_reviews(timezone.now()) == []


def test_submitted_reviews_are_not_pending(assignment: Any, judge: Any, criteria: Any) -> None:
    services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores=_scores(criteria, 1, 2),
        overall_comment="Weak",
        recommendation="no",
    )
    assert pending_reviews(timezone.now()) == []


def test_reminder_email_is_written_in_the_judges_language(project: Any, entry: Any, staff: Any, criteria: Any) -> None:
    from prize_portal.outbox.rendering import render_email

    korean_judge = make_judge("reader@snu.example", language="ko", totp=False)
    round_ = make_round(project, reminder_days=[1], name_en="First round", name_ko="1차 심사")
    assign(round_, entry, korean_judge, actor=staff)
    services.reminders_send_due(now=round_.closes_at - timedelta(days=1))
    email = render_email(OutboxMessage.objects.get(template="judging/email/reminder"))
    assert email.to == ["reader@snu.example"]
    assert "1차 심사" in email.body
    assert f"/ko/judging/rounds/{round_.pk}/" in email.body
    assert "Dear" not in email.body  # Korean, not the English fallback
