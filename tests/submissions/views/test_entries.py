"""The applicant's dashboard and entry pages: start, save, autosave, submit, withdraw, the deadline."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from submissions.enums import EntryStatus
from submissions.models import Entry, Organisation
from submissions.services import entry_save_draft
from tests.factories import complete_entry

pytestmark = pytest.mark.django_db


def _edit_data(entry: Entry, **extra: Any) -> dict[str, Any]:
    data = {"version": entry.version, "language": entry.language, "title_en": "", "summary_en": ""}
    data.update(extra)
    return data


def test_dashboard_lists_entries_with_state_and_missing(owner_client: Client, entry: Entry) -> None:
    response = owner_client.get(reverse("submissions:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Untitled entry" in html
    assert "Draft" in html
    assert "7 required parts are still missing." in html or "required parts are still missing" in html


def test_start_entry_creates_a_draft(owner_client: Client, open_project: Any, organisation: Organisation) -> None:
    track = open_project.tracks.first()
    response = owner_client.post(
        reverse("submissions:entry_start"),
        {"organisation": organisation.pk, "category": open_project.pk, "track": track.pk, "language": "ko"},
    )
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_step", args=[entry.pk, "about"])
    assert (entry.track, entry.language, entry.status) == (track, "ko", EntryStatus.DRAFT)


def test_save_draft_without_javascript(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Safe streets", **{"answer-fields": ["mobility"]}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title_en == "Safe streets"
    assert entry.answers.get(question__code="fields").value == ["mobility"]
    page = owner_client.get(url).content.decode()
    assert 'value="Safe streets"' in page


def test_autosave_answers_json_and_raises_the_version(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="A"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 200
    assert response.json()["version"] == entry.version + 1


def test_autosave_with_an_old_version_is_a_conflict(owner_client: Client, entry: Entry, applicant: Any) -> None:
    entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Theirs"})
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Mine"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 409
    assert response.json()["conflict"] is True
    assert "Someone else saved this entry" in response.json()["errors"]["__all__"][0]
    entry.refresh_from_db()
    assert entry.title_en == "Theirs"


def test_an_over_long_answer_is_kept_as_typed_and_marked(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    data = _edit_data(entry, title_en="Safe streets", **{"answer-problem": "one two three four five six"})
    response = owner_client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your draft has been saved. Correct the fields marked below before you submit." in html
    assert "Use at most 5 words (you have 6)." in html
    assert 'href="#id_answer-problem"' in html
    assert "one two three four five six</textarea>" in html
    entry.refresh_from_db()
    assert entry.title_en == "Safe streets"  # the other fields are saved
    assert entry.draft_invalid == {"answer-problem": "one two three four five six"}
    assert not entry.answers.filter(question__code="problem").exists()


def test_a_choice_not_offered_is_kept_and_marked_until_corrected(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, **{"answer-fields": ["weapons"]}))
    assert response.status_code == 400
    assert "weapons is not one of the available choices" in response.content.decode()
    entry.refresh_from_db()
    assert entry.draft_invalid == {"answer-fields": ["weapons"]}
    assert not entry.answers.filter(question__code="fields").exists()
    response = owner_client.post(url, _edit_data(entry, **{"answer-fields": ["safety"]}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.draft_invalid == {}
    assert entry.answers.get(question__code="fields").value == ["safety"]


def test_autosave_keeps_a_bad_date_as_typed_and_saves_the_rest(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    data = _edit_data(entry, title_en="Safe streets", **{"answer-started": "15032024", "answer-problem": "Dark"})
    response = owner_client.post(url, data, headers={"x-requested-with": "fetch", "accept": "application/json"})
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == entry.version + 1
    assert body["to_correct"] == {"answer-started": ["Enter a date like 2026-03-15."]}
    entry.refresh_from_db()
    assert (entry.title_en, entry.draft_invalid) == ("Safe streets", {"answer-started": "15032024"})
    assert entry.answers.get(question__code="problem").value == "Dark"
    # Reopened (another browser, another day): the date as typed, with its message.
    html = owner_client.get(url).content.decode()
    assert 'value="15032024"' in html
    assert "Enter a date like 2026-03-15." in html
    assert 'aria-invalid="true"' in html


def test_a_date_is_typed_the_page_language_way_and_never_guessed(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    autosave = {"x-requested-with": "fetch", "accept": "application/json"}
    fr = url.replace("/en/", "/fr/")
    body = owner_client.post(fr, _edit_data(entry, **{"answer-started": "15/03/2024"}), headers=autosave).json()
    assert body["to_correct"] == {}
    assert entry.answers.get(question__code="started").value == "2024-03-15"
    assert 'value="15/03/2024"' in owner_client.get(fr).content.decode()
    assert 'value="2024-03-15"' in owner_client.get(url).content.decode()
    entry.refresh_from_db()
    body = owner_client.post(fr, _edit_data(entry, **{"answer-started": "2024-12-03x"}), headers=autosave).json()
    assert body["to_correct"] == {"answer-started": ["Saisissez une date comme 15/03/2026."]}
    assert entry.answers.get(question__code="started").value == "2024-03-15"  # the last good value stays


def test_submit_is_refused_while_a_value_is_left_to_correct(owner_client: Client, entry: Entry, applicant: Any) -> None:
    complete_entry(entry, applicant)
    entry.refresh_from_db()
    url = reverse("submissions:entry_edit", args=[entry.pk])
    data = _edit_data(
        entry,
        title_en="Safe streets",
        summary_en="Lights.",
        title_original="안전한 거리",
        summary_original="조명.",
        **{"answer-problem": "Dark streets", "answer-fields": ["safety"], "answer-government-role": "Leads"},
        **{"answer-started": "yesterday", "action": "submit"},
    )
    response = owner_client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your entry is not complete yet." in html
    assert f'href="/en/entries/{entry.pk}/edit/about/#id_answer-started"' in html  # the review, linking to its step
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT


def test_submit_incomplete_shows_summary_linking_to_each_field(owner_client: Client, entry: Entry) -> None:
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Safe streets", action="submit"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your entry is not complete yet. Your draft has been saved." in html
    for name in ("summary_en", "title_original", "summary_original", "answer-problem", "answer-fields_0"):
        assert f'/edit/about/#id_{name}"' in html, name
    entry.refresh_from_db()
    assert (entry.title_en, entry.status) == ("Safe streets", EntryStatus.DRAFT)


def test_submit_complete_entry_gives_reference(owner_client: Client, entry: Entry, applicant: Any) -> None:
    complete_entry(entry, applicant)
    entry.refresh_from_db()
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(
        url,
        _edit_data(
            entry,
            title_en="Safe streets",
            summary_en="Lights.",
            title_original="안전한 거리",
            summary_original="조명.",
            action="submit",
            **{"answer-problem": "Dark streets", "answer-fields": ["safety"], "answer-government-role": "Leads"},
        ),
    )
    entry.refresh_from_db()
    assert response.status_code == 302
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.reference == f"SSCP-{entry.cycle.year}-P-0001"
    detail = owner_client.get(response["Location"]).content.decode()
    assert entry.reference in detail


def test_withdraw_a_draft_deletes_it(owner_client: Client, entry: Entry) -> None:
    response = owner_client.post(reverse("submissions:entry_withdraw", args=[entry.pk]))
    assert response.status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_after_the_deadline_the_form_redirects_to_the_readable_entry(owner_client: Client, entry: Entry) -> None:
    entry.cycle.applications_close_at = timezone.now() - timedelta(seconds=1)
    entry.cycle.save()
    response = owner_client.get(reverse("submissions:entry_edit", args=[entry.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_detail", args=[entry.pk])
    url = reverse("submissions:entry_edit", args=[entry.pk])
    response = owner_client.post(url, _edit_data(entry, title_en="Late"), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "The deadline has passed" in json.dumps(response.json())
    assert owner_client.get(reverse("submissions:entry_detail", args=[entry.pk])).status_code == 200
