"""An entry's files on the applicant pages: upload with progress, refusals, downloads and thumbnails."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from submissions.models import Attachment, Entry
from submissions.services import attachment_add
from tests.factories import PDF_BYTES, make_jpeg
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db


def test_upload_returns_json_for_the_progress_bar(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:attachment_upload", args=[entry.pk])
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")
    response = owner_client.post(url, {"file": upload, "question": "documents"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 201
    body = response.json()
    attachment = Attachment.objects.get()
    assert body["name"] == "report.pdf"
    assert body["status"] == "checking"
    assert body["url"] is None  # no link before the check
    assert body["message"] == "report.pdf has been uploaded and is being checked for safety."
    assert body["status_url"] == reverse("submissions:attachment_status", args=[entry.pk, attachment.pk])
    assert attachment.question.code == "documents"


def test_a_pdf_is_checked_once_the_upload_commits_and_then_linked(
    owner_client: Client, entry: Entry, django_capture_on_commit_callbacks: Any
) -> None:
    url = reverse("submissions:attachment_upload", args=[entry.pk])
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        owner_client.post(url, {"file": upload, "question": "documents"}, HTTP_X_REQUESTED_WITH="fetch")
    attachment = Attachment.objects.get()
    status_url = reverse("submissions:attachment_status", args=[entry.pk, attachment.pk])
    download_url = reverse("submissions:attachment", args=[entry.pk, attachment.pk])
    assert owner_client.get(status_url).json()["status"] == "checking"
    assert owner_client.get(download_url).status_code == 404  # not even its uploader gets it unchecked
    page = owner_client.get(reverse("submissions:entry_edit", args=[entry.pk])).content.decode()
    assert "Being checked for safety…" in page
    assert f'href="{download_url}"' not in page

    for callback in queued:  # the commit: the check is queued, and Celery runs it eagerly here
        callback()

    body = owner_client.get(status_url).json()
    assert (body["status"], body["url"], body["note"]) == ("clean", download_url, "")
    assert owner_client.get(download_url).status_code == 200
    assert (
        f'href="{download_url}"'
        in owner_client.get(reverse("submissions:entry_edit", args=[entry.pk])).content.decode()
    )


def test_upload_of_an_exe_named_pdf_is_refused(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:attachment_upload", args=[entry.pk])
    upload = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = owner_client.post(url, {"file": upload}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert response.json()["error"] == "Upload a PDF, JPEG, PNG or WebP file."
    assert not Attachment.objects.exists()


def test_upload_over_the_limit_is_stopped_while_streaming(owner_client: Client, entry: Entry, settings: Any) -> None:
    url = reverse("submissions:attachment_upload", args=[entry.pk])
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024 + 10), content_type="application/pdf")
    response = owner_client.post(url, {"file": big}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "too large" in response.json()["error"]
    assert not Attachment.objects.exists()


def test_download_is_nosniff_with_a_safe_disposition(owner_client: Client, entry: Entry, applicant: Any) -> None:
    upload = SimpleUploadedFile('../../evil"\r\nname.pdf', PDF_BYTES, content_type="text/html")
    attachment = attachment_add_checked(entry_id=entry.pk, user=applicant, upload=upload)
    response = owner_client.get(reverse("submissions:attachment", args=[entry.pk, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert "/" not in disposition
    assert b"".join(response.streaming_content) == attachment.file.open("rb").read()


def test_image_thumbnail_is_served_inline(owner_client: Client, entry: Entry, applicant: Any) -> None:
    upload = SimpleUploadedFile("photo.jpg", make_jpeg(), content_type="image/jpeg")
    attachment = attachment_add(entry_id=entry.pk, user=applicant, upload=upload)
    response = owner_client.get(reverse("submissions:attachment_thumbnail", args=[entry.pk, attachment.pk]))
    assert response["Content-Type"] == "image/webp"
    assert response["Content-Disposition"].startswith("inline;")
