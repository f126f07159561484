"""Reminders to judges through the real services: on the round's reminder days,
once a day, in the judge's language, only for reviews still pending."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from judging import services
from judging.enums import ConflictKind
from judging.models import Conflict
from judging.services.reminders import pending_reviews, reminder_key
from prize_portal.outbox.models import OutboxMessage
from tests.factories import assign, make_judge, make_round, scores_for

pytestmark = pytest.mark.django_db


def test_reminders_go_on_reminder_days_once_per_day_in_the_judges_language(
    project: Any, entry: Any, staff: Any, criteria: Any
) -> None:
    korean_judge = make_judge("ko@snu.example", language="ko", totp=False)
    round_ = make_round(project, reminder_days=[3])
    assign(round_, entry, korean_judge, actor=staff)
    three_days_before = round_.closes_at - timedelta(days=3)
    assert services.reminders_send_due(now=three_days_before) == 1
    assert services.reminders_send_due(now=three_days_before + timedelta(hours=1)) == 0
    assert services.reminders_send_due(now=round_.closes_at - timedelta(days=5)) == 0
    message = OutboxMessage.objects.get(template="judging/email/reminder")
    assert message.to_email == "ko@snu.example"
    assert message.language == "ko"
    assert message.dedupe_key == reminder_key(korean_judge.pk, three_days_before)
    assert message.context["pending"] == 1
    assert message.context["rounds"][0]["link"].endswith(f"/ko/judging/rounds/{round_.pk}/")


def test_staff_reminder_now_counts_towards_the_daily_limit(assignment: Any, judge: Any) -> None:
    now = timezone.now()
    [pending] = pending_reviews(now, judge_id=judge.pk)
    assert services.reminder_send(pending=pending, now=now) is True
    assert services.reminder_send(pending=pending, now=now) is False
    assert OutboxMessage.objects.filter(template="judging/email/reminder").count() == 1


def test_conflicted_assignments_are_not_pending(assignment: Any, judge: Any) -> None:
    Conflict.objects.create(judge=judge, kind=ConflictKind.COUNTRY, country="KR", reason="Advisor")
    assert pending_reviews(timezone.now()) == []


def test_deactivated_judges_are_not_reminded(assignment: Any, judge: Any) -> None:
    type(judge).objects.filter(pk=judge.pk).update(is_active=False)
    assert pending_reviews(timezone.now()) == []


def test_submitted_reviews_are_not_pending(assignment: Any, judge: Any, criteria: Any) -> None:
    services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores=scores_for(criteria, 1, 2),
        overall_comment="Weak",
        recommendation="no",
    )
    assert pending_reviews(timezone.now()) == []


def test_reminder_email_is_written_in_the_judges_language(project: Any, entry: Any, staff: Any, criteria: Any) -> None:
    from prize_portal.outbox.rendering import render_email

    korean_judge = make_judge("reader@snu.example", language="ko", totp=False)
    round_ = make_round(project, reminder_days=[1], name_en="First round", name_ko="1차 심사")
    assign(round_, entry, korean_judge, actor=staff)
    services.reminders_send_due(now=round_.closes_at - timedelta(days=1))
    email = render_email(OutboxMessage.objects.get(template="judging/email/reminder"))
    assert email.to == ["reader@snu.example"]
    assert "1차 심사" in email.body
    assert f"/ko/judging/rounds/{round_.pk}/" in email.body
    assert "Dear" not in email.body  # Korean, not the English fallback
