"""The secretariat's pages of events: every event and how its invitations
stand; one event's invitations, answers, delegates, booth and the changes
waiting for approval; invite, remind, export.

Every page needs ``events.manage_event`` (404 otherwise). Delegates' details
are personal data shown to staff: opening an event's page and exporting its
attendance list are audited, one event per delegate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from events.forms import BoothForm, ChangeDecisionForm, ScheduleForm
from events.models import Delegate, Event, Invitation, InvitationChange
from events.selectors import invitations as selectors
from events.selectors.courses import courses_overview
from events.selectors.programme import event_presentations, presentation_items
from events.services.answers import change_decide
from events.services.invitations import booth_assign, invitations_create, invitations_remind
from events.services.letters import letter_issue
from events.services.presentations import presentation_schedule
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.decorators import page_for
from prize_portal.site.spreadsheets import FORMATS, download

staff_page = page_for("events.manage_event")


def _event(pk: int) -> Event:
    return get_object_or_404(Event.objects.select_related("cycle"), pk=pk)


def _back(event: Event, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("events_staff:event", args=[event.pk]) + (f"#{anchor}" if anchor else ""))


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_safe
@staff_page
def events(request: HttpRequest) -> HttpResponse:
    context = {"events": selectors.events_overview(), "courses": courses_overview()}
    return render(request, "events/staff/events.html", context)


@require_safe
@staff_page
def event_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    overview = selectors.event_overview(event)
    audit_staff_access(actor=request.user, targets=overview.delegates, after={"page": "event"})
    talks = {talk.entry_id: talk for talk in event_presentations(event)}
    for invitation in overview.invitations:
        invitation.presentation = talks.get(invitation.entry_id)  # type: ignore[attr-defined]
    context = {
        "event": event,
        "overview": overview,
        "now": timezone.now(),
        "programme": event.programme.all(),
        "decision_form": ChangeDecisionForm(),
        "presentation_items": presentation_items(event),
        "formats": FORMATS,
    }
    return render(request, "events/staff/event.html", context)


@require_POST
@staff_page
def invite(request: AuthenticatedRequest, pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    try:
        made = invitations_create(cycle_id=event.cycle_id, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        if made:
            text = ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", made)
            messages.success(request, text % {"count": made})
        else:
            messages.info(request, _("Every winner is invited already."))
    return _back(event)


@require_POST
@staff_page
def remind(request: AuthenticatedRequest, pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    try:
        count = invitations_remind(event_id=event.pk, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        if count:
            text = ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", count)
            messages.success(request, text % {"count": count})
        else:
            messages.info(request, _("Nobody is left to remind: each unanswered invitation is reminded once."))
    return _back(event)


@require_POST
@staff_page
def booth(request: AuthenticatedRequest, pk: int, invitation_pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, event=event)
    form = BoothForm(request.POST, places=list(range(1, event.booth_places + 1)))
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a booth place from the list."))
        booth_assign(invitation_id=invitation.pk, actor=request.user, place=form.cleaned_data["place"])
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The booth place is saved."))
    return _back(event, f"invitation-{invitation.pk}")


@require_POST
@staff_page
def decide(request: AuthenticatedRequest, pk: int, change_pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    change = get_object_or_404(InvitationChange, pk=change_pk, invitation__event=event)
    form = ChangeDecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        approve = form.cleaned_data["decision"] == "approve"
        change_decide(change_id=change.pk, actor=request.user, approve=approve, note=form.cleaned_data["note"])
    except ValidationError as error:
        _refused(request, error)
        return _back(event, f"change-{change.pk}")
    messages.success(request, _("The change is approved and applied.") if approve else _("The change is refused."))
    return _back(event, "changes")


@require_POST
@staff_page
def schedule(request: AuthenticatedRequest, pk: int, invitation_pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, event=event)
    form = ScheduleForm(request.POST, items=presentation_items(event))
    try:
        if not form.is_valid():
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        data = form.cleaned_data
        presentation_schedule(
            actor=request.user,
            invitation_id=invitation.pk,
            item_id=data["item"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The presentation is scheduled; the team is told by e-mail."))
    return _back(event, f"invitation-{invitation.pk}")


@require_POST
@staff_page
def letter_issue_view(request: AuthenticatedRequest, pk: int, delegate_pk: int) -> HttpResponseRedirect:
    event = _event(pk)
    delegate = get_object_or_404(Delegate, pk=delegate_pk, invitation__event=event)
    try:
        letter = letter_issue(delegate_id=delegate.pk, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The letter %(code)s is being prepared: it can be downloaded here in a moment.")
            % {"code": letter.certificate.code},
        )
    return _back(event, f"invitation-{delegate.invitation_id}")


@require_safe
@staff_page
def attendance(request: AuthenticatedRequest, pk: int, file_format: str) -> HttpResponse:
    if file_format not in FORMATS:
        raise Http404
    event = _event(pk)
    overview = selectors.event_overview(event)
    audit_staff_access(actor=request.user, targets=overview.delegates, export="attendance")
    return download(
        selectors.attendance_rows(overview),
        file_format=file_format,
        name=f"attendance-{event.cycle.year}-{event.pk}",
        title=_("Attendance"),
    )
