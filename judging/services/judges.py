"""Writes of the committee: staff invite judges by e-mail, the invitee sets a
password (TOTP follows, see RequireMFAMiddleware), judges keep their profile."""

import secrets
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from judging.errors import JudgingError
from judging.models import JudgeInvitation, JudgeProfile
from judging.selectors.winners import COMMITTEE_GENERATION_KEY, committee_page_keys
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified, user_grant_role
from prize_portal.audit.services import audit_record
from prize_portal.files.checks import check_upload
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import ConsentRole, ConsentSource
from prize_portal.privacy.services.consents import consents_record
from prize_portal.site.page_cache import clear_local_pages
from prize_portal.writes import save_fields


@transaction.atomic
def judge_invite(*, actor: User, email: str, name: str, language: str, chair: bool = False) -> JudgeInvitation:
    """Invite a committee member; the e-mail (in ``language``) goes after commit.

    Inviting an address that already has an open invitation raises an error
    instead of sending a second link."""
    email = email.strip()
    if JudgeInvitation.objects.filter(email__iexact=email, accepted_at__isnull=True).exists():
        raise JudgingError(_("This address has already been invited."), code="already_invited")
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and JudgeProfile.objects.filter(user=existing).exists():
        raise JudgingError(_("This person is already on the committee."), code="already_judge")
    invitation = JudgeInvitation(
        email=email,
        name=name.strip(),
        language=language,
        chair=chair,
        token=secrets.token_urlsafe(32),
        invited_by=actor,
    )
    invitation.full_clean()
    try:
        with transaction.atomic():  # savepoint: a concurrent twin (double click) may win
            invitation.save()
    except IntegrityError:
        raise JudgingError(_("This address has already been invited."), code="already_invited") from None
    audit_record(actor=actor, action="judge.invite", target=invitation, after={"chair": chair})
    with translation.override(language):
        link = settings.SITE_URL + reverse("judging:invitation_accept", args=[invitation.token])
    outbox_enqueue(
        to=email,
        template="judging/email/judge_invitation",
        language=language,
        user=existing,
        context={"name": invitation.name, "inviter": actor.name or actor.email, "link": link, "chair": chair},
        dedupe_key=f"judge-invitation:{invitation.pk}",
    )
    return invitation


def _open_invitation(token: str) -> JudgeInvitation:
    invitation = JudgeInvitation.objects.select_for_update().filter(token=token, accepted_at__isnull=True).first()
    if invitation is None:
        raise JudgingError(_("This invitation has already been used or does not exist."), code="invalid")
    return invitation


@transaction.atomic
def judge_invitation_accept(
    *,
    token: str,
    user: User | None = None,
    password: str = "",
    name: str = "",
    consents: Mapping[str, bool] | None = None,
) -> Any:
    """Join the committee through an invitation.

    Signed in (``user``): the account's address must be the invited one. Not
    signed in: a new account with ``password`` is created for the invited
    address (which the link proves). Either way the person gets the judge (or
    chair) role and a profile, and their answers to the judge's consent
    items (``consents``) are recorded; TOTP is then required before any other page."""
    invitation = _open_invitation(token)
    if user is not None and user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            raise JudgingError(
                _("This invitation was sent to another address. Sign out, then open the link again."),
                code="wrong_user",
            )
    else:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise JudgingError(
                _("An account with this address exists. Sign in, then open the link again."), code="sign_in"
            )
        user = user_create_verified(
            email=invitation.email,
            password=password,
            name=name.strip() or invitation.name,
            language=invitation.language,
            role=Role.JUDGE,
        )
    user_grant_role(user=user, role=Role.JUDGE)
    if invitation.chair:
        user_grant_role(user=user, role=Role.CHAIR)
    JudgeProfile.objects.get_or_create(user=user)
    if consents:
        consents_record(user=user, answers=consents, source=ConsentSource.INVITATION, role=ConsentRole.JUDGE)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=user, action="judge.join", target=invitation)
    return user


