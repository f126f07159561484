"""The entry form: the applicant's draft, saved as they write (autosave
sends the fields changed; without JavaScript "Save draft" sends them all),
merged field by field with what collaborators saved meanwhile, then submitted.
Every object is checked against rules.py and is a 404 when not allowed."""

import json
from collections import defaultdict
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from categories.conditions import condition_of
from categories.enums import QuestionKind
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.uploads import size_limited_upload
from prize_portal.site.translations import shown_text
from submissions import selectors, services
from submissions.drafts import parse_bases
from submissions.errors import EditConflictError
from submissions.forms import ACCEPTED_FILES, EntryForm, UploadSlot, chosen_labels, section_keys
from submissions.models import Attachment, Entry
from submissions.presentation import attachment_check_text
from submissions.services import DraftSaved
from submissions.steps import entry_progress, section_names
from submissions.validators import ATTACHMENTS_PER_ENTRY, date_as_typed
from submissions.views.entries import add_errors, wants_json
from submissions.views.review import submit_entry


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@size_limited_upload
def entry_edit(request: AuthenticatedRequest, entry_id: int, step: str | None = None) -> HttpResponse:
    """The form in steps (``step``: a section's key), or all on one page."""
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.edit_entry")
    questions = selectors.questions_for(entry)
    if step is not None and step not in section_keys(questions):
        raise Http404
    if request.method != "POST":
        if not entry.is_open(timezone.now()):
            messages.info(request, _("This entry can no longer be changed; here is what it holds."))
            return redirect("submissions:entry_detail", entry.pk)
        return _render_form(request, entry, _form_as_saved(entry, questions), step=step)
    return _save(request, entry, questions, step)


def _save(request: AuthenticatedRequest, entry: Entry, questions: dict[str, Any], step: str | None) -> HttpResponse:
    form = EntryForm(request.POST, request.FILES, entry=entry, questions=questions)
    autosave = wants_json(request)
    form.is_valid()  # a field in error is saved as typed, and marked; it holds nothing back
    if "version" in form.errors:
        return _form_failed(request, entry, form, autosave, status=400)
    # Autosave names the fields it sends; a step's "Save" sends that step's.
    changed = request.POST.get("changed")
    only = {name for name in changed.split(",") if name} if changed is not None else None
    if only is None and step is not None:
        only = set(next(section_names(section) for section in form.sections() if section.key == step))
    fields, answers = form.fields_and_answers(only)
    try:
        result = services.entry_save_changes(
            entry_id=entry.pk,
            user=request.user,
            version=form.cleaned_data["version"],
            fields=fields,
            answers=answers,
            bases=parse_bases(form.data.get("bases")),
        )
    except EditConflictError as error:
        form.add_error(None, error)
        return _form_failed(request, entry, form, autosave, status=409, conflict=True)
    except ValidationError as error:
        add_errors(form, error)
        return _form_failed(request, entry, form, autosave, status=400)
    conflicts = {name: _conflict_shown(form, name, value) for name, value in result.conflicts.items()}
    if autosave:
        return _autosaved(result, conflicts)
    _add_files(request, entry)
    if conflicts:
        return _render_conflicts(request, form, conflicts)
    if request.POST.get("action") == "submit":
        return submit_entry(request, entry)
    action = request.POST.get("action", "save")
    if result.entry.draft_invalid and action == "save":
        fresh = selectors.entry_get(user=request.user, entry_id=entry.pk, perm="submissions.edit_entry")
        messages.warning(request, _("Your draft has been saved. Correct the fields marked below before you submit."))
        return _render_form(request, fresh, _form_as_saved(fresh, questions), status=400, step=step)
    messages.success(request, _("Your draft has been saved."))
    return redirect(_after_save(form, step, action))


def _after_save(form: EntryForm, step: str | None, action: str) -> str:
    """Where "Save", "Previous", "Save and continue" and "Save and review" lead."""
    entry_id = form.entry.pk
    keys = section_keys(form.questions)
    if action == "review" or (action == "next" and step == keys[-1]):
        return reverse("submissions:entry_review", args=[entry_id])
    if step is not None and action in ("next", "previous"):
        index = keys.index(step) + (1 if action == "next" else -1)
        return reverse("submissions:entry_step", args=[entry_id, keys[max(index, 0)]])
    if step is not None:
        return reverse("submissions:entry_step", args=[entry_id, step])
    return reverse("submissions:entry_edit", args=[entry_id])


def _autosaved(result: DraftSaved, conflicts: dict[str, Any]) -> JsonResponse:
    saved = result.entry
    to_correct = {name: [str(text) for text in texts] for name, texts in selectors.entry_to_correct(saved).items()}
    return JsonResponse(
        {
            "version": saved.version,
            "saved_at": timezone.localtime(saved.updated_at).isoformat(),
            "to_correct": to_correct,
            "digests": result.digests,
            "conflicts": conflicts,
        }
    )


def _add_files(request: AuthenticatedRequest, entry: Entry) -> None:
    """Without JavaScript, files chosen in the form arrive with "Save draft"."""
    for name, uploads in request.FILES.lists():
        upload = uploads[0]
        try:
            code = name.removeprefix("file-") or None
            services.attachment_add(entry_id=entry.pk, user=request.user, upload=upload, question_code=code)
        except ValidationError as error:
            messages.error(request, f"{upload.name}: {' '.join(error.messages)}")
    if refused := getattr(request, "upload_refused", None):
        messages.error(request, refused)


