from typing import Any

from celery import shared_task
from django.utils import timezone

from .enums import OutboxStatus
from .services import outbox_send, outbox_sweep


@shared_task(bind=True, acks_late=True, max_retries=None)
def task_send_message(self: Any, message_id: int) -> str:
    """Send outbox message ``message_id``; safe to run any number of times."""
    message = outbox_send(message_id=message_id)
    if message is None:
        return "skipped"
    if message.status == OutboxStatus.QUEUED and not self.request.is_eager:
        countdown = max((message.next_attempt_at - timezone.now()).total_seconds(), 1)
        raise self.retry(countdown=countdown)
    return str(message.status)


@shared_task
def task_sweep_outbox() -> int:
    """Periodic (Celery beat): re-queue what is still waiting to be sent."""
    return outbox_sweep()
