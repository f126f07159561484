from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from categories.enums import ApplicantType, QuestionKind
from categories.models import Question, QuestionChoice
from tests.factories import CategoryFactory, CycleFactory, TrackFactory, make_organisation, make_user

SEOUL = ZoneInfo("Asia/Seoul")
# Deadline 29 May 2030 23:59:59 in Seoul (14:59:59 UTC); Korea has no daylight saving time.
DEADLINE = datetime(2030, 5, 29, 23, 59, 59, tzinfo=SEOUL)


@pytest.fixture
def project(db: Any) -> Any:
    """An open cycle with a two-track Project category and a few questions."""
    cycle = CycleFactory(year=2030, applications_open_at=DEADLINE - timedelta(days=100), applications_close_at=DEADLINE)
    category = CategoryFactory(
        cycle=cycle,
        code="project",
        reference_letter="P",
        applicant_types=[ApplicantType.CITY, ApplicantType.CORPORATION],
        entry_limit=2,
    )
    TrackFactory(category=category, code="human-centricity")
    TrackFactory(category=category, code="tech-innovacity")
    Question.objects.create(
        category=category, code="problem", kind=QuestionKind.LONG_TEXT, label_en="Problem", word_limit=5, required=True
    )
    Question.objects.create(
        category=category, code="budget", kind=QuestionKind.NUMBER, label_en="Budget", required=False
    )
    fields = Question.objects.create(
        category=category, code="fields", kind=QuestionKind.MULTIPLE_CHOICE, label_en="Fields", required=True
    )
    for code in ("mobility", "safety"):
        QuestionChoice.objects.create(question=fields, code=code, label_en=code.title())
    Question.objects.create(
        category=category,
        code="government-role",
        kind=QuestionKind.TEXT,
        label_en="Role of government",
        applicant_types=[ApplicantType.CITY],
        required=True,
    )
    return category


@pytest.fixture
def applicant(db: Any) -> Any:
    return make_user(email="applicant@seoul.example", language="ko")


@pytest.fixture
def organisation(applicant: Any) -> Any:
    return make_organisation(applicant)


BEFORE_DEADLINE = DEADLINE - timedelta(days=1)
