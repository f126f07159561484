from celery import shared_task

from .services.reminders import reminders_send_due


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    retry_backoff_max=900,
    retry_jitter=True,
    max_retries=5,
)
def task_send_due_reminders() -> int:
    """Periodic (Celery beat): e-mail judges with pending reviews on their
    rounds' reminder days. Idempotent: a judge reminded today is skipped, so a
    retry or a second beat tick sends nothing twice."""
    return reminders_send_due()
