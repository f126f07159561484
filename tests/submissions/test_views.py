"""The applicant pages of intake, through Django's test client."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from categories.enums import ApplicantType, QuestionKind
from categories.models import Question
from submissions.enums import EntryStatus
from submissions.models import Attachment, Entry, Organisation
from submissions.services import attachment_add, entry_save_draft, entry_start
from tests.factories import make_user
from tests.submissions.builders import PDF_BYTES, complete_entry, make_jpeg

pytestmark = pytest.mark.django_db


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


def _edit_data(entry: Entry, **extra: Any) -> dict[str, Any]:
    data = {"version": entry.version, "language": entry.language, "title_en": "", "summary_en": ""}
    data.update(extra)
    return data


def test_dashboard_lists_entries_with_state_and_missing(owner_client: Client, entry: Entry) -> None:
    response = owner_client.get(reverse("submissions:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Untitled entry" in html
    assert "Draft" in html
    assert "7 required parts are still missing." in html or "required parts are still missing" in html


def test_organisation_create_makes_the_user_owner(client: Client, open_project: Any) -> None:
    user = make_user(email="new@example.org")
    client.force_login(user)
    response = client.post(
        reverse("submissions:organisation_create"),
        {
            "type": ApplicantType.CITY,
            "name_native": "부산광역시",
            "name_en": "Busan Metropolitan City",
            "country": "KR",
            "city": "Busan",
            "contact_name": "Lee",
            "website": "",
            "contact_phone": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_start")
    organisation = Organisation.objects.get(name_en="Busan Metropolitan City")
    assert organisation.memberships.get().user == user


def test_start_entry_creates_a_draft(owner_client: Client, open_project: Any, organisation: Organisation) -> None:
    track = open_project.tracks.first()
    response = owner_client.post(
        reverse("submissions:entry_start"),
        {"organisation": organisation.pk, "category": open_project.pk, "track": track.pk, "language": "ko"},
    )
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_edit", args=[entry.pk])
    assert (entry.track, entry.language, entry.status) == (track, "ko", EntryStatus.DRAFT)


def test_save_draft_without_javascript(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Safe streets", **{"answer-fields": ["mobility"]}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title_en == "Safe streets"
    assert entry.answers.get(question__code="fields").value == ["mobility"]
    page = owner_client.get(url).content.decode()
    assert 'value="Safe streets"' in page


def test_autosave_answers_json_and_raises_the_version(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="A"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 200
    assert response.json()["version"] == entry.version + 1


def test_autosave_with_an_old_version_is_a_conflict(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Theirs"})
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Mine"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 409
    assert response.json()["conflict"] is True
    assert "Someone else saved this entry" in response.json()["errors"]["__all__"][0]
    entry.refresh_from_db()
    assert entry.title_en == "Theirs"


def test_over_long_answer_is_refused_with_its_message(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, **{"answer-problem": "one two three four five six"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Use at most 5 words (you have 6)." in html
    assert 'href="#id_answer-problem"' in html
    assert not entry.answers.exists()


def test_choice_not_offered_is_refused(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, **{"answer-fields": ["weapons"]}))
    assert response.status_code == 400
    assert "weapons is not one of the available choices" in response.content.decode()
    assert not entry.answers.exists()


def test_submit_incomplete_shows_summary_linking_to_each_field(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Safe streets", action="submit"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your entry is not complete yet. Your draft has been saved." in html
    for name in ("summary_en", "title_original", "summary_original", "answer-problem", "answer-fields_0"):
        assert f'href="#id_{name}"' in html
    entry.refresh_from_db()
    assert (entry.title_en, entry.status) == ("Safe streets", EntryStatus.DRAFT)


def test_submit_complete_entry_gives_reference(owner_client: Client, entry: Entry, applicant: Any) -> None:
    complete_entry(entry, applicant)
    entry.refresh_from_db()
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(
        url,
        _edit_data(
            entry,
            title_en="Safe streets",
            summary_en="Lights.",
            title_original="안전한 거리",
            summary_original="조명.",
            action="submit",
            **{"answer-problem": "Dark streets", "answer-fields": ["safety"], "answer-government-role": "Leads"},
        ),
    )
    entry.refresh_from_db()
    assert response.status_code == 302
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.reference == f"SSCP-{entry.cycle.year}-P-0001"
    detail = owner_client.get(response["Location"]).content.decode()
    assert entry.reference in detail


def test_upload_returns_json_for_the_progress_bar(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:attachment_upload", args=[entry.pk])
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")
    response = owner_client.post(url, {"file": upload, "question": "documents"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 201
    body = response.json()
    attachment = Attachment.objects.get()
    assert body["name"] == "report.pdf"
    assert body["url"] == reverse("submissions:attachment", args=[entry.pk, attachment.pk])
    assert attachment.question.code == "documents"


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
    attachment = attachment_add(entry_id=entry.pk, user=applicant, upload=upload)
    response = owner_client.get(reverse("submissions:attachment", args=[entry.pk, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert "/" not in disposition
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_image_thumbnail_is_served_inline(owner_client: Client, entry: Entry, applicant: Any) -> None:
    upload = SimpleUploadedFile("photo.jpg", make_jpeg(), content_type="image/jpeg")
    attachment = attachment_add(entry_id=entry.pk, user=applicant, upload=upload)
    response = owner_client.get(reverse("submissions:attachment_thumbnail", args=[entry.pk, attachment.pk]))
    assert response["Content-Type"] == "image/webp"
    assert response["Content-Disposition"].startswith("inline;")


def test_withdraw_a_draft_deletes_it(owner_client: Client, entry: Entry) -> None:
    response = owner_client.post(reverse("submissions:entry_withdraw", args=[entry.pk]))
    assert response.status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_after_the_deadline_the_form_redirects_to_the_readable_entry(owner_client: Client, entry: Entry) -> None:
    entry.cycle.applications_close_at = timezone.now() - timedelta(seconds=1)
    entry.cycle.save()
    response = owner_client.get(reverse("submissions:entry_edit", args=[entry.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_detail", args=[entry.pk])
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Late"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "The deadline has passed" in json.dumps(response.json())
    assert owner_client.get(reverse("submissions:entry_detail", args=[entry.pk])).status_code == 200
