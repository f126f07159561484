"""What a judge reads of an entry: the last submitted version, English summary
first and the original language alongside, the answers by evaluation domain
and the files — without what identifies the applicant in a blind round. The
same pieces make the entry PDF (submissions/pdf.py), so both show one text."""

from typing import Any

from django.utils.translation import gettext as _

from judging.models import Assignment
from judging.selectors import reviewer as selectors
from submissions.presentation import answer_sections, entry_texts


def reading_context(assignment: Assignment) -> dict[str, Any]:
    submission = selectors.latest_submission(assignment)
    if submission is None:
        return {"submission": None}
    blind = assignment.round.blind
    attachments = selectors.attachments_for(assignment, submission)
    files = []
    for number, attachment in enumerate(attachments, 1):
        files.append(
            {
                "attachment": attachment,
                "name": _("Attachment %(number)d") % {"number": number} if blind else attachment.original_name,
                "is_image": attachment.content_type.startswith("image/"),
            }
        )
    return {
        "submission": submission,
        "blind": blind,
        "organisation": None if blind else assignment.entry.organisation,
        **entry_texts(submission),
        "sections": answer_sections(submission, blind=blind, files=attachments),
        "files": files,
    }
