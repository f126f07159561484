"""Staff pages of judging: rounds, automatic assignment and its adjustment,
progress and reminders, the assignment matrix and conflicts of interest.

Every page needs the ``judging.manage_rounds`` permission (404 otherwise).
Each POST parses its input, calls one service, turns a JudgingError into a
message and redirects (post/redirect/get); only the invitation form comes
back with its errors, so that what staff typed is kept."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from judging.errors import JudgingError
from judging.exports import round_export
from judging.forms.staff import AssignmentAddForm, JudgeInviteForm, PlanSeedForm, ReviewUnlockForm, judge_label
from judging.models import Round
from judging.selectors import conflicts as conflict_selectors
from judging.selectors import rounds as selectors
from judging.selectors.assignments import assignment_plan
from judging.services import (
    assignment_add,
    assignment_apply,
    assignment_remove,
    conflict_decide,
    judge_invite,
    pending_reviews,
    reminder_send,
    review_unlock,
    round_add_eligible_entries,
)
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.decorators import page_for

# Signed in (else the sign-in page) and allowed to manage rounds (else 404).
staff_page = page_for("judging.manage_rounds")


def _error(request: HttpRequest, error: JudgingError) -> None:
    messages.error(request, " ".join(error.messages))


def _to(name: str, round_: Round, *, page: Any = None, anchor: str = "") -> HttpResponseRedirect:
    url = reverse(f"judging_staff:{name}", args=[round_.pk])
    if page and str(page).isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""))


# --- Rounds and the committee ----------------------------------------------------------


def _rounds_page(request: HttpRequest, form: JudgeInviteForm) -> HttpResponse:
    context = {"rounds": selectors.rounds_overview(), "invitations": selectors.judge_invitations(), "form": form}
    return render(request, "judging/staff/rounds.html", context)


@require_safe
@staff_page
def rounds(request: HttpRequest) -> HttpResponse:
    """Rounds of every cycle with their counts, and invitations to the committee."""
    return _rounds_page(request, JudgeInviteForm())


@require_POST
@staff_page
def invite(request: AuthenticatedRequest) -> HttpResponse:
    """Invite a committee member. Bad input comes back on the form, values kept."""
    form = JudgeInviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = judge_invite(actor=request.user, **form.cleaned_data)
        except JudgingError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("Invitation queued for %(email)s.") % {"email": invitation.email})
            return HttpResponseRedirect(reverse("judging_staff:rounds") + "#invite")
    return _rounds_page(request, form)


# --- One round: header, progress, reminders -------------------------------------------------


@require_safe
@staff_page
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    now = timezone.now()
    context = {
        "round": round_,
        "tie_breaks": selectors.tie_break_labels(round_),
        "progress": selectors.round_progress(round_, now=now),
        "is_open": round_.is_open(now),
    }
    return render(request, "judging/staff/round.html", context)


@require_POST
@staff_page
def add_entries(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    added = round_add_eligible_entries(actor=request.user, round_id=round_.pk)
    if added:
        messages.success(
            request,
            ngettext("%(count)d entry added to the round.", "%(count)d entries added to the round.", added)
            % {"count": added},
        )
    else:
        messages.info(request, _("No eligible entry was left to add."))
    return _to("round", round_)


@require_POST
@staff_page
def remind(request: HttpRequest, round_id: int, judge_id: int) -> HttpResponse:
    """E-mail one judge about their reviews still to submit in this round, now."""
    round_ = selectors.round_get(round_id)
    now = timezone.now()
    pending = pending_reviews(now, round_ids=[round_.pk], judge_id=judge_id)
    if not pending:
        messages.info(request, _("This judge has no review to submit in this round while it is open."))
    elif reminder_send(pending=pending[0], now=now):
        messages.success(request, _("Reminder queued for %(judge)s.") % {"judge": judge_label(pending[0].judge)})
    else:
        messages.info(
            request,
            _("%(judge)s has already been reminded today (Seoul time); no second reminder was queued.")
            % {"judge": judge_label(pending[0].judge)},
        )
    return _to("round", round_, anchor="progress")


# --- Automatic assignment ----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@staff_page
def assign(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    """GET: the plan the engine proposes now (nothing saved). POST: apply it."""
    round_ = selectors.round_get(round_id)
    form = PlanSeedForm(request.POST if request.method == "POST" else request.GET or None)
    seed = form.cleaned_data.get("seed") if form.is_valid() else None
    if request.method == "POST":
        if form.errors:
            messages.error(request, " ".join(str(message) for message in form.errors["seed"]))
            return _to("assign", round_)
        plan = assignment_apply(actor=request.user, round_id=round_.pk, seed=seed)
        created = len(plan.new_pairs)
        messages.success(
            request,
            ngettext("%(count)d assignment created.", "%(count)d assignments created.", created) % {"count": created}
            if created
            else _("No new assignment was needed."),
        )
        if plan.problems:
            messages.warning(
                request,
                ngettext(
                    "The plan has %(count)d problem; the preview explains it.",
                    "The plan has %(count)d problems; the preview explains them.",
                    len(plan.problems),
                )
                % {"count": len(plan.problems)},
            )
        return _to("round", round_)
    preview = None if form.errors else selectors.plan_view(round_, assignment_plan(round_id=round_.pk, seed=seed))
    return render(
        request, "judging/staff/assign.html", {"round": round_, "form": form, "preview": preview, "seed": seed}
    )


# --- The matrix and adjustments by hand -----------------------------------------------------------


@require_safe
@staff_page
def matrix(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    table = selectors.assignment_matrix(round_, page_number=request.GET.get("page") or 1)
    form = AssignmentAddForm(entries=table.page.object_list, judges=table.judges)
    context = {"round": round_, "matrix": table, "form": form, "unlock_form": ReviewUnlockForm()}
    return render(request, "judging/staff/matrix.html", context)


@require_POST
@staff_page
def add_assignment(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    form = AssignmentAddForm(
        request.POST,
        entries=selectors.round_entries(round_).only("pk", "reference", "title_en"),
        judges=selectors.round_judges(round_),
    )
    page = request.POST.get("page")
    if not form.is_valid():
        messages.error(request, _("Choose an entry and a judge of this round."))
        return _to("matrix", round_, page=page, anchor="assign")
    try:
        assignment = assignment_add(
            actor=request.user,
            round_id=round_.pk,
            entry_id=form.cleaned_data["entry"],
            judge_id=form.cleaned_data["judge"],
        )
    except JudgingError as error:
        _error(request, error)
    else:
        messages.success(request, _("%(judge)s assigned to %(entry)s.") % _names(assignment))
    return _to("matrix", round_, page=page, anchor="assign")


@require_POST
@staff_page
def remove_assignment(request: AuthenticatedRequest, round_id: int, assignment_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    assignment = selectors.round_assignment(round_, assignment_id)
    names = _names(assignment)
    try:
        assignment_remove(actor=request.user, assignment_id=assignment.pk)
    except JudgingError as error:
        _error(request, error)
    else:
        messages.success(request, _("%(judge)s is no longer assigned to %(entry)s.") % names)
    return _to("matrix", round_, page=request.POST.get("page"), anchor="assignments")


@require_POST
@staff_page
def unlock_review(request: AuthenticatedRequest, round_id: int, review_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    review_id = selectors.round_review_id(round_, review_id)
    form = ReviewUnlockForm(request.POST)
    page = request.POST.get("page")
    if not form.is_valid():
        messages.error(request, " ".join(str(message) for message in form.errors["reason"]))
        return _to("matrix", round_, page=page, anchor="assignments")
    try:
        review = review_unlock(actor=request.user, review_id=review_id, reason=form.cleaned_data["reason"])
    except JudgingError as error:
        _error(request, error)
    else:
        messages.success(
            request, _("The review is unlocked: %(judge)s can change %(entry)s again.") % _names(review.assignment)
        )
    return _to("matrix", round_, page=page, anchor="assignments")


def _names(assignment: Any) -> dict[str, str]:
    return {"judge": judge_label(assignment.judge), "entry": str(assignment.entry)}


# --- Conflicts of interest -------------------------------------------------------------------------


@require_safe
@staff_page
def conflicts(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get(round_id)
    rows = conflict_selectors.round_conflicts(round_)
    return render(request, "judging/staff/conflicts.html", {"round": round_, "rows": rows})


def _audited_export(request: AuthenticatedRequest, round_: Round, kind: str, file_format: str) -> HttpResponse:
    """The export, recorded as staff access to the records of everyone in it."""
    response = round_export(round_, kind, file_format)
    audit_staff_access(
        actor=request.user,
        targets=selectors.round_people_records(round_),
        export=f"{kind}.{file_format}",
        after={"round": round_.pk},
    )
    return response


@require_safe
@staff_page
def conflicts_csv(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    return _audited_export(request, selectors.round_get(round_id), "conflicts", "csv")


@require_safe
@staff_page
def export(request: AuthenticatedRequest, round_id: int, kind: str, file_format: str) -> HttpResponse:
    """The round's reviews or conflicts as CSV or XLSX."""
    round_ = selectors.round_get(round_id)
    try:
        return _audited_export(request, round_, kind, file_format)
    except ValueError:
        raise Http404 from None


@require_POST
@staff_page
def decide_conflict(request: AuthenticatedRequest, round_id: int, conflict_id: int) -> HttpResponse:
    """Approve (the judge is recused from the entry) or reject an applicant's request."""
    round_ = selectors.round_get(round_id)
    conflict = conflict_selectors.round_conflict_request(round_, conflict_id)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        raise Http404
    try:
        conflict = conflict_decide(actor=request.user, conflict_id=conflict.pk, approve=decision == "approve")
    except JudgingError as error:
        _error(request, error)
    else:
        names = {"judge": judge_label(conflict.judge), "entry": str(conflict.entry)}
        if decision == "approve":
            messages.success(request, _("Request approved: %(judge)s will not judge %(entry)s.") % names)
        else:
            messages.success(request, _("Request rejected: %(judge)s may judge %(entry)s.") % names)
    return _to("conflicts", round_, anchor="conflicts-table")
