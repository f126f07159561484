from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from categories.enums import CyclePhase, QuestionKind
from categories.models import Criterion, Question, QuestionChoice
from tests.factories import CategoryFactory, CriterionFactory, CycleFactory

pytestmark = pytest.mark.django_db


def test_cycle_phase_follows_dates() -> None:
    now = timezone.now()
    cycle = CycleFactory.build(
        applications_open_at=now + timedelta(days=1),
        applications_close_at=now + timedelta(days=30),
        ceremony_at=now + timedelta(days=90),
    )
    assert cycle.phase(now) == CyclePhase.UPCOMING
    assert cycle.phase(now + timedelta(days=2)) == CyclePhase.OPEN
    assert cycle.phase(now + timedelta(days=31)) == CyclePhase.JUDGING
    assert cycle.phase(now + timedelta(days=91)) == CyclePhase.CONCLUDED


def test_cycle_closing_before_opening_is_refused_by_database() -> None:
    now = timezone.now()
    with pytest.raises(IntegrityError):
        CycleFactory(applications_open_at=now, applications_close_at=now - timedelta(days=1))


def test_cycle_closing_before_opening_has_clear_validation_message() -> None:
    now = timezone.now()
    cycle = CycleFactory.build(applications_open_at=now, applications_close_at=now - timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        cycle.full_clean()
    assert "Applications must close after they open." in str(error.value)


def test_category_unknown_applicant_type_is_refused() -> None:
    category = CategoryFactory.build(cycle=CycleFactory(), applicant_types=["city", "robot"])
    with pytest.raises(ValidationError) as error:
        category.full_clean()
    assert error.value.message_dict["applicant_types"] == ["Unknown applicant type: robot."]


def test_criterion_scale_and_minimum_are_checked() -> None:
    criterion = CriterionFactory.build(category=CategoryFactory(), scale_min=5, scale_max=5)
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert "The highest score must be above the lowest." in str(error.value)
    criterion = CriterionFactory.build(category=CategoryFactory(), scale_min=0, scale_max=5, minimum=6)
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert "The minimum must lie on the criterion's scale." in str(error.value)


def test_criterion_code_unique_within_category() -> None:
    criterion = CriterionFactory()
    with pytest.raises(IntegrityError):
        Criterion.objects.create(category=criterion.category, code=criterion.code, name_en="Again")


def test_category_reference_letter_must_be_one_capital_in_database() -> None:
    with pytest.raises(IntegrityError):
        CategoryFactory(reference_letter="p")


# --- A question's condition (Question.clean, categories/validators.py) ---


@pytest.fixture
def funding() -> Question:
    """A single-choice question of a category, early on its form."""
    question = Question.objects.create(
        category=CategoryFactory(), code="funding", kind=QuestionKind.CHOICE, label_en="Funding", order=10
    )
    for code in ("self-funded", "co-funded", "external"):
        QuestionChoice.objects.create(question=question, code=code, label_en=code)
    return question


def _dependent(trigger: Question | None, values: Any, **extra: Any) -> Question:
    fields: dict[str, Any] = {
        "category": trigger.category if trigger else CategoryFactory(),
        "code": "budget-source",
        "kind": QuestionKind.LONG_TEXT,
        "label_en": "Budget source",
        "order": 20,
    }
    fields.update(extra)
    return Question(shown_if=trigger, shown_if_values=values, **fields)


def _errors(question: Question) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    return error.value.message_dict


def test_question_condition_on_an_earlier_choice_question_is_valid(funding: Question) -> None:
    _dependent(funding, ["co-funded"]).full_clean()
    _dependent(funding, ["co-funded", "external"], applicant_types=["city"]).full_clean()
    _dependent(None, []).full_clean()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": QuestionKind.TEXT}, "Choose a single- or multiple-choice question."),
        ({"order": 30}, "Choose a question that comes before this one on the form (by order, then code)."),
        (
            {"order": 20, "code": "later"},
            "Choose a question that comes before this one on the form (by order, then code).",
        ),
        ({"applicant_types": ["city"]}, "Choose a question asked of every applicant type this one is asked of."),
    ],
)
def test_question_condition_trigger_must_be_an_earlier_choice_question(
    funding: Question, change: dict[str, Any], message: str
) -> None:
    Question.objects.filter(pk=funding.pk).update(**change)
    funding.refresh_from_db()
    assert _errors(_dependent(funding, ["co-funded"])) == {"shown_if": [message]}


def test_question_condition_trigger_must_be_of_the_same_category(funding: Question) -> None:
    question = _dependent(funding, ["co-funded"], category=CategoryFactory())
    assert _errors(question) == {"shown_if": ["Choose a question of the same category."]}


def test_question_cannot_depend_on_itself(funding: Question) -> None:
    funding.shown_if, funding.shown_if_values = funding, ["co-funded"]
    assert _errors(funding)["shown_if"] == ["A question cannot depend on itself."]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([], "Give at least one of that question's choices."),
        (["co-funded", "grants", "loans"], "Not a choice of that question: grants, loans."),
        ("co-funded", "Give a list of choice codes."),
        ([""], "Give a list of choice codes."),
        ([3], "Give a list of choice codes."),
    ],
)
def test_question_condition_values_are_codes_of_the_trigger_choices(
    funding: Question, values: Any, message: str
) -> None:
    assert _errors(_dependent(funding, values)) == {"shown_if_values": [message]}


def test_question_without_trigger_has_no_values() -> None:
    assert _errors(_dependent(None, ["co-funded"])) == {
        "shown_if_values": ["Leave this empty when the question is always asked."]
    }


def test_question_others_depend_on_keeps_what_their_condition_needs(funding: Question) -> None:
    source = _dependent(funding, ["co-funded"], applicant_types=["city"])
    source.save()
    funding.kind, funding.order, funding.applicant_types = QuestionKind.TEXT, 25, ["corporation"]
    assert _errors(funding) == {
        "kind": [
            "Other questions depend on its answer (budget-source): keep it a single- or multiple-choice question."
        ],
        "order": ["Other questions depend on its answer (budget-source): keep it before them on the form."],
        "applicant_types": [
            "Other questions depend on its answer (budget-source): ask it of everyone they are asked of."
        ],
    }


def test_deleting_the_trigger_keeps_the_question_always_asked(funding: Question) -> None:
    source = _dependent(funding, ["co-funded"])
    source.save()
    funding.delete()
    source.refresh_from_db()
    assert (source.shown_if, source.shown_if_values) == (None, ["co-funded"])
    # Editing it again asks staff to clear the values left behind.
    assert _errors(source) == {"shown_if_values": ["Leave this empty when the question is always asked."]}
