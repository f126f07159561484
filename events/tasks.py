from events.errors import EventError
from events.services.courses import course_offers_sweep
from events.services.delegates import delegate_needs_purge
from events.services.invitations import invitations_create, invitations_sweep
from events.services.letters import passports_purge
from prize_portal.tasks import portal_task


@portal_task(name="events.tasks.task_invite_winners")
def task_invite_winners(cycle_id: int) -> int:
    """Once a cycle's results take effect: invite its winners to its events.
    Idempotent (an entry invited already is left alone); -1 while the
    results are not public (an embargo, a withdrawal), when nobody is invited."""
    try:
        return invitations_create(cycle_id=cycle_id)
    except EventError:
        return -1


@portal_task(name="events.tasks.task_sweep_invitations")
def task_sweep_invitations() -> int:
    """Periodic (Celery beat): invitations a dead broker or worker left
    unmade, and the needs of delegates to events that have ended deleted."""
    return invitations_sweep() + delegate_needs_purge()


@portal_task(name="events.tasks.task_purge_passports")
def task_purge_passports() -> int:
    """Periodic (Celery beat): delete the passport details due, and the PDFs
    of the letters that print them, in batches; idempotent."""
    return passports_purge()


@portal_task(name="events.tasks.task_sweep_course_offers")
def task_sweep_course_offers() -> int:
    """Periodic (Celery beat): offered course places not taken in time
    expire and go to the next one waiting; idempotent."""
    return course_offers_sweep()
