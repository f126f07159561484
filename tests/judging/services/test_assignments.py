"""Rounds and assignments through the real services: entries taken into a
round, judges assigned by the engine or by hand, recusals and removals."""

from __future__ import annotations

from typing import Any

import pytest

from judging import services
from judging.enums import AssignmentState, RoundKind
from judging.errors import JudgingError
from judging.models import Assignment, RoundEntry
from judging.selectors.assignments import assignment_plan
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories import assign, make_judge, make_round, put_in_round, scores_for, submit_entry

pytestmark = pytest.mark.django_db


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
    plan = assignment_plan(round_id=round_.pk)
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
    plan = assignment_plan(round_id=scored_round.pk)
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
        scores=scores_for(criteria, 3, 7),
        overall_comment="Fine",
        recommendation="yes",
    )
    with pytest.raises(JudgingError, match="submitted"):
        services.assignment_remove(actor=staff, assignment_id=assignment.pk)
    assert Assignment.objects.filter(pk=assignment.pk).exists()
