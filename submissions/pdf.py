"""The PDF of one submission: the entry as it was frozen at submit, laid out as
an official document and rendered with WeasyPrint.

Only the submission's ``content`` snapshot supplies the applicant's text; the
prize configuration (question labels, evaluation domains, choice labels) is
read in the reader's language. It renders in the sandbox of
``prize_portal.documents``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django_countries import countries

from prize_portal.documents import bcp47_lang, html_to_pdf

from .models import Attachment, Entry, Submission
from .presentation import answer_sections, entry_texts, file_size, shown_attachments

TEMPLATE = "submissions/pdf/entry.html"


def pdf_context(submission: Submission, *, blind: bool = False) -> dict[str, Any]:
    """What the template shows; call it inside the reader's language.
    ``blind``: nothing that identifies the applicant (organisation, people,
    city, identifying files) — for judges of a blind round."""
    entry = submission.entry
    content = submission.content
    organisation = entry.organisation
    attachments = [
        {"name": item["name"], "type": item["type"], "size": file_size(int(item["size"]))}
        for item in shown_attachments(submission, blind=blind)
    ]
    return {
        "labels": _labels(),
        "submission": submission,
        "entry": entry,
        "cycle": entry.cycle,
        "category": entry.category,
        "track": entry.track,
        "organisation": organisation,
        "organisation_type": organisation.get_type_display(),
        "country": countries.name(organisation.country),
        "reference": content.get("reference") or entry.reference,
        **entry_texts(submission),
        "sections": answer_sections(submission, blind=blind),
        "blind": blind,
        "attachments": attachments,
        "page_number": format_html('<span class="{}"></span>', "page-number"),
        "page_count": format_html('<span class="{}"></span>', "page-count"),
        "html_lang": bcp47_lang(translation.get_language()),
    }


def _field_label(model: type[models.Model], name: str) -> str:
    return capfirst(str(getattr(model._meta.get_field(name), "verbose_name", name)))


def _labels() -> dict[str, str]:
    """Headings that are the models' own field names: already translated."""
    return {
        "reference": _field_label(Entry, "reference"),
        "category": _field_label(Entry, "category"),
        "organisation": _field_label(Entry, "organisation"),
        "submitted": _field_label(Submission, "submitted_at"),
        "version": _field_label(Submission, "number"),
        "language": _field_label(Entry, "language"),
        "summary_en": _field_label(Entry, "summary_en"),
        "attachments": capfirst(str(Attachment._meta.verbose_name_plural)),
        "file": _field_label(Attachment, "file"),
        "type": _field_label(Attachment, "content_type"),
    }


def reader_language(submission: Submission) -> str:
    """The applicant's (the entry owner's) language, one the site offers."""
    language = getattr(submission.entry.owner, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_submission_html(submission: Submission, *, language: str | None = None, blind: bool = False) -> str:
    """The HTML the PDF is made from, in ``language`` (default: the applicant's)."""
    with translation.override(language or reader_language(submission)):
        return render_to_string(TEMPLATE, pdf_context(submission, blind=blind))


def render_submission_pdf(submission: Submission, *, language: str | None = None, blind: bool = False) -> bytes:
    """The PDF of ``submission`` in ``language`` (default: the applicant's);
    ``blind`` as in :func:`pdf_context`."""
    return html_to_pdf(render_submission_html(submission, language=language, blind=blind))
