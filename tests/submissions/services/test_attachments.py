"""Attachments through the real service: stored under a generated name, only
for file questions, a limited number per entry. (How an upload's content is
judged: tests/prize_portal/files/test_checks.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.enums import QuestionKind
from categories.models import Question
from submissions.models import Attachment, Entry
from submissions.services import attachment_add, entry_start
from tests.factories import BEFORE_DEADLINE, PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(project: Any, applicant: Any, organisation: Any) -> Entry:
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    return entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )


def _add(entry: Entry, user: Any, name: str, content: bytes, **extra: Any) -> Attachment:
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return attachment_add(entry_id=entry.pk, user=user, upload=upload, now=BEFORE_DEADLINE, **extra)


def test_pdf_stored_under_generated_name(entry: Entry, applicant: Any) -> None:
    attachment = _add(entry, applicant, "Annual report 2025.pdf", PDF_BYTES, question_code="documents")
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "Annual report 2025.pdf"
    assert attachment.size == len(PDF_BYTES)
    assert attachment.file.name.startswith(f"entries/{entry.pk}/")
    assert attachment.file.name.endswith(".pdf")
    assert "report" not in attachment.file.name
    assert attachment.file.read() == PDF_BYTES
    entry.refresh_from_db()
    assert entry.version == 1  # files are no edit conflict for the text


def test_file_for_a_text_question_refused(entry: Entry, applicant: Any) -> None:
    from submissions.errors import IntakeError

    with pytest.raises(IntakeError):
        _add(entry, applicant, "x.pdf", PDF_BYTES, question_code="problem")


def test_attachment_count_is_limited(entry: Entry, applicant: Any, settings: Any) -> None:
    from submissions import services
    from submissions.errors import IntakeError

    for index in range(services.ATTACHMENTS_PER_ENTRY):
        _add(entry, applicant, f"doc-{index}.pdf", PDF_BYTES)
    with pytest.raises(IntakeError) as error:
        _add(entry, applicant, "one-more.pdf", PDF_BYTES)
    assert error.value.messages == [f"An entry may have at most {services.ATTACHMENTS_PER_ENTRY} files."]
