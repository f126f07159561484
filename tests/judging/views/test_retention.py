"""The staff retention pages: the editions and where their personal data
stands, a due edition's dry run (its people shown to staff, audited), the
confirmation (ticked, with the dry run's digest) and the progress; 404 for
everyone but staff."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from categories.models import Cycle
from judging.models import RetentionRun
from judging.selectors.retention import retention_plan
from prize_portal.audit.models import AuditEvent
from prize_portal.audit.services import STAFF_VIEW
from submissions.models import Entry
from tests.factories import (
    DEADLINE,
    CycleFactory,
    assert_staff_only,
    sign_in_staff,
    submit_entry,
)

pytestmark = pytest.mark.django_db

PAGE = "/en/staff/retention/"
SEOUL = ZoneInfo("Asia/Seoul")


def _present(cycle: Cycle) -> None:
    Cycle.objects.filter(pk=cycle.pk).update(
        applications_open_at=DEADLINE - timedelta(days=100), applications_close_at=DEADLINE
    )


def _past(cycle: Cycle) -> None:
    """Move ``cycle`` to 2020: 36 months later its personal data is due."""
    Cycle.objects.filter(pk=cycle.pk).update(
        applications_open_at=datetime(2020, 2, 1, tzinfo=SEOUL),
        applications_close_at=datetime(2020, 5, 29, tzinfo=SEOUL),
        judging_starts_at=None,
        ceremony_at=None,
    )


@pytest.fixture
def due(project: Any) -> list[Entry]:
    entries = [
        submit_entry(project, email=f"city{number}@example.org", name_en=f"City {number}", title=f"Plan {number}")
        for number in range(2)
    ]
    _past(project.cycle)
    return entries


@pytest.fixture
def staff_client(client: Client) -> Client:
    sign_in_staff(client)
    return client


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


@pytest.mark.parametrize(
    ("method", "path"), [("get", ""), ("get", "2030/"), ("get", "2030/progress.json"), ("post", "2030/confirm/")]
)
def test_only_staff_reach_the_retention_pages(due: Any, client: Client, method: str, path: str) -> None:
    url = f"{PAGE}{path}"
    assert_staff_only(client, method, url)
    assert not RetentionRun.objects.exists()


def test_the_editions_and_where_their_data_stands(due: Any, staff_client: Client) -> None:
    CycleFactory(year=2031)
    html = staff_client.get(PAGE).content.decode()
    assert html.count("Due: check the dry run") == 1
    assert re.search(r">\s*Kept\s*<", html)  # 2031
    assert "36 months" in html


def test_the_dry_run_lists_what_goes_and_the_view_is_audited(due: list[Entry], staff_client: Client) -> None:
    html = staff_client.get(f"{PAGE}2030/").content.decode()
    plan = retention_plan(cycle_id=due[0].cycle_id)
    assert len(plan.entries) == 2
    for entry in due:
        assert entry.reference in html
        assert entry.owner.email in html
    assert f'value="{plan.digest}"' in html
    assert "Remove this personal data" in html
    viewed = AuditEvent.objects.filter(action=STAFF_VIEW, target_type="accounts.user")
    assert sorted(viewed.values_list("target_id", flat=True)) == sorted(str(entry.owner_id) for entry in due)


def test_a_cycle_not_due_shows_no_dry_run(project: Any, staff_client: Client) -> None:
    submit_entry(project, email="city@example.org")
    html = staff_client.get(f"{PAGE}2030/").content.decode()
    assert "Not due yet" in html
    assert "Remove this personal data" not in html
    response = staff_client.post(f"{PAGE}2030/confirm/", {"digest": "0" * 16, "understood": "on"})
    assert _messages(response) == ["This cycle's personal data is not yet due for removal."]
    assert not RetentionRun.objects.exists()


def test_confirming_needs_the_box_ticked_and_the_same_plan(due: list[Entry], staff_client: Client) -> None:
    digest = retention_plan(cycle_id=due[0].cycle_id).digest
    response = staff_client.post(f"{PAGE}2030/confirm/", {"digest": digest})
    assert response.status_code == 302
    assert response["Location"].endswith("/en/staff/retention/2030/#confirm")
    assert _messages(response) == ["Tick the box to confirm that you have checked the list."]
    response = staff_client.post(f"{PAGE}2030/confirm/", {"digest": "0" * 16, "understood": "on"})
    assert _messages(response) == ["What would be removed has changed since the dry run: look at it again."]
    assert not RetentionRun.objects.exists()


def test_confirming_starts_the_removal_and_the_page_follows_it(
    due: list[Entry], staff_client: Client, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.RETENTION_BATCH = 1
    digest = retention_plan(cycle_id=due[0].cycle_id).digest
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{PAGE}2030/confirm/", {"digest": digest, "understood": "on"})
    assert response["Location"].endswith("/en/staff/retention/2030/#progress")
    assert _messages(response) == ["The removal has started. This page shows its progress."]
    run = RetentionRun.objects.get()
    assert run.finished_at is not None

    progress = staff_client.get(f"{PAGE}2030/progress.json")
    assert progress["Cache-Control"] == "private, no-store"
    data = progress.json()
    assert data["active"] is False
    assert (data["retention"]["done"], data["retention"]["total"]) == (run.total, run.total)
    html = staff_client.get(f"{PAGE}2030/").content.decode()
    assert "Finished on" in html
    assert "Remove this personal data" not in html
    assert "Removed on" in staff_client.get(PAGE).content.decode()
    # A second click (another tab) starts nothing new.
    staff_client.post(f"{PAGE}2030/confirm/", {"digest": digest, "understood": "on"})
    assert RetentionRun.objects.count() == 1


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_pages_cost_the_same_queries_for_one_and_three(project: Any, staff_client: Client) -> None:
    submit_entry(project, email="city0@example.org", name_en="City 0")
    _past(project.cycle)
    CycleFactory(year=2031)
    overview, dry_run = _queries(staff_client, PAGE), _queries(staff_client, f"{PAGE}2030/")
    _present(project.cycle)
    for number in (1, 2):
        submit_entry(project, email=f"city{number}@example.org", name_en=f"City {number}")
        CycleFactory(year=2031 + number)
    _past(project.cycle)
    assert _queries(staff_client, PAGE) == overview
    assert _queries(staff_client, f"{PAGE}2030/") == dry_run