def _render_conflicts(request: AuthenticatedRequest, form: EntryForm, conflicts: dict[str, Any]) -> HttpResponse:
    """The form after a save without JavaScript that met fields someone else
    changed meanwhile: theirs is stored, yours is in the field (its base is now
    theirs: saving again keeps yours), the rest as saved."""
    fresh = selectors.entry_get(user=request.user, entry_id=form.entry.pk, perm="submissions.edit_entry")
    data = EntryForm.initial_for(fresh, form.questions)
    data.update(
        {name: request.POST.getlist(name) if _is_list(form, name) else request.POST.get(name, "") for name in conflicts}
    )
    shown = EntryForm(data, entry=fresh, questions=form.questions)
    shown.is_valid()
    for name, conflict in conflicts.items():
        shown.add_error(name, _("Someone else saved a different value here while you were editing."))
        shown[name].conflict = conflict  # type: ignore[attr-defined]
    messages.warning(request, _("Your other changes have been saved. Choose what to keep in the fields marked below."))
    return _render_form(request, fresh, shown, status=409)


def _is_list(form: EntryForm, name: str) -> bool:
    return isinstance(form.fields[name], forms.MultipleChoiceField)


def _conflict_shown(form: EntryForm, name: str, value: Any) -> dict[str, Any]:
    """A value someone else stored, as the field takes it and as people read it."""
    field = form.fields[name]
    if value in (None, ""):
        value = [] if _is_list(form, name) else ""
    if isinstance(field, forms.ChoiceField):
        return {"theirs": value, "text": ", ".join(chosen_labels(field, value))}
    question = form.questions.get(name.removeprefix("answer-"))
    if question is not None and question.kind == QuestionKind.DATE and value:
        value = date_as_typed(value)
    return {"theirs": value, "text": str(value)}


def _form_as_saved(entry: Entry, questions: dict[str, Any]) -> EntryForm:
    """The form of the draft as stored; the values kept as typed are shown so,
    each with what to correct."""
    to_correct = selectors.entry_to_correct(entry)
    if not to_correct:
        return EntryForm(entry=entry, questions=questions)
    form = EntryForm(EntryForm.initial_for(entry, questions), entry=entry, questions=questions)
    form.is_valid()
    for name, texts in to_correct.items():
        if name in form.fields and name not in form.errors:
            for text in texts:
                form.add_error(name, text)
    return form


def _mark_conditions(form: EntryForm, entry: Entry) -> None:
    """Each question with a condition carries it for the page's script (which
    shows and hides it as its trigger is answered) and is hidden while its
    trigger's saved answer does not show it."""
    shown = selectors.questions_shown(entry)
    for code, question in form.questions.items():
        condition = condition_of(question, form.questions)
        name = f"answer-{code}"
        if condition is None or name not in form.fields:
            continue
        bound = form[name]
        bound.shown_if = f"answer-{condition[0]}"  # type: ignore[attr-defined]
        bound.shown_values = json.dumps(condition[1])  # type: ignore[attr-defined]
        bound.hidden_now = code not in shown  # type: ignore[attr-defined]


def _form_failed(
    request: HttpRequest, entry: Entry, form: EntryForm, autosave: bool, *, status: int, conflict: bool = False
) -> HttpResponse:
    if autosave:
        errors = {name: [str(message) for message in errs] for name, errs in form.errors.items()}
        return JsonResponse({"errors": errors, "conflict": conflict}, status=status)
    return _render_form(request, entry, form, status=status, conflict=conflict)


def _render_form(
    request: HttpRequest,
    entry: Entry,
    form: EntryForm,
    *,
    status: int = 200,
    conflict: bool = False,
    file_errors: dict[str, list[str]] | None = None,
    step: str | None = None,
) -> HttpResponse:
    file_errors = file_errors or {}
    attachments = list(entry.attachments.all())
    sections = form.sections()
    _mark_conditions(form, entry)
    by_question: dict[int | None, list[tuple[Attachment, str]]] = defaultdict(list)
    for attachment in attachments:
        by_question[attachment.question_id].append((attachment, attachment_check_text(attachment)))
    for section in sections:
        section.uploads = [
            UploadSlot(
                code=question.code,
                label=shown_text(question, "label"),
                help_text=shown_text(question, "help_text"),
                required=question.required,
                files=by_question[question.pk],
                errors=file_errors.get(question.code, []),
            )
            for question in section.file_questions
        ]
    if by_question[None] or not any(section.file_questions for section in sections):
        sections[-1].uploads.append(UploadSlot(code="", label=_("Other files"), files=by_question[None]))
    progress = entry_progress(entry, sections, current=step)
    previous_step, next_step = progress.neighbours(step) if step else (None, None)
    context = {
        "limit": ATTACHMENTS_PER_ENTRY,
        "file_errors": file_errors,
        "file_error_links": [
            (code, shown_text(question, "label"), message)
            for code, question in form.questions.items()
            for message in file_errors.get(code, [])
        ],
        "entry": entry,
        "form": form,
        "sections": [section for section in sections if step in (None, section.key)],
        "progress": progress,
        "step": progress.step(step) if step else None,
        "previous_step": previous_step,
        "next_step": next_step,
        "attachments": attachments,
        "accept": ACCEPTED_FILES,
        "conflict": conflict,
        "now": timezone.now(),
        "language": get_language(),
    }
    return render(request, "submissions/entry_form.html", context, status=status)
