"""The quick start's event (`make run`): on any day, a forum a month ahead
with answered and unanswered invitations; run again, it changes nothing
until its deadline has passed, then moves ahead with the answers kept."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from events.enums import InvitationStatus
from events.models import Course, Delegate, Event, Invitation, Presentation
from events.services.demo import seed_demo_event

pytestmark = pytest.mark.django_db


def _run(command: str, **options: Any) -> str:
    out = io.StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def test_the_demo_forum_has_answers_to_see_and_invitations_to_answer(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed_demo_results"):
        _run("seed_demo_events")
    _run("seed_demo_users")
    with django_capture_on_commit_callbacks(execute=True):  # as in `make run`: the results take effect
        _run("seed_demo_results")
    output = _run("seed_demo_events")
    assert "Demo event created" in output
    event = Event.objects.get()
    now = timezone.now()
    assert now < event.answer_by < event.starts_at < now + timedelta(days=31)
    assert event.name_ko == "서울스마트시티상 수상자 포럼"
    assert event.programme.count() == 3
    statuses = sorted(Invitation.objects.values_list("status", flat=True))
    assert statuses == [InvitationStatus.ATTENDING, InvitationStatus.DECLINED, InvitationStatus.INVITED]
    assert Delegate.objects.filter(presents=True).count() == 1
    assert Presentation.objects.get().entry.organisation.country == "MX"
    course = Course.objects.get()
    assert course.title_ko == "스마트시티 서울"
    assert course.starts_on > timezone.localdate()
    assert sorted(course.nominations.values_list("email", flat=True)) == [
        "ana.torres@demo.sscp.test",
        "applicant@demo.sscp.test",
    ]

    assert "in place already" in _run("seed_demo_events")
    later = event.answer_by + timedelta(days=1)
    moved = seed_demo_event(now=later)
    assert moved is not None
    assert moved.outcome == "moved"
    event.refresh_from_db()
    assert later < event.answer_by < event.starts_at
    talk = Presentation.objects.get()
    assert event.starts_at < talk.starts_at < event.ends_at  # moved with its session
    assert Invitation.objects.filter(status=InvitationStatus.ATTENDING).count() == 1  # answers stay


def test_the_demo_event_refuses_to_run_in_production(settings: Any) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="quick start only"):
        _run("seed_demo_events")
