"""Writes of the check every uploaded PDF goes through before anyone, its
uploader included, can open it: run by a task after the upload (so the
upload itself stays streamed), swept up when a dead broker or worker left
it undone."""

import logging
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.files.pdfs import PdfRefusedError, clean_pdf
from prize_portal.tasks import queue_sweep

from ..enums import AttachmentStatus
from ..models import Attachment

logger = logging.getLogger(__name__)

CHECK_TASK = "submissions.tasks.task_check_attachment"
# The sweep leaves a fresh upload to the task queued when it was made.
SWEEP_GRACE = timedelta(minutes=1)
SWEEP_BATCH = 500
SWEEP_REQUEUE_INTERVAL = 15 * 60
COPY_CHUNK = 1024 * 1024


def attachment_check(*, attachment_id: int, now: datetime | None = None) -> Attachment:
    """Clean the stored PDF of an attachment being checked, or refuse it.

    Idempotent: an attachment already checked is returned as it is. The file
    is read and cleaned outside any transaction; the result is stored under
    the row's lock, and only if the row still names the file that was read,
    so a second worker, or a delete meanwhile, cannot be overwritten. A clean
    copy replaces the upload; a refused upload is deleted, its row kept to
    tell the applicant why."""
    attachment = Attachment.objects.get(pk=attachment_id)
    if attachment.status != AttachmentStatus.CHECKING:
        return attachment
    read = attachment.file.name or ""
    with tempfile.TemporaryDirectory(prefix="attachment-check-") as folder:
        source, target = Path(folder, "upload.pdf"), Path(folder, "clean.pdf")
        with attachment.file.open("rb") as stored, source.open("wb") as copy:
            shutil.copyfileobj(stored, copy, COPY_CHUNK)
        try:
            cleaned = clean_pdf(source, target)
        except PdfRefusedError as refusal:
            return _store_result(attachment_id, read, now=now, refusal=refusal.code)
        return _store_result(attachment_id, read, now=now, cleaned=target, removed=cleaned.removed)


@transaction.atomic
def _store_result(
    attachment_id: int,
    read: str,
    *,
    now: datetime | None,
    refusal: str = "",
    cleaned: Path | None = None,
    removed: list[str] | None = None,
) -> Attachment:
    locked = Attachment.objects.select_for_update().get(pk=attachment_id)
    if locked.status != AttachmentStatus.CHECKING or locked.file.name != read:
        return locked  # another worker stored its result first
    storage = locked.file.storage
    delete_files_on_commit([read], storage)
    locked.checked_at = now or timezone.now()
    if cleaned is None:
        locked.status, locked.refusal, locked.file = AttachmentStatus.REFUSED, refusal, ""
        logger.info("Refused attachment %s: %s", attachment_id, refusal)
    else:
        with cleaned.open("rb") as content:
            locked.file.save("upload.pdf", File(content), save=False)  # a new generated name
        locked.status, locked.removed, locked.size = AttachmentStatus.CLEAN, removed or [], cleaned.stat().st_size
        if removed:
            logger.info("Removed %s from attachment %s", ", ".join(removed), attachment_id)
    locked.save(update_fields=["status", "refusal", "removed", "file", "size", "checked_at"])
    return locked


def attachments_unchecked(*, now: datetime | None = None, limit: int = SWEEP_BATCH) -> list[int]:
    """Ids of attachments uploaded before the grace period and still being
    checked, oldest first."""
    now = now or timezone.now()
    waiting = Attachment.objects.filter(status=AttachmentStatus.CHECKING, created_at__lte=now - SWEEP_GRACE)
    return list(waiting.order_by("created_at", "pk").values_list("pk", flat=True)[:limit])


def attachment_checks_sweep(*, now: datetime | None = None) -> int:
    """Queue the check of every attachment still waiting for one (Redis or
    the worker was down at the upload, or the check failed); returns how many
    were queued."""
    return queue_sweep(CHECK_TASK, attachments_unchecked(now=now), every=SWEEP_REQUEUE_INTERVAL)
