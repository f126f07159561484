from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue, outbox_retry, outbox_send, outbox_sweep, retry_delay
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

CONFIRM = "account/email/email_confirmation_signup"


def _enqueue(**overrides: Any) -> OutboxMessage:
    values: dict[str, Any] = {
        "to": "someone@example.org",
        "template": CONFIRM,
        "language": "en",
        "context": {"activate_url": "https://sscp.example/confirm/abc/"},
    }
    values.update(overrides)
    return outbox_enqueue(**values)


def test_enqueue_sends_after_commit_in_recipient_language() -> None:
    user = make_user(email="ko-user@example.org", language="ko")
    mail.outbox.clear()
    with transaction.atomic():
        message = _enqueue(to=user.email, language="ko", user=user)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["ko-user@example.org"]
    assert "https://sscp.example/confirm/abc/" in sent.body
    assert sent.subject == "[서울스마트시티상] 이메일 주소를 확인하세요."
    assert sent.extra_headers["Message-ID"] == message.message_id


def _enqueue_then_fail() -> None:
    with transaction.atomic():
        _enqueue()
        raise RuntimeError("the surrounding write failed")


def test_enqueue_rolled_back_sends_nothing() -> None:
    with pytest.raises(RuntimeError):
        _enqueue_then_fail()
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_send_twice_sends_once() -> None:
    message = _enqueue()
    assert outbox_send(message_id=message.pk) is None  # already sent on commit
    assert len(mail.outbox) == 1


def test_enqueue_same_dedupe_key_sends_once() -> None:
    first = _enqueue(dedupe_key="results:2026:entry-7")
    second = _enqueue(dedupe_key="results:2026:entry-7")
    assert first.pk == second.pk
    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_send_failure_requeues_with_backoff(settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.prize_portal.outbox.failing_backend.FailingBackend"
    before = timezone.now()
    message = _enqueue()
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 1
    assert message.last_error == "ConnectionRefusedError: SMTP server is down"
    assert message.next_attempt_at >= before + timedelta(minutes=1)
    # Not due yet: sending again now does nothing.
    assert outbox_send(message_id=message.pk) is None


def test_send_failure_gives_up_after_max_attempts(settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.prize_portal.outbox.failing_backend.FailingBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 2
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    outbox_send(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == 2
    assert message.context == {"activate_url": "[redacted]"}


def test_retry_delay_grows_and_is_capped() -> None:
    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert retry_delay(30) == timedelta(hours=6)


def test_retry_failed_message_sends_it(settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.prize_portal.outbox.failing_backend.FailingBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    message = _enqueue(template="account/email/password_changed", context={"ip": "203.0.113.7"})
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_retry(message_ids=[message.pk]) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 1)
    assert len(mail.outbox) == 1
    assert "203.0.113.7" in mail.outbox[0].body


def test_failed_message_keeps_no_secret_and_is_not_retried(settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.prize_portal.outbox.failing_backend.FailingBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    message = _enqueue()
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.context == {"activate_url": "[redacted]"}
    assert outbox_retry(message_ids=[message.pk]) == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED


def test_sweep_sends_message_whose_task_was_lost(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr("prize_portal.tasks.queue_task", lambda *args, **kwargs: True)  # the broker lost the task
    message = _enqueue()
    monkeypatch.undo()
    settings.OUTBOX_SWEEP_GRACE = 0
    assert mail.outbox == []
    assert outbox_sweep() == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1
    assert outbox_sweep() == 0


def test_sweep_reclaims_message_of_dead_worker(settings: Any) -> None:
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, sent_at=None, claimed_at=timezone.now() - timedelta(hours=1)
    )
    mail.outbox.clear()
    assert outbox_sweep() == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2
    assert len(mail.outbox) == 1


def test_message_whose_worker_keeps_dying_ends_failed(settings: Any) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, sent_at=None, attempts=3, claimed_at=timezone.now() - timedelta(hours=1)
    )
    mail.outbox.clear()
    assert outbox_send(message_id=message.pk) is None
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.last_error == "The worker stopped while sending, too many times."
    assert mail.outbox == []


def test_first_attempt_ignores_worker_clock_behind_web_clock(monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr("prize_portal.tasks.queue_task", lambda *args, **kwargs: True)
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() + timedelta(seconds=2))
    sent = outbox_send(message_id=message.pk)
    assert sent is not None
    assert sent.status == OutboxStatus.SENT


def test_sweep_leaves_fresh_claim_alone() -> None:
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.SENDING, claimed_at=timezone.now())
    assert outbox_sweep() == 0
    assert outbox_send(message_id=message.pk) is None


def test_enqueue_with_broker_down_keeps_message_queued(celery_on_broker: Any) -> None:
    """Publishing to a Redis that does not answer fails fast and loses nothing."""
    celery_on_broker("redis://127.0.0.1:1/0")  # nothing listens on port 1
    started = time.monotonic()
    message = _enqueue()
    assert time.monotonic() - started < 5
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 0
    assert mail.outbox == []


def test_sent_message_keeps_no_sign_in_secret() -> None:
    message = _enqueue(context={"activate_url": "https://sscp.example/confirm/secret/", "code": "ABCD-EFGH"})
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.context == {"activate_url": "[redacted]", "code": "[redacted]"}
    assert "ABCD-EFGH" in mail.outbox[0].body  # the e-mail itself had it


def test_admin_shows_no_context_to_staff(client: Any, settings: Any) -> None:
    from prize_portal.accounts.roles import Role
    from tests.factories import give_totp

    settings.EMAIL_BACKEND = "tests.prize_portal.outbox.failing_backend.FailingBackend"
    message = _enqueue(context={"password_reset_url": "https://sscp.example/reset/secret/"})
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED  # still waiting: the secret is stored for the retry
    assert message.context["password_reset_url"] == "https://sscp.example/reset/secret/"
    staff = make_user(Role.STAFF)
    give_totp(staff)
    client.force_login(staff)
    html = client.get(f"/en/admin/outbox/outboxmessage/{message.pk}/change/").content.decode()
    assert "someone@example.org" in html
    assert "SMTP server is down" in html
    assert "secret" not in html


def test_enqueue_same_key_racing_twin_returns_winner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two requests that both saw no message with the key: the loser gets the winner's row."""
    from prize_portal.outbox.models import OutboxMessage as Model

    winner = _enqueue(dedupe_key="certificate:42")
    real_filter = Model.objects.filter

    def blind_filter(*args: Any, **kwargs: Any) -> Any:
        if "dedupe_key" in kwargs:  # the check ran before the twin committed
            return real_filter(pk=-1)
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Model.objects, "filter", blind_filter)
    loser = _enqueue(dedupe_key="certificate:42")
    monkeypatch.undo()
    assert loser.pk == winner.pk
    assert Model.objects.count() == 1
    assert len(mail.outbox) == 1
