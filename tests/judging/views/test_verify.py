"""The public verification of certificates: codes as people type them, and
nothing said about a certificate before its results are public."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from judging.enums import CertificateKind
from judging.forms.verify import INVALID_CODE
from judging.models import Certificate, Publication
from judging.rendering.certificate import verification_url
from judging.selectors.certificates import certificate_for_code, normalise_code
from judging.views import verify as verify_views
from tests.factories import (
    award_entry,
    gold_level,
    make_certificate,
    mexico_entry,
    publish_results,
)

pytestmark = pytest.mark.django_db

CODE = "1KQ0-M9XD-4TBE"
INVALID = "This is not a valid verification code."
UNKNOWN = "No certificate with this code"
FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}  # "1" -> "\uff11"


def with_code(certificate: Certificate, code: str = CODE) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(code=code, snapshot={**certificate.snapshot, "code": code})
    certificate.refresh_from_db()
    return certificate


@pytest.fixture
def published(project: Any) -> Certificate:
    """Mexico City's Gold, rendered, its results public since yesterday."""
    entry = mexico_entry(project)
    award = award_entry(entry, gold_level(project))
    publish_results(project.cycle, visible_from=timezone.now() - timedelta(days=1))
    return with_code(make_certificate(entry, award=award, language="es", rendered=True))


def page(client: Client, path: str, expected_status: int, **headers: Any) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == expected_status
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    if expected_status == 404:
        assert "no-store" in response["Cache-Control"]
    return response.content.decode()


# --- Codes as people type them ---


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1KQ0-M9XD-4TBE", "1KQ0-M9XD-4TBE"),
        ("1kq0-m9xd-4tbe", "1KQ0-M9XD-4TBE"),
        ("1KQ0M9XD4TBE", "1KQ0-M9XD-4TBE"),
        ("  1kq0 m9xd 4tbe ", "1KQ0-M9XD-4TBE"),
        ("lKQO-M9XD-4TBE", "1KQ0-M9XD-4TBE"),  # Crockford: L and I read as 1, O as 0
        ("IKQo\u2013M9XD\u20144TBE", "1KQ0-M9XD-4TBE"),  # en and em dashes
        ("1KQ0-M9XD-4TBE".translate(FULL_WIDTH), "1KQ0-M9XD-4TBE"),  # from an East Asian keyboard
        ("1KQ0-M9XD-4TB", None),  # too short
        ("1KQ0-M9XD-4TBEE", None),  # too long
        ("1KQ0-M9XD-4TBU", None),  # U is not in the alphabet
        ("1KQ0-M9XD-4TB!", None),
        ("", None),
        ("1" * 500, None),
    ],
)
def test_normalise_code(typed: str, code: str | None) -> None:
    assert normalise_code(typed) == code


# --- The form ---


def test_form_page_asks_for_the_code(client: Client) -> None:
    content = page(client, "/en/verify/", 200)
    assert content.count("<h1") == 1
    assert "Verify a certificate" in content
    assert 'name="code"' in content
    assert INVALID not in content


