"""Keeping storage and database in step: a file is written before its row, so
a rolled-back transaction or a deleted draft can leave a file nobody refers
to. These remove such files, never a referenced one."""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.files.storage import Storage, default_storage
from django.utils import timezone

from ..models import Attachment, Submission

logger = logging.getLogger(__name__)

ENTRY_FILES_ROOT = "entries"
# A file younger than this may belong to a transaction still running.
ORPHAN_GRACE = timedelta(hours=1)


def entry_file_names(entry_id: int) -> list[str]:
    """Every stored file of an entry: attachments, thumbnails, version PDFs."""
    names: list[str] = []
    for file, thumbnail in Attachment.objects.filter(entry_id=entry_id).values_list("file", "thumbnail"):
        names += [file, thumbnail]
    names += Submission.objects.filter(entry_id=entry_id).values_list("pdf", flat=True)
    return [name for name in names if name]


def _referenced() -> set[str]:
    names: set[str] = set()
    for file, thumbnail in Attachment.objects.values_list("file", "thumbnail").iterator():
        names.update((file, thumbnail))
    names.update(Submission.objects.exclude(pdf="").values_list("pdf", flat=True).iterator())
    return names


def _stored(storage: Storage, folder: str) -> Iterable[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored(storage, f"{folder}/{sub}")


def orphan_files_sweep(*, now: datetime | None = None, storage: Storage | None = None) -> list[str]:
    """Delete files under entries/ that no row refers to and that are older
    than ORPHAN_GRACE; returns their names."""
    storage = storage or default_storage
    now = now or timezone.now()
    if not storage.exists(ENTRY_FILES_ROOT):
        return []
    referenced = _referenced()
    removed: list[str] = []
    for name in _stored(storage, ENTRY_FILES_ROOT):
        if name in referenced:
            continue
        if now - storage.get_modified_time(name) < ORPHAN_GRACE:
            continue
        storage.delete(name)
        removed.append(name)
    if removed:
        logger.info("Removed %d orphaned entry files", len(removed))
    return removed
