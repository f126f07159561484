"""The entry form's saves, field by field: autosave sends what changed; a
field someone else changed meanwhile comes back as a conflict with both
values; without JavaScript the page shows theirs beside yours."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from submissions.drafts import value_digest
from submissions.models import Entry
from submissions.services import entry_save_draft

pytestmark = pytest.mark.django_db


def _bases_from(html: str) -> dict[str, str]:
    start = html.index('name="bases" value="') + len('name="bases" value="')
    return json.loads(html[start : html.index('"', start)].replace("&quot;", '"'))


def _bases_on_page(client: Client, url: str) -> dict[str, str]:
    return _bases_from(client.get(url).content.decode())


def _autosave(client: Client, url: str, entry: Entry, bases: dict[str, str], **values: Any) -> Any:
    data = {"version": entry.version, "bases": json.dumps(bases), "changed": ",".join(values), **values}
    return client.post(url, data, HTTP_X_REQUESTED_WITH="fetch")


def test_the_form_carries_the_digest_of_every_value(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Safe streets"})
    bases = _bases_on_page(owner_client, reverse("submissions:entry_edit", args=[entry.pk]))
    assert bases["title_en"] == value_digest("Safe streets")
    assert bases["answer-problem"] == value_digest(None) == value_digest("")
    assert {"language", "summary_original", "answer-fields", "answer-started"} <= set(bases)


def test_autosave_stores_only_the_fields_sent(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry = entry_save_draft(
        entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Kept", "summary_en": "Kept too."}
    )
    url = reverse("submissions:entry_edit", args=[entry.pk])
    bases = _bases_on_page(owner_client, url)
    response = _autosave(owner_client, url, entry, bases, **{"answer-problem": "Left out"})
    body = response.json()
    assert response.status_code == 200
    assert (body["conflicts"], body["digests"]) == ({}, {"answer-problem": value_digest("Left out")})
    entry.refresh_from_db()
    assert (entry.title_en, entry.summary_en) == ("Kept", "Kept too.")
    assert entry.answers.get(question__code="problem").value == "Left out"


def test_autosave_unticking_every_choice_clears_the_answer(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    bases = _bases_on_page(owner_client, url)
    _autosave(owner_client, url, entry, bases, **{"answer-fields": ["mobility"]})
    entry.refresh_from_db()
    bases = _bases_on_page(owner_client, url)
    data = {"version": entry.version, "bases": json.dumps(bases), "changed": "answer-fields"}
    response = owner_client.post(url, data, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 200
    assert entry.answers.get(question__code="fields").value is None


def test_autosave_of_a_field_someone_changed_meanwhile_answers_both_values(
    owner_client: Client, entry: Entry, applicant: Any
) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    bases = _bases_on_page(owner_client, url)
    entry_save_draft(
        entry_id=entry.pk, user=applicant, version=entry.version, answers={"fields": ["safety"], "problem": "Theirs"}
    )
    response = _autosave(
        owner_client, url, entry, bases, **{"answer-problem": "Mine", "answer-fields": ["mobility"], "title_en": "T"}
    )
    body = response.json()
    assert response.status_code == 200
    assert body["conflicts"] == {
        "answer-problem": {"theirs": "Theirs", "text": "Theirs"},
        "answer-fields": {"theirs": ["safety"], "text": "Safety"},
    }
    assert body["digests"]["answer-problem"] == value_digest("Theirs")
    entry.refresh_from_db()
    assert entry.title_en == "T"
    assert entry.answers.get(question__code="problem").value == "Theirs"


def test_without_javascript_a_conflict_shows_theirs_and_keeps_yours_in_the_field(
    owner_client: Client, entry: Entry, applicant: Any
) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    bases = _bases_on_page(owner_client, url)
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, fields={"summary_en": "Their words."})
    data = {
        "version": entry.version,
        "bases": json.dumps(bases),
        "language": "ko",
        "title_en": "My title",
        "summary_en": "My words.",
        "action": "submit",
    }
    response = owner_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved a different value here while you were editing." in html
    assert "Their words." in html
    assert "My words.</textarea>" in html
    entry.refresh_from_db()
    assert (entry.title_en, entry.summary_en, entry.status) == ("My title", "Their words.", "draft")  # not submitted
    # Saving again from this page keeps yours.
    again = {**data, "bases": json.dumps(_bases_from(html)), "version": entry.version, "action": "save"}
    assert owner_client.post(url, again).status_code == 302
    entry.refresh_from_db()
    assert entry.summary_en == "My words."


def test_a_submit_from_a_stale_form_does_not_put_back_old_values(
    owner_client: Client, entry: Entry, applicant: Any
) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    bases = _bases_on_page(owner_client, url)
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Theirs"})
    data = {"version": entry.version, "bases": json.dumps(bases), "language": "ko", "title_en": "", "summary_en": "S"}
    assert owner_client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert (entry.title_en, entry.summary_en) == ("Theirs", "S")
