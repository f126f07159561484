"""The training programme's pages: the courses a winning organisation's team
may nominate officials to (and its nominations), a nominee's own page (from
the link in their e-mail: accept with a profile, take an offered place,
withdraw, download the completion certificate), and the certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.enums import NominationStatus
from events.forms import NominateForm, NomineeProfileForm
from events.models import Course, Nomination
from events.selectors.courses import courses_for
from events.services.courses import nomination_accept, nomination_create, nomination_take_offer, nomination_withdraw
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from prize_portal.privacy.enums import ConsentRole
from prize_portal.privacy.middleware import consents_checked
from prize_portal.privacy.selectors import consents_asked
from submissions.models import Organisation


@require_safe
@login_required
def courses(request: HttpRequest) -> HttpResponse:
    offers = courses_for(request.user)
    for offer in offers:
        offer.form = NominateForm(  # type: ignore[attr-defined]
            organisations=offer.organisations, initial={"language": get_language()}, prefix=f"course-{offer.course.pk}"
        )
    return render(request, "events/courses/courses.html", {"offers": offers})


@require_POST
@login_required
def nominate(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    course = get_object_or_404(Course, pk=pk)
    offer = next((offer for offer in courses_for(request.user) if offer.course.pk == course.pk), None)
    if offer is None:
        raise Http404
    form = NominateForm(request.POST, organisations=offer.organisations, prefix=f"course-{course.pk}")
    try:
        if not form.is_valid():
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        organisation = get_object_or_404(Organisation, pk=form.cleaned_data["organisation"])
        if not request.user.has_perm("events.nominate", organisation):
            raise Http404
        nomination_create(
            course_id=course.pk,
            organisation_id=organisation.pk,
            actor=request.user,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The nomination is sent: the official gets an e-mail to accept it."))
    return redirect("events:courses")


def _page(
    request: HttpRequest, nomination: Nomination, form: NomineeProfileForm | None, status: int = 200
) -> HttpResponse:
    context = {"nomination": nomination, "course": nomination.course, "form": form}
    return render(request, "events/courses/nomination.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def nomination(request: AuthenticatedRequest, token: str) -> HttpResponseBase:
    """Before it is accepted, whoever holds the link (signed in with its
    address) accepts; after, only the nominee (and staff) see it."""
    found = Nomination.objects.select_related("course", "organisation", "certificate").filter(token=token).first()
    if found is None:
        raise Http404
    if found.status != NominationStatus.INVITED and not request.user.has_perm("events.follow_nomination", found):
        raise Http404
    if found.status == NominationStatus.INVITED:
        return _accept(request, found)
    if request.method == "POST" and found.nominee_id == request.user.pk:
        try:
            if "take_offer" in request.POST:
                nomination_take_offer(nomination_id=found.pk, actor=request.user)
                messages.success(request, _("Your place on the course is confirmed."))
            elif "withdraw" in request.POST:
                nomination_withdraw(nomination_id=found.pk, actor=request.user)
                messages.success(request, _("You have withdrawn from the course."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("events:nomination", token=token)
    return _page(request, found, None)


def _accept(request: AuthenticatedRequest, found: Nomination) -> HttpResponseBase:
    asked = consents_asked(request.user, roles=[ConsentRole.NOMINEE])
    form = NomineeProfileForm(request.POST if request.method == "POST" else None, asked=asked)
    if request.method == "POST" and form.is_valid():
        try:
            nomination_accept(
                token=found.token,
                user=request.user,
                position=form.cleaned_data["position"],
                department=form.cleaned_data["department"],
                consents=form.consent_answers(),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return _page(request, found, form, status=400)
        consents_checked(request, request.user)
        messages.success(request, _("Thank you: you are on the course's list. The secretariat confirms the places."))
        return redirect("events:nomination", token=found.token)
    return _page(request, found, form, status=400 if request.method == "POST" else 200)


@require_safe
@login_required
def certificate_download(request: AuthenticatedRequest, code: str) -> HttpResponseBase:
    nomination = Nomination.objects.select_related("certificate").filter(certificate__code=code).first()
    if nomination is None or not request.user.has_perm("events.follow_nomination", nomination):
        raise Http404
    if nomination.certificate is None or not nomination.certificate.is_ready:
        raise Http404
    return file_response(nomination.certificate.file, f"course-certificate-{code}.pdf", "application/pdf", inline=False)
