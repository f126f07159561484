"""The judges' declaration in the reviewer pages: asked before the first entry of a cycle opens, again after a
new version, never losing a review's typed text; who may see the page."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from judging.models import Declaration, Review
from judging.services.declarations import declaration_accept
from tests.factories import make_judge, make_user, publish_declaration

pytestmark = pytest.mark.django_db


def _declaration_url(assignment: Any, next_url: str = "") -> str:
    url = reverse("judging:declaration", args=[assignment.round.cycle_id])
    return f"{url}?next={quote(next_url, safe='')}" if next_url else url


def _entry_urls(assignment: Any) -> list[str]:
    return [
        reverse("judging:assignment", args=[assignment.pk]),
        reverse("judging:entry_pdf", args=[assignment.pk]),
        reverse("judging:file", args=[assignment.pk, 1]),
    ]


def test_no_declaration_published_asks_nothing(judge_client: Client, assignment: Any) -> None:
    assert judge_client.get(reverse("judging:assignment", args=[assignment.pk])).status_code == 200


def test_every_way_into_an_entry_waits_for_the_declaration(judge_client: Client, assignment: Any) -> None:
    publish_declaration()
    for url in _entry_urls(assignment):
        response = judge_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == _declaration_url(assignment, url)


def test_accepting_opens_the_entry_and_returns_to_it(judge_client: Client, assignment: Any, judge: Any) -> None:
    text = publish_declaration()
    entry_url = reverse("judging:assignment", args=[assignment.pk])
    page = judge_client.get(_declaration_url(assignment, entry_url))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Judge&#x27;s declaration v1" in html
    assert "<h2>Confidentiality</h2>" in html
    assert "Before you open any entry of this cycle" in html

    refused = judge_client.post(_declaration_url(assignment, entry_url), {"text": text.pk, "next": entry_url})
    assert refused.status_code == 400
    assert "Please tick the box to accept the declaration." in refused.content.decode()
    assert not Declaration.objects.exists()

    accepted = judge_client.post(
        _declaration_url(assignment, entry_url), {"text": text.pk, "accept": "on", "next": entry_url}
    )
    assert accepted.status_code == 302
    assert accepted["Location"] == entry_url
    assert Declaration.objects.get(judge=judge).text_id == text.pk
    assert judge_client.get(entry_url).status_code == 200
    again = judge_client.get(_declaration_url(assignment)).content.decode()
    assert "You have accepted this version for this cycle." in again


def test_a_new_version_asks_again_before_the_next_entry_but_keeps_the_draft(
    judge_client: Client, assignment: Any, judge: Any, criteria: list[Any]
) -> None:
    first = publish_declaration(1)
    declaration_accept(judge=judge, cycle_id=assignment.round.cycle_id, text_id=first.pk, language="en")
    entry_url = reverse("judging:assignment", args=[assignment.pk])
    assert judge_client.get(entry_url).status_code == 200
    second = publish_declaration(2)
    # The entry open in the browser still saves: the new version is asked before the next entry opens.
    value = criteria[0]
    saved = judge_client.post(
        reverse("judging:review", args=[assignment.pk]),
        {"version": 0, "intent": "save", f"score_{value.pk}": "3", "overall_comment": "Half written"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert saved.status_code == 200
    assert Review.objects.get(assignment=assignment).overall_comment == "Half written"
    assert judge_client.get(entry_url)["Location"] == _declaration_url(assignment, entry_url)
    html = judge_client.get(_declaration_url(assignment)).content.decode()
    assert "The declaration has changed since you accepted version 1." in html
    stale = judge_client.post(_declaration_url(assignment), {"text": first.pk, "accept": "on"})
    assert stale.status_code == 302  # back to the page, which now shows version 2
    assert Declaration.objects.filter(judge=judge).count() == 1
    judge_client.post(_declaration_url(assignment), {"text": second.pk, "accept": "on"})
    assert Declaration.objects.filter(judge=judge).count() == 2
    assert judge_client.get(entry_url).status_code == 200


def test_an_autosave_before_any_declaration_is_refused_and_nothing_saved(
    judge_client: Client, assignment: Any, criteria: list[Any]
) -> None:
    publish_declaration()
    value, _ = criteria
    response = judge_client.post(
        reverse("judging:review", args=[assignment.pk]),
        {"version": 0, "intent": "save", f"score_{value.pk}": "3"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert response.status_code == 403
    body = response.json()
    assert body["declaration"] == _declaration_url(assignment)
    assert "your text stays on this page" in body["errors"]["__all__"][0]
    assert not Review.objects.filter(assignment=assignment, overall_comment__gt="").exists()
    plain = judge_client.post(reverse("judging:review", args=[assignment.pk]), {"version": 0, "intent": "save"})
    entry_url = reverse("judging:assignment", args=[assignment.pk])
    assert plain["Location"] == _declaration_url(assignment, entry_url)


def test_who_may_see_the_declaration_page(client: Client, assignment: Any, judge: Any) -> None:
    publish_declaration()
    url = _declaration_url(assignment)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    client.force_login(make_user(email="applicant@city.example"))
    assert client.get(url).status_code == 404
    client.force_login(make_judge("elsewhere@judges.example"))  # a judge with nothing in this cycle
    assert client.get(url).status_code == 404
    client.force_login(judge)
    assert client.get(reverse("judging:declaration", args=[999_999])).status_code == 404
    assert client.get(url).status_code == 200


def test_next_never_leaves_the_site(judge_client: Client, assignment: Any) -> None:
    text = publish_declaration()
    response = judge_client.post(
        _declaration_url(assignment), {"text": text.pk, "accept": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("judging:dashboard")


def test_no_declaration_page_without_a_published_text(judge_client: Client, assignment: Any) -> None:
    assert judge_client.get(_declaration_url(assignment)).status_code == 404
