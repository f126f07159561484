"""Saving a draft field by field: two collaborators keep their work; the same
field changed by both is a conflict, never silently overwritten."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from submissions.drafts import draft_digests, draft_values, value_digest
from submissions.models import Answer, Entry
from submissions.selectors import questions_for
from submissions.services import entry_save_changes, entry_save_draft, entry_start
from tests.factories import BEFORE_DEADLINE, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _start(project: Any, applicant: Any, organisation: Any) -> Entry:
    entry = entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    return entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={"title_en": "Digital companions", "summary_en": "Tablets and tutors."},
        answers={"problem": "Left out", "fields": ["safety"]},
    )


def _bases(entry: Entry) -> dict[str, str]:
    """The digests a form opened now carries."""
    entry = Entry.objects.get(pk=entry.pk)
    codes = {question.pk: code for code, question in questions_for(entry).items()}
    return draft_digests(draft_values(entry, codes))


def _save(entry: Entry, user: Any, bases: dict[str, str], **changes: Any) -> Any:
    return entry_save_changes(
        entry_id=entry.pk, user=user, version=entry.version, bases=bases, now=BEFORE_DEADLINE, **changes
    )


def test_two_collaborators_changing_different_fields_both_keep_their_work(
    project: Any, applicant: Any, organisation: Any
) -> None:
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)  # both open the form now
    first = _save(entry, applicant, opened, fields={"title_en": "Mine"})
    second = _save(entry, colleague, opened, answers={"problem": "Theirs"})  # an older version: merged all the same
    assert (first.conflicts, second.conflicts) == ({}, {})
    entry.refresh_from_db()
    assert entry.title_en == "Mine"
    assert Answer.objects.get(entry=entry, question__code="problem").value == "Theirs"
    assert entry.version == 4
    assert second.digests == {"answer-problem": value_digest("Theirs")}


def test_the_same_field_changed_by_both_is_a_conflict_with_both_values(
    project: Any, applicant: Any, organisation: Any
) -> None:
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)
    _save(entry, colleague, opened, fields={"summary_en": "Their summary."}, answers={"fields": ["mobility"]})
    result = _save(
        entry, applicant, opened, fields={"summary_en": "My summary.", "title_en": "New title"}, answers={"fields": []}
    )
    assert result.conflicts == {"summary_en": "Their summary.", "answer-fields": ["mobility"]}
    entry.refresh_from_db()
    assert (entry.summary_en, entry.title_en) == ("Their summary.", "New title")  # theirs kept; the rest saved
    assert Answer.objects.get(entry=entry, question__code="fields").value == ["mobility"]
    # The digest returned for a conflict is theirs: sent again with it, mine is kept on purpose.
    assert result.digests["summary_en"] == value_digest("Their summary.")
    again = _save(entry, applicant, {"summary_en": result.digests["summary_en"]}, fields={"summary_en": "My summary."})
    assert again.conflicts == {}
    entry.refresh_from_db()
    assert entry.summary_en == "My summary."


def test_a_field_sent_unchanged_leaves_what_someone_else_saved(project: Any, applicant: Any, organisation: Any) -> None:
    """A form without JavaScript sends every field: those this person did not
    touch must not put back the values they were opened with."""
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)
    _save(entry, colleague, opened, fields={"title_en": "Their title"})
    result = _save(entry, applicant, opened, fields={"title_en": "Digital companions", "summary_en": "Mine."})
    assert result.conflicts == {}
    entry.refresh_from_db()
    assert (entry.title_en, entry.summary_en) == ("Their title", "Mine.")


def test_both_typing_the_same_is_no_conflict(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)
    _save(entry, colleague, opened, fields={"title_en": "Same"})
    assert _save(entry, applicant, opened, fields={"title_en": "Same "}).conflicts == {}


def test_a_value_kept_as_typed_takes_part_in_the_merge(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)
    _save(entry, colleague, opened, answers={"budget": "lots"})  # invalid: kept as typed
    result = _save(entry, applicant, opened, answers={"budget": "1200"})
    assert result.conflicts == {"answer-budget": "lots"}
    entry.refresh_from_db()
    assert entry.draft_invalid == {"answer-budget": "lots"}


def test_only_conflicts_store_nothing_and_keep_the_version(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    colleague = make_user(email="colleague@seoul.example")
    opened = _bases(entry)
    _save(entry, colleague, opened, fields={"title_en": "Theirs"})
    entry.refresh_from_db()
    version = entry.version
    result = _save(entry, applicant, opened, fields={"title_en": "Mine"})
    assert set(result.conflicts) == {"title_en"}
    entry.refresh_from_db()
    assert (entry.title_en, entry.version) == ("Theirs", version)


def _statements(captured: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"] for query in captured.captured_queries if query["sql"].split()[0] in {"SELECT", "UPDATE", "INSERT"}
    ]


def test_an_autosave_of_one_field_is_a_few_queries(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    opened = _bases(entry)
    with CaptureQueriesContext(connection) as one:
        _save(entry, applicant, opened, answers={"problem": "One change"})
    opened = _bases(entry)
    with CaptureQueriesContext(connection) as three:
        _save(entry, applicant, opened, answers={"problem": "Again", "government-role": "Two", "budget": "3"})
    # Reads: the entry, its questions, their choices, its answers; then the
    # entry's update and one write per answer changed (BEGIN/COMMIT aside).
    assert len(_statements(one)) == 6
    assert len(_statements(three)) == len(_statements(one)) + 2
