"""What the events app does when judging tells it something."""

from typing import Any

from events.services.invitations import INVITE_TASK
from prize_portal.tasks import queue_task_on_commit


def invite_winners(sender: Any, *, cycle_id: int, **kwargs: Any) -> None:
    """The results took effect: invite the winners once the transaction commits."""
    queue_task_on_commit(INVITE_TASK, cycle_id)
