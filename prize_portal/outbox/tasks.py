from prize_portal.tasks import portal_task

from .services import outbox_purge, outbox_send, outbox_sweep


# Its retries are the outbox's own (see the docstring), not Celery's.
@portal_task(name="prize_portal.outbox.tasks.task_send_message", autoretry_for=())
def task_send_message(message_id: int) -> str:
    """Send outbox message ``message_id``; safe to run any number of times.

    Retries are not Celery's: a failed attempt puts the row back with its next
    attempt time (backoff), and the periodic sweep queues it again then, so a
    retry survives Redis restarts and never waits in the broker for hours.
    """
    message = outbox_send(message_id=message_id)
    return "skipped" if message is None else str(message.status)


@portal_task(name="prize_portal.outbox.tasks.task_sweep_outbox")
def task_sweep_outbox() -> int:
    """Periodic (Celery beat): queue again what is still waiting to be sent."""
    return outbox_sweep()


@portal_task(name="prize_portal.outbox.tasks.task_purge_outbox")
def task_purge_outbox() -> int:
    """Periodic (Celery beat, daily): empty the bodies of messages finished OUTBOX_KEEP_DAYS ago."""
    return outbox_purge()
