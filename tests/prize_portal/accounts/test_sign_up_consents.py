"""Sign-up asks the notice and the applicant's items: required ones must be
ticked, optional ones may be refused, and every answer is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from prize_portal.accounts.models import User
from prize_portal.privacy.models import Consent
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("privacy_texts")]

REQUIRED = {"consent__privacy-notice": "on", "consent__applicant-data": "on"}


def _sign_up(client: Client, email: str, language: str = "en", **consents: str) -> Any:
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **consents}
    return client.post(f"/{language}/accounts/signup/", data)


def test_the_sign_up_form_asks_required_and_optional_items_apart(client: Client) -> None:
    html = client.get("/en/accounts/signup/").content.decode()

    assert "<legend>Needed to take part</legend>" in html
    assert "<legend>Optional: you may refuse any of these</legend>" in html
    for code in ("privacy-notice", "applicant-data", "transfer-abroad", "training-provider", "reminder-emails"):
        assert f'name="consent__{code}"' in html
    assert 'name="consent__judge-profile"' not in html
    assert 'href="/en/privacy/" target="_blank" rel="noopener"' in html


def test_refusing_a_required_item_creates_no_account(client: Client) -> None:
    response = _sign_up(client, "new.city@example.org", **{"consent__privacy-notice": "on"})

    assert response.status_code == 200
    assert "Tick this box to go on: it is needed to take part." in response.content.decode()
    assert not User.objects.filter(email="new.city@example.org").exists()


def test_signing_up_with_the_optional_items_refused_records_every_answer(client: Client) -> None:
    response = _sign_up(client, "new.city@example.org", language="fr", **REQUIRED)

    assert response.status_code == 302
    user = User.objects.get(email="new.city@example.org")
    answers = {row.code: (row.given, row.role, row.source) for row in Consent.objects.filter(user=user)}
    assert answers == {
        "privacy-notice": (True, "applicant", "sign_up"),
        "applicant-data": (True, "applicant", "sign_up"),
        "transfer-abroad": (False, "applicant", "sign_up"),
        "training-provider": (False, "applicant", "sign_up"),
        "reminder-emails": (False, "applicant", "sign_up"),
    }
    assert (user.reminder_emails, user.transfer_abroad, user.share_with_training) == (False, False, False)


def test_signing_up_with_the_optional_items_given(client: Client) -> None:
    optional = {"consent__transfer-abroad": "on", "consent__training-provider": "on", "consent__reminder-emails": "on"}
    _sign_up(client, "new.city@example.org", **REQUIRED, **optional)

    user = User.objects.get(email="new.city@example.org")
    assert (user.reminder_emails, user.transfer_abroad, user.share_with_training) == (True, True, True)
    assert Consent.objects.filter(user=user, given=True).count() == 5
