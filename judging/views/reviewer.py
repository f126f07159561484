"""The reviewer dashboard: a judge's rounds, assignments, the entry reading
page with the scoring form, conflicts and recusal. Every object is checked
against rules.py and is a 404 when not allowed."""

import functools
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from judging import services
from judging.enums import Progress
from judging.errors import ReviewConflictError, ReviewIncompleteError
from judging.forms.reason import ReasonForm
from judging.forms.reviewer import ReviewForm
from judging.selectors import reviewer as selectors
from judging.selectors.declarations import declaration_due
from judging.selectors.reading import reading_context
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from prize_portal.site.decorators import page_for


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


class _DeclarationDueError(Exception):
    """The judge must accept the cycle's declaration first (see selectors.declarations)."""

    def __init__(self, cycle_id: int) -> None:
        self.cycle_id = cycle_id


def _open(request: AuthenticatedRequest, assignment_id: int, *, opening: bool = True) -> Any:
    """The assignment the judge may open (404 otherwise), once the cycle's declaration is accepted."""
    assignment = selectors.assignment_get(
        user=request.user, assignment_id=assignment_id, perm="judging.open_assignment"
    )
    if declaration_due(assignment, opening=opening):
        raise _DeclarationDueError(assignment.round.cycle_id)
    return assignment


