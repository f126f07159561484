from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from categories.enums import CyclePhase
from categories.models import Criterion
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
