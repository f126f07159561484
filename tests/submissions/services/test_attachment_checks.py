"""The check of an uploaded PDF, through the real services: cleaned or
refused after the upload commits, never submitted or shown to judges before,
idempotent, swept up after a broker outage, and run by a real worker."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.enums import QuestionKind
from categories.models import Question
from judging.selectors.reviewer import attachments_for, latest_submission
from submissions.enums import AttachmentStatus
from submissions.errors import EntryIncompleteError
from submissions.models import Attachment, Entry, Submission
from submissions.selectors import entry_missing
from submissions.services import attachment_add, attachment_delete, entry_start, entry_submit
from submissions.services.attachment_checks import attachment_check, attachment_checks_sweep, attachments_unchecked
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, complete_entry, make_judge, make_round
from tests.factories.judging import assign
from tests.factories.submissions import scripted_pdf
from tests.services import CeleryWorker, free_port, postgres_url_for_test_db, wait_until, worker_env

pytestmark = pytest.mark.django_db

HTML_AS_PDF = b"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"


@pytest.fixture
def entry(project: Any, applicant: Any, organisation: Any) -> Entry:
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    entry = entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    complete_entry(entry, applicant)
    return entry


def _upload(entry: Entry, content: bytes, name: str = "report.pdf", question: str | None = "documents") -> Attachment:
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return attachment_add(
        entry_id=entry.pk, user=entry.owner, upload=upload, question_code=question, now=BEFORE_DEADLINE
    )


def test_a_pdf_waits_for_its_check_and_is_then_replaced_by_its_clean_copy(entry: Entry) -> None:
    attachment = _upload(entry, scripted_pdf())
    uploaded = attachment.file.name
    assert attachment.status == AttachmentStatus.CHECKING

    checked = attachment_check(attachment_id=attachment.pk, now=BEFORE_DEADLINE)

    assert (checked.status, checked.removed, checked.checked_at) == (
        AttachmentStatus.CLEAN,
        ["scripts"],
        BEFORE_DEADLINE,
    )
    assert checked.file.name != uploaded
    assert checked.file.name.startswith(f"entries/{entry.pk}/")
    content = checked.file.open("rb").read()
    assert b"JavaScript" not in content
    assert checked.size == len(content)


def test_the_uploaded_file_goes_once_the_clean_copy_is_stored(
    entry: Entry, django_capture_on_commit_callbacks: Any
) -> None:
    attachment = _upload(entry, PDF_BYTES)
    uploaded = attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        checked = attachment_check(attachment_id=attachment.pk)
    assert not default_storage.exists(uploaded)
    assert default_storage.exists(checked.file.name)


def test_a_refused_file_is_deleted_and_its_row_says_why(entry: Entry, django_capture_on_commit_callbacks: Any) -> None:
    attachment = _upload(entry, HTML_AS_PDF, name="예산 계획.pdf")
    uploaded = attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        refused = attachment_check(attachment_id=attachment.pk)
    assert (refused.status, refused.refusal, refused.file.name) == (AttachmentStatus.REFUSED, "not_pdf", "")
    assert not default_storage.exists(uploaded)
    assert entry_missing(entry)["answer-documents"] == [
        "“예산 계획.pdf” was refused: remove it and upload another file."
    ]
    attachment_delete(entry_id=entry.pk, attachment_id=refused.pk, user=entry.owner, now=BEFORE_DEADLINE)
    assert not Attachment.objects.exists()


def test_checking_twice_changes_nothing(entry: Entry) -> None:
    attachment = _upload(entry, scripted_pdf())
    first = attachment_check(attachment_id=attachment.pk)
    second = attachment_check(attachment_id=attachment.pk)
    assert (second.file.name, second.checked_at, second.removed) == (first.file.name, first.checked_at, first.removed)


def test_a_file_removed_while_its_check_runs_is_not_brought_back(entry: Entry) -> None:
    attachment = _upload(entry, PDF_BYTES)
    attachment_delete(entry_id=entry.pk, attachment_id=attachment.pk, user=entry.owner, now=BEFORE_DEADLINE)
    with pytest.raises(Attachment.DoesNotExist):
        attachment_check(attachment_id=attachment.pk)
    assert not Attachment.objects.exists()


def test_the_submit_waits_for_every_file_to_be_checked(entry: Entry) -> None:
    first = _upload(entry, PDF_BYTES, name="report.pdf")
    other = _upload(entry, PDF_BYTES, name="plan.pdf", question=None)
    with pytest.raises(EntryIncompleteError) as incomplete:
        entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    assert incomplete.value.message_dict == {
        "answer-documents": ["“report.pdf” is still being checked. Wait a moment, then reload this page."],
        "file-": ["“plan.pdf” is still being checked. Wait a moment, then reload this page."],
    }
    assert not Submission.objects.exists()

    attachment_check(attachment_id=first.pk)
    attachment_check(attachment_id=other.pk)
    submission = entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    assert [item["name"] for item in submission.content["attachments"]] == ["report.pdf", "plan.pdf"]


def test_judges_never_get_a_file_still_being_checked(entry: Entry) -> None:
    """A PDF uploaded before the check existed is "being checked" after the
    migration, on an entry already submitted: judges do not see it until done."""
    attachment = _upload(entry, PDF_BYTES)
    attachment_check(attachment_id=attachment.pk)
    entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    assignment = assign(make_round(entry.category), entry, make_judge("judge@univ.example"))
    Attachment.objects.filter(pk=attachment.pk).update(status=AttachmentStatus.CHECKING)
    assert attachments_for(assignment, latest_submission(assignment)) == []

    attachment_check(attachment_id=attachment.pk)
    assert [a.pk for a in attachments_for(assignment, latest_submission(assignment))] == [attachment.pk]


def test_the_sweep_checks_what_a_broker_outage_left(entry: Entry, celery_on_broker: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    celery_on_broker(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    attachment = _upload(entry, scripted_pdf())
    uploaded_at = Attachment.objects.get(pk=attachment.pk).created_at
    assert attachments_unchecked(now=uploaded_at + timedelta(seconds=30)) == []  # its own task may still come
    later = uploaded_at + timedelta(minutes=2)
    assert attachments_unchecked(now=later) == [attachment.pk]
    assert attachment_checks_sweep(now=later) == 0  # still down: left for the next sweep

    celery_on_broker("memory://", eager=True)  # the broker is back
    assert attachment_checks_sweep(now=later) == 1
    assert Attachment.objects.get(pk=attachment.pk).status == AttachmentStatus.CLEAN
    assert attachments_unchecked(now=later) == []
    assert attachment_checks_sweep(now=later) == 0


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_cleans_an_upload_once_it_commits(
    entry: Entry, tmp_path: Path, redis_server: Any, celery_on_broker: Any
) -> None:
    media = Path(settings.MEDIA_ROOT)
    env = worker_env(DATABASE_URL=postgres_url_for_test_db(), REDIS_URL=redis_server.url, MEDIA_ROOT=str(media))
    celery_on_broker(redis_server.url)
    worker = CeleryWorker(env=env, log=tmp_path / "worker.log")
    worker.start()
    try:
        attachment = _upload(entry, scripted_pdf())  # commits: no test transaction here
        checked = wait_until(
            lambda: Attachment.objects.filter(pk=attachment.pk, status=AttachmentStatus.CLEAN).first(), timeout=90
        )
    finally:
        worker.stop()
    assert "task_check_attachment" in (tmp_path / "worker.log").read_text()
    assert checked.removed == ["scripts"]
    assert b"JavaScript" not in (media / checked.file.name).read_bytes()
    assert not (media / attachment.file.name).exists()
