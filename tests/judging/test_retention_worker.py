"""A retention run with real parts: PostgreSQL, our own redis-server, a
Celery worker and beat as separate processes. Staff confirm while the broker
is down: nothing is lost — the beat's sweep starts the run once the broker is
back, and the worker takes it to the end in batches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from judging.models import RetentionRun
from judging.selectors.retention import retention_plan
from judging.services.retention import retention_confirm
from prize_portal.accounts.models import User
from prize_portal.audit.models import AuditEvent
from tests.factories import submit_entry
from tests.judging.views.test_retention import _past
from tests.services import CeleryBeat, CeleryWorker, free_port, postgres_url_for_test_db, wait_until, worker_env

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_run_confirmed_while_the_broker_is_down_is_finished_by_the_sweep(
    project: Any, staff: Any, tmp_path: Path, redis_server: Any, celery_on_broker: Any
) -> None:
    entries = [
        submit_entry(project, email=f"city{number}@example.org", name_en=f"City {number}") for number in range(4)
    ]
    owners = [entry.owner_id for entry in entries]
    _past(project.cycle)
    plan = retention_plan(cycle_id=project.cycle_id)

    celery_on_broker(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    run = retention_confirm(cycle_id=project.cycle_id, actor=staff, digest=plan.digest)
    run.refresh_from_db()
    assert (run.done, run.total, run.finished_at) == (0, 12, None)  # confirmed, audited, not started

    env = worker_env(
        DATABASE_URL=postgres_url_for_test_db(),
        REDIS_URL=redis_server.url,
        RETENTION_BATCH="3",
        RETENTION_STALLED_SECONDS="1",
        RETENTION_SWEEP_SECONDS="1",
    )
    worker = CeleryWorker(env=env, log=tmp_path / "worker.log")
    worker.start()
    beat = CeleryBeat(env=env, directory=tmp_path)
    beat.start()
    try:
        wait_until(lambda: RetentionRun.objects.get(pk=run.pk).finished_at is not None, timeout=120)
    finally:
        beat.stop()
        worker.stop()

    run.refresh_from_db()
    assert run.done == run.total
    assert not User.objects.filter(pk__in=owners, is_active=True).exists()
    assert AuditEvent.objects.filter(action="retention.confirm").count() == 1
    assert AuditEvent.objects.filter(action="retention.apply").count() == 1
