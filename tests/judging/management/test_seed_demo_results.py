"""The quick start's demo of a past edition with published results and certificates (`make run`)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from submissions.enums import EntryStatus
from submissions.models import Entry

pytestmark = pytest.mark.django_db


def _run(command: str, **options: Any) -> str:
    out = io.StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def test_seed_demo_results_publishes_a_past_edition_with_certificates_once(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from judging.models import Award, Certificate, Publication
    from prize_portal.outbox.models import OutboxMessage

    settings.DEBUG = True
    _run("seed_demo_users")
    with django_capture_on_commit_callbacks(execute=True):  # as in `make run`: tasks run eagerly on commit
        output = _run("seed_demo_results")

    publication = Publication.objects.get(cycle__year=2025)
    assert publication.is_live()
    assert publication.effective_at is not None
    assert Award.objects.filter(cycle__year=2025, locked_at__isnull=False).count() == 3
    assert set(Entry.objects.filter(cycle__year=2025).values_list("status", flat=True)) == {EntryStatus.WINNER}
    certificates = Certificate.objects.filter(entry__cycle__year=2025)
    assert [c.is_ready for c in certificates] == [True, True, True]
    assert "/en/winners/2025/" in output
    assert all(c.code in output for c in certificates)
    # The demo applicant owns the winning entries and was told once.
    told = OutboxMessage.objects.filter(template="judging/email/results", to_email="applicant@demo.sscp.test")
    assert told.count() == 1

    again = _run("seed_demo_results")
    assert "exists already" in again
    assert Certificate.objects.filter(entry__cycle__year=2025).count() == 3
