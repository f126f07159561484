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
    response = client.post(url, {**FORM, "needs": "휠체어 접근", "needs_consent": "on"})
    assert response.status_code == 302
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    assert (cho.title, cho.needs, cho.confirmed_at is not None) == ("강남구청장", "휠체어 접근", True)


def test_needs_without_consent_are_refused_and_kept_on_the_page(client: Client, url: str) -> None:
    response = client.post(url, {**FORM, "needs": "휠체어 접근"})
    assert response.status_code == 400
    assert "휠체어 접근" in response.content.decode()
    assert Delegate.objects.get(email="mayor.cho@gangnam.example").confirmed_at is None


def test_a_missing_name_is_refused(client: Client, url: str) -> None:
    response = client.post(url, {**FORM, "name": ""})
    assert response.status_code == 400
    assert Delegate.objects.get(email="mayor.cho@gangnam.example").name == "조은희"
