"""Writes of collaborator invitations: the owner invites by e-mail, the
person with that address accepts once through the link."""

import secrets
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.privacy.enums import ConsentRole, ConsentSource
from prize_portal.privacy.services.consents import consents_record

from ..errors import IntakeError
from ..models import Entry, Invitation
from .entries import check_open, lock_entry


def verified_addresses(user: User) -> set[str]:
    """The person's verified e-mail addresses, lower-cased (where an invitation may be accepted)."""
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.lower() for address in verified}


@transaction.atomic
def invitation_create(*, entry_id: int, user: User, email: str, language: str) -> Invitation:
    """Invite ``email`` to edit the entry; the mail goes after commit in
    ``language`` (the inviter's, or the invitee's own when they have an
    account). Inviting the same open address again re-sends nothing."""
    entry = lock_entry(entry_id)
    check_open(entry, timezone.now())
    email = email.strip()
    if email.lower() == entry.owner.email.lower():
        raise IntakeError(_("You own this entry already."), code="self")
    if entry.collaborators.filter(email__iexact=email).exists():
        raise IntakeError(_("This person already collaborates on the entry."), code="already_collaborator")
    if entry.invitations.filter(email__iexact=email, accepted_at__isnull=True).exists():
        raise IntakeError(_("This address has already been invited."), code="already_invited")
    invitation = Invitation(entry=entry, email=email, token=secrets.token_urlsafe(32), invited_by=user)
    invitation.full_clean()
    invitation.save()
    invitee = User.objects.filter(email__iexact=email).first()
    language = invitee.language if invitee else language
    with translation.override(language):
        link = settings.SITE_URL + reverse("submissions:invitation_accept", args=[invitation.token])
        title = entry.title_en or entry.title_original or str(_("Untitled entry"))
    outbox_enqueue(
        to=email,
        template="submissions/email/invitation",
        language=language,
        user=invitee,
        context={
            "inviter": user.name or user.email,
            "title": title,
            "organisation": entry.organisation.name_en,
            "link": link,
        },
        dedupe_key=f"invitation:{invitation.pk}",
    )
    audit_record(actor=user, action="entry.invite", target=entry, after={"invitation": invitation.pk})
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User, consents: Mapping[str, bool] | None = None) -> Entry:
    """Join the entry as a collaborator, if the invitation is open and was
    sent to one of the user's verified addresses, with their answers to the
    collaborator's consent items (``consents``)."""
    invitation = Invitation.objects.select_for_update().select_related("entry").get(token=token)
    if invitation.accepted_at is not None:
        raise IntakeError(_("This invitation has already been used."), code="used")
    if invitation.email.lower() not in verified_addresses(user):
        raise IntakeError(
            _("This invitation was sent to another e-mail address. Sign in with that address to accept it."),
            code="other_address",
        )
    entry = lock_entry(invitation.entry_id)
    check_open(entry, timezone.now())  # nobody joins a closed or withdrawn entry
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if entry.owner_id != user.pk:
        entry.collaborators.add(user)
    if consents:
        consents_record(user=user, answers=consents, source=ConsentSource.INVITATION, role=ConsentRole.COLLABORATOR)
    audit_record(actor=user, action="entry.join", target=entry, after={"invitation": invitation.pk})
    return entry
