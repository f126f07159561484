"""Reminders to applicants whose entry is still a draft: a week and a day
before the deadline, once each, to the owner and collaborators in their own
language, never to who turned reminders off."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.conf import settings

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.rendering import render_email
from submissions.models import Entry
from submissions.services import entry_grant_extension, invitation_accept, invitation_create
from submissions.services.reminders import draft_reminders_send
from tests.factories import DEADLINE, make_user, set_reminders, submit_entry

pytestmark = pytest.mark.django_db

TEMPLATE = "submissions/email/draft_reminder"
STARTED = DEADLINE - timedelta(days=20)


def _draft(project: Any, email: str = "owner@seoul.example", now: datetime = STARTED) -> Entry:
    return submit_entry(project, email=email, title="Safe streets", submit=False, now=now)


def _join(entry: Entry, user: User) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=user.email, language="en")
    invitation_accept(token=invitation.token, user=user)


def _sent() -> list[tuple[str, str, str]]:
    """(recipient, kind, language) of every draft reminder in the outbox."""
    messages = OutboxMessage.objects.filter(template=TEMPLATE).order_by("pk")
    return [(message.to_email, message.context["kind"], message.language) for message in messages]


def test_seven_day_reminder_with_title_category_deadline_and_link(project: Any) -> None:
    entry = _draft(project)

    assert draft_reminders_send(DEADLINE - timedelta(days=3)) == 1

    assert _sent() == [("owner@seoul.example", "7", "en")]
    message = OutboxMessage.objects.get(template=TEMPLATE)
    assert message.dedupe_key == f"draft-reminder:{entry.pk}:{entry.owner_id}:7"
    assert message.user_id == entry.owner_id
    email = render_email(message)
    assert email.subject == '[Seoul Smart City Prize] One week left to submit your entry "Safe streets"'
    assert (
        f'Your entry "Safe streets" in the {project.name_en} category is still a draft, '
        "and the deadline is less than a week away."
    ) in email.body
    assert "Deadline: May 29, 2030, 11:59 p.m. (Seoul time)" in email.body
    assert f"{settings.SITE_URL}/en/entries/{entry.pk}/edit/" in email.body
    assert "List-Unsubscribe" in email.extra_headers


def test_one_day_reminder_in_the_last_day(project: Any) -> None:
    _draft(project)

    assert draft_reminders_send(DEADLINE - timedelta(hours=23)) == 1

    assert _sent() == [("owner@seoul.example", "1", "en")]
    email = render_email(OutboxMessage.objects.get(template=TEMPLATE))
    assert email.subject == '[Seoul Smart City Prize] Last day to submit your entry "Safe streets"'
    assert "the deadline is less than a day away." in email.body


def test_reminders_boundaries(project: Any) -> None:
    _draft(project)

    assert draft_reminders_send(DEADLINE - timedelta(days=7, seconds=1)) == 0
    assert draft_reminders_send(DEADLINE - timedelta(days=7)) == 1
    assert draft_reminders_send(DEADLINE - timedelta(days=1)) == 1

    assert [kind for _to, kind, _language in _sent()] == ["7", "1"]


def test_reminders_run_twice_sent_once_each(project: Any) -> None:
    _draft(project)

    counts = [
        draft_reminders_send(DEADLINE - timedelta(days=5)),
        draft_reminders_send(DEADLINE - timedelta(days=5)),
        draft_reminders_send(DEADLINE - timedelta(days=4)),
        draft_reminders_send(DEADLINE - timedelta(hours=20)),
        draft_reminders_send(DEADLINE - timedelta(hours=2)),
    ]

    assert counts == [1, 0, 0, 1, 0]
    assert _sent() == [("owner@seoul.example", "7", "en"), ("owner@seoul.example", "1", "en")]


def test_draft_started_in_last_day_gets_only_the_one_day_reminder(project: Any) -> None:
    _draft(project, now=DEADLINE - timedelta(hours=20))

    draft_reminders_send(DEADLINE - timedelta(hours=19))
    draft_reminders_send(DEADLINE - timedelta(hours=1))

    assert _sent() == [("owner@seoul.example", "1", "en")]


def test_collaborators_reminded_each_in_own_language(project: Any) -> None:
    entry = _draft(project)
    korean = make_user(email="kim@seoul.example", language="ko")
    _join(entry, korean)

    draft_reminders_send(DEADLINE - timedelta(days=2))

    assert _sent() == [("owner@seoul.example", "7", "en"), ("kim@seoul.example", "7", "ko")]
    message = OutboxMessage.objects.get(template=TEMPLATE, to_email="kim@seoul.example")
    assert message.user_id == korean.pk
    assert message.context["link"] == f"{settings.SITE_URL}/ko/entries/{entry.pk}/edit/"
    assert message.context["category"] == project.name_ko


@pytest.mark.usefixtures("privacy_texts")
def test_people_who_turned_reminders_off_are_skipped(project: Any) -> None:
    entry = _draft(project)
    collaborator = make_user(email="lee@seoul.example")
    _join(entry, collaborator)
    set_reminders(entry.owner, False)

    draft_reminders_send(DEADLINE - timedelta(days=2))

    assert _sent() == [("lee@seoul.example", "7", "en")]


def test_submitted_entries_and_past_deadlines_not_reminded(project: Any) -> None:
    submit_entry(project, email="submitted@seoul.example", now=DEADLINE - timedelta(days=3))
    _draft(project)

    assert draft_reminders_send(DEADLINE - timedelta(days=2)) == 1
    assert draft_reminders_send(DEADLINE) == 0
    assert draft_reminders_send(DEADLINE + timedelta(hours=1)) == 0

    assert _sent() == [("owner@seoul.example", "7", "en")]


def test_extended_deadline_respected(project: Any) -> None:
    extended = _draft(project, email="extended@seoul.example")
    _draft(project)
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    entry_grant_extension(entry_id=extended.pk, staff=staff, until=DEADLINE + timedelta(days=10))

    draft_reminders_send(DEADLINE - timedelta(days=2))  # the extended deadline is 12 days away
    draft_reminders_send(DEADLINE + timedelta(days=5))  # 5 days before the extended deadline

    assert _sent() == [("owner@seoul.example", "7", "en"), ("extended@seoul.example", "7", "en")]
    email = render_email(OutboxMessage.objects.get(template=TEMPLATE, to_email="extended@seoul.example"))
    assert "Deadline: June 8, 2030, 11:59 p.m. (Seoul time)" in email.body


def _drafts_with_collaborators(project: Any, count: int) -> None:
    for number in range(count):
        entry = _draft(project, email=f"owner-{number}@seoul.example")
        _join(entry, make_user(email=f"collaborator-{number}@seoul.example", language="ko"))


@pytest.mark.parametrize("items", [1, 3])
def test_reminder_queries_flat_in_entries(project: Any, django_assert_num_queries: Any, items: int) -> None:
    _drafts_with_collaborators(project, items)
    with django_assert_num_queries(7):
        sent = draft_reminders_send(DEADLINE - timedelta(days=2))

    assert sent == 2 * items


def test_beat_runs_the_draft_reminders_task() -> None:
    from submissions.tasks import task_send_draft_reminders

    entry = settings.CELERY_BEAT_SCHEDULE["draft-reminders"]
    assert entry == {"task": "submissions.tasks.task_send_draft_reminders", "schedule": 3600.0}
    assert task_send_draft_reminders.name == entry["task"]
