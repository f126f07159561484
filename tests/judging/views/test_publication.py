"""The staff publication page: preview, publish (now or under embargo),
withdraw, results e-mail progress, certificates; 404 for everyone but staff."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from judging.models import Certificate, Publication
from prize_portal.accounts.roles import Role
from tests.factories import assert_staff_only, decide_cycle, give_totp, make_user, sign_in_staff

pytestmark = pytest.mark.django_db

PAGE = "/en/staff/results/2030/"
PAGE_QUERIES = 18  # measured; the same with 1 and 3 of everything, and under the floor of 20


@pytest.fixture
def staff_client(client: Client) -> Client:
    sign_in_staff(client)
    return client


def _messages(response: Any) -> list[str]:
    """What the redirect's next page will say (earlier messages not shown yet left out)."""
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    return shown[-1:]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("get", "2030/"),
        ("get", "2030/progress.json"),
        ("post", "2030/publish/"),
        ("post", "2030/withdraw/"),
        ("post", "2030/mail/retry/"),
        ("post", "2030/certificates/"),
        ("post", "2030/certificates/entry/"),
    ],
)
def test_only_staff_reach_the_publication_pages(project: Any, client: Client, method: str, path: str) -> None:
    url = f"/en/staff/results/{path}"
    assert_staff_only(client, method, url)
    assert not Publication.objects.exists()


def test_the_page_lists_what_blocks_publishing(project: Any, staff_client: Client) -> None:
    staff = make_user(Role.STAFF, email="chief@wego.example")
    decide_cycle(project, staff, winners=1, lock=False)
    html = staff_client.get(PAGE).content.decode()
    assert "Publishing is blocked until these are decided:" in html
    assert "1 decision is not locked: SSCP-2030-P-0001." in html
    assert "Publish the results" not in html
    response = staff_client.post(f"{PAGE}publish/")
    assert _messages(response) == ["1 decision is not locked: SSCP-2030-P-0001."]
    assert not Publication.objects.exists()


def test_staff_publish_now_then_withdraw_with_a_reason(
    project: Any, staff_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.STAFF, email="chief@wego.example")
    decide_cycle(project, staff, winners=1, others=1)
    assert "Publish the results" in staff_client.get(PAGE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{PAGE}publish/", {"visible_from": ""})
        again = staff_client.post(f"{PAGE}publish/", {"visible_from": ""})  # a double click
    assert response.status_code == again.status_code == 302
    assert _messages(response) == ["The results are published. Applicants are being told."]
    publication = Publication.objects.get()
    assert publication.is_live()
    assert publication.version == 1
    progress = staff_client.get(f"{PAGE}progress.json").json()
    assert progress["mail"] == {"total": 2, "sent": 2, "pending": 0, "failed": 0}
    assert progress["active"] is False

    refused = staff_client.post(f"{PAGE}withdraw/", {"withdraw-reason": ""})
    assert _messages(refused) == ["Give the reason for the withdrawal."]
    assert Publication.objects.get().is_live()
    staff_client.post(f"{PAGE}withdraw/", {"withdraw-reason": "A citation names the wrong city"})
    publication.refresh_from_db()
    assert not publication.is_live()
    assert publication.withdraw_reason == "A citation names the wrong city"
    assert "Withdrawn on" in staff_client.get(PAGE).content.decode()


def test_staff_publish_under_embargo_in_seoul_time(project: Any, staff_client: Client) -> None:
    staff = make_user(Role.STAFF, email="chief@wego.example")
    decide_cycle(project, staff, winners=1)
    response = staff_client.post(f"{PAGE}publish/", {"visible_from": "2099-10-06T10:00"})
    assert _messages(response) == ["The results are published, under embargo until the time you set."]
    publication = Publication.objects.get()
    assert publication.visible_from.isoformat() == "2099-10-06T01:00:00+00:00"  # 10:00 in Seoul
    assert not publication.is_live()
    assert "Under embargo until" in staff_client.get(PAGE).content.decode()


def test_certificates_for_an_entry_explain_what_is_wrong(
    project: Any, staff_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.STAFF, email="chief@wego.example")
    decided = decide_cycle(project, staff, winners=1, others=1)
    early = staff_client.post(f"{PAGE}certificates/")
    assert _messages(early) == ["Publish the results first (under embargo if need be): certificates carry their date."]
    staff_client.post(f"{PAGE}publish/", {"visible_from": "2099-10-06T10:00"})
    unknown = staff_client.post(f"{PAGE}certificates/entry/", {"reference": "SSCP-2030-P-9999"})
    assert _messages(unknown) == ["No entry of this edition has the reference SSCP-2030-P-9999."]
    without = staff_client.post(f"{PAGE}certificates/entry/", {"reference": decided.others[0].reference.lower()})
    assert _messages(without) == ["This entry has no award, so it gets no certificate."]
    with django_capture_on_commit_callbacks(execute=True):
        generated = staff_client.post(f"{PAGE}certificates/")
    assert _messages(generated) == ["1 certificate is being generated."]
    certificate = Certificate.objects.get()
    assert certificate.is_ready
    html = staff_client.get(PAGE).content.decode()
    assert certificate.code in html
    assert f'href="/en/certificates/{certificate.code}/"' in html
    revoked = staff_client.post(
        f"{PAGE}certificates/{certificate.pk}/revoke/", {f"revoke-{certificate.pk}-reason": "Issued by mistake"}
    )
    assert _messages(revoked) == [f"Certificate {certificate.code} is revoked."]
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Issued by mistake"


def _page_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    return len(queries)


@pytest.mark.parametrize("winners", [1, 3])
def test_page_queries_do_not_grow_with_the_awards(
    project: Any, client: Client, winners: int, django_capture_on_commit_callbacks: Any
) -> None:
    from judging.services import certificates_request

    staff = make_user(Role.STAFF, email="chief@wego.example")
    give_totp(staff)
    client.force_login(staff)
    decide_cycle(project, staff, winners=winners, finalists=winners, others=winners)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client_publish = client.post(f"{PAGE}publish/")
        certificates_request(actor=staff, cycle_id=project.cycle_id)
    assert staff_client_publish.status_code == 302
    assert Certificate.objects.count() == winners
    assert _page_queries(client) == PAGE_QUERIES  # the same for 1 and 3 of everything