def _declaration_first(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Send a judge whose declaration is due to the declaration page, back to this page afterwards (an
    autosave gets a 403 with the reason, and the browser keeps the typed text)."""

    @functools.wraps(view)
    def wrapped(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except _DeclarationDueError as due:
            url = reverse("judging:declaration", args=[due.cycle_id])
            if _wants_json(request):
                text = _("Please accept the judges' declaration first; your text stays on this page.")
                return JsonResponse({"errors": {"__all__": [text]}, "declaration": url}, status=403)
            back = request.get_full_path() if request.method in ("GET", "HEAD") else ""
            if not back:
                back = reverse("judging:assignment", args=[kwargs.get("assignment_id")])
            return redirect(f"{url}?{urlencode({'next': back})}")

    return wrapped


@require_safe
@page_for("judging.use_reviewer_pages")
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    rounds = selectors.rounds_of(request.user)
    # The chair (and staff) also read every round's results.
    results = selectors.rounds_with_results() if request.user.has_perm("judging.decide_awards") else []
    context = {"rounds": rounds, "results": results, "now": timezone.now()}
    return render(request, "judging/reviewer/dashboard.html", context)


@require_safe
@login_required
def round_assignments(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_for_judge(request.user, round_id)
    filters = {name: request.GET.get(name, "") for name in ("category", "track", "progress")}
    sort = request.GET.get("sort", "progress")
    all_rows = selectors.assignments_of(request.user, round_, sort=sort)
    rows = selectors.filter_rows(all_rows, **filters)
    counts = {state: sum(1 for row in all_rows if row.progress == state) for state in Progress.values}
    active = len(all_rows) - counts[Progress.RECUSED]
    context = {
        "round": round_,
        "rows": rows,
        "counts": counts,
        "active": active,
        "percent": round(100 * counts[Progress.DONE] / active) if active else 0,
        "next": selectors.next_to_review(all_rows),
        "filters": filters,
        "sort": sort,
        "categories": sorted({(row.entry.category.code, str(row.entry.category.name)) for row in all_rows}),
        "tracks": sorted({(row.entry.track.code, str(row.entry.track.name)) for row in all_rows if row.entry.track}),
        "progress_choices": Progress.choices,
        "now": timezone.now(),
    }
    return render(request, "judging/reviewer/round.html", context)


def _assignment_page(request: HttpRequest, assignment: Any, form: ReviewForm | None = None, status: int = 200) -> Any:
    review = selectors.review_of(assignment)
    rows = selectors.scoring_rows(assignment, review)
    can_score = request.user.has_perm("judging.score_assignment", assignment)
    if form is None:
        form = ReviewForm.for_review(assignment, review, rows)
    context = {
        **reading_context(assignment),
        "assignment": assignment,
        "round": assignment.round,
        "review": review,
        "form": form,
        "can_score": can_score,
        "can_recuse": request.user.has_perm("judging.recuse_assignment", assignment),
        "peers": selectors.peer_reviews(assignment)
        if request.user.has_perm("judging.see_peer_reviews", assignment)
        else None,
        "now": timezone.now(),
    }
    return render(request, "judging/reviewer/assignment.html", context, status=status)


@require_safe
@login_required
@_declaration_first
def assignment_detail(request: AuthenticatedRequest, assignment_id: int) -> HttpResponse:
    return _assignment_page(request, _open(request, assignment_id))


@require_POST
@login_required
@_declaration_first
def review_save(request: AuthenticatedRequest, assignment_id: int) -> HttpResponse:
    """Autosave (fetch, JSON answer), "Save draft" and "Submit"."""
    assignment = _open(request, assignment_id, opening=False)
    review = selectors.review_of(assignment)
    rows = selectors.scoring_rows(assignment, review)
    form = ReviewForm.from_post(assignment, rows, request.POST)
    submit = request.POST.get("intent") == "submit"
    service = services.review_submit if submit else services.review_save_draft
    try:
        saved = service(judge=request.user, assignment_id=assignment.pk, **form.payload())
    except ValidationError as error:
        form.take_errors(error)
        if _wants_json(request):
            status = 409 if isinstance(error, ReviewConflictError) else 400
            errors = {name: [text] for name, text in form.field_errors.items()}
            if form.errors:
                errors["__all__"] = form.errors
            return JsonResponse({"errors": errors}, status=status)
        if not isinstance(error, ReviewIncompleteError):
            messages.error(request, form.error_text())
        return _assignment_page(request, assignment, form, status=400)
    if _wants_json(request):
        return JsonResponse({"version": saved.version, "saved_at": timezone.localtime(saved.updated_at).isoformat()})
    if submit:
        messages.success(request, _("Your review has been submitted. Thank you."))
        return redirect("judging:round", assignment.round_id)
    messages.success(request, _("Your draft has been saved."))
    return redirect("judging:assignment", assignment.pk)


def _reason_page(request: AuthenticatedRequest, assignment_id: int, *, conflict: bool) -> HttpResponse:
    assignment = selectors.assignment_get(
        user=request.user, assignment_id=assignment_id, perm="judging.recuse_assignment"
    )
    form = ReasonForm(request.POST or None, rows=4, help_text=_("Staff read this; the applicant does not."))
    if request.method == "POST" and form.is_valid():
        try:
            if conflict:
                services.conflict_declare_entry(
                    judge=request.user, assignment_id=assignment.pk, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("Your conflict of interest has been recorded. The entry will be given to another judge.")
                )
            else:
                services.assignment_recuse(
                    judge=request.user, assignment_id=assignment.pk, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("You have stepped back from this entry. Staff will re-assign it."))
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            return redirect("judging:round", assignment.round_id)
    template = "judging/reviewer/conflict.html" if conflict else "judging/reviewer/recuse.html"
    return render(request, template, {"assignment": assignment, "form": form, "round": assignment.round})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def assignment_conflict(request: AuthenticatedRequest, assignment_id: int) -> HttpResponse:
    return _reason_page(request, assignment_id, conflict=True)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def assignment_recuse(request: AuthenticatedRequest, assignment_id: int) -> HttpResponse:
    return _reason_page(request, assignment_id, conflict=False)


@require_safe
@login_required
@_declaration_first
def assignment_pdf(request: AuthenticatedRequest, assignment_id: int) -> HttpResponseBase:
    """The entry as a PDF. In a blind round it is made for the judge without
    what identifies the applicant; otherwise it is the applicant's PDF."""
    assignment = _open(request, assignment_id)
    submission = selectors.latest_submission(assignment)
    if submission is None:
        raise Http404
    if assignment.round.blind or not submission.pdf:
        from submissions.pdf import render_submission_pdf

        content = render_submission_pdf(submission, language=translation.get_language(), blind=assignment.round.blind)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{_pdf_name(assignment)}"'
        response["Cache-Control"] = "private, no-store"
        return response
    return file_response(submission.pdf, _pdf_name(assignment), "application/pdf", inline=False)


def _pdf_name(assignment: Any) -> str:
    return f"{assignment.entry.reference or 'entry'}.pdf"


@require_safe
@login_required
@_declaration_first
def assignment_file(request: AuthenticatedRequest, assignment_id: int, attachment_id: int) -> HttpResponseBase:
    assignment = _open(request, assignment_id)
    files = selectors.attachments_for(assignment, selectors.latest_submission(assignment))
    index, attachment = next(((i, a) for i, a in enumerate(files, 1) if a.pk == attachment_id), (0, None))
    if attachment is None:
        raise Http404
    thumbnail = request.GET.get("size") == "thumbnail"
    if thumbnail:
        if not attachment.thumbnail:
            raise Http404
        return file_response(attachment.thumbnail, "thumbnail.webp", "image/webp", inline=True)
    name = attachment.original_name
    if assignment.round.blind:  # an uploaded file's name may give the applicant away
        # The suffix of the generated storage name, which the content check decided.
        name = _("Attachment %(number)d") % {"number": index} + PurePath(attachment.file.name or "").suffix
    inline = attachment.content_type.startswith("image/")
    return file_response(attachment.file, name, attachment.content_type, inline=inline)
