"""Concurrent submits on PostgreSQL, each thread with its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from submissions.models import Entry, Submission
from submissions.services import entry_save_draft, entry_start, entry_submit
from tests.factories import BEFORE_DEADLINE
from tests.services import postgres_url_for_test_db

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released together; return results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = calls[index]()
        except Exception as error:  # collected for the assertions
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def on_postgres() -> None:
    if connection.vendor != "postgresql":
        postgres_url_for_test_db()  # fails with REQUIRE_SERVICES=1, skips otherwise


def _complete_entry(project: Any, user: Any, organisation: Any) -> Entry:
    entry = entry_start(
        user=user, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    return entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={"title_en": "Title", "summary_en": "Summary"},
        answers={"problem": "A problem.", "fields": ["mobility"], "government-role": "Funding"},
    )


def test_same_entry_submitted_twice_at_once_gets_one_reference(
    on_postgres: None, project: Any, applicant: Any, organisation: Any
) -> None:
    entry = _complete_entry(project, applicant, organisation)
    results = _at_once([lambda: entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)] * 2)
    assert all(isinstance(result, Submission) for result in results), results
    entry.refresh_from_db()
    assert entry.reference == "SSCP-2030-P-0001"
    assert sorted(Submission.objects.filter(entry=entry).values_list("number", flat=True)) == [1, 2]


def test_entries_submitted_at_once_get_sequential_numbers(
    on_postgres: None, project: Any, applicant: Any, organisation: Any, settings: Any
) -> None:
    project.entry_limit = None
    project.save(update_fields=["entry_limit"])
    entries = [_complete_entry(project, applicant, organisation) for _ in range(4)]
    results = _at_once(
        [lambda entry=entry: entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE) for entry in entries]
    )
    assert all(isinstance(result, Submission) for result in results), results
    references = sorted(Entry.objects.values_list("reference", flat=True))
    assert references == [f"SSCP-2030-P-{n:04d}" for n in range(1, 5)]
