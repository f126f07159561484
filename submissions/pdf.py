"""The PDF of one submission: the entry as it was frozen at submit, laid out as
an official document and rendered with WeasyPrint.

Only the submission's ``content`` snapshot supplies the applicant's text; the
prize configuration (question labels, evaluation domains, choice labels) is
read in the reader's language. It renders in the sandbox of
``prize_portal.documents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries import countries

from categories.enums import CHOICE_KINDS, QuestionKind
from categories.models import Question
from prize_portal.documents import bcp47_lang, html_to_pdf, language_name

from .models import Attachment, Entry, Submission

if TYPE_CHECKING:
    pass

TEMPLATE = "submissions/pdf/entry.html"


@dataclass
class AnswerRow:
    label: str
    text: str = ""  # one value (text, number, date, web address)
    items: list[str] = field(default_factory=list)  # choices, or names of files
    long: bool = False
    answered: bool = True


@dataclass
class Section:
    title: str
    rows: list[AnswerRow] = field(default_factory=list)


def _file_size(size: int) -> str:
    from django.template.defaultfilters import filesizeformat

    return str(filesizeformat(size))


def _answer_row(question: Question, value: Any, files: list[str]) -> AnswerRow:
    label = str(question.label)
    kind = question.kind
    if kind == QuestionKind.FILE:
        return AnswerRow(label=label, items=files, answered=bool(files))
    if value in (None, "", []):
        return AnswerRow(label=label, answered=False)
    if kind in CHOICE_KINDS:
        labels = {choice.code: str(choice.label) for choice in question.choices.all()}
        codes = value if isinstance(value, list) else [value]
        return AnswerRow(label=label, items=[labels.get(code, str(code)) for code in codes])
    if kind == QuestionKind.NUMBER and isinstance(value, int | float):
        return AnswerRow(label=label, text=number_format(value, force_grouping=True))
    if kind == QuestionKind.DATE:
        try:
            return AnswerRow(label=label, text=date_format(date.fromisoformat(str(value)), "DATE_FORMAT"))
        except ValueError:
            pass
    return AnswerRow(label=label, text=str(value), long=kind == QuestionKind.LONG_TEXT)


def answer_sections(
    submission: Submission, *, blind: bool = False, files: list[Attachment] | None = None
) -> list[Section]:
    """The answers under their question labels, in the form's order; a run of
    questions of one evaluation domain is one section. ``blind`` leaves out
    the names of files marked as identifying the applicant; ``files``, when
    the caller has loaded them, saves the queries."""
    entry = submission.entry
    answers: dict[str, Any] = submission.content.get("answers", {})
    attachments = shown_attachments(submission, blind=blind, files=files)
    # The snapshot lists files without their question; an attachment's question never changes.
    if files is not None:
        question_of: dict[Any, int | None] = {attachment.pk: attachment.question_id for attachment in files}
    else:
        question_of = dict(
            Attachment.objects.filter(pk__in=[item.get("id") for item in attachments]).values_list("pk", "question_id")
        )
    questions = (
        Question.objects.filter(category_id=entry.category_id)
        .select_related("criterion")
        .prefetch_related("choices")
        .order_by("order", "code")
    )
    sections: list[Section] = []
    current: int | str | None = "none yet"
    seen_domain = False
    for question in questions:
        if not question.is_asked_of(entry.organisation.type) and question.code not in answers:
            continue
        if blind and question.identifying:  # its answer names the applicant (a website, a position)
            continue
        if question.criterion_id != current:
            current = question.criterion_id
            if question.criterion is not None:
                title = str(question.criterion.name)
                seen_domain = True
            else:
                title = _("Additional information") if seen_domain else _("General information")
            sections.append(Section(title=title))
        names = [item["name"] for item in attachments if question_of.get(item.get("id")) == question.pk]
        sections[-1].rows.append(_answer_row(question, answers.get(question.code), names))
    return sections


def shown_attachments(
    submission: Submission, *, blind: bool = False, files: list[Attachment] | None = None
) -> list[dict[str, Any]]:
    """The snapshot's file list; ``blind``: without files marked as identifying,
    and named by number (a file name may give the applicant away). ``files``:
    the attachments the reader may see, already loaded."""
    items: list[dict[str, Any]] = submission.content.get("attachments", [])
    if not blind:
        return items
    if files is not None:
        allowed = {attachment.pk for attachment in files}
        kept = [item for item in items if item.get("id") in allowed]
    else:
        identifying = set(
            Attachment.objects.filter(entry_id=submission.entry_id, identifying=True).values_list("pk", flat=True)
        )
        kept = [item for item in items if item.get("id") not in identifying]
    return [{**item, "name": _("Attachment %(number)d") % {"number": number}} for number, item in enumerate(kept, 1)]


def pdf_context(submission: Submission, *, blind: bool = False) -> dict[str, Any]:
    """What the template shows; call it inside the reader's language.
    ``blind``: nothing that identifies the applicant (organisation, people,
    city, identifying files) — for judges of a blind round."""
    entry = submission.entry
    content = submission.content
    organisation = entry.organisation
    attachments = [
        {"name": item["name"], "type": item["type"], "size": _file_size(int(item["size"]))}
        for item in shown_attachments(submission, blind=blind)
    ]
    language = content.get("language") or entry.language
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
        "title_en": content.get("title_en", ""),
        "summary_en": content.get("summary_en", ""),
        "title_original": content.get("title_original", ""),
        "summary_original": content.get("summary_original", ""),
        "original_lang": bcp47_lang(language),
        "original_language_name": language_name(language),
        "has_original": language != "en" and bool(content.get("title_original") or content.get("summary_original")),
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
