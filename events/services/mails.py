"""The e-mails of invitations, each written in its recipient's language with
the event's times in Seoul and in the recipient's own time zone. Messages
are built here and recorded through the outbox by the services."""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.links import delegate_token, email_fingerprint
from events.models import Delegate, Invitation
from prize_portal.accounts.models import User
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_message
from prize_portal.site.zones import both_times_text, person_zone
from submissions.models import Entry


def entry_team(entry: Entry) -> list[User]:
    """Who answers for a winning entry: its owner, then its collaborators."""
    team = [entry.owner, *sorted(entry.collaborators.all(), key=lambda user: user.pk)]
    return list({user.pk: user for user in team}.values())


def _event_context(invitation: Invitation, zone: str) -> dict[str, Any]:
    event = invitation.event
    return {
        "event": str(event.name),
        "place": ", ".join(part for part in (str(event.place), str(event.address or "")) if part),
        "starts_at": both_times_text(event.starts_at, zone),
        "answer_by": both_times_text(event.answer_by, zone),
        "entry": invitation.entry.title_en or invitation.entry.title_original or invitation.entry.reference or "",
        "organisation": invitation.entry.organisation.name_en,
    }


def team_messages(
    invitation: Invitation, *, template: str, key: str, team: list[User], extra: dict[str, Any] | None = None
) -> list[OutboxMessage]:
    """One message per member of the team, in their language; ``key`` makes
    each message once only (``<key>/<user id>``). ``extra``: more context,
    the same for everyone (no text to translate)."""
    country = invitation.entry.organisation.country
    messages = []
    for user in team:
        with translation.override(user.language):
            context = {
                **_event_context(invitation, person_zone(user.time_zone, country)),
                "name": user.name,
                "link": settings.SITE_URL + reverse("events:invitation", args=[invitation.pk]),
                **(extra or {}),
            }
        messages.append(
            outbox_message(
                to=user.email,
                template=template,
                language=user.language,
                context=context,
                user=user,
                dedupe_key=f"{key}/{user.pk}",
            )
        )
    return messages


def delegate_message(delegate: Delegate, invitation: Invitation) -> OutboxMessage:
    """The delegate's signed link to their own details (sent again to a new address)."""
    zone = person_zone("", invitation.entry.organisation.country)
    with translation.override(delegate.language):
        context = {
            **_event_context(invitation, zone),
            "name": delegate.name,
            # A credential: redacted from the outbox once sent.
            "delegate_link": settings.SITE_URL + reverse("events:delegate", args=[delegate_token(delegate)]),
        }
    return outbox_message(
        to=delegate.email,
        template="events/email/delegate_link",
        language=delegate.language,
        context=context,
        dedupe_key=f"events/delegate/{delegate.pk}/{email_fingerprint(delegate.email)}",
    )
