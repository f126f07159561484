"""A person downloads everything the portal holds about them: one JSON file
per kind of record and their own files, only theirs, built by a task,
announced by e-mail, downloadable by them alone until it expires."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from categories.enums import QuestionKind
from categories.models import Question
from judging.services import conflict_declare_standing, judge_profile_update
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from prize_portal.privacy.enums import ExportStatus
from prize_portal.privacy.models import DataExport
from prize_portal.privacy.services.exports import data_export_build, data_export_request, data_exports_expire
from submissions.services import invitation_create
from tests.factories import (
    BEFORE_DEADLINE,
    PDF_BYTES,
    answer_consents,
    assign,
    give_totp,
    make_jpeg,
    make_round,
    sign_in_staff,
    submit_entry,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

# Every kind of record the download holds, each in its own JSON file.
KINDS = [
    "account",
    "audit_trail",
    "awards",
    "collaborator_invitations",
    "conflicts_of_interest",
    "consents",
    "data_downloads",
    "emails",
    "entries",
    "entries_submitted",
    "entry_files",
    "judge_declarations",
    "judge_invitations",
    "judge_profile",
    "organisations",
    "reviews",
    "secretariat_access",
]


@pytest.fixture
def person(project: Any) -> Any:
    """An applicant with a submitted entry and a file, who also judges
    (a profile with a photo, a standing conflict, an assignment)."""
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    entry = submit_entry(project, email="kim@seoul.example", title="Digital companions", submit=False)
    user = entry.owner
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(entry_id=entry.pk, user=user, upload=upload, question_code="documents", now=BEFORE_DEADLINE)
    from django.test import TestCase

    from submissions.services import entry_submit

    with TestCase.captureOnCommitCallbacks(execute=True):  # the PDF of the version submitted is rendered
        entry_submit(entry_id=entry.pk, user=user, now=BEFORE_DEADLINE)
    answer_consents(user)
    invitation_create(entry_id=entry.pk, user=user, email="lee@seoul.example", language="en")
    from prize_portal.accounts.roles import Role
    from prize_portal.accounts.services import user_grant_role

    user_grant_role(user=user, role=Role.JUDGE)
    give_totp(user)
    photo = SimpleUploadedFile("me.jpg", make_jpeg((300, 300)), content_type="image/jpeg")
    judge_profile_update(user=user, country="KR", organisation="Seoul Institute", photo=photo, publish_consent=True)
    conflict_declare_standing(judge=user, kind="country", country="CN", reason="I advise Chinese cities.")
    other = submit_entry(project, email="sato@osaka.example", name_en="Osaka City", country="JP", title="Flood maps")
    assign(make_round(project), other, user)
    from judging.selectors.declarations import current_declarations
    from judging.services.declarations import declaration_accept

    declaration_accept(judge=user, cycle_id=project.cycle_id, text_id=current_declarations().first().pk, language="ko")
    return user


def _build(person: Any, django_capture_on_commit_callbacks: Any) -> DataExport:
    with django_capture_on_commit_callbacks(execute=True):  # the task runs eagerly after commit
        export = data_export_request(user=person)
    export.refresh_from_db()
    return export


def _zip(export: DataExport) -> zipfile.ZipFile:
    with export.file.open("rb") as stored:
        return zipfile.ZipFile(io.BytesIO(stored.read()))


def test_the_download_holds_every_kind_of_record_and_the_files(
    person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    export = _build(person, django_capture_on_commit_callbacks)

    assert export.status == ExportStatus.READY
    assert export.expires_at is not None
    assert timedelta(days=6, hours=23) < export.expires_at - timezone.now() <= timedelta(days=7)
    archive = _zip(export)
    names = archive.namelist()
    assert [name.removesuffix(".json") for name in names if name.endswith(".json")] == KINDS
    assert "README.txt" in names
    files = [name for name in names if name.startswith("files/")]
    assert any(name.startswith("files/entry_files/") and name.endswith("-report.pdf") for name in files)
    assert any(name.startswith("files/entries_submitted/") and name.endswith("-v1.pdf") for name in files)
    assert "files/judge_profile/photo.jpg" in files or "files/judge_profile/photo.jpeg" in files
    records = {kind: json.loads(archive.read(f"{kind}.json")) for kind in KINDS}
    assert records["account"][0]["email"] == "kim@seoul.example"
    assert records["entries"][0]["title_en"] == "Digital companions"
    assert records["entries"][0]["you_are"] == "owner"
    assert records["organisations"][0]["name_en"] == "Seoul Metropolitan Government"
    assert {row["code"] for row in records["consents"]} >= {"privacy-notice", "applicant-data"}
    assert records["judge_profile"][0]["organisation"] == "Seoul Institute"
    assert records["conflicts_of_interest"][0]["reason"] == "I advise Chinese cities."
    assert records["reviews"][0]["state"] == "active"
    [declaration] = records["judge_declarations"]
    assert (declaration["text__code"], declaration["text__version"], declaration["language"]) == (
        "judge-declaration",
        1,
        "ko",
    )
    assert records["collaborator_invitations"][0]["email"] == "lee@seoul.example"
    assert any(row["template"] == "submissions/email/receipt" for row in records["emails"])
    assert any(row["action"] == "privacy.export_request" for row in records["audit_trail"])
    assert records["awards"] == []  # no results public yet


def test_the_download_holds_nothing_of_anyone_else(person: Any, django_capture_on_commit_callbacks: Any) -> None:
    archive = _zip(_build(person, django_capture_on_commit_callbacks))
    everything = b"".join(archive.read(name) for name in archive.namelist() if not name.startswith("files/"))
    assert b"sato@osaka.example" not in everything
    assert b"Osaka City" not in everything
    assert b"Flood maps" not in everything


def test_the_owner_is_mailed_a_link_and_downloads_it_once_signed_in(
    client: Client, person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    export = _build(person, django_capture_on_commit_callbacks)
    mail = OutboxMessage.objects.get(template="privacy/email/export_ready")
    assert (mail.to_email, mail.context["link"]) == ("kim@seoul.example", f"{settings.SITE_URL}/en/privacy/data/")

    client.force_login(person)
    page = client.get("/en/privacy/data/").content.decode()
    assert f'href="/en/privacy/data/{export.pk}/download/"' in page
    response = client.get(f"/en/privacy/data/{export.pk}/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content)[:2] == b"PK"  # type: ignore[attr-defined]
    events = AuditEvent.objects.filter(target_type="privacy.dataexport").order_by("created_at", "pk")
    actions = list(events.values_list("action", flat=True))
    assert actions == ["privacy.export_request", "privacy.export_ready", "privacy.export_download"]
    assert DataExport.objects.get(pk=export.pk).downloads == 1


def test_nobody_else_can_download_it(client: Client, person: Any, django_capture_on_commit_callbacks: Any) -> None:
    export = _build(person, django_capture_on_commit_callbacks)
    staff = sign_in_staff(client)
    answer_consents(staff)
    assert client.get("/en/privacy/data/").status_code == 200
    assert client.get(f"/en/privacy/data/{export.pk}/download/").status_code == 404
    client.logout()
    assert client.get(f"/en/privacy/data/{export.pk}/download/").status_code == 302  # to sign in


def test_the_link_expires_and_the_file_is_deleted(
    client: Client, person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    export = _build(person, django_capture_on_commit_callbacks)
    name = export.file.name
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(person)

    response = client.get(f"/en/privacy/data/{export.pk}/download/")
    assert response.status_code == 410
    assert "This download has expired: ask for a new one." in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert data_exports_expire() == 1
    export.refresh_from_db()
    assert (export.status, export.file.name) == (ExportStatus.EXPIRED, "")
    assert not default_storage.exists(name)
    assert data_exports_expire() == 0


def test_asking_twice_prepares_one_and_building_twice_changes_nothing(person: Any) -> None:
    first = data_export_request(user=person)
    assert data_export_request(user=person).pk == first.pk
    assert data_export_build(export_id=first.pk) is not None
    assert data_export_build(export_id=first.pk) is None
    assert OutboxMessage.objects.filter(template="privacy/email/export_ready").count() == 1


def test_asking_on_the_page(client: Client, person: Any, django_capture_on_commit_callbacks: Any) -> None:
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/privacy/data/", follow=True)
    assert "Your download is being prepared." in response.content.decode()
    assert DataExport.objects.get(user=person).status == ExportStatus.READY


def test_links_and_codes_of_the_emails_are_left_out(person: Any, django_capture_on_commit_callbacks: Any) -> None:
    _build(person, django_capture_on_commit_callbacks)  # its e-mail holds a link
    second = _build(person, django_capture_on_commit_callbacks)

    emails = json.loads(_zip(second).read("emails.json"))
    ready = [email for email in emails if email["template"] == "privacy/email/export_ready"]
    assert len(ready) == 1
    assert all("link" in mail.context for mail in OutboxMessage.objects.filter(template="privacy/email/export_ready"))
    assert set(ready[0]["context"]) == {"days", "expires"}
    assert b"/privacy/data/" not in _zip(second).read("emails.json")
