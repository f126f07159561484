"""Writes of attachments: files checked by content, streamed to storage
(a PDF is cleaned after the upload: attachment_checks.py)."""

from datetime import datetime

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.enums import QuestionKind
from prize_portal.accounts.models import User
from prize_portal.files.checks import check_upload, display_name
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.tasks import queue_task_on_commit

from ..enums import AttachmentStatus
from ..errors import IntakeError
from ..models import Attachment
from ..selectors import questions_for
from ..validators import ATTACHMENTS_PER_ENTRY
from .attachment_checks import CHECK_TASK
from .entries import check_open, lock_entry


@transaction.atomic
def attachment_add(
    *,
    entry_id: int,
    user: User,
    upload: UploadedFile,
    question_code: str | None = None,
    now: datetime | None = None,
) -> Attachment:
    """Attach a file checked by its content (see uploads.py). A PDF is streamed
    to storage as uploaded and stays "being checked" until the task queued
    after commit has cleaned it; an image is stored re-encoded, with a
    thumbnail, and is checked at once."""
    now = now or timezone.now()
    entry = lock_entry(entry_id)
    check_open(entry, now)
    question = None
    if question_code:
        question = questions_for(entry).get(question_code)
        if question is None or question.kind != QuestionKind.FILE:
            raise IntakeError(_("This question is not part of your form."), code="unknown_question")
    if entry.attachments.count() >= ATTACHMENTS_PER_ENTRY:
        raise IntakeError(
            _("An entry may have at most %(count)d files.") % {"count": ATTACHMENTS_PER_ENTRY}, code="too_many"
        )
    checked = check_upload(upload)
    attachment = Attachment(
        entry=entry,
        question=question,
        original_name=display_name(upload.name or ""),
        content_type=checked.content_type,
        uploaded_by=user,
    )
    name = f"upload{checked.extension}"
    if checked.content is None:  # a PDF: stored as uploaded, cleaned by a task once committed
        attachment.size = upload.size or 0
        attachment.file.save(name, File(upload.file), save=False)
    else:
        attachment.status, attachment.checked_at = AttachmentStatus.CLEAN, now
        attachment.size = len(checked.content)
        attachment.file.save(name, ContentFile(checked.content), save=False)
        attachment.thumbnail.save("thumbnail.webp", ContentFile(checked.thumbnail or b""), save=False)
    # The files are in storage: if the row cannot be written, remove them again.
    try:
        attachment.full_clean(exclude=["file", "thumbnail"])
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        if attachment.thumbnail:
            attachment.thumbnail.delete(save=False)
        raise
    if attachment.status == AttachmentStatus.CHECKING:
        queue_task_on_commit(CHECK_TASK, attachment.pk)  # a broker outage is left to the sweep
    # Files do not raise the text's version: a collaborator's upload is no
    # edit conflict for someone typing.
    entry.save(update_fields=["updated_at"])
    return attachment


@transaction.atomic
def attachment_delete(*, entry_id: int, attachment_id: int, user: User, now: datetime | None = None) -> None:
    """Remove a file from an entry before the deadline. The stored file goes
    once the transaction commits (a submitted version may still list it by
    name, never by content)."""
    now = now or timezone.now()
    entry = lock_entry(entry_id)
    check_open(entry, now)
    attachment = Attachment.objects.get(pk=attachment_id, entry=entry)
    delete_files_on_commit([attachment.file.name or "", attachment.thumbnail.name or ""], attachment.file.storage)
    attachment.delete()
    entry.save(update_fields=["updated_at"])


@transaction.atomic
def attachment_set_identifying(*, attachment_id: int, staff: User, identifying: bool) -> Attachment:
    """Staff mark a file as naming the applicant (a logo, a signed letter), so
    that judges of a blind round never see it; recorded in the audit trail."""
    from prize_portal.audit.services import audit_record

    attachment = Attachment.objects.select_for_update().get(pk=attachment_id)
    if attachment.identifying != identifying:
        before = {"identifying": attachment.identifying}
        attachment.identifying = identifying
        attachment.save(update_fields=["identifying"])
        audit_record(
            actor=staff,
            action="attachment.identifying",
            target=attachment,
            before=before,
            after={"identifying": identifying},
        )
    return attachment
