"""The secretariat's pages of the training programme: a course's nominations
in the order of nomination, confirming up to the capacity, attendance and
completion (which issues the certificate). Courses are defined in admin.
Every page needs ``events.manage_event`` (404 otherwise); the nominees'
details are personal data shown to staff: the page view is audited."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from events.models import Course, Nomination
from events.selectors.courses import course_overview
from events.services.courses import nomination_attended, nomination_complete, nominations_confirm
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.decorators import page_for

staff_page = page_for("events.manage_event")


def _back(course: Course, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("events_staff:course", args=[course.pk]) + (f"#{anchor}" if anchor else ""))


@require_safe
@staff_page
def course_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course, pk=pk)
    nominations, figures = course_overview(course)
    audit_staff_access(actor=request.user, targets=nominations, after={"page": "course"})
    return render(
        request, "events/staff/course.html", {"course": course, "nominations": nominations, "figures": figures}
    )


@require_POST
@staff_page
def confirm(request: AuthenticatedRequest, pk: int) -> HttpResponseRedirect:
    course = get_object_or_404(Course, pk=pk)
    count = nominations_confirm(course_id=course.pk, actor=request.user)
    if count:
        messages.success(
            request, ngettext("%(count)d place confirmed.", "%(count)d places confirmed.", count) % {"count": count}
        )
    else:
        messages.info(request, _("Nobody more can be confirmed: the course is full or nobody is waiting."))
    return _back(course)


def _nomination(course: Course, nomination_pk: int) -> Nomination:
    return get_object_or_404(Nomination, pk=nomination_pk, course=course)


@require_POST
@staff_page
def attendance(request: AuthenticatedRequest, pk: int, nomination_pk: int) -> HttpResponseRedirect:
    course = get_object_or_404(Course, pk=pk)
    nomination = _nomination(course, nomination_pk)
    try:
        if "complete" in request.POST:
            nomination_complete(nomination_id=nomination.pk, actor=request.user)
            messages.success(request, _("The course certificate is being prepared."))
        else:
            nomination_attended(
                nomination_id=nomination.pk, actor=request.user, attended=request.POST.get("attended") == "1"
            )
            messages.success(request, _("The attendance is saved."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return _back(course, f"nomination-{nomination.pk}")