PROFILE_FIELDS = ("themes", "languages", "country", "organisation", "email_domain", "bio")
# The consent item whose answer the profile's ``publish_consent`` follows.
PROFILE_CONSENT = "judge-profile"


@transaction.atomic
def judge_profile_update(
    *,
    user: User,
    expertise_tracks: Any = None,
    photo: Any = None,
    publish_consent: bool | None = None,
    **fields: Any,
) -> JudgeProfile:
    """Save a judge's own profile. ``photo`` is an upload: it is checked by
    content and re-encoded (so nothing of the original file is kept).
    ``publish_consent`` is the answer to the "judge-profile" consent item,
    recorded as a consent (``judge_publish_consent_changed`` then updates the profile)."""
    profile, _created = JudgeProfile.objects.select_for_update().get_or_create(user=user)
    before = {name: _plain(getattr(profile, name)) for name in PROFILE_FIELDS}
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(profile, name, fields[name])
    profile.email_domain = profile.email_domain.strip().lower().removeprefix("@")
    profile.languages = sorted(set(profile.languages))
    old_photo = None
    if photo is not None:
        checked = check_upload(photo)
        if checked.content is None:
            raise JudgingError(_("Upload a JPEG, PNG or WebP photo."), code="file_type")
        old_photo = profile.photo.name or None
        profile.photo.save("photo" + checked.extension, ContentFile(checked.content), save=False)
    profile.full_clean(exclude=["user"])
    save_fields(profile, [*PROFILE_FIELDS, "photo"])
    if expertise_tracks is not None:
        profile.expertise_tracks.set(expertise_tracks)
    if old_photo:
        delete_files_on_commit([old_photo])
    after = {name: _plain(getattr(profile, name)) for name in PROFILE_FIELDS}
    # Which fields changed, not their values: the trail keeps no biography,
    # organisation or address of a person (it outlives their erasure).
    changed = [name for name in PROFILE_FIELDS if before[name] != after[name]] + (["photo"] if photo else [])
    audit_record(actor=user, action="judge.profile", target=profile, after={"changed": changed})
    if publish_consent is not None:
        consents_record(
            user=user, answers={PROFILE_CONSENT: publish_consent}, source=ConsentSource.PROFILE, role=ConsentRole.JUDGE
        )
        profile.refresh_from_db(fields=["publish_consent"])
    # A new organisation or e-mail domain may put open assignments in conflict.
    from judging.services.conflicts import release_conflicted_assignments

    release_conflicted_assignments(
        judge_id=user.pk, actor=user, reason=_("The judge's profile now shows a conflict of interest.")
    )
    return profile


def _plain(value: Any) -> Any:
    return value if isinstance(value, (str, bool, int, list, type(None))) else str(value)


def judge_publish_consent_changed(*, user: User, code: str, given: bool, **kwargs: Any) -> None:
    """A judge gave or withdrew the consent to publish their profile (receiver
    of ``consent_changed``, in the transaction that records it): the profile
    follows, and the committee pages are built again once it commits."""
    if code != PROFILE_CONSENT:
        return
    updated = JudgeProfile.objects.filter(user=user).exclude(publish_consent=given).update(publish_consent=given)
    if not updated and not JudgeProfile.objects.filter(user=user).exists():
        JudgeProfile.objects.create(user=user, publish_consent=given)
    transaction.on_commit(committee_pages_forget)


def committee_pages_forget() -> None:
    """Drop the committee pages from the shared cache and start a new
    generation of their keys (this process's copies go too; another web
    process's last a minute at most): a judge who withdrew, or was erased,
    is on no committee page any more."""
    cache.delete_many(committee_page_keys())
    clear_local_pages()
    try:
        cache.incr(COMMITTEE_GENERATION_KEY)
    except ValueError:  # not set yet
        cache.set(COMMITTEE_GENERATION_KEY, 1, timeout=None)
