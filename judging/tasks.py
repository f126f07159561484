from typing import Any

from django.conf import settings

from judging.models import Certificate, RetentionRun
from judging.services.certificates import certificate_render, certificates_sweep
from judging.services.publication import (
    publication_take_effect,
    publications_sweep,
    results_mail_claim_batch,
    results_mail_queue_batch,
)
from judging.services.reminders import reminders_send_due
from judging.services.retention import retention_announce_due, retention_run_batch, retention_runs_sweep
from prize_portal.tasks import portal_task


@portal_task(name="judging.tasks.task_send_due_reminders")
def task_send_due_reminders() -> int:
    """Periodic (Celery beat): e-mail judges with pending reviews on their
    rounds' reminder days. Idempotent: a judge reminded today is skipped, so a
    retry or a second beat tick sends nothing twice."""
    return reminders_send_due()


@portal_task(name="judging.tasks.task_publish_results", bind=True)
def task_publish_results(self: Any, publication_id: int) -> int:
    """At the embargo time: make the results take effect, then queue the next
    batch of results e-mails and come back for the rest after
    RESULTS_MAIL_INTERVAL seconds (the rate limit). Idempotent: every e-mail has
    a de-duplication key, so a redelivered or doubled task queues nothing twice."""
    if not publication_take_effect(publication_id=publication_id):
        return -1  # embargoed or withdrawn: the sweep starts it once the time comes
    if not results_mail_claim_batch(publication_id=publication_id):
        return -2  # another run queued a batch just now: its chain goes on
    remaining = results_mail_queue_batch(publication_id=publication_id, batch_size=settings.RESULTS_MAIL_BATCH)
    if remaining > 0:
        self.apply_async(args=(publication_id,), countdown=settings.RESULTS_MAIL_INTERVAL)
    return remaining


@portal_task(name="judging.tasks.task_sweep_publications")
def task_sweep_publications() -> int:
    """Periodic (Celery beat): start publications whose embargo passed, and
    finish those a dead worker or broker left half-done."""
    return publications_sweep()


@portal_task(name="judging.tasks.task_render_certificate", soft_time_limit=120, time_limit=180)
def task_render_certificate(certificate_id: int) -> int:
    """Render and store certificate ``certificate_id``; safe to run any number
    of times (a version already stored is not rendered again)."""
    try:
        certificate = certificate_render(certificate_id=certificate_id)
    except Certificate.DoesNotExist:
        return 0
    return certificate.rendered_version


@portal_task(name="judging.tasks.task_sweep_certificates")
def task_sweep_certificates() -> int:
    """Periodic (Celery beat): queue again the certificates still unrendered."""
    return certificates_sweep()


@portal_task(name="judging.tasks.task_announce_retention_due")
def task_announce_retention_due() -> int:
    """Periodic (Celery beat, daily): the cycles whose personal data is due for removal, to the privacy officer."""
    return retention_announce_due()


@portal_task(name="judging.tasks.task_retention_batch", bind=True, soft_time_limit=300, time_limit=360)
def task_retention_batch(self: Any, run_id: int) -> int:
    """Take the next RETENTION_BATCH steps of a confirmed retention run, then
    come back for the rest. Safe to run any number of times: each batch takes
    the run's next steps under a lock, and a finished run does nothing."""
    try:
        remaining = retention_run_batch(run_id=run_id, batch_size=settings.RETENTION_BATCH)
    except RetentionRun.DoesNotExist:
        return 0
    if remaining > 0:
        self.apply_async(args=(run_id,))
    return remaining


@portal_task(name="judging.tasks.task_sweep_retention_runs")
def task_sweep_retention_runs() -> int:
    """Periodic (Celery beat): start again the retention runs a dead worker or broker stopped."""
    return retention_runs_sweep()
