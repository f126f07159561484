"""The privacy pages: the public notice, and the consents page a signed-in
person is sent to while answers are due."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from prize_portal.privacy.models import Consent, Text
from prize_portal.privacy.services.texts import text_new_version, text_publish
from tests.factories import answer_consents, make_user

pytestmark = pytest.mark.django_db


def test_the_notice_shows_its_version_date_contact_and_every_item(client: Client, privacy_texts: Any) -> None:
    html = client.get("/en/privacy/").content.decode()

    notice = Text.objects.get(code="privacy-notice")
    assert '<h1 lang="en">Privacy notice</h1>' in html
    date = date_format(timezone.localtime(notice.published_at), "DATE_FORMAT")
    assert f"Version 1, in force since {date}." in html
    assert '<a href="mailto:privacy@localhost">privacy@localhost</a>' in html
    assert "<h2>Who is responsible</h2>" in html
    assert "<li>The secretariat at WeGO and the Seoul Metropolitan Government.</li>" in html
    for title in ("Reminder e-mails", "Publish your profile on the committee page", "Personal data needed to judge"):
        assert title in html
    assert "<dt>Your right to refuse</dt>" in html
    assert "Other versions" not in html


def test_the_notice_is_translated(client: Client, privacy_texts: Any) -> None:
    for language, title in [("ko", "개인정보 처리방침"), ("fr", "Politique de confidentialité")]:
        html = client.get(f"/{language}/privacy/").content.decode()
        assert f'<h1 lang="{language}">{title}</h1>' in html


def test_an_untranslated_edit_is_marked_english(client: Client, privacy_texts: Any) -> None:
    Text.objects.filter(code="privacy-notice").update(summary_ja="")
    html = client.get("/ja/privacy/").content.decode()
    assert '<p class="lead" lang="en">How the Seoul Smart City Prize portal' in html


def test_the_notice_body_is_never_html(client: Client, privacy_texts: Any) -> None:
    Text.objects.filter(code="privacy-notice").update(body_en="## Hello <b>bold</b>\nA line <script>x</script>")
    html = client.get("/en/privacy/").content.decode()
    assert "<h2>Hello &lt;b&gt;bold&lt;/b&gt;</h2><p>A line &lt;script&gt;x&lt;/script&gt;</p>" in html


def test_earlier_versions_stay_readable(client: Client, privacy_texts: Any) -> None:
    notice = Text.objects.get(code="privacy-notice")
    draft = text_new_version(text_id=notice.pk, actor=None)
    Text.objects.filter(pk=draft.pk).update(summary_en="The second version.")
    text_publish(text_id=draft.pk, actor=None)

    current = client.get("/en/privacy/").content.decode()
    old = client.get("/en/privacy/versions/1/").content.decode()

    assert "Version 2, in force since" in current
    assert 'href="/en/privacy/versions/1/"' in current
    assert "This is version 1 of the privacy notice, no longer in force." in old
    assert client.get("/en/privacy/versions/2/")["Location"] == "/en/privacy/"
    assert client.get("/en/privacy/versions/9/").status_code == 404


def test_without_a_published_notice_the_page_is_404(client: Client) -> None:
    assert client.get("/en/privacy/").status_code == 404


def test_every_page_links_to_the_notice(client: Client, privacy_texts: Any) -> None:
    html = client.get("/en/about/").content.decode()
    assert '<a href="/en/privacy/">Privacy notice</a>' in html


def test_a_person_with_answers_due_is_sent_to_the_consents_page_first(client: Client, privacy_texts: Any) -> None:
    user = make_user(email="legacy@seoul.example")  # an account older than the consent record
    client.force_login(user)

    response = client.get("/en/entries/")

    assert response.status_code == 302
    assert response["Location"] == "/en/privacy/consents/?next=%2Fen%2Fentries%2F"
    # Public pages, the notice and the sign-out still open.
    assert client.get("/en/about/").status_code == 200
    assert client.get("/en/privacy/").status_code == 200
    assert client.get("/en/accounts/logout/").status_code == 200


def test_answering_goes_on_to_the_page_asked_for(client: Client, privacy_texts: Any) -> None:
    user = make_user(email="legacy@seoul.example")
    client.force_login(user)
    page = client.get("/en/privacy/consents/?next=/en/entries/").content.decode()
    assert "Before you go on, please read the privacy notice" in page
    assert (
        '<input type="checkbox" name="consent__applicant-data" required'
        ' aria-describedby="id_consent__applicant-data_helptext" id="id_consent__applicant-data">'
    ) in page
    assert "privacy notice (opens in a new tab)" in page

    refused = client.post("/en/privacy/consents/", {"consent__privacy-notice": "on", "next": "/en/entries/"})
    assert refused.status_code == 200
    assert "Tick this box to go on: it is needed to take part." in refused.content.decode()
    assert not Consent.objects.filter(user=user).exists()

    response = client.post(
        "/en/privacy/consents/",
        {
            "consent__privacy-notice": "on",
            "consent__applicant-data": "on",
            "consent__reminder-emails": "on",
            "next": "/en/entries/",
        },
    )

    assert response["Location"] == "/en/entries/"
    answers = dict(Consent.objects.filter(user=user).values_list("code", "given"))
    assert answers == {
        "privacy-notice": True,
        "applicant-data": True,
        "transfer-abroad": False,
        "training-provider": False,
        "reminder-emails": True,
    }
    assert client.get("/en/entries/").status_code == 200


def test_an_outside_next_address_is_ignored(client: Client, privacy_texts: Any) -> None:
    user = make_user(email="legacy@seoul.example")
    client.force_login(user)
    data = {"consent__privacy-notice": "on", "consent__applicant-data": "on", "next": "https://evil.example/"}
    assert client.post("/en/privacy/consents/", data)["Location"] == "/en/privacy/consents/"


def test_optional_consents_can_be_withdrawn_but_required_ones_are_locked(client: Client, privacy_texts: Any) -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    client.force_login(user)

    page = client.get("/en/privacy/consents/").content.decode()
    assert (
        '<input type="checkbox" name="consent__applicant-data" required disabled'
        ' aria-describedby="id_consent__applicant-data_helptext" id="id_consent__applicant-data" checked>'
    ) in page
    response = client.post("/en/privacy/consents/", {"consent__reminder-emails": "on"}, follow=True)

    assert "Your answers have been saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.reminder_emails, user.transfer_abroad, user.share_with_training) == (True, False, False)
    assert Consent.objects.filter(user=user, code="applicant-data", given=False).count() == 0
    again = client.post("/en/privacy/consents/", {"consent__reminder-emails": "on"}, follow=True)
    assert "Nothing changed." in again.content.decode()


def test_publishing_a_new_notice_asks_a_signed_in_person_again(client: Client, privacy_texts: Any) -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    client.force_login(user)
    assert client.get("/en/entries/").status_code == 200

    notice = Text.objects.get(code="privacy-notice")
    text_publish(text_id=text_new_version(text_id=notice.pk, actor=None).pk, actor=None)
    from django.core.cache import cache

    from prize_portal.privacy.selectors import GENERATION_KEY

    cache.delete(GENERATION_KEY)  # as after the publication commits

    assert client.get("/en/entries/")["Location"].startswith("/en/privacy/consents/")


def test_the_consents_page_needs_a_sign_in(client: Client, privacy_texts: Any) -> None:
    response = client.get("/en/privacy/consents/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
