"""What judges, the entry PDF and staff read of a submitted version leaves
out the questions its frozen answers hide, decided when it is read (a
condition staff change after the submit counts at once), while every answer
stays stored."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.models import Question
from prize_portal.accounts.models import User
from submissions.models import Answer, Entry, Organisation, Submission
from submissions.pdf import render_submission_html
from submissions.presentation import answer_sections, shown_attachments
from submissions.services import entry_save_draft, entry_start, entry_submit
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, complete_entry
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

SOURCE = "The city and the Hana Foundation, half each."


def _rows(submission: Submission, **options: Any) -> dict[str, Any]:
    """Each row shown, by label: its text, or its items (choices, file names)."""
    return {
        row.label: row.items or row.text for section in answer_sections(submission, **options) for row in section.rows
    }


def _save(entry: Entry, user: User, **answers: Any) -> None:
    entry.refresh_from_db()
    entry_save_draft(entry_id=entry.pk, user=user, version=entry.version, now=BEFORE_DEADLINE, answers=answers)


def _submit(entry: Entry, user: User) -> Submission:
    return entry_submit(entry_id=entry.pk, user=user, now=BEFORE_DEADLINE)


@pytest.fixture
def co_funded(funded_project: Any, applicant: User, organisation: Organisation) -> Entry:
    """A city's entry submitted co-funded, with its budget source and the agreement."""
    entry = entry_start(
        user=applicant,
        organisation=organisation,
        category=funded_project,
        track=funded_project.tracks.first(),
        now=BEFORE_DEADLINE,
    )
    complete_entry(entry, applicant)
    _save(entry, applicant, **{"funding": "co-funded", "budget-source": SOURCE})
    upload = SimpleUploadedFile("agreement.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=entry.pk, user=applicant, upload=upload, question_code="agreement", now=BEFORE_DEADLINE
    )
    _submit(entry, applicant)
    return entry


def test_the_answers_the_frozen_answers_show_are_read(co_funded: Entry) -> None:
    submission = co_funded.submissions.get()
    rows = _rows(submission)
    assert rows["How is the project funded?"] == ["Co Funded"]
    assert rows["Budget source"] == SOURCE
    assert rows["Co-funding agreement"] == ["agreement.pdf"]
    assert [item["name"] for item in shown_attachments(submission)] == ["agreement.pdf"]


def test_an_answer_hidden_since_stays_stored_and_nobody_reads_it(co_funded: Entry, applicant: User) -> None:
    _save(co_funded, applicant, funding="self-funded")
    second = _submit(co_funded, applicant)

    assert Answer.objects.get(entry=co_funded, question__code="budget-source").value == SOURCE
    assert co_funded.attachments.get().original_name == "agreement.pdf"
    assert second.content["answers"]["budget-source"] == SOURCE  # the frozen copy keeps it too
    rows = _rows(second)
    assert rows["How is the project funded?"] == ["Self Funded"]
    assert "Budget source" not in rows
    assert "Co-funding agreement" not in rows
    assert shown_attachments(second) == []
    assert shown_attachments(second, blind=True) == []
    html = render_submission_html(second, language="en")
    assert "Hana Foundation" not in html
    assert "agreement.pdf" not in html
    # The first version, submitted co-funded, still reads as it was.
    assert _rows(co_funded.submissions.get(number=1))["Budget source"] == SOURCE


def test_a_condition_changed_after_the_submit_is_read_at_once(co_funded: Entry) -> None:
    submission = co_funded.submissions.get()
    conditional = Question.objects.filter(category=co_funded.category, code__in=["budget-source", "agreement"])
    conditional.update(shown_if_values=["external"])
    assert "Budget source" not in _rows(submission)
    assert shown_attachments(submission) == []
    assert "Hana Foundation" not in render_submission_html(submission, language="en")
    conditional.update(shown_if=None, shown_if_values=[])
    assert _rows(submission)["Budget source"] == SOURCE
    assert [item["name"] for item in shown_attachments(submission)] == ["agreement.pdf"]


def test_a_hidden_answer_is_not_left_for_staff_under_removed_questions(co_funded: Entry, applicant: User) -> None:
    _save(co_funded, applicant, funding="external")
    second = _submit(co_funded, applicant)
    titles = [section.title for section in answer_sections(second, with_removed=True)]
    assert "Answers to questions removed since the submission" not in titles
    assert "Budget source" not in _rows(second, with_removed=True)
