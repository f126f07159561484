"""The committee member's own pages (accepting the invitation, the profile,
standing conflicts) and the applicant's requests to exclude committee
members from an entry. Each view parses input, calls one service, turns a
JudgingError into a message and responds; anything not allowed is a 404."""

from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from judging import services
from judging.enums import STANDING_KINDS, ConflictKind, ConflictStatus
from judging.forms.account import (
    ENTERED_STATUSES,
    ExclusionRequestForm,
    JudgeInvitationAcceptForm,
    JudgeProfileForm,
    StandingConflictForm,
)
from judging.models import Conflict, JudgeInvitation, JudgeProfile
from judging.selectors import reviewer as selectors
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.accounts.signing_in import sign_in_with_new_password
from prize_portal.files.checks import EXTENSIONS
from prize_portal.files.downloads import file_response
from prize_portal.files.uploads import size_limited_upload
from prize_portal.privacy.enums import ConsentRole
from prize_portal.privacy.forms import ConsentsForm
from prize_portal.privacy.middleware import consents_checked
from prize_portal.privacy.selectors import consents_asked, current_texts
from prize_portal.site.decorators import page_for
from submissions import selectors as submission_selectors
from submissions.models import Entry

PHOTO_CONTENT_TYPES = {extension: content_type for content_type, extension in EXTENSIONS.items()}


def _add_errors(form: BaseForm, error: ValidationError, *, default: str | None = None) -> None:
    """Put a service's error on the fields it names (else on ``default``, or the form)."""
    if hasattr(error, "error_dict"):
        for name, field_messages in error.message_dict.items():
            target = name if name in form.fields else None
            for message in field_messages:
                form.add_error(target, message if target else f"{name}: {message}")
        return
    form.add_error(default, error)


# --- Invitation -------------------------------------------------------------------


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The secret token is in this page's address: never send it on to another site or page.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Join the committee: a new account (name and password) or, signed in
    with the invited address, one button. TOTP setup follows (middleware)."""
    invitation = JudgeInvitation.objects.select_related("invited_by").filter(token=token).first()
    if invitation is None:
        raise Http404
    user = request.user
    signed_in = user.is_authenticated
    data = request.POST if request.method == "POST" else None
    form: JudgeInvitationAcceptForm | ConsentsForm
    if signed_in:  # the judge's consent items, then one button
        form = ConsentsForm(data, asked=consents_asked(user, roles=[ConsentRole.JUDGE]))  # type: ignore[arg-type]
    else:
        form = JudgeInvitationAcceptForm(data, invitation=invitation)
    error = None
    if request.method == "POST" and invitation.accepted_at is None and form.is_valid():
        arguments: dict[str, Any] = {"consents": form.consent_answers()}
        if signed_in:
            arguments["user"] = user
        else:
            arguments |= {"password": form.cleaned_data["password1"], "name": form.cleaned_data["name"]}
        try:
            member = services.judge_invitation_accept(token=token, **arguments)
        except ValidationError as failure:
            error = " ".join(failure.messages)
        else:
            if not signed_in:
                sign_in_with_new_password(request, member)
            else:
                consents_checked(request, member)
            messages.success(request, _("Welcome to the committee. Set up your authenticator app, then your profile."))
            return _no_referrer(redirect("judging:profile"))
    from prize_portal.accounts.models import User

    context = {
        "invitation": invitation,
        "form": form,
        "error": error,
        "wrong_user": signed_in and user.email.lower() != invitation.email.lower(),  # type: ignore[union-attr]
        "has_account": not signed_in and User.objects.filter(email__iexact=invitation.email).exists(),
        "sign_in_url": reverse("account_login") + "?" + urlencode({"next": request.path}),
    }
    return _no_referrer(render(request, "judging/account/invitation_accept.html", context))


# --- Profile and standing conflicts ---------------------------------------------------


def _asks_publication() -> bool:
    """Whether the consent item the profile's publication box answers is in force."""
    return services.PROFILE_CONSENT in current_texts()


def _profile_of(user: Any) -> JudgeProfile:
    """The saved profile, or an empty one (a chair made in admin may have none yet)."""
    return JudgeProfile.objects.filter(user=user).first() or JudgeProfile(user=user)


