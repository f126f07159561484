"""Visa invitation letters and the passport details behind them: sealed at
rest and never in the audit trail, an export, an admin page or a log line;
each reading and download audited; the letter refused with a clear message
unless everything it needs is there; its PDF names the delegate and its
code, its verification page only the initials and date; and the details,
with the PDF and then the delegates, deleted PASSPORT_KEEP_DAYS after the
event, each deletion recorded."""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.urls import reverse

from events.errors import EventError
from events.models import Delegate, Invitation, PassportDetails, VisaLetter
from events.services.answers import Answer, invitation_answer
from events.services.delegates import DelegateDetails, delegate_update_own
from events.services.letters import Passport, letter_issue, passport_read, passport_save, passports_purge
from judging.models import Certificate
from judging.services.certificates import certificate_render
from prize_portal.audit.models import AuditEvent
from tests.factories import add_signatories, sign_in_staff
from tests.factories.events import TWO_DELEGATES, Invited
from tests.services import service_missing

pytestmark = pytest.mark.django_db

NUMBER = "M12345678"
PASSPORT = Passport(
    full_name="CHO EUN HEE",
    nationality="KR",
    passport_number="m1234 5678",
    date_of_birth=date(1962, 3, 14),
    stay_from=date(2030, 10, 4),
    stay_to=date(2030, 10, 9),
    purpose="",
)


