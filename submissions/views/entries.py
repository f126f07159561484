"""Applicant pages of intake: the dashboard and the entry (start, read,
edit, submit, withdraw, its PDFs). Each view parses input, calls one service or
selector, turns a domain error into a message and responds; every object is
checked against rules.py and is a 404 when not allowed."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from submissions import selectors, services
from submissions.forms import EntryStartForm


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
            return redirect("submissions:entry_step", entry.pk, "about")
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
