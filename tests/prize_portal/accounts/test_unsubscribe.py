"""Unsubscribing from reminder e-mails: by a signed link (GET asks, POST does,
a mail client's one-click POST needs no CSRF token), or on the profile page.
Either way it is a withdrawal of the "reminder-emails" consent, recorded."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import signing
from django.test import Client

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.unsubscribe import unsubscribe_token, unsubscribe_url
from prize_portal.privacy.models import Consent
from tests.factories import answer_consents, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

INVALID = "This unsubscribe link is not valid"


@pytest.fixture
def applicant() -> User:
    user = make_user(email="applicant@example.org")
    answer_consents(user)  # reminders given at sign-up
    return user


@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def _path(user: User, language: str = "en") -> str:
    return f"/{language}/accounts/unsubscribe/{unsubscribe_token(user)}/"


def _audited(user: User) -> list[tuple[bool, str]]:
    """The person's answers to the reminder item after the one given at sign-up."""
    answers = Consent.objects.filter(user=user, code="reminder-emails").order_by("created_at", "pk")
    return [(answer.given, answer.source) for answer in answers][1:]


def test_unsubscribe_url_is_absolute_in_language(settings: Any, applicant: User) -> None:
    path = f"/ko/accounts/unsubscribe/{unsubscribe_token(applicant)}/"
    assert unsubscribe_url(applicant, "ko") == settings.SITE_URL + path


def test_unsubscribe_get_asks_and_changes_nothing(csrf_client: Client, applicant: User) -> None:
    response = csrf_client.get(_path(applicant))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Stop reminder e-mails</h1>" in html
    assert "Reminders before deadlines will no longer be sent to applicant@example.org." in html
    assert '<button type="submit" class="button">Stop reminder e-mails</button>' in html
    applicant.refresh_from_db()
    assert applicant.reminder_emails is True
    assert _audited(applicant) == []


def test_unsubscribe_post_turns_reminders_off_and_audits_once(csrf_client: Client, applicant: User) -> None:
    response = csrf_client.post(_path(applicant))
    again = csrf_client.post(_path(applicant))

    assert (response.status_code, again.status_code) == (200, 200)
    assert "<h1>Reminder e-mails turned off</h1>" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.reminder_emails is False
    assert _audited(applicant) == [(False, "unsubscribe")]


def test_unsubscribe_one_click_post_without_csrf_token(csrf_client: Client, applicant: User) -> None:
    response = csrf_client.post(
        _path(applicant, "ko"), data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    applicant.refresh_from_db()
    assert applicant.reminder_emails is False


@pytest.mark.parametrize("method", ["get", "post"])
def test_unsubscribe_tampered_token_is_404_and_changes_nothing(
    csrf_client: Client, applicant: User, method: str
) -> None:
    other = make_user(email="other@example.org")
    token = unsubscribe_token(applicant)
    signature = token.split(":")[1]
    tampered = [
        f"{other.pk}:{signature}",  # someone else's id under this signature
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # altered signature
        signing.Signer().sign(str(applicant.pk)),  # signed without the unsubscribe salt
        str(applicant.pk),
    ]

    for bad in tampered:
        response = getattr(csrf_client, method)(f"/en/accounts/unsubscribe/{bad}/")
        assert response.status_code == 404, bad
        assert "<h1>Unsubscribe link not valid</h1>" in response.content.decode()
        assert INVALID in response.content.decode()

    assert list(User.objects.order_by("pk").values_list("reminder_emails", flat=True)) == [True, True]
    assert Consent.objects.filter(code="reminder-emails", given=False).count() == 0


def test_unsubscribe_token_of_deactivated_user_is_404(client: Client, applicant: User) -> None:
    path = _path(applicant)
    User.objects.filter(pk=applicant.pk).update(is_active=False)

    assert client.post(path).status_code == 404


def test_unsubscribe_page_opens_for_judge_without_totp(client: Client) -> None:
    judge = make_user(Role.JUDGE, email="judge@example.org")
    client.force_login(judge)  # the MFA set-up redirect does not stand in the way

    assert client.get(_path(judge)).status_code == 200


def test_profile_shows_reminder_choice_and_saves_it(client: Client, applicant: User) -> None:
    client.force_login(applicant)

    page = client.get("/en/accounts/profile/").content.decode()
    response = client.post("/en/accounts/profile/", {"name": "Kim Ji-woo", "language": "en"})

    assert (
        '<input type="checkbox" name="reminder_emails" aria-describedby="id_reminder_emails_helptext"'
        ' id="id_reminder_emails" checked>'
    ) in page
    assert '<label for="id_reminder_emails">Send me reminder e-mails</label>' in page
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert (applicant.name, applicant.reminder_emails) == ("Kim Ji-woo", False)
    assert _audited(applicant) == [(False, "profile")]

    client.post("/en/accounts/profile/", {"name": "Kim Ji-woo", "language": "en", "reminder_emails": "on"})

    applicant.refresh_from_db()
    assert applicant.reminder_emails is True
    assert _audited(applicant) == [(False, "profile"), (True, "profile")]
