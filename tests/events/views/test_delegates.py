"""The delegate's own page: no account, the link is the key; details
corrected and confirmed; needs kept only with the box ticked (the text
kept and a clear message otherwise); the page is not cached or indexed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.links import delegate_token
from events.models import Delegate
from events.services.answers import invitation_answer
from tests.factories.events import TWO_DELEGATES, Invited

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(invited: Invited) -> str:
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    return "/ko" + reverse("events:delegate", args=[delegate_token(cho)])[3:]


FORM = {"name": "조은희", "title": "강남구청장", "organisation": "강남구", "language": "ko"}


def test_the_page_shows_the_consent_text_in_the_delegates_language(client: Client, url: str) -> None:
    response = client.get(url)
    page = response.content.decode()
    assert "행사 참석을 위한 접근성 및 식이 요구 사항 보관" in page
    assert 'name="needs_consent"' in page
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page


def test_the_delegate_confirms_with_needs_and_consent(client: Client, url: str) -> None:
    response = client.post(url, {**FORM, "save_details": "1", "needs": "휠체어 접근", "needs_consent": "on"})
    assert response.status_code == 302
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    assert (cho.title, cho.needs, cho.confirmed_at is not None) == ("강남구청장", "휠체어 접근", True)


def test_needs_without_consent_are_refused_and_kept_on_the_page(client: Client, url: str) -> None:
    response = client.post(url, {**FORM, "save_details": "1", "needs": "휠체어 접근"})
    assert response.status_code == 400
    assert "휠체어 접근" in response.content.decode()
    assert Delegate.objects.get(email="mayor.cho@gangnam.example").confirmed_at is None


def test_a_missing_name_is_refused(client: Client, url: str) -> None:
    response = client.post(url, {**FORM, "save_details": "1", "name": ""})
    assert response.status_code == 400
    assert Delegate.objects.get(email="mayor.cho@gangnam.example").name == "조은희"


PASSPORT_FORM = {
    "save_passport": "1",
    "full_name": "CHO EUN HEE",
    "nationality": "KR",
    "passport_number": "M12345678",
    "date_of_birth": "1962-03-14",
    "stay_from": "2030-10-04",
    "stay_to": "2030-10-09",
    "purpose": "",
}


def test_the_delegate_gives_passport_details_and_sees_them_again_audited(client: Client, url: str) -> None:
    from events.models import PassportDetails
    from prize_portal.audit.models import AuditEvent

    assert client.post(url, PASSPORT_FORM).status_code == 302
    assert PassportDetails.objects.count() == 1
    page = client.get(url).content.decode()
    assert 'value="M12345678"' in page  # to the delegate only, through their link
    assert AuditEvent.objects.filter(action="passport.view", after__by="delegate").count() == 1


def test_bad_passport_details_are_refused_with_the_text_kept(client: Client, url: str) -> None:
    from events.models import PassportDetails

    response = client.post(url.replace("/ko/", "/en/", 1), {**PASSPORT_FORM, "stay_from": "2030-10-07"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "must cover the event" in page
    assert 'value="CHO EUN HEE"' in page
    assert not PassportDetails.objects.exists()


def test_the_delegate_downloads_their_letter_once_issued(client: Client, url: str, invited: Invited) -> None:
    from events.services.letters import letter_issue
    from judging.services.certificates import certificate_render
    from prize_portal.accounts.roles import Role
    from prize_portal.audit.models import AuditEvent
    from tests.factories import add_signatories, make_user

    add_signatories(invited.world.cycle)
    client.post(url, {**FORM, "save_details": "1"})
    client.post(url, PASSPORT_FORM)
    letter_url = url + "letter.pdf"
    assert client.get(letter_url).status_code == 404  # not issued yet
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    letter = letter_issue(delegate_id=cho.pk, actor=make_user(Role.STAFF, email="s@wego.example"))
    certificate_render(certificate_id=letter.certificate_id)
    assert letter.certificate.code in client.get(url).content.decode()
    response = client.get(letter_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.filter(action="letter.download", after__by="delegate").count() == 1
