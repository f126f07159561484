from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation

from categories.enums import ApplicantType, CycleStatus
from categories.models import AwardLevel, Category, Criterion, Cycle, Question, RubricLevel, Track

pytestmark = pytest.mark.django_db


def test_seed_prize_creates_2026_edition() -> None:
    call_command("seed_prize")
    cycle = Cycle.objects.get(year=2026)
    assert cycle.status == CycleStatus.ANNOUNCED
    assert cycle.applications_open_at.isoformat() == "2026-02-12T15:00:00+00:00"  # 13 Feb 00:00 in Seoul
    assert cycle.applications_close_at.isoformat() == "2026-05-29T14:59:00+00:00"  # 29 May 23:59 in Seoul
    assert cycle.ceremony_at.isoformat() == "2026-10-06T01:00:00+00:00"
    categories = {c.code: c for c in Category.objects.filter(cycle=cycle)}
    assert set(categories) == {"project", "leadership", "special"}
    assert [categories[c].award_count for c in ("project", "leadership", "special")] == [16, 2, 3]
    assert categories["leadership"].applicant_types == [ApplicantType.INDIVIDUAL]
    assert ApplicantType.INDIVIDUAL not in categories["project"].applicant_types
    tracks = list(Track.objects.filter(category=categories["project"]).values_list("code", "award_count"))
    assert tracks == [("human-centricity", 8), ("tech-innovacity", 8)]
    assert Criterion.objects.filter(category=categories["project"]).count() == 6
    assert RubricLevel.objects.filter(criterion__category=categories["project"]).count() == 36
    assert set(AwardLevel.objects.filter(cycle=cycle).values_list("code", flat=True)) == {
        "gold",
        "silver",
        "bronze",
        "special-mention",
    }


def test_seed_prize_has_english_and_korean_texts() -> None:
    call_command("seed_prize")
    track = Track.objects.get(code="human-centricity")
    with translation.override("en"):
        assert track.name == "Human-CentriCity"
    with translation.override("ko"):
        assert track.name == "휴먼-센트리시티"
    for model, field in [(Category, "name"), (Criterion, "name"), (Question, "label"), (RubricLevel, "label")]:
        assert not model.objects.filter(**{f"{field}_ko": ""}).exists(), model
        assert not model.objects.filter(**{f"{field}_ko__isnull": True}).exists(), model


def test_seed_prize_questions_differ_by_applicant_type() -> None:
    call_command("seed_prize")
    project = Category.objects.get(code="project")
    questions = list(Question.objects.filter(category=project))
    city = {q.code for q in questions if q.is_asked_of(ApplicantType.CITY)}
    company = {q.code for q in questions if q.is_asked_of(ApplicantType.CORPORATION)}
    assert "government-role" in city - company
    assert "partner-cities" in company - city
    assert {q.criterion.code for q in questions if q.criterion} == {
        "problem-innovation",
        "design",
        "budget-planning",
        "implementation",
        "learning",
        "value",
    }


def test_seed_prize_after_staff_renamed_and_deleted_changes_nothing() -> None:
    """The deploy job seeds on every start: it must not fail or resurrect rows."""
    call_command("seed_prize")
    Category.objects.filter(code="project").update(code="projects", name_en="Projects (edited)")
    Question.objects.filter(code="website").delete()
    counts = [m.objects.count() for m in (Cycle, Category, Track, Criterion, RubricLevel, Question, AwardLevel)]
    call_command("seed_prize")
    assert [m.objects.count() for m in (Cycle, Category, Track, Criterion, RubricLevel, Question, AwardLevel)] == counts
    assert not Category.objects.filter(code="project").exists()
    assert not Question.objects.filter(code="website").exists()


def test_seed_prize_twice_changes_nothing_and_keeps_admin_edits() -> None:
    call_command("seed_prize")
    Category.objects.filter(code="project").update(name_en="Projects (edited)", entry_limit=5)
    counts = [m.objects.count() for m in (Cycle, Category, Track, Criterion, RubricLevel, Question, AwardLevel)]
    call_command("seed_prize")
    assert [m.objects.count() for m in (Cycle, Category, Track, Criterion, RubricLevel, Question, AwardLevel)] == counts
    project = Category.objects.get(code="project")
    assert (project.name_en, project.entry_limit) == ("Projects (edited)", 5)


def test_seed_prize_asks_cities_who_co_funds_only_when_the_project_is_co_funded() -> None:
    call_command("seed_prize")
    for code in ("project", "special"):  # Special asks what Project asks
        questions = {q.code: q for q in Question.objects.filter(category__cycle__year=2026, category__code=code)}
        funding, source = questions["funding"], questions["budget-source"]
        assert (funding.kind, funding.required, funding.applicant_types) == ("choice", False, ["city"])
        assert list(funding.choices.values_list("code", flat=True)) == ["self-funded", "co-funded", "external"]
        assert (source.kind, source.required, source.word_limit, source.applicant_types) == (
            "long_text",
            True,
            150,
            ["city"],
        )
        assert (source.shown_if, source.shown_if_values) == (funding, ["co-funded"])
        budget = [q.code for q in questions.values() if q.criterion and q.criterion.code == "budget-planning"]
        assert budget == ["budget-total", "funding", "budget-source", "budget-plan"]
    leadership = Question.objects.filter(category__cycle__year=2026, category__code="leadership")
    assert not leadership.filter(code__in=["funding", "budget-source"]).exists()
    assert not leadership.filter(shown_if__isnull=False).exists()
