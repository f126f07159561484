"""A submitted entry as people read it: the answers of its frozen version
under their question labels, grouped by evaluation domain, and its files.
One presentation for the entry PDF, the judge's page and staff's admin page,
so that nobody reads an answer differently from the others."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from categories.conditions import shown_questions
from categories.enums import CHOICE_KINDS, QuestionKind
from categories.models import Question
from prize_portal.documents import bcp47_lang, language_name
from prize_portal.files.pdfs import REFUSALS, REMOVED_KINDS
from prize_portal.site.translations import shown_text

from .enums import AttachmentStatus
from .models import Attachment, Submission


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


def entry_texts(submission: Submission) -> dict[str, Any]:
    """The frozen title and summary in English and in the entry's own
    language, with that language's tag and name (in the reader's language)."""
    content = submission.content
    language = content.get("language") or submission.entry.language
    return {
        "title_en": content.get("title_en", ""),
        "summary_en": content.get("summary_en", ""),
        "title_original": content.get("title_original", ""),
        "summary_original": content.get("summary_original", ""),
        "original_lang": bcp47_lang(language),
        "original_language_name": language_name(language),
        "has_original": language != "en" and bool(content.get("title_original") or content.get("summary_original")),
    }


def file_size(size: int) -> str:
    return str(filesizeformat(size))


def _answer_row(question: Question, value: Any, files: list[str]) -> AnswerRow:
    label = shown_text(question, "label")
    kind = question.kind
    if kind == QuestionKind.FILE:
        return AnswerRow(label=label, items=files, answered=bool(files))
    if value in (None, "", []):
        return AnswerRow(label=label, answered=False)
    if kind in CHOICE_KINDS:
        labels = {choice.code: shown_text(choice, "label") for choice in question.choices.all()}
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


def form_questions(submission: Submission) -> list[Question]:
    """The questions of the submission's category, in the form's order."""
    return list(
        Question.objects.filter(category_id=submission.entry.category_id)
        .select_related("criterion")
        .prefetch_related("choices")
        .order_by("order", "code")
    )


def submitted_questions(submission: Submission, questions: list[Question]) -> dict[str, Question]:
    """Of the category's ``questions``, those the submitted version shows, by
    code in order: asked of the applicant (or answered, when asked of them
    then), and shown by the frozen answers (categories/conditions.py). The
    answer to a hidden question, kept in the snapshot, is read by nobody."""
    answers: dict[str, Any] = submission.content.get("answers", {})
    applicant_type = submission.entry.organisation.type
    on_form = {
        question.code: question
        for question in questions
        if question.is_asked_of(applicant_type) or question.code in answers
    }
    return shown_questions(on_form, answers)


def hidden_files(submission: Submission, question_of: dict[Any, int]) -> set[Any]:
    """Of the attachments given with the question they answer (only those
    whose question has a condition need be given), those whose question the
    submitted version hides."""
    if not question_of:
        return set()
    shown = {question.pk for question in submitted_questions(submission, form_questions(submission)).values()}
    return {pk for pk, question_id in question_of.items() if question_id not in shown}


def answer_sections(
    submission: Submission,
    *,
    blind: bool = False,
    files: list[Attachment] | None = None,
    with_removed: bool = False,
) -> list[Section]:
    """The answers under their question labels, in the form's order; a run of
    questions of one evaluation domain is one section. Questions the frozen
    answers hide are left out (``submitted_questions``). ``blind`` leaves out
    the names of files marked as identifying the applicant; ``files``, when
    the caller has loaded them, saves the queries. ``with_removed`` (staff):
    answers to questions deleted since the submit follow, under their codes."""
    answers: dict[str, Any] = submission.content.get("answers", {})
    attachments = shown_attachments(submission, blind=blind, files=files)
    # The snapshot lists files without their question; an attachment's question never changes.
    if files is not None:
        question_of: dict[Any, int | None] = {attachment.pk: attachment.question_id for attachment in files}
    else:
        question_of = dict(
            Attachment.objects.filter(pk__in=[item.get("id") for item in attachments]).values_list("pk", "question_id")
        )
    questions = form_questions(submission)
    sections: list[Section] = []
    current: int | str | None = "none yet"
    seen_domain = False
    for question in submitted_questions(submission, questions).values():
        if blind and question.identifying:  # its answer names the applicant (a website, a position)
            continue
        if question.criterion_id != current:
            current = question.criterion_id
            title: str
            if question.criterion is not None:
                title = shown_text(question.criterion, "name")
                seen_domain = True
            else:
                title = _("Additional information") if seen_domain else _("General information")
            sections.append(Section(title=title))
        names = [item["name"] for item in attachments if question_of.get(item.get("id")) == question.pk]
        sections[-1].rows.append(_answer_row(question, answers.get(question.code), names))
    if with_removed:
        removed = [code for code in answers if code not in {question.code for question in questions}]
        if removed:
            rows = [AnswerRow(label=code, text=_removed_text(answers[code])) for code in removed]
            sections.append(Section(title=_("Answers to questions removed since the submission"), rows=rows))
    return sections


def _removed_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def shown_attachments(
    submission: Submission, *, blind: bool = False, files: list[Attachment] | None = None
) -> list[dict[str, Any]]:
    """The snapshot's file list, without the files of questions the frozen
    answers hide; ``blind``: without files marked as identifying either, and
    named by number (a file name may give the applicant away). ``files``: the
    attachments the reader may see, already loaded and checked."""
    items: list[dict[str, Any]] = submission.content.get("attachments", [])
    if files is None:
        conditional = dict(
            Attachment.objects.filter(
                pk__in=[item.get("id") for item in items], question__shown_if__isnull=False
            ).values_list("pk", "question_id")
        )
        hidden = hidden_files(submission, conditional)
        items = [item for item in items if item.get("id") not in hidden]
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


def attachment_check_text(attachment: Attachment) -> str:
    """What the uploader is told of a file's check, in their language; ""
    for a file checked with nothing to say."""
    if attachment.status == AttachmentStatus.CHECKING:
        return _("Being checked for safety…")
    if attachment.status == AttachmentStatus.REFUSED:
        return str(REFUSALS.get(attachment.refusal, REFUSALS["not_pdf"]))
    kinds = [str(REMOVED_KINDS[code]) for code in attachment.removed if code in REMOVED_KINDS]
    if not kinds:
        return ""
    # Translators: joins the kinds of content removed from a PDF ("scripts, embedded files").
    separator = pgettext("list separator", ", ")
    return _("For safety we removed %(kinds)s from this PDF. Open it to check that it still reads as you intended.") % {
        "kinds": separator.join(kinds)
    }
