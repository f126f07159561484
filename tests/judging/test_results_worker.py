"""Results e-mails with real parts: PostgreSQL, our own redis-server, a Celery
worker and beat as separate processes, and an SMTP server. The worker is
killed (SIGKILL) in the middle of a batch and restarted; every applicant still
gets exactly one results e-mail."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from judging.models import Publication
from judging.selectors.publication import mail_key_prefix
from judging.services import publication_publish
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from tests.factories import decide_cycle, make_user
from tests.services import (
    CeleryBeat,
    CeleryWorker,
    SMTPRecorder,
    free_port,
    message_text,
    postgres_url_for_test_db,
    wait_until,
    worker_env,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

KILL_AT = 11  # the worker dies while the SMTP server holds the 11th message


class KillingSMTP(SMTPRecorder):
    """An SMTP server that SIGKILLs the worker while it is sending message
    number ``kill_at`` (before accepting it: that message was not delivered,
    and the worker never learnt either way)."""

    def __init__(self, kill_at: int) -> None:
        super().__init__()
        self.kill_at = kill_at
        self.seen = 0
        self.worker: CeleryWorker | None = None
        self.killed = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.seen += 1
        if self.seen == self.kill_at and self.worker is not None:
            self.worker.kill()
            self.killed = True
            return "451 Local error in processing"
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def killing_smtp() -> Any:
    from aiosmtpd.controller import Controller

    recorder = KillingSMTP(kill_at=KILL_AT)
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield recorder, f"smtp://127.0.0.1:{controller.port}"
    finally:
        controller.stop()


def test_results_mail_is_sent_exactly_once_when_the_worker_is_killed_mid_batch(
    project: Any, staff: Any, tmp_path: Path, redis_server: Any, killing_smtp: Any, celery_on_broker: Any
) -> None:
    smtp, smtp_url = killing_smtp
    decided = decide_cycle(project, staff, winners=2, finalists=2, others=6)
    # Collaborators are applicants too: 10 owners + 30 collaborators, in several languages.
    languages = ["ko", "ja", "zh-hans", "es", "fr"]
    for number, entry in enumerate(decided.winners + decided.finalists + decided.others):
        for seat in range(3):
            person = make_user(email=f"partner{number}-{seat}@example.org", language=languages[(number + seat) % 5])
            entry.collaborators.add(person)
    applicants = 40

    env = worker_env(
        DATABASE_URL=postgres_url_for_test_db(),
        REDIS_URL=redis_server.url,
        EMAIL_URL=smtp_url,
        RESULTS_MAIL_BATCH="4",
        RESULTS_MAIL_INTERVAL="0.3",
        OUTBOX_CLAIM_TIMEOUT="3",
        OUTBOX_SWEEP_SECONDS="1",
        OUTBOX_SWEEP_GRACE="0",
        PUBLICATIONS_SWEEP_SECONDS="1",
    )
    celery_on_broker(redis_server.url)
    worker = CeleryWorker(env=env, log=tmp_path / "worker.log")
    smtp.worker = worker
    worker.start()
    beat = CeleryBeat(env=env, directory=tmp_path)
    beat.start()
    try:
        publication = publication_publish(actor=staff, cycle_id=project.cycle_id)
        wait_until(lambda: smtp.killed, timeout=60)
        assert worker.process is not None
        assert worker.process.returncode == -9  # SIGKILL
        time.sleep(2)  # dead for a while: the beat keeps sweeping into Redis meanwhile
        sent_while_dead = len(smtp.messages)
        assert sent_while_dead == KILL_AT - 1

        worker.start()
        rows = OutboxMessage.objects.filter(dedupe_key__startswith=mail_key_prefix(project.cycle_id))
        wait_until(lambda: rows.filter(status=OutboxStatus.SENT).count() == applicants, timeout=120)
        time.sleep(4)  # more sweeps and batch runs: none may send anything again
    finally:
        beat.stop()
        worker.stop()

    recipients = Counter(message["To"] for message in smtp.messages)
    assert len(smtp.messages) == applicants, f"sent {len(smtp.messages)} for {applicants} applicants"
    assert set(recipients.values()) == {1}
    assert rows.count() == applicants
    assert sorted(rows.values_list("attempts", flat=True)) == [1] * (applicants - 1) + [2]  # the interrupted one
    publication = Publication.objects.get(pk=publication.pk)
    assert publication.effective_at is not None
    assert publication.mail_queued_at is not None
    korean = next(message for message in smtp.messages if message["To"] == "partner0-0@example.org")
    assert "SSCP-2030-P-" in message_text(korean)
