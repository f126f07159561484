"""The winning team's pages: their invitations, and one invitation with its
answer (attending or not, the delegates, who presents).

Only the entry's team and its organisation's members see an invitation, and
only the team answers (404 for anyone else). After the deadline an answer is
a change for staff to approve; a conflict with a teammate's answer shows the
new answer and keeps what was typed."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.enums import InvitationStatus
from events.errors import AnswerConflictError, EventError
from events.forms import AnswerForm, SlidesForm, answer_of, delegate_formset
from events.models import Invitation, InvitationChange, VisaLetter
from events.selectors import invitations as selectors
from events.selectors.programme import presentation_of
from events.services.answers import invitation_answer
from events.services.letters import letter_opened
from events.services.presentations import slides_upload
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from prize_portal.files.uploads import size_limited_upload

# The slides form shares the page with the answer form: its own ids (both have a "version").
SLIDES_IDS = "slides_%s"


@require_safe
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "events/invitations/mine.html", {"invitations": selectors.invitations_of(request.user)})


def _initial(invitation: Invitation) -> list[dict[str, Any]]:
    fields = ("name", "title", "organisation", "email", "language", "presents")
    return [{name: getattr(delegate, name) for name in fields} for delegate in invitation.delegates.all()]


def _page(
    request: HttpRequest,
    invitation: Invitation,
    form: AnswerForm,
    formset: Any,
    status: int = 200,
    slides_form: SlidesForm | None = None,
) -> HttpResponse:
    now = timezone.now()
    presentation = presentation_of(invitation.event, invitation.entry_id)
    if presentation is not None and slides_form is None:
        initial = {"video_url": presentation.video_url, "version": presentation.version}
        slides_form = SlidesForm(initial=initial, auto_id=SLIDES_IDS)
    context = {
        "presentation": presentation,
        "slides_form": slides_form,
        "slides_open": presentation is not None and now < invitation.event.slides_deadline,
        "invitation": invitation,
        "event": invitation.event,
        "programme": invitation.event.programme.all(),
        "change": selectors.pending_change(invitation),
        "can_answer": request.user.has_perm("events.answer_invitation", invitation)
        and now < invitation.event.starts_at,
        "late": now >= invitation.event.answer_by,
        "form": form,
        "formset": formset,
    }
    return render(request, "events/invitations/invitation.html", context, status=status)


def _saved(request: HttpRequest, result: Invitation | InvitationChange) -> None:
    if isinstance(result, InvitationChange):
        text = _("The deadline has passed: your change has been sent to the secretariat for approval.")
    elif result.status == InvitationStatus.ATTENDING:
        text = _("Thank you: your answer is saved. Each delegate gets an e-mail to check their details.")
    else:
        text = _("Thank you: your answer is saved.")
    messages.success(request, text)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def invitation_page(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    invitation = selectors.invitation_page(pk)
    if invitation is None or not request.user.has_perm("events.see_invitation", invitation):
        raise Http404
    late = timezone.now() >= invitation.event.answer_by
    if request.method != "POST":
        initial: dict[str, Any] = {"version": invitation.version}
        if invitation.status != InvitationStatus.INVITED:
            initial["attending"] = "yes" if invitation.status == InvitationStatus.ATTENDING else "no"
        formset = delegate_formset(initial=_initial(invitation), language=get_language())
        return _page(request, invitation, AnswerForm(initial=initial, late=late), formset)
    if not request.user.has_perm("events.answer_invitation", invitation):
        raise Http404
    return _answer(request, invitation, late=late)


def _answer(request: AuthenticatedRequest, invitation: Invitation, *, late: bool) -> HttpResponseBase:
    """The answer sent: another empty row asked for, a refusal with what was
    typed kept, or the answer saved (or sent for approval)."""
    add_row = "add_delegate" in request.POST
    form = AnswerForm(request.POST, late=late)
    formset = delegate_formset(request.POST, initial=_initial(invitation), add_row=add_row, language=get_language())
    if add_row:  # another empty row; nothing is checked or saved yet
        return _page(request, invitation, form, formset)
    if not form.is_valid():
        return _page(request, invitation, form, formset, status=400)
    if form.cleaned_data["attending"] == "yes" and not formset.is_valid():
        form.add_error(None, _("Some delegates' details need correcting: see below."))
        return _page(request, invitation, form, formset, status=400)
    try:
        result = invitation_answer(
            invitation_id=invitation.pk,
            actor=request.user,
            answer=answer_of(form, formset),
            version=form.cleaned_data["version"],
            reason=form.cleaned_data.get("reason", ""),
        )
    except AnswerConflictError as error:
        fresh = selectors.invitation_page(invitation.pk) or invitation
        data = request.POST.copy()
        data["version"] = str(fresh.version)  # sending again applies over the new answer
        form = AnswerForm(data, late=late)
        form.is_valid()
        form.add_error(None, error.messages[0])
        return _page(request, fresh, form, formset, status=409)
    except EventError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _page(request, invitation, form, formset, status=400)
    _saved(request, result)
    return redirect("events:invitation", pk=invitation.pk)


@require_safe
@login_required
def letter_download(request: AuthenticatedRequest, code: str) -> HttpResponseBase:
    """A visa letter, for its invitation's team and for staff; audited (it prints passport details)."""
    letter = (
        VisaLetter.objects.select_related("certificate", "invitation__entry").filter(certificate__code=code).first()
    )
    if letter is None or not letter.certificate.is_ready or not request.user.has_perm("events.download_letter", letter):
        raise Http404
    by = "staff" if request.user.has_perm("events.manage_event") else "team"
    letter_opened(letter, actor=request.user, by=by)
    filename = f"invitation-letter-{letter.certificate.code}.pdf"
    return file_response(letter.certificate.file, filename, "application/pdf", inline=False)


@require_POST
@login_required
@size_limited_upload
def slides(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The team's slides and video link for its presentation (404 for anyone else)."""
    invitation = selectors.invitation_page(pk)
    if invitation is None or not request.user.has_perm("events.answer_invitation", invitation):
        raise Http404
    presentation = presentation_of(invitation.event, invitation.entry_id)
    if presentation is None:
        raise Http404
    form = SlidesForm(request.POST, request.FILES, auto_id=SLIDES_IDS)
    refused = getattr(request, "upload_refused", "")
    if refused:
        form.add_error("slides", refused)
    if form.is_valid():
        try:
            slides_upload(
                presentation_id=presentation.pk,
                actor=request.user,
                upload=form.cleaned_data["slides"],
                video_url=form.cleaned_data["video_url"],
                version=form.cleaned_data["version"],
            )
        except EventError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your slides are saved."))
            return redirect(reverse("events:invitation", args=[invitation.pk]) + "#presentation")
    late = timezone.now() >= invitation.event.answer_by
    answer = AnswerForm(initial={"version": invitation.version}, late=late)
    formset = delegate_formset(initial=_initial(invitation), language=get_language())
    return _page(request, invitation, answer, formset, status=400, slides_form=form)