def _profile_page(
    request: HttpRequest,
    *,
    profile: JudgeProfile,
    form: JudgeProfileForm | None = None,
    conflict_form: StandingConflictForm | None = None,
) -> HttpResponse:
    conflicts = (
        Conflict.objects.filter(judge_id=request.user.pk)
        .select_related("organisation", "entry")
        .order_by("-created_at", "pk")
    )
    context = {
        "profile": profile,
        "form": form or JudgeProfileForm(instance=profile, asks_publication=_asks_publication()),
        "conflict_form": conflict_form or StandingConflictForm(prefix="conflict"),
        "standing": [conflict for conflict in conflicts if conflict.kind in STANDING_KINDS],
        "declared": [conflict for conflict in conflicts if conflict.kind == ConflictKind.ENTRY],
    }
    return render(request, "judging/account/profile.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page_for("judging.use_reviewer_pages")
@size_limited_upload
def profile(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    profile = _profile_of(user)
    if request.method != "POST":
        return _profile_page(request, profile=profile)
    form = JudgeProfileForm(request.POST, request.FILES, instance=profile, asks_publication=_asks_publication())
    if refused := getattr(request, "upload_refused", None):
        form.add_error("photo", refused)
    if form.is_valid():
        try:
            services.judge_profile_update(user=user, **form.service_arguments())
        except ValidationError as error:
            _add_errors(form, error, default="photo" if form.cleaned_data.get("photo") else None)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("judging:profile")
    return _profile_page(request, profile=_profile_of(user), form=form)


@require_safe
@page_for("judging.use_reviewer_pages")
def profile_photo(request: HttpRequest) -> HttpResponseBase:
    """The judge's own photo, to the judge only (the committee page shows it
    only with consent, through its own view)."""
    user = request.user
    profile = JudgeProfile.objects.filter(user_id=user.pk or 0).first()
    if profile is None or not profile.photo:
        raise Http404
    extension = PurePath(profile.photo.name or "").suffix.lower()
    content_type = PHOTO_CONTENT_TYPES.get(extension)
    if content_type is None:
        raise Http404
    return file_response(profile.photo, "photo" + extension, content_type, inline=True)


@require_POST
@page_for("judging.use_reviewer_pages")
def conflict_add(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    form = StandingConflictForm(request.POST, prefix="conflict")
    if form.is_valid():
        try:
            services.conflict_declare_standing(judge=user, **form.service_arguments())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your conflict of interest has been recorded."))
            return redirect(reverse("judging:profile") + "#conflicts")
    return _profile_page(request, profile=_profile_of(user), conflict_form=form)


@require_POST
@page_for("judging.use_reviewer_pages")
def conflict_remove(request: AuthenticatedRequest, conflict_id: int) -> HttpResponse:
    user = request.user
    try:
        services.conflict_withdraw_standing(judge=user, conflict_id=conflict_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The conflict of interest has been removed."))
    return redirect(reverse("judging:profile") + "#conflicts")


# --- Applicant: exclusion requests ------------------------------------------------------


def _entered(request: AuthenticatedRequest, entry_id: int) -> Entry:
    """The owner's entry, once submitted (not a draft, not withdrawn), or 404."""
    entry = submission_selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.manage_entry")
    if entry.status not in ENTERED_STATUSES:
        raise Http404
    return entry


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def exclusions(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    """The owner names up to EXCLUSIONS_PER_ENTRY committee members who should
    not judge the entry; staff decide each request."""
    entry = _entered(request, entry_id)
    requests = list(
        Conflict.objects.filter(entry=entry, kind=ConflictKind.REQUESTED)
        .select_related("judge__judge_profile")
        .order_by("created_at", "pk")
    )
    members = selectors.committee().exclude(pk__in=[item.judge_id for item in requests])
    form = ExclusionRequestForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_request(
                user=request.user,
                entry_id=entry.pk,
                judge_id=form.cleaned_data["judge"].pk,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the secretariat, who will decide on it."))
            return redirect("judging:exclusions", entry.pk)
    counted = [item for item in requests if item.status != ConflictStatus.REJECTED]
    context = {
        "entry": entry,
        "form": form,
        "requests": requests,
        "limit": services.EXCLUSIONS_PER_ENTRY,
        "remaining": max(services.EXCLUSIONS_PER_ENTRY - len(counted), 0),
    }
    return render(request, "judging/account/exclusions.html", context)
