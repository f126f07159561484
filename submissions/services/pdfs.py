"""Writes of submission PDFs: render and store one once, queue its rendering
after commit, and sweep up those a dead broker or worker left without one."""

import logging
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from prize_portal.tasks import queue_sweep

from ..models import Submission

logger = logging.getLogger(__name__)

# The sweep leaves a fresh submission to the task queued when it was made.
SWEEP_GRACE = timedelta(minutes=1)
SWEEP_BATCH = 500
# A PDF still missing is queued again by the sweep at most this often (seconds):
# a render that keeps failing must not become a render every minute for ever.
SWEEP_REQUEUE_INTERVAL = 15 * 60

PDF_TASK = "submissions.tasks.task_render_submission_pdf"


def submission_render_pdf(*, submission_id: int) -> Submission:
    """Render the PDF of a submission from its frozen content, in the
    applicant's language, and store it.

    Idempotent: a submission that has its PDF is returned as it is. Rendering
    happens outside any transaction; the file is saved under the row's lock, so
    when two workers render the same submission only the first one stores it.
    """
    from ..pdf import render_submission_pdf

    submission = Submission.objects.select_related(
        "entry__cycle", "entry__category", "entry__track", "entry__organisation", "entry__owner"
    ).get(pk=submission_id)
    if submission.pdf:
        return submission
    content = render_submission_pdf(submission)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission_id)
        if locked.pdf:  # another worker stored it while this one rendered
            return locked
        locked.pdf.save("entry.pdf", ContentFile(content), save=False)  # stored under a generated name
        locked.save(update_fields=["pdf"])
    return locked


def submission_pdfs_missing(*, now: datetime | None = None, limit: int = SWEEP_BATCH) -> list[int]:
    """Ids of submissions made before the grace period that still have no PDF,
    oldest first."""
    now = now or timezone.now()
    missing = Submission.objects.filter(pdf="", submitted_at__lte=now - SWEEP_GRACE).order_by("submitted_at", "pk")
    return list(missing.values_list("pk", flat=True)[:limit])


def submission_pdfs_sweep(*, now: datetime | None = None) -> int:
    """Queue the rendering of every PDF still missing (Redis or the worker was
    down at submit, or rendering failed); returns how many were queued."""
    return queue_sweep(PDF_TASK, submission_pdfs_missing(now=now), every=SWEEP_REQUEUE_INTERVAL)
