"""How the portal uses Celery: one retry policy for every task, and one way
for a service to queue a task — by its registered name, once the transaction
commits, without failing the request when the broker is down.

Services never import task modules (tasks import services, so the other way
round would be a cycle): they name the task, and this module finds it in
Celery's registry. Every task declares an explicit, stable ``name=`` so that
the beat schedule and the messages already in the broker keep finding it
when modules move. Whatever a lost message would have done, a periodic
sweep does again (the outbox, PDFs, certificates, publications), so queueing
may fail and only delay the work.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from celery import Task, current_app, shared_task
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

# A task that fails is retried with exponential backoff and jitter (10 s,
# 20 s, … at most 10 minutes apart; 8 attempts in about half an hour), then
# left to its sweep. acks_late: a worker killed mid-task hands it back.
RETRY_POLICY: dict[str, Any] = {
    "acks_late": True,
    "autoretry_for": (Exception,),
    "retry_backoff": 10,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


def portal_task(name: str, **options: Any) -> Callable[[F], F]:
    """``@shared_task`` with the project's retry policy and a stable name;
    ``options`` add to it (time limits, ``bind``) or override it."""
    return shared_task(name=name, **{**RETRY_POLICY, **options})


def registered_task(name: str) -> Task:
    """The task registered under ``name``. Celery's autodiscovery fills the
    registry on first use, so a web process that never imported a task module
    finds every task too. An unknown name is a programming error: it raises."""
    registry = current_app.tasks
    if name not in registry:
        current_app.loader.import_default_modules()  # autodiscover the apps' tasks modules
    return registry[name]


def queue_task(name: str, *args: Any, eta: datetime | None = None) -> bool:
    """Queue task ``name`` now; False (logged) when the broker cannot take it
    or, when Celery runs eagerly, the task itself failed. Either way the
    task's sweep does the work later, so the caller carries on."""
    task = registered_task(name)
    try:
        if eta is None:
            task.apply_async(args=args)
        else:
            task.apply_async(args=args, eta=eta)
    except Exception:
        logger.warning("could not queue %s%r; its sweep will do it", name, args, exc_info=True)
        return False
    return True


def queue_task_on_commit(name: str, *args: Any, eta: datetime | None = None) -> None:
    """Queue task ``name`` once the current transaction commits (at once
    outside one): a rolled-back write queues nothing, and a worker never
    reads a row before it is committed."""
    registered_task(name)  # a wrong name fails here, in the request, not later
    transaction.on_commit(partial(queue_task, name, *args, eta=eta))


def queue_sweep(name: str, ids: Iterable[int], *, every: int) -> int:
    """A sweep's queueing: task ``name`` once for each id it found, but not
    for an id queued by a sweep in the last ``every`` seconds (work that keeps
    failing must not be queued every minute for ever). Stops at the first id
    the broker refuses: the next sweep tries them all again. Returns how many
    were queued."""
    queued = 0
    for item in ids:
        key = f"sweep:{name}:{item}"
        if not cache.add(key, True, timeout=every):
            continue  # queued by a recent sweep, still waiting or failing
        if not queue_task(name, item):
            cache.delete(key)
            break
        queued += 1
    return queued
