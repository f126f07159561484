"""What a judge reads of an entry: the last submitted version, English summary
first and the original language alongside, the answers by evaluation domain
and the files — without what identifies the applicant in a blind round. The
same pieces make the entry PDF (submissions/pdf.py), so both show one text."""

from typing import Any

from django.utils.translation import gettext as _

from judging.models import Assignment
from judging.selectors import reviewer as selectors
from prize_portal.documents import bcp47_lang, language_name
from submissions.presentation import answer_sections


def reading_context(assignment: Assignment) -> dict[str, Any]:
    submission = selectors.latest_submission(assignment)
    if submission is None:
        return {"submission": None}
    blind = assignment.round.blind
    content = submission.content
    language = content.get("language") or assignment.entry.language
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
        "title_en": content.get("title_en", ""),
        "summary_en": content.get("summary_en", ""),
        "title_original": content.get("title_original", ""),
        "summary_original": content.get("summary_original", ""),
        "original_lang": bcp47_lang(language),
        "original_language_name": language_name(language),
        "has_original": language != "en" and bool(content.get("title_original") or content.get("summary_original")),
        "sections": answer_sections(submission, blind=blind, files=attachments),
        "files": files,
    }
