"""The prize configuration: cycles, categories, tracks, criteria and
conditional questions, and the dates of the test cycle (its deadline in
Seoul, and a moment before it)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from categories.enums import ApplicantType, CycleStatus, QuestionKind
from categories.models import Category, Criterion, Cycle, Question, QuestionChoice, Track

SEOUL = ZoneInfo("Asia/Seoul")
# Deadline 29 May 2030 23:59:59 in Seoul (14:59:59 UTC); Korea has no daylight saving time.
DEADLINE = datetime(2030, 5, 29, 23, 59, 59, tzinfo=SEOUL)
BEFORE_DEADLINE = DEADLINE - timedelta(days=1)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    name_en = factory.LazyAttribute(lambda o: f"Seoul Smart City Prize {o.year}")
    name_ko = factory.LazyAttribute(lambda o: f"{o.year} 서울스마트시티상")
    status = CycleStatus.ANNOUNCED
    applications_open_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    applications_close_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=12, hours=5))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    cycle = factory.SubFactory(CycleFactory)
    code = factory.Sequence(lambda n: f"category-{n}")
    reference_letter = factory.Sequence(lambda n: "PLSABCDEFGHIJKMNOQRTUVWXYZ"[n % 26])
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_ko = factory.Sequence(lambda n: f"부문 {n}")
    applicant_types = factory.LazyFunction(lambda: [ApplicantType.CITY, ApplicantType.CORPORATION])
    order = factory.Sequence(lambda n: n)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"track-{n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    name_ko = factory.Sequence(lambda n: f"트랙 {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"criterion-{n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")


def add_funding_questions(category: Category) -> dict[str, Question]:
    """Questions asked of cities after the category's others (order 0): how
    the project is funded (a choice, not required), and, only when it is
    co-funded, the budget source (required, at most 10 words) and the
    co-funding agreement (a required file). Validated as admin does."""
    funding = Question(
        category=category,
        code="funding",
        kind=QuestionKind.CHOICE,
        label_en="How is the project funded?",
        required=False,
        applicant_types=[ApplicantType.CITY],
        order=10,
    )
    funding.full_clean()
    funding.save()
    for order, code in enumerate(("self-funded", "co-funded", "external")):
        QuestionChoice.objects.create(question=funding, code=code, label_en=code.replace("-", " ").title(), order=order)
    questions = {"funding": funding}
    for order, code, kind, label, limit in [
        (20, "budget-source", QuestionKind.LONG_TEXT, "Budget source", 10),
        (30, "agreement", QuestionKind.FILE, "Co-funding agreement", None),
    ]:
        question = Question(
            category=category,
            code=code,
            kind=kind,
            label_en=label,
            word_limit=limit,
            applicant_types=[ApplicantType.CITY],
            shown_if=funding,
            shown_if_values=["co-funded"],
            order=order,
        )
        question.full_clean()
        question.save()
        questions[code] = question
    return questions
