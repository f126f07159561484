"""The applicant pages make as many queries for three entries, questions,
choices, files or versions as for one."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from categories.enums import QuestionKind
from categories.models import Category, Question, QuestionChoice
from prize_portal.accounts.models import User
from submissions.models import Entry, Organisation
from submissions.services import (
    entry_save_draft,
    entry_start,
    entry_submit,
    invitation_accept,
    invitation_create,
)
from tests.factories import PDF_BYTES, CategoryFactory, CriterionFactory, make_user
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

# Measured with one item. Each page: the session, the user and their groups;
# then the entry (or entries) with one query per prefetch: questions, choices,
# answers, attachments, submissions, collaborators.
# Dashboard: + the timelines, whether any category is open, the user's model
# permissions (two), organisations and the certificates out.
DASHBOARD_QUERIES = 16
# Entry form: + the user's model permissions (two), checked by has_perm.
ENTRY_FORM_QUERIES = 12
# Entry detail: + the timeline, the user's model permissions (two) and the
# open invitations.
ENTRY_DETAIL_QUERIES = 14

ANSWERS: dict[str, Any] = {
    QuestionKind.TEXT: "Seoul",
    QuestionKind.LONG_TEXT: "Dark streets at night",
    QuestionKind.NUMBER: "1200000",
    QuestionKind.URL: "https://seoul.example/project",
    QuestionKind.VIDEO: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    QuestionKind.DATE: "2030-03-01",
}


def _category(items: int) -> Category:
    """An open category with ``items`` questions of each kind, each choice
    question with ``items`` choices, spread over ``items`` evaluation domains."""
    category = CategoryFactory(entry_limit=None)
    for index in range(items):
        criterion = CriterionFactory(category=category, code=f"domain-{index}", order=index)
        for kind in QuestionKind:
            question = Question.objects.create(
                category=category,
                criterion=criterion,
                code=f"{kind.value.replace('_', '-')}-{index}",
                kind=kind,
                label_en=f"{kind.label} {index}",
                required=False,
            )
            if kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE):
                for number in range(items):
                    QuestionChoice.objects.create(
                        question=question, code=f"option-{number}", label_en=f"Option {number}"
                    )
    return category


def _answers(category: Category) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in category.questions.all():
        if question.kind == QuestionKind.CHOICE:
            answers[question.code] = "option-0"
        elif question.kind == QuestionKind.MULTIPLE_CHOICE:
            answers[question.code] = ["option-0"]
        elif question.kind != QuestionKind.FILE:
            answers[question.code] = ANSWERS[question.kind]
    return answers


def _entry(category: Category, user: User, organisation: Organisation, *, files: int) -> Entry:
    """A complete draft with every question answered and ``files`` PDFs."""
    entry = entry_start(user=user, organisation=organisation, category=category)
    fields = {"title_en": "Safe streets", "summary_en": "Lights."}
    entry_save_draft(entry_id=entry.pk, user=user, version=entry.version, fields=fields, answers=_answers(category))
    file_question = category.questions.filter(kind=QuestionKind.FILE).first()
    for number in range(files):
        upload = SimpleUploadedFile(f"plan-{number}.pdf", PDF_BYTES, content_type="application/pdf")
        attachment_add_checked(entry_id=entry.pk, user=user, upload=upload, question_code=file_question.code)
    return entry


@pytest.fixture
def owner_client(client: Client, applicant: User) -> Client:
    client.force_login(applicant)
    return client


@pytest.mark.parametrize("items", [1, 3])
def test_dashboard_queries_flat_in_entries(
    owner_client: Client, applicant: User, organisation: Organisation, django_assert_num_queries: Any, items: int
) -> None:
    category = _category(1)
    for _ in range(items):
        entry = _entry(category, applicant, organisation, files=2)
        entry_submit(entry_id=entry.pk, user=applicant)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = owner_client.get(reverse("submissions:dashboard"))

    assert response.content.decode().count("PDF of version 1") == items


@pytest.mark.parametrize("items", [1, 3])
def test_entry_form_queries_flat_in_questions_choices_and_files(
    owner_client: Client, applicant: User, organisation: Organisation, django_assert_num_queries: Any, items: int
) -> None:
    category = _category(items)
    entry = _entry(category, applicant, organisation, files=items)

    with django_assert_num_queries(ENTRY_FORM_QUERIES):
        response = owner_client.get(reverse("submissions:entry_edit", args=[entry.pk]))

    html = response.content.decode()
    files = reverse("submissions:entry_detail", args=[entry.pk]) + "files/"
    assert (html.count('type="radio" name="answer-choice-0"'), html.count(f'<a href="{files}')) == (items, items)
    # Each domain's text answer, and its choice and multiple choice answered with the first option.
    assert (html.count('value="Seoul"'), html.count(" checked>")) == (items, 2 * items)


@pytest.mark.parametrize("items", [1, 3])
def test_entry_detail_queries_flat_in_files_versions_and_people(
    owner_client: Client, applicant: User, organisation: Organisation, django_assert_num_queries: Any, items: int
) -> None:
    entry = _entry(_category(1), applicant, organisation, files=items)
    for number in range(items):
        entry_submit(entry_id=entry.pk, user=applicant)
        collaborator = make_user(email=f"collaborator-{number}@example.org")
        joined = invitation_create(entry_id=entry.pk, user=applicant, email=collaborator.email, language="en")
        invitation_accept(token=joined.token, user=collaborator)
        invitation_create(entry_id=entry.pk, user=applicant, email=f"invited-{number}@example.org", language="en")

    with django_assert_num_queries(ENTRY_DETAIL_QUERIES):
        response = owner_client.get(reverse("submissions:entry_detail", args=[entry.pk]))

    html = response.content.decode()
    files = reverse("submissions:entry_detail", args=[entry.pk]) + "files/"
    assert [html.count(text) for text in (f'<a href="{files}', "Being prepared", "<li>collaborator-")] == [items] * 3
    invited = ", ".join(f"invited-{number}@example.org" for number in range(items))
    assert f"Invited, not yet accepted: {invited}</p>" in html
