"""The outbox with real parts: PostgreSQL, our own redis-server, a Celery
worker and beat as separate processes, and an SMTP server."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_enqueue
from tests.factories import make_user
from tests.services import CeleryBeat, CeleryWorker, message_text, postgres_url_for_test_db, wait_until, worker_env

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_processes(tmp_path: Path, redis_server: Any, smtp_server: Any, celery_on_broker: Any) -> Any:
    """A worker and beat (sweeping every second) on our redis and the test database."""
    env = worker_env(
        DATABASE_URL=postgres_url_for_test_db(),
        REDIS_URL=redis_server.url,
        EMAIL_URL=smtp_server.url,
        OUTBOX_SWEEP_SECONDS="1",
        OUTBOX_SWEEP_GRACE="0",
    )
    celery_on_broker(redis_server.url)
    worker = CeleryWorker(env=env, log=tmp_path / "worker.log")
    worker.start()
    beat = CeleryBeat(env=env, directory=tmp_path)
    beat.start()
    try:
        yield worker
    finally:
        beat.stop()
        worker.stop()


def test_worker_sends_queued_message_over_smtp_in_recipient_language(worker_processes: Any, smtp_server: Any) -> None:
    user = make_user(email="judge-ko@example.org", language="ko")
    message = outbox_enqueue(
        to=user.email,
        template="account/email/password_reset_key",
        language=user.language,
        context={"password_reset_url": "https://sscp.example/reset/xyz/"},
        user=user,
    )
    wait_until(lambda: OutboxMessage.objects.get(pk=message.pk).status == OutboxStatus.SENT)
    assert len(smtp_server.messages) == 1
    received = smtp_server.messages[0]
    assert received["To"] == "judge-ko@example.org"
    assert received["Message-ID"] == message.message_id
    body = message_text(received)
    assert "https://sscp.example/reset/xyz/" in body
    assert "암호 변경 요청이 접수되었습니다" in body  # the recipient's language (Korean)


def test_message_queued_while_redis_down_is_sent_once_after_it_returns(
    worker_processes: Any, redis_server: Any, smtp_server: Any
) -> None:
    redis_server.stop()
    started = time.monotonic()
    message = outbox_enqueue(
        to="applicant@example.org",
        template="account/email/email_confirmation_signup",
        language="en",
        context={"activate_url": "https://sscp.example/confirm/1/"},
    )
    assert time.monotonic() - started < 5  # the request is not held up by the outage
    time.sleep(3)
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert smtp_server.messages == []

    redis_server.start()  # same port: worker and beat reconnect
    wait_until(lambda: OutboxMessage.objects.get(pk=message.pk).status == OutboxStatus.SENT, timeout=60)
    time.sleep(4)  # several more sweeps run; none may send it again
    message.refresh_from_db()
    assert message.attempts == 1
    assert len(smtp_server.messages) == 1
    assert "https://sscp.example/confirm/1/" in message_text(smtp_server.messages[0])


def test_two_workers_claiming_at_once_send_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two connections race for the same row on PostgreSQL: SKIP LOCKED lets one win."""
    import threading

    from django.core import mail
    from django.db import connection, connections

    from prize_portal.outbox import services

    if connection.vendor != "postgresql":
        postgres_url_for_test_db()  # fails under REQUIRE_SERVICES=1, skips otherwise
    monkeypatch.setattr("prize_portal.tasks.queue_task", lambda *args, **kwargs: True)  # nobody sends on commit
    message = outbox_enqueue(to="race@example.org", template="account/email/password_changed", language="en")
    monkeypatch.undo()
    mail.outbox.clear()

    barrier = threading.Barrier(2)
    results: list[object] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(services.outbox_send(message_id=message.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(result is None for result in results) == [False, True]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 1)
    assert len(mail.outbox) == 1