def test_form_sends_a_typed_code_to_its_page(client: Client) -> None:
    response = client.get("/en/verify/", {"code": "1kq0 m9xd 4tbe"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{CODE}/"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_form_with_a_malformed_code_says_so(client: Client) -> None:
    content = page(client, "/en/verify/?code=hello", 404)
    assert INVALID in content
    assert 'aria-invalid="true"' in content
    assert 'value="hello"' in content


# --- Codes that say nothing ---


def test_malformed_code_is_not_found_with_a_clear_message(client: Client) -> None:
    content = page(client, "/en/verify/NOT-A-CODE/", 404)
    assert INVALID in content
    assert content.count("<h1") == 1


def test_malformed_code_message_is_translated(client: Client) -> None:
    from django.utils import translation

    with translation.override("ko"):
        message = str(INVALID_CODE)
    assert message in page(client, "/ko/verify/NOT-A-CODE/", 404)


def test_unknown_code_is_not_found(client: Client, published: Certificate) -> None:
    content = page(client, "/en/verify/7KQ2-M9XD-4TBE/", 404)
    assert UNKNOWN in content
    assert "There is no certificate with the code 7KQ2-M9XD-4TBE." in content
    assert 'name="code"' in content  # to try again
    assert "Mexico City" not in content


@pytest.mark.parametrize(
    "change",
    ["embargo", "withdrawn", "unpublished", "not_rendered"],
)
def test_certificate_is_not_found_until_its_results_are_public(
    client: Client, published: Certificate, change: str
) -> None:
    publication = Publication.objects.get(cycle_id=published.entry.cycle_id)
    if change == "embargo":  # published, but public only tomorrow
        Publication.objects.filter(pk=publication.pk).update(visible_from=timezone.now() + timedelta(days=1))
    elif change == "withdrawn":
        Publication.objects.filter(pk=publication.pk).update(
            withdrawn_at=timezone.now(), withdraw_reason="Wrong results."
        )
    elif change == "unpublished":
        publication.delete()
    else:  # the PDF is still being rendered for the first time
        Certificate.objects.filter(pk=published.pk).update(rendered_version=0, file="", issued_at=None)
    content = page(client, f"/en/verify/{CODE}/", 404)
    assert UNKNOWN in content
    assert "Mexico City" not in content
    assert "Gold" not in content
    assert certificate_for_code(CODE) is None


# --- Certificates ---


def test_valid_certificate_says_what_was_awarded_to_whom(client: Client, published: Certificate) -> None:
    content = page(client, f"/en/verify/{CODE}/", 200)
    assert content.count("<h1") == 1
    assert "Valid certificate" in content
    assert "VALID" in content
    assert "REVOKED" not in content
    assert "Mexico City Government" in content
    assert "Gobierno de la Ciudad de México" in content
    assert "Walking together" in content
    assert "Caminando juntos" in content
    assert "SSCP-2030-P-0001" in content
    assert '<dd><span lang="en">Gold</span></dd>' in content
    category, track = published.entry.category, published.entry.track
    assert f"{category.name_en} · {track.name_en}" in content
    assert "Seoul Smart City Prize 2030" in content
    assert CODE in content


def test_valid_certificate_in_the_page_language_where_the_certificate_has_it(
    client: Client, published: Certificate
) -> None:
    assert '<span lang="ko">대상</span>' in page(client, f"/ko/verify/{CODE}/", 200)
    assert "2030 서울스마트시티상" in page(client, f"/ko/verify/{CODE}/", 200)
    assert '<span lang="es">Oro</span>' in page(client, f"/es/verify/{CODE}/", 200)
    # The certificate is in English, Korean and Spanish: a French page shows the English.
    assert '<span lang="en">Gold</span>' in page(client, f"/fr/verify/{CODE}/", 200)


def test_revoked_certificate_says_so_with_date_and_reason(client: Client, published: Certificate) -> None:
    Certificate.objects.filter(pk=published.pk).update(
        revoked_at=timezone.now(), revoke_reason="The entry broke the rules."
    )
    content = page(client, f"/en/verify/{CODE}/", 200)
    assert content.count("<h1") == 1
    assert "Certificate revoked" in content
    assert "REVOKED" in content
    assert "no longer valid" in content
    assert "The entry broke the rules." in content
    assert "(Seoul time)" in content  # the date of the revocation
    assert "Mexico City Government" in content
    assert "Valid certificate" not in content


def test_code_as_typed_goes_to_the_canonical_page(client: Client, published: Certificate) -> None:
    response = client.get("/en/verify/lkqom9xd4tbe/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{CODE}/"
    assert "Mexico City Government" in page(client, response["Location"], 200)


def test_names_are_shown_as_text_never_as_markup(client: Client, published: Certificate) -> None:
    snapshot = published.snapshot
    snapshot["recipient"]["organisation_en"] = '<script>alert("x")</script> City'
    snapshot["entry"]["title_en"] = '<img src="http://example.com/x.png">'
    Certificate.objects.filter(pk=published.pk).update(snapshot=snapshot)
    content = page(client, f"/en/verify/{CODE}/", 200)
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; City" in content
    assert '<img src="http://example.com' not in content
    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in content


def test_finalist_certificate(client: Client, project: Any) -> None:
    from tests.factories import submit_entry

    entry = submit_entry(project, email="seoul@seoul.example")
    publish_results(project.cycle, visible_from=timezone.now() - timedelta(hours=1))
    certificate = make_certificate(entry, kind=CertificateKind.FINALIST, language="ko", rendered=True)
    content = page(client, f"/ko/verify/{certificate.code}/", 200)
    assert "최종 후보" in content
    assert "Seoul Metropolitan Government" in content
    assert "서울특별시" in content


def test_certificate_page_queries_are_few(
    client: Client, published: Certificate, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(1):
        page(client, f"/en/verify/{CODE}/", 200)


# --- The address printed in the QR code ---


def test_qr_code_address_leads_to_the_page_in_the_visitor_language(client: Client, published: Certificate) -> None:
    path = urlsplit(verification_url(CODE)).path
    assert path == f"/verify/{CODE}/"
    response = client.get(path, headers={"accept-language": "ko"})
    assert response.status_code == 302
    assert response["Location"] == f"/ko/verify/{CODE}/"
    assert "대상" in page(client, response["Location"], 200)


@pytest.mark.parametrize(("accept", "language"), [("ko", "ko"), ("es-MX,es;q=0.9", "es"), ("de", "en")])
def test_language_neutral_redirect_view(accept: str, language: str) -> None:
    request = RequestFactory().get(f"/verify/{CODE}/", headers={"accept-language": accept})
    response = verify_views.certificate_redirect(request, code=CODE)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/verify/{CODE}/"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
