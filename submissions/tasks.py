from prize_portal.tasks import portal_task

from .models import Attachment, Submission
from .services.attachment_checks import attachment_check, attachment_checks_sweep
from .services.files import orphan_files_sweep
from .services.pdfs import submission_pdfs_sweep, submission_render_pdf
from .services.reminders import draft_reminders_send


@portal_task(name="submissions.tasks.task_render_submission_pdf", soft_time_limit=300, time_limit=360)
def task_render_submission_pdf(submission_id: int) -> str:
    """Render and store the PDF of submission ``submission_id``; safe to run
    any number of times (a stored PDF is never rendered again)."""
    try:
        submission = submission_render_pdf(submission_id=submission_id)
    except Submission.DoesNotExist:  # the entry was deleted meanwhile: nothing to do
        return "missing"
    return submission.pdf.name or ""


@portal_task(name="submissions.tasks.task_sweep_submission_pdfs")
def task_sweep_submission_pdfs() -> int:
    """Periodic (Celery beat): queue again the PDFs still missing a minute after submit."""
    return submission_pdfs_sweep()


@portal_task(name="submissions.tasks.task_sweep_orphan_files")
def task_sweep_orphan_files() -> int:
    """Periodic (Celery beat): remove stored files no row refers to any more."""
    return len(orphan_files_sweep())


@portal_task(name="submissions.tasks.task_send_draft_reminders")
def task_send_draft_reminders() -> int:
    """Periodic (Celery beat): remind applicants of drafts near the deadline;
    safe to run any number of times (each reminder is queued once)."""
    return draft_reminders_send()


@portal_task(name="submissions.tasks.task_check_attachment", soft_time_limit=120, time_limit=180)
def task_check_attachment(attachment_id: int) -> str:
    """Clean or refuse the uploaded PDF ``attachment_id``; safe to run any
    number of times (a file already checked is left as it is)."""
    try:
        attachment = attachment_check(attachment_id=attachment_id)
    except Attachment.DoesNotExist:  # removed meanwhile: nothing to do
        return "missing"
    return str(attachment.status)


@portal_task(name="submissions.tasks.task_sweep_attachment_checks")
def task_sweep_attachment_checks() -> int:
    """Periodic (Celery beat): queue again the checks still waiting a minute after the upload."""
    return attachment_checks_sweep()
