"""Applicant pages of intake: the dashboard and the entry (start, read,
edit, submit, withdraw, its PDFs). Each view parses input, calls one service or
selector, turns a domain error into a message and responds; every object is
checked against rules.py and is a 404 when not allowed."""

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from prize_portal.files.uploads import size_limited_upload
from prize_portal.site.translations import shown_text
from submissions import selectors, services
from submissions.errors import EditConflictError, EntryIncompleteError, IntakeError
from submissions.forms import ACCEPTED_FILES, EntryForm, EntryStartForm, UploadSlot
from submissions.models import Attachment, Entry
from submissions.validators import ATTACHMENTS_PER_ENTRY


def wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@require_safe
@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    entries = list(selectors.entries_of(request.user))
    timelines = selectors.timelines_for(entries)
    # What the apps above add (judging: the certificates), so the dashboard is
    # the one place an applicant finds everything about their entries.
    extras = selectors.entry_extras(entries)
    now = timezone.now()
    rows = [
        {
            "entry": entry,
            "timeline": timelines[entry.pk],
            **extras[entry.pk],
            "missing": len(selectors.entry_missing(entry)),
            "open": entry.is_open(now),
        }
        for entry in entries
    ]
    context = {
        "rows": rows,
        "organisations": selectors.organisations_of(request.user),
        "can_start": selectors.categories_open(now).exists(),
        "now": now,
    }
    return render(request, "submissions/dashboard.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def entry_start(request: AuthenticatedRequest) -> HttpResponse:
    organisations = selectors.organisations_of(request.user)
    if not organisations:
        messages.info(request, _("First tell us who is applying."))
        return redirect("submissions:organisation_create")
    categories = selectors.categories_open(timezone.now())
    form = EntryStartForm(request.POST or None, organisations=organisations, categories=categories)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_start(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your draft has been created. It is saved as you write."))
            return redirect("submissions:entry_edit", entry.pk)
    return render(request, "submissions/entry_start.html", {"form": form, "categories": categories})


@require_safe
@login_required
def entry_detail(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.see_entry")
    now = timezone.now()
    context = {
        "entry": entry,
        "missing": selectors.entry_missing(entry),
        "timeline": selectors.timelines_for([entry])[entry.pk],
        "invitations": selectors.open_invitations(entry),
        "can_edit": request.user.has_perm("submissions.edit_entry", entry),
        "can_manage": request.user.has_perm("submissions.manage_entry", entry),
        "open": entry.is_open(now),
        "now": now,
    }
    return render(request, "submissions/entry_detail.html", context)


def add_errors(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError on the form fields it names."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        target = name if name in form.fields else None
        for message in messages_:
            form.add_error(target, message if target else f"{name}: {message}")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@size_limited_upload
def entry_edit(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.edit_entry")
    questions = selectors.questions_for(entry)
    if request.method != "POST":
        if not entry.is_open(timezone.now()):
            messages.info(request, _("This entry can no longer be changed; here is what it holds."))
            return redirect("submissions:entry_detail", entry.pk)
        return _render_form(request, entry, _form_as_saved(entry, questions))
    form = EntryForm(request.POST, request.FILES, entry=entry, questions=questions)
    autosave = wants_json(request)
    form.is_valid()  # a field in error is saved as typed, and marked; it holds nothing back
    if "version" in form.errors:
        return _form_failed(request, entry, form, autosave, status=400)
    fields, answers = form.fields_and_answers()
    try:
        saved = services.entry_save_draft(
            entry_id=entry.pk, user=request.user, version=form.cleaned_data["version"], fields=fields, answers=answers
        )
    except EditConflictError as error:
        form.add_error(None, error)
        return _form_failed(request, entry, form, autosave, status=409, conflict=True)
    except ValidationError as error:
        add_errors(form, error)
        return _form_failed(request, entry, form, autosave, status=400)
    if autosave:
        saved_at = timezone.localtime(saved.updated_at).isoformat()
        to_correct = {name: [str(text) for text in texts] for name, texts in selectors.entry_to_correct(saved).items()}
        return JsonResponse({"version": saved.version, "saved_at": saved_at, "to_correct": to_correct})
    # Without JavaScript, files chosen in the form arrive with "Save draft".
    for name, uploads in request.FILES.lists():
        upload = uploads[0]
        try:
            code = name.removeprefix("file-") or None
            services.attachment_add(entry_id=entry.pk, user=request.user, upload=upload, question_code=code)
        except ValidationError as error:
            messages.error(request, f"{upload.name}: {' '.join(error.messages)}")
    if refused := getattr(request, "upload_refused", None):
        messages.error(request, refused)
    if request.POST.get("action") == "submit":
        return _submit(request, entry, questions)
    if saved.draft_invalid:
        fresh = selectors.entry_get(user=request.user, entry_id=entry.pk, perm="submissions.edit_entry")
        messages.warning(request, _("Your draft has been saved. Correct the fields marked below before you submit."))
        return _render_form(request, fresh, _form_as_saved(fresh, questions), status=400)
    messages.success(request, _("Your draft has been saved."))
    return redirect("submissions:entry_edit", entry.pk)


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


def _submit(request: AuthenticatedRequest, entry: Entry, questions: dict[str, Any]) -> HttpResponse:
    try:
        submission = services.entry_submit(entry_id=entry.pk, user=request.user)
    except EntryIncompleteError as error:
        # Show what is missing on the draft as saved, each message on its field.
        fresh = selectors.entry_get(user=request.user, entry_id=entry.pk, perm="submissions.edit_entry")
        form = EntryForm(EntryForm.initial_for(fresh, questions), entry=fresh, questions=questions)
        form.is_valid()
        form.add_error(None, _("Your entry is not complete yet. Your draft has been saved."))
        file_errors: dict[str, list[str]] = {}
        for name, messages_ in error.message_dict.items():
            if name in form.fields:
                for message in messages_:
                    form.add_error(name, message)
            else:
                file_errors[name.removeprefix("answer-")] = messages_
        return _render_form(request, fresh, form, status=400, file_errors=file_errors)
    except IntakeError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("submissions:entry_detail", entry.pk)
    messages.success(
        request,
        _("Your entry has been submitted with the reference number %(reference)s. A receipt is on its way by e-mail.")
        % {"reference": submission.content["reference"]},
    )
    return redirect("submissions:entry_detail", entry.pk)


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
) -> HttpResponse:
    file_errors = file_errors or {}
    attachments = list(entry.attachments.all())
    sections = form.sections()
    by_question: dict[int | None, list[Attachment]] = defaultdict(list)
    for attachment in attachments:
        by_question[attachment.question_id].append(attachment)
    for section in sections:
        section.uploads = [
            UploadSlot(
                code=question.code,
                label=shown_text(question, "label"),
                help_text=shown_text(question, "help_text"),
                required=question.required,
                attachments=by_question[question.pk],
                errors=file_errors.get(question.code, []),
            )
            for question in section.file_questions
        ]
    if by_question[None] or not any(section.file_questions for section in sections):
        sections[-1].uploads.append(UploadSlot(code="", label=_("Other files"), attachments=by_question[None]))
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
        "sections": sections,
        "attachments": attachments,
        "accept": ACCEPTED_FILES,
        "conflict": conflict,
        "now": timezone.now(),
        "language": get_language(),
    }
    return render(request, "submissions/entry_form.html", context, status=status)


@require_safe
@login_required
def entry_pdf(request: AuthenticatedRequest, entry_id: int, number: int) -> HttpResponseBase:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.see_entry")
    submission = next((s for s in entry.submissions.all() if s.number == number), None)
    if submission is None:
        raise Http404
    if not submission.pdf:
        messages.info(request, _("The PDF of this version is being prepared. Please try again in a minute."))
        return redirect("submissions:entry_detail", entry.pk)
    return file_response(submission.pdf, f"{entry.reference}-v{number}.pdf", "application/pdf", inline=False)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def entry_withdraw(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.manage_entry")
    if request.method == "POST":
        try:
            services.entry_withdraw(entry_id=entry.pk, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("submissions:entry_detail", entry.pk)
        if entry.reference:
            messages.success(
                request, _("Your entry %(reference)s has been withdrawn.") % {"reference": entry.reference}
            )
        else:
            messages.success(request, _("Your draft has been deleted."))
        return redirect("submissions:dashboard")
    return render(request, "submissions/entry_withdraw.html", {"entry": entry})
