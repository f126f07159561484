"""Review before submitting: every answer of the draft as saved, step by
step, each with a link to change it, what is still missing marked, and the
button that submits. Every object is checked against rules.py and is a 404
when not allowed."""

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.site.translations import shown_text
from submissions import selectors, services
from submissions.errors import EntryIncompleteError, IntakeError
from submissions.forms import EntryForm, chosen_labels
from submissions.models import Attachment, Entry
from submissions.steps import entry_progress, required_names


@dataclass
class ReviewRow:
    label: str
    name: str
    link: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    required: bool = False
    errors: list[str] = field(default_factory=list)
    long: bool = False

    @property
    def answered(self) -> bool:
        return bool(self.text or self.items)


@dataclass
class ReviewSection:
    key: str
    title: str
    link: str
    rows: list[ReviewRow] = field(default_factory=list)


def _shown_value(bound: forms.BoundField) -> tuple[str, list[str]]:
    """A field's saved value as people read it: a text, or the labels chosen."""
    value = bound.value()
    field_ = bound.field
    if isinstance(field_, forms.ChoiceField):
        chosen = chosen_labels(field_, value)
        return ("", chosen) if isinstance(field_, forms.MultipleChoiceField) else (chosen[0] if chosen else "", [])
    return (str(value or "").strip(), [])


def _target(bound: forms.BoundField) -> str:
    """The id a link to a field leads to: the input, or a group's first option (as ``_error_link.html``)."""
    return f"{bound.auto_id}_0" if bound.use_fieldset else str(bound.id_for_label)


def _file_item(attachment: Attachment) -> str:
    """A file as the review lists it: its name, and where its check stands unless it passed."""
    if attachment.is_clean:
        return attachment.original_name
    return _("%(name)s (%(status)s)") % {"name": attachment.original_name, "status": attachment.get_status_display()}


def review_sections(entry: Entry, form: EntryForm, errors: dict[str, list[str]]) -> list[ReviewSection]:
    """The draft as saved, section by section; the questions its answers hide left out."""
    shown = {f"answer-{code}" for code in selectors.questions_shown(entry)}
    required = required_names(entry)
    files: dict[int | None, list[Attachment]] = defaultdict(list)
    for attachment in entry.attachments.all():
        files[attachment.question_id].append(attachment)
    sections = []
    for section in form.sections():
        step_url = reverse("submissions:entry_step", args=[entry.pk, section.key])
        review = ReviewSection(key=section.key, title=section.title, link=step_url)
        for bound in section.fields:
            if bound.name.startswith("answer-") and bound.name not in shown:
                continue
            text, items = _shown_value(bound)
            review.rows.append(
                ReviewRow(
                    label=str(bound.label),
                    name=bound.name,
                    link=f"{step_url}#{_target(bound)}",
                    text=text,
                    items=items,
                    required=bound.name in required,
                    errors=errors.get(bound.name, []),
                    long=isinstance(bound.field.widget, forms.Textarea),
                )
            )
        for question in section.file_questions:
            name = f"answer-{question.code}"
            if name not in shown:
                continue
            review.rows.append(
                ReviewRow(
                    label=shown_text(question, "label"),
                    name=name,
                    link=f"{step_url}#file-{question.code}",
                    items=[_file_item(attachment) for attachment in files[question.pk]],
                    required=name in required,
                    errors=errors.get(name, []),
                )
            )
        if section.key == "files" and files[None]:
            review.rows.append(
                ReviewRow(
                    label=_("Other files"),
                    name="file-",
                    link=f"{step_url}#file-",
                    items=[_file_item(attachment) for attachment in files[None]],
                    errors=errors.get("file-", []),
                )
            )
        sections.append(review)
    return sections


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def entry_review(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.edit_entry")
    if not entry.is_open(timezone.now()):
        messages.info(request, _("This entry can no longer be changed; here is what it holds."))
        return redirect("submissions:entry_detail", entry.pk)
    if request.method == "POST":
        return submit_entry(request, entry)
    return render_review(request, entry)


def render_review(
    request: AuthenticatedRequest, entry: Entry, *, errors: dict[str, list[str]] | None = None, status: int = 200
) -> HttpResponse:
    questions = selectors.questions_for(entry)
    form = EntryForm(entry=entry, questions=questions)
    shown_errors = errors if errors is not None else {}
    sections = review_sections(entry, form, shown_errors)
    progress = entry_progress(entry, form.sections())
    labels = {row.name: (row.label, row.link) for section in sections for row in section.rows}
    context = {
        "entry": entry,
        "sections": sections,
        "progress": progress,
        "error_links": [
            (labels[name][1], labels[name][0], message)
            for name, texts in shown_errors.items()
            if name in labels
            for message in texts
        ],
        "missing": selectors.entry_missing(entry) if errors is None else errors,
        "now": timezone.now(),
    }
    return render(request, "submissions/entry_review.html", context, status=status)


def submit_entry(request: AuthenticatedRequest, entry: Entry) -> HttpResponse:
    """Submit the draft as saved; when something is missing, the review with
    every problem listed, each a link to its field."""
    try:
        submission = services.entry_submit(entry_id=entry.pk, user=request.user)
    except EntryIncompleteError as error:
        fresh = selectors.entry_get(user=request.user, entry_id=entry.pk, perm="submissions.edit_entry")
        return render_review(request, fresh, errors=error.message_dict, status=400)
    except IntakeError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("submissions:entry_detail", entry.pk)
    messages.success(
        request,
        _("Your entry has been submitted with the reference number %(reference)s. A receipt is on its way by e-mail.")
        % {"reference": submission.content["reference"]},
    )
    return redirect("submissions:entry_detail", entry.pk)
