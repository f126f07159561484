"""The entry form in steps and the review before submitting."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from submissions.enums import EntryStatus
from submissions.models import Entry
from submissions.services import entry_save_draft
from tests.factories import complete_entry, make_user

pytestmark = pytest.mark.django_db


def test_each_step_shows_its_part_and_the_step_list_with_completion(owner_client: Client, entry: Entry) -> None:
    html = owner_client.get(reverse("submissions:entry_step", args=[entry.pk, "about"])).content.decode()
    assert "Step 1 of " in html
    assert 'aria-current="step"' in html
    assert "required parts done" in html
    assert 'name="title_en"' in html
    assert "Supporting files</h2>" not in html  # another step
    assert 'value="next"' in html
    assert 'value="previous"' not in html


def test_an_unknown_step_is_a_404(owner_client: Client, entry: Entry) -> None:
    assert owner_client.get(reverse("submissions:entry_step", args=[entry.pk, "nowhere"])).status_code == 404


def test_saving_a_step_stores_only_its_fields_and_goes_on(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, answers={"problem": "Dark streets"})
    entry.refresh_from_db()
    url = reverse("submissions:entry_step", args=[entry.pk, "files"])
    response = owner_client.post(url, {"version": entry.version, "action": "previous"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.answers.get(question__code="problem").value == "Dark streets"  # not on that step: untouched
    about = reverse("submissions:entry_step", args=[entry.pk, "about"])
    data = {"version": entry.version, "language": "ko", "title_en": "Safe streets", "action": "next"}
    response = owner_client.post(about, {**data, "answer-problem": "Dark streets"})
    assert response["Location"] == reverse("submissions:entry_step", args=[entry.pk, "files"])
    entry.refresh_from_db()
    assert entry.title_en == "Safe streets"


def test_the_last_step_leads_to_the_review(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_step", args=[entry.pk, "files"])
    response = owner_client.post(url, {"version": entry.version, "action": "next"})
    assert response["Location"] == reverse("submissions:entry_review", args=[entry.pk])


def test_review_lists_every_answer_with_a_link_to_change_it(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        fields={"title_en": "Safe streets"},
        answers={"fields": ["safety"]},
    )
    html = owner_client.get(reverse("submissions:entry_review", args=[entry.pk])).content.decode()
    assert "Safe streets" in html
    assert "<li>Safety</li>" in html  # a choice by its label
    assert f'href="/en/entries/{entry.pk}/edit/about/#id_title_en"' in html
    assert "Not answered" in html
    assert "required parts are still missing" in html


def test_review_submits_a_complete_entry(owner_client: Client, entry: Entry, applicant: Any) -> None:
    complete_entry(entry, applicant)
    response = owner_client.post(reverse("submissions:entry_review", args=[entry.pk]))
    entry.refresh_from_db()
    assert response.status_code == 302
    assert entry.status == EntryStatus.SUBMITTED


def test_review_of_an_incomplete_entry_lists_what_is_missing(owner_client: Client, entry: Entry) -> None:
    response = owner_client.post(reverse("submissions:entry_review", args=[entry.pk]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "data-error-summary" in html
    assert f'href="/en/entries/{entry.pk}/edit/about/#id_summary_en"' in html
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT


def test_the_review_of_another_persons_entry_is_a_404(client: Client, entry: Entry) -> None:
    client.force_login(make_user(email="stranger@example.org"))
    assert client.get(reverse("submissions:entry_review", args=[entry.pk])).status_code == 404
    assert client.post(reverse("submissions:entry_review", args=[entry.pk])).status_code == 404
