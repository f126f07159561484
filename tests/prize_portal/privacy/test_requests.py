"""Requests about one's data: asked on the privacy pages, answered by staff;
a restriction acts when asked (no e-mails but the account's, no new rounds,
no new assignments) and ends when withdrawn or refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from judging.selectors.reviewer import panel_of
from judging.services import round_add_eligible_entries
from prize_portal.accounts.roles import Role
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import RequestKind, RequestStatus
from prize_portal.privacy.errors import PrivacyError
from prize_portal.privacy.models import PrivacyRequest
from prize_portal.privacy.services.requests import privacy_request_decide, privacy_request_make
from submissions.enums import EntryStatus
from tests.factories import answer_consents, make_judge, make_round, make_user, sign_in_staff, submit_entry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]


@pytest.fixture
def person(client: Client) -> Any:
    user = make_user(email="kim@seoul.example", name="Kim")
    answer_consents(user)
    client.force_login(user)
    return user


def test_a_person_asks_and_the_privacy_officer_is_told(client: Client, person: Any) -> None:
    page = client.get("/en/privacy/requests/").content.decode()
    assert 'value="erasure"' in page
    assert 'value="restriction"' in page

    response = client.post("/en/privacy/requests/", {"kind": "correction", "message": "My city is Busan."}, follow=True)
    again = client.post("/en/privacy/requests/", {"kind": "correction", "message": "Twice."})

    assert "Your request has been sent to the privacy officer." in response.content.decode()
    assert again.status_code == 302
    request = PrivacyRequest.objects.get(user=person)
    assert (request.kind, request.status, request.message) == ("correction", "open", "My city is Busan.")
    mail = OutboxMessage.objects.get(template="privacy/email/request_received")
    assert mail.to_email == "privacy@localhost"
    assert mail.context["person"] == person.pseudonym
    assert "kim@seoul.example" not in str(mail.context)


def test_asking_for_erasure_needs_the_confirmation(client: Client, person: Any) -> None:
    response = client.post("/en/privacy/requests/", {"kind": "erasure"})
    assert "Tick this box to ask for your account to be deleted." in response.content.decode()
    assert not PrivacyRequest.objects.exists()
    client.post("/en/privacy/requests/", {"kind": "erasure", "confirm_erasure": "on"})
    assert PrivacyRequest.objects.get().kind == RequestKind.ERASURE


def test_a_restriction_stops_mail_new_rounds_and_assignments_until_lifted(
    client: Client, person: Any, project: Any
) -> None:
    entry = submit_entry(project, email="owner@busan.example")
    type(entry).objects.filter(pk=entry.pk).update(status=EntryStatus.ELIGIBLE)  # screened
    owner = entry.owner
    judge = make_judge("ana@univ.example")
    round_ = make_round(project)
    privacy_request_make(user=owner, kind=RequestKind.RESTRICTION)
    privacy_request_make(user=judge, kind=RequestKind.RESTRICTION)
    staff = make_user(Role.STAFF, email="dpo@wego.example")

    reminder = outbox_enqueue(to=owner.email, template="submissions/email/receipt", language="en", user=owner)
    reset = outbox_enqueue(to=owner.email, template="account/email/password_reset_key", language="en", user=owner)
    assert (reminder.status, reset.status) == (OutboxStatus.SKIPPED, OutboxStatus.QUEUED)
    assert round_add_eligible_entries(actor=staff, round_id=round_.pk) == 0
    assert judge.pk not in set(panel_of(round_).values_list("pk", flat=True))

    request = PrivacyRequest.objects.get(user=owner)
    client.force_login(owner)
    answer_consents(owner)
    client.post(f"/en/privacy/requests/{request.pk}/withdraw/")

    owner.refresh_from_db()
    assert owner.processing_restricted is False
    assert round_add_eligible_entries(actor=staff, round_id=round_.pk) == 1


def test_staff_answer_and_the_person_is_told_in_their_language(person: Any) -> None:
    request = privacy_request_make(user=person, kind=RequestKind.RESTRICTION)
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    privacy_request_decide(actor=staff, request_id=request.pk, done=False, answer="We must keep judging your entry.")
    person.refresh_from_db()
    request.refresh_from_db()
    assert (request.status, request.decided_by, person.processing_restricted) == (RequestStatus.REFUSED, staff, False)
    mail = OutboxMessage.objects.get(template="privacy/email/request_answered")
    assert (mail.to_email, mail.context["answer"]) == ("kim@seoul.example", "We must keep judging your entry.")
    with pytest.raises(PrivacyError, match="already been answered"):
        privacy_request_decide(actor=staff, request_id=request.pk, done=True)


def test_the_staff_pages_list_and_answer_requests_and_nobody_else_sees_them(client: Client, person: Any) -> None:
    request = privacy_request_make(user=person, kind=RequestKind.CORRECTION, message="Wrong city.")
    assert client.get("/en/staff/privacy/").status_code == 404  # an applicant
    assert client.get(f"/en/staff/privacy/{request.pk}/").status_code == 404

    staff_client = Client()
    staff = sign_in_staff(staff_client)
    answer_consents(staff)
    listing = staff_client.get("/en/staff/privacy/").content.decode()
    assert f'href="/en/staff/privacy/{request.pk}/"' in listing
    page = staff_client.get(f"/en/staff/privacy/{request.pk}/").content.decode()
    assert "Wrong city." in page
    assert 'name="erasure_mode"' not in page
    response = staff_client.post(f"/en/staff/privacy/{request.pk}/", {"decision": "done", "answer": "Corrected."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.answer) == (RequestStatus.DONE, "Corrected.")


def test_completing_an_erasure_asks_how(client: Client, person: Any) -> None:
    request = privacy_request_make(user=person, kind=RequestKind.ERASURE)
    staff_client = Client()
    staff = sign_in_staff(staff_client)
    answer_consents(staff)
    response = staff_client.post(f"/en/staff/privacy/{request.pk}/", {"decision": "done"})
    assert "Choose how to erase the person." in response.content.decode()
    person.refresh_from_db()
    assert person.is_active
