"""The task helper: stable task names (the beat schedule and messages already
in the broker find their task after modules move), queueing by name after
commit, and a broker outage that delays work instead of failing the request."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from prize_portal.celery_app import app
from prize_portal.tasks import RETRY_POLICY, queue_task, queue_task_on_commit, registered_task
from tests.factories import CycleFactory, publish_results
from tests.services import CeleryWorker, postgres_url_for_test_db, wait_until, worker_env

# The names messages carried before every task declared its name (Celery's
# default, module path + function): messages and schedules written then must
# still be handled, so these never change.
NAMES_OF_BEFORE = {
    "prize_portal.outbox.tasks.task_send_message",
    "prize_portal.outbox.tasks.task_sweep_outbox",
    "submissions.tasks.task_render_submission_pdf",
    "submissions.tasks.task_sweep_submission_pdfs",
    "submissions.tasks.task_sweep_orphan_files",
    "submissions.tasks.task_send_draft_reminders",
    "judging.tasks.task_send_due_reminders",
    "judging.tasks.task_publish_results",
    "judging.tasks.task_sweep_publications",
    "judging.tasks.task_render_certificate",
    "judging.tasks.task_sweep_certificates",
    # Named from the start; listed so that they never change either.
    "submissions.tasks.task_check_attachment",
    "submissions.tasks.task_sweep_attachment_checks",
    "prize_portal.privacy.tasks.task_build_data_export",
    "prize_portal.outbox.tasks.task_purge_outbox",
    "judging.tasks.task_announce_retention_due",
    "prize_portal.privacy.tasks.task_sweep_data_exports",
    "judging.tasks.task_retention_batch",
    "judging.tasks.task_sweep_retention_runs",
    "events.tasks.task_invite_winners",
    "events.tasks.task_sweep_invitations",
    "events.tasks.task_purge_passports",
    "events.tasks.task_sweep_course_offers",
}

OUR_APPS = ("prize_portal.", "categories.", "submissions.", "judging.", "events.")


def _our_tasks() -> dict[str, Any]:
    registered_task("judging.tasks.task_sweep_certificates")  # fills the registry
    return {name: task for name, task in app.tasks.items() if name.startswith(OUR_APPS)}


def test_every_beat_entry_names_a_registered_task() -> None:
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert registered_task(entry["task"]).name == entry["task"]


def test_tasks_keep_the_names_of_before() -> None:
    assert set(_our_tasks()) == NAMES_OF_BEFORE


def test_every_task_has_the_one_retry_policy() -> None:
    for name, task in _our_tasks().items():
        assert task.acks_late is True, name
        expected = () if name == "prize_portal.outbox.tasks.task_send_message" else (Exception,)
        assert tuple(task.autoretry_for) == expected, name  # the outbox retries from its own rows
        assert task.max_retries == RETRY_POLICY["max_retries"], name
        assert task.retry_backoff == RETRY_POLICY["retry_backoff"], name


def test_unknown_task_name_fails_in_the_request() -> None:
    with pytest.raises(KeyError):
        queue_task_on_commit("judging.tasks.task_that_does_not_exist", 1)


@pytest.mark.django_db
def test_task_is_queued_only_once_the_transaction_commits(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        queue_task_on_commit("judging.tasks.task_render_certificate", 0)
    assert len(callbacks) == 1

    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                queue_task_on_commit("judging.tasks.task_render_certificate", 0)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []


def test_broker_outage_is_reported_not_raised(celery_on_broker: Any, caplog: pytest.LogCaptureFixture) -> None:
    celery_on_broker("redis://127.0.0.1:1/0")  # nothing listens on port 1
    started = time.monotonic()
    assert queue_task("judging.tasks.task_sweep_certificates") is False
    assert time.monotonic() - started < 5
    assert "could not queue judging.tasks.task_sweep_certificates" in caplog.text


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_worker_handles_a_message_under_each_name_of_before(
    tmp_path: Path, redis_server: Any, celery_on_broker: Any
) -> None:
    """Messages sent by name only, as an older web process or the beat
    schedule would, to a real worker: each is handled and succeeds."""
    embargoed = publish_results(CycleFactory(), visible_from=timezone.now() + timedelta(days=1))
    arguments: dict[str, tuple[Any, ...]] = {
        "prize_portal.outbox.tasks.task_send_message": (0,),  # no such message: nothing to send
        "submissions.tasks.task_render_submission_pdf": (0,),  # no such submission
        "submissions.tasks.task_check_attachment": (0,),  # no such attachment
        "judging.tasks.task_render_certificate": (0,),  # no such certificate
        "prize_portal.privacy.tasks.task_build_data_export": (0,),  # no such data download
        "judging.tasks.task_publish_results": (embargoed.pk,),  # embargoed: waits for its time
        "judging.tasks.task_retention_batch": (0,),  # no such retention run
        "events.tasks.task_invite_winners": (embargoed.cycle_id,),  # embargoed: nobody is invited yet
    }
    env = worker_env(DATABASE_URL=postgres_url_for_test_db(), REDIS_URL=redis_server.url)
    celery_on_broker(redis_server.url)
    log = tmp_path / "worker.log"
    worker = CeleryWorker(env=env, log=log)
    worker.start()
    try:
        for name in sorted(NAMES_OF_BEFORE):
            app.send_task(name, args=arguments.get(name, ()))

        def handled() -> set[str]:
            return set(re.findall(r"Task ([\w.]+)\[[\w-]+\] succeeded", log.read_text(errors="replace")))

        wait_until(lambda: handled() >= NAMES_OF_BEFORE, timeout=90)
    finally:
        worker.stop()
    text = log.read_text(errors="replace")
    assert "Received unregistered task" not in text
    assert re.search(r"Task judging\.tasks\.task_publish_results\[[\w-]+\] succeeded in [\d.]+s: -1", text)