@pytest.fixture
def cho(invited: Invited) -> Delegate:
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    delegate = Delegate.objects.get(email="mayor.cho@gangnam.example")
    delegate_update_own(
        delegate_id=delegate.pk,
        details=DelegateDetails(name="조은희", title="Mayor", organisation="Gangnam District", language="ko"),
    )
    return delegate


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it."""
    if not shutil.which("pdftotext"):
        service_missing("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _rendered(letter: VisaLetter) -> Certificate:
    return certificate_render(certificate_id=letter.certificate_id)


def test_passport_details_are_sealed_and_read_back_audited(cho: Delegate) -> None:
    details = passport_save(delegate_id=cho.pk, passport=PASSPORT)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM events_passportdetails WHERE id = %s", [details.pk])
        (raw,) = cursor.fetchone()
    assert NUMBER not in raw
    assert "CHO" not in raw
    assert "1962" not in raw
    read = passport_read(cho, actor=None, by="delegate")
    assert read is not None
    assert (read.passport_number, read.full_name) == (NUMBER, "CHO EUN HEE")  # normalised as kept
    actions = list(AuditEvent.objects.filter(target_type="events.passportdetails").values_list("action", flat=True))
    assert sorted(actions) == ["passport.save", "passport.view"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"passport_number": "12"}, "5 to 20 letters and digits"),
        ({"stay_from": date(2030, 10, 7)}, "must cover the event"),
        ({"stay_to": date(2031, 3, 1)}, "at most 90 days"),
        ({"date_of_birth": date(2040, 1, 1)}, "in the past"),
        ({"nationality": "XX"}, "nationality"),
        ({"full_name": " "}, "exactly as it is written"),
    ],
)
def test_bad_passport_details_are_refused_and_nothing_kept(cho: Delegate, change: dict[str, Any], message: str) -> None:
    with pytest.raises(EventError, match=message):
        passport_save(delegate_id=cho.pk, passport=replace(PASSPORT, **change))
    assert not PassportDetails.objects.exists()


def test_a_letter_needs_an_attending_winner_a_confirmed_delegate_and_a_passport(
    invited: Invited, cho: Delegate, staff: Any
) -> None:
    kim = Delegate.objects.get(email="kim.minji@gangnam.example")
    with pytest.raises(EventError, match="not confirmed"):
        letter_issue(delegate_id=kim.pk, actor=staff)
    with pytest.raises(EventError, match="passport details"):
        letter_issue(delegate_id=cho.pk, actor=staff)
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    with pytest.raises(EventError, match="event has started"):
        letter_issue(delegate_id=cho.pk, actor=staff, now=invited.event.starts_at)
    assert not Certificate.objects.exists()
    letter = letter_issue(delegate_id=cho.pk, actor=staff)
    assert letter_issue(delegate_id=cho.pk, actor=staff) == letter  # a second click: the same letter
    assert letter.certificate.kind == "visa_letter"
    assert letter.certificate.entry is None
    assert AuditEvent.objects.filter(action="letter.issue").count() == 1


def test_the_letter_prints_the_delegate_and_its_code_and_verifies_with_the_least(
    invited: Invited, cho: Delegate, staff: Any, tmp_path: Path, client: Client
) -> None:
    add_signatories(invited.world.cycle)
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    certificate = _rendered(letter_issue(delegate_id=cho.pk, actor=staff))
    assert certificate.is_ready
    with certificate.file.open("rb") as handle:
        pdf = handle.read()
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "CHO EUN HEE" in text
    assert NUMBER in text
    assert certificate.code in text
    assert "Seoul Smart City Prize ceremony" in text
    assert "Oh Se-hoon" in text
    assert "서울스마트시티상 시상식" in text  # the page in the delegate's language (Korean)
    assert certificate.snapshot == {
        "version": 1,
        "code": certificate.code,
        "kind": "visa_letter",
        "date": certificate.snapshot["date"],
        "initials": "C. E. H.",
    }
    page = client.get(reverse("judging_verify:certificate", args=[certificate.code])).content.decode()
    assert "Valid invitation letter" in page
    assert "C. E. H." in page
    assert "CHO EUN HEE" not in page
    assert NUMBER not in page
    assert "Gangnam" not in page


def test_details_changed_after_the_letter_render_it_again(cho: Delegate, staff: Any) -> None:
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    certificate = _rendered(letter_issue(delegate_id=cho.pk, actor=staff))
    passport_save(delegate_id=cho.pk, passport=replace(PASSPORT, full_name="CHO EUN-HEE KIM"))
    certificate.refresh_from_db()
    assert certificate.requested_version == 2
    assert _rendered(VisaLetter.objects.get()).snapshot["initials"] == "C. E. K."


def test_the_details_and_the_pdf_go_at_the_retention_time_and_the_code_still_verifies(
    invited: Invited,
    cho: Delegate,
    staff: Any,
    client: Client,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    certificate = _rendered(letter_issue(delegate_id=cho.pk, actor=staff))
    name = certificate.file.name
    due = invited.event.ends_at + timedelta(days=settings.PASSPORT_KEEP_DAYS)
    assert passports_purge(now=due - timedelta(minutes=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the deletion is committed
        # The details with the letter's PDF, then the two delegates themselves.
        assert passports_purge(now=due, batch_size=1) == 4
    assert not PassportDetails.objects.exists()
    certificate.refresh_from_db()
    assert certificate.file_deleted_at is not None
    assert not certificate.is_ready
    assert not default_storage.exists(name)
    assert AuditEvent.objects.filter(action="passport.deleted").count() == 1
    assert AuditEvent.objects.filter(action="letter.file_deleted").count() == 1
    assert AuditEvent.objects.filter(action="delegate.deleted").count() == 2
    assert not Delegate.objects.exists()
    assert Invitation.objects.get(pk=invited.invitation.pk).status == "attending"  # who attended stays
    assert passports_purge(now=due) == 0
    page = client.get(reverse("judging_verify:certificate", args=[certificate.code]))
    assert page.status_code == 200
    assert "C. E. H." in page.content.decode()


def test_a_letter_of_a_delegate_taken_off_loses_its_pdf(invited: Invited, cho: Delegate, staff: Any) -> None:
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    certificate = _rendered(letter_issue(delegate_id=cho.pk, actor=staff))
    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.gangnam.owner,
        answer=Answer(attending=False),
        version=Invitation.objects.get(pk=invited.invitation.pk).version,
    )
    assert not PassportDetails.objects.exists()  # went with the delegate
    assert passports_purge() == 1
    certificate.refresh_from_db()
    assert certificate.file_deleted_at is not None


def test_no_export_admin_page_audit_event_or_log_line_carries_them(
    invited: Invited, cho: Delegate, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    staff = sign_in_staff(client)
    from tests.factories import answer_consents

    answer_consents(staff)
    passport_save(delegate_id=cho.pk, passport=PASSPORT)
    letter = letter_issue(delegate_id=cho.pk, actor=staff)
    certificate = _rendered(letter)
    pages = [
        reverse("events_staff:event", args=[invited.event.pk]),
        reverse("events_staff:attendance", args=[invited.event.pk, "csv"]),
        reverse("admin:judging_certificate_changelist"),
        reverse("admin:judging_certificate_change", args=[certificate.pk]),
        reverse("admin:events_event_change", args=[invited.event.pk]),
        reverse("admin:audit_auditevent_changelist"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        assert NUMBER not in body, url
        assert "CHO EUN HEE" not in body, url
    trail = str(list(AuditEvent.objects.values_list("target_repr", "before", "after")))
    assert NUMBER not in trail
    assert "CHO" not in trail
    assert "1962" not in trail
    assert NUMBER not in caplog.text
    assert "CHO EUN HEE" not in caplog.text
    # The letter itself is for its team and staff, each download recorded.
    response = client.get(reverse("events:letter", args=[certificate.code]))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action="letter.download", after__by="staff").count() == 1
