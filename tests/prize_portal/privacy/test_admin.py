"""Staff edit the privacy texts in admin: drafts are edited and published,
a published version is frozen, a new version starts from a copy; answers
are read-only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prize_portal.audit.models import AuditEvent
from prize_portal.privacy.models import Consent, Text
from tests.factories import answer_consents, make_user, sign_in_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

CHANGELIST = reverse("admin:privacy_text_changelist")


@pytest.fixture
def staff(client: Client) -> Any:
    user = sign_in_staff(client)
    answer_consents(user)  # staff confirm the notice like everyone
    return user


def _action(client: Client, action: str, *texts: Text) -> Any:
    return client.post(CHANGELIST, {"action": action, "_selected_action": [text.pk for text in texts]}, follow=True)


def test_staff_make_a_new_version_edit_it_and_publish_it(client: Client, staff: Any) -> None:
    notice = Text.objects.get(code="privacy-notice")

    _action(client, "new_version", notice)
    draft = Text.objects.get(code="privacy-notice", version=2)
    assert draft.published_at is None
    change = reverse("admin:privacy_text_change", args=[draft.pk])
    form = client.get(change).content.decode()
    assert 'name="body_fr"' in form
    assert 'name="code"' not in form  # a draft keeps its code and version

    data = {
        f"{field}_{language}": getattr(draft, f"{field}_{language}") or ""
        for field in ("title", "summary", "body", "purpose", "items", "retention", "refusal", "contact_name")
        for language in ("en", "ko", "ja", "zh_hans", "es", "fr")
    }
    data |= {"summary_en": "The second version.", "required": "on", "roles": "[]", "contact_email": "dpo@wego.example"}
    response = client.post(change, data, follow=True)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert (draft.summary_en, draft.contact_email) == ("The second version.", "dpo@wego.example")  # type: ignore[attr-defined]

    published = _action(client, "publish", draft)
    assert "1 published" in published.content.decode()
    draft.refresh_from_db()
    assert draft.is_published
    assert AuditEvent.objects.filter(action="privacy.text_publish", actor=staff).count() == 1
    assert AuditEvent.objects.filter(action="privacy.text_draft", actor=staff).count() == 1
    # A published version is frozen.
    frozen = client.get(change).content.decode()
    assert 'name="summary_en"' not in frozen
    assert "The second version." in frozen


def test_answers_are_read_only_for_staff(client: Client, staff: Any) -> None:
    person = make_user(email="kim@seoul.example")
    answer_consents(person)
    answer = Consent.objects.filter(user=person).first()
    assert answer is not None
    assert client.get(reverse("admin:privacy_consent_changelist")).status_code == 200
    page = client.get(reverse("admin:privacy_consent_change", args=[answer.pk])).content.decode()
    assert 'name="given"' not in page
    assert client.post(reverse("admin:privacy_consent_delete", args=[answer.pk])).status_code == 403


def test_staff_without_the_notice_confirmed_are_asked_first(client: Client) -> None:
    sign_in_staff(client)
    response = client.get(CHANGELIST)
    assert response["Location"].startswith("/en/privacy/consents/")
    page = client.get(response["Location"]).content.decode()
    assert 'name="consent__privacy-notice"' in page
    assert 'name="consent__applicant-data"' not in page  # staff work under contract, not consent
