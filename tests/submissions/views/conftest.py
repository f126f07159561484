"""Fixtures of the applicant pages' tests: an open call, an entry and its owner signed in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from categories.enums import QuestionKind
from categories.models import Question
from submissions.models import Entry, Organisation
from submissions.services import entry_start


@pytest.fixture
def open_project(project: Any) -> Any:
    """The project category with its deadline a day from now (pages use the clock)."""
    cycle = project.cycle
    cycle.applications_open_at = timezone.now() - timedelta(days=30)
    cycle.applications_close_at = timezone.now() + timedelta(days=1)
    cycle.save()
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    Question.objects.create(
        category=project, code="started", kind=QuestionKind.DATE, label_en="Start date", required=False, order=50
    )
    return project


@pytest.fixture
def entry(open_project: Any, organisation: Organisation, applicant: Any) -> Entry:
    return entry_start(
        user=applicant,
        organisation=organisation,
        category=open_project,
        track=open_project.tracks.first(),
        language="ko",
    )


@pytest.fixture
def owner_client(client: Client, applicant: Any) -> Client:
    client.force_login(applicant)
    return client
