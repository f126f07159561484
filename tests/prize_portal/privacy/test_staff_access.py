"""Staff reading personal data is visible: opening a record in admin,
downloading an applicant's file or exporting a round is recorded in the
audit trail, and the person's data download lists who looked and when."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from categories.enums import QuestionKind
from categories.models import Question
from prize_portal.audit.models import AuditEvent
from prize_portal.audit.services import STAFF_EXPORT, STAFF_VIEW
from prize_portal.privacy.services.exports import data_export_build, data_export_request
from tests.factories import (
    BEFORE_DEADLINE,
    PDF_BYTES,
    answer_consents,
    assign,
    make_judge,
    make_round,
    put_in_round,
    sign_in_staff,
    submit_entry,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]


@pytest.fixture
def entry(project: Any) -> Any:
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    entry = submit_entry(project, email="kim@seoul.example", submit=False)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=entry.pk, user=entry.owner, upload=upload, question_code="documents", now=BEFORE_DEADLINE
    )
    answer_consents(entry.owner)
    return entry


@pytest.fixture
def desk(client: Client) -> Any:
    staff = sign_in_staff(client)
    staff.name = "Min Secretariat"
    staff.save(update_fields=["name"])
    answer_consents(staff)
    return staff


def _events(action: str) -> list[tuple[str, str]]:
    return list(AuditEvent.objects.filter(action=action).order_by("pk").values_list("target_type", "target_id"))


def test_opening_an_entry_and_a_file_is_recorded(client: Client, entry: Any, desk: Any) -> None:
    attachment = entry.attachments.get()
    assert client.get(reverse("admin:submissions_entry_change", args=[entry.pk])).status_code == 200
    assert client.get(reverse("admin:submissions_entry_changelist")).status_code == 200  # a list is not a record
    url = reverse("submissions:attachment", args=[entry.pk, attachment.pk])
    assert client.get(url).status_code == 200

    assert _events(STAFF_VIEW) == [("submissions.entry", str(entry.pk)), ("submissions.attachment", str(attachment.pk))]
    assert AuditEvent.objects.filter(action=STAFF_VIEW, actor=desk).count() == 2


def test_the_owner_opening_their_own_file_is_not_staff_access(entry: Any) -> None:
    client = Client()
    client.force_login(entry.owner)
    attachment = entry.attachments.get()
    assert client.get(reverse("submissions:attachment", args=[entry.pk, attachment.pk])).status_code == 200
    assert _events(STAFF_VIEW) == []


def test_exporting_a_round_records_everyone_in_it(client: Client, project: Any, desk: Any) -> None:
    first = submit_entry(project, email="a@busan.example", name_en="Busan")
    second = submit_entry(project, email="b@osaka.example", name_en="Osaka", country="JP")
    round_ = make_round(project)
    put_in_round(round_, first, second)
    judge = make_judge("ana@univ.example", country="KR")
    assign(round_, first, judge)

    response = client.get(reverse("judging_staff:export", args=[round_.pk, "reviews", "csv"]))

    assert response.status_code == 200
    assert sorted(_events(STAFF_EXPORT)) == sorted(
        [("submissions.entry", str(first.pk)), ("submissions.entry", str(second.pk)), ("accounts.user", str(judge.pk))]
    )
    assert {event.after["export"] for event in AuditEvent.objects.filter(action=STAFF_EXPORT)} == {"reviews.csv"}


def test_the_data_download_lists_who_at_the_secretariat_looked(client: Client, entry: Any, desk: Any) -> None:
    client.get(reverse("admin:submissions_entry_change", args=[entry.pk]))
    client.post(reverse("admin:submissions_entry_changelist"), {"action": "export_csv", "_selected_action": [entry.pk]})
    export = data_export_request(user=entry.owner)
    data_export_build(export_id=export.pk)
    export.refresh_from_db()
    with export.file.open("rb") as stored:
        archive = zipfile.ZipFile(io.BytesIO(stored.read()))
    access = json.loads(archive.read("secretariat_access.json"))

    assert [(row["action"], row["by"], row["export"]) for row in access] == [
        (STAFF_VIEW, "Min Secretariat", None),
        (STAFF_EXPORT, "Min Secretariat", "entries.csv"),
    ]
    assert all(row["target_type"] == "submissions.entry" for row in access)
