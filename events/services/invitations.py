"""Inviting the winners to an edition's event, chasing the answers, and
the booth: every write here is one transaction, audited; e-mails go through
the outbox once each (their keys make a second click send nothing more).

Invitations follow the results: they are made when the results take effect
(judging's ``results_took_effect``, never during an embargo), and staff may
invite again later (an event added after the results, a winner added by a
correction): whoever already has an invitation is left alone."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from events.enums import InvitationStatus
from events.errors import EventError
from events.models import Event, Invitation
from events.services.mails import entry_team, team_messages
from judging.models import Publication
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record, audit_record_many
from prize_portal.outbox.services import outbox_enqueue_many
from submissions.enums import EntryStatus
from submissions.models import Entry

INVITE_TASK = "events.tasks.task_invite_winners"


def results_in_effect(cycle_id: int, now: datetime | None = None) -> bool:
    return Publication.objects.live(now).filter(cycle_id=cycle_id, effective_at__isnull=False).exists()


def _winners(cycle_id: int) -> list[Entry]:
    return list(
        Entry.objects.filter(cycle_id=cycle_id, status=EntryStatus.WINNER)
        .select_related("owner", "organisation")
        .prefetch_related(Prefetch("collaborators", queryset=User.objects.order_by("pk")))
        .order_by("reference")
    )


@transaction.atomic
def invitations_create(*, cycle_id: int, actor: User | None = None, now: datetime | None = None) -> int:
    """Invite every winning entry of the cycle to each of its events still to
    come; returns how many invitations were made now. Refused while the
    results are not public."""
    now = now or timezone.now()
    if not results_in_effect(cycle_id, now):
        raise EventError(_("The results are not public yet: winners are invited once they are."), code="embargo")
    events = list(Event.objects.filter(cycle_id=cycle_id, starts_at__gt=now).order_by("starts_at", "pk"))
    winners = _winners(cycle_id)
    existing = set(Invitation.objects.filter(event__in=events).values_list("event_id", "entry_id"))
    made: list[Invitation] = []
    for event in events:
        for entry in winners:
            if (event.pk, entry.pk) in existing:
                continue
            invitation = Invitation(event=event, entry=entry)
            try:
                with transaction.atomic():  # savepoint: a concurrent run may have made it
                    invitation.save(force_insert=True)
            except IntegrityError:
                continue
            made.append(invitation)
    audit_record_many(
        actor=actor,
        action="invitation.create",
        events=[
            (invitation, None, {"event": invitation.event_id, "entry": invitation.entry_id}) for invitation in made
        ],
    )
    outbox_enqueue_many(
        messages=[
            message
            for invitation in made
            for message in team_messages(
                invitation,
                template="events/email/invitation",
                key=f"events/invitation/{invitation.pk}",
                team=entry_team(invitation.entry),
            )
        ]
    )
    return len(made)


@transaction.atomic
def invitations_remind(*, event_id: int, actor: User, now: datetime | None = None) -> int:
    """Remind each invitation still unanswered, once: returns how many were
    reminded now. After the deadline there is nothing to remind of."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event_id)
    if now >= event.answer_by:
        raise EventError(_("The deadline to answer has passed: there is nothing to remind of."), code="late")
    due = list(
        Invitation.objects.select_for_update(of=("self",))
        .filter(event=event, status=InvitationStatus.INVITED, reminded_at__isnull=True)
        .select_related("entry__owner", "entry__organisation", "event")
        .prefetch_related(Prefetch("entry__collaborators", queryset=User.objects.order_by("pk")))
    )
    if not due:
        return 0
    Invitation.objects.filter(pk__in=[invitation.pk for invitation in due]).update(reminded_at=now)
    audit_record_many(
        actor=actor, action="invitation.remind", events=[(invitation, None, {"reminded": True}) for invitation in due]
    )
    outbox_enqueue_many(
        messages=[
            message
            for invitation in due
            for message in team_messages(
                invitation,
                template="events/email/invitation_reminder",
                key=f"events/reminder/{invitation.pk}",
                team=entry_team(invitation.entry),
            )
        ]
    )
    return len(due)


@transaction.atomic
def booth_assign(*, invitation_id: int, actor: User, place: int | None) -> Invitation:
    """Give an attending winner a place at the booth (None frees it)."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("event").get(pk=invitation_id)
    before = {"booth_place": invitation.booth_place}
    if place is not None:
        if not invitation.event.booth_places:
            raise EventError(_("This event has no booth."), code="no_booth")
        if not 1 <= place <= invitation.event.booth_places:
            raise EventError(
                _("Choose a booth place from 1 to %(count)d.") % {"count": invitation.event.booth_places},
                code="booth_range",
            )
        if invitation.status != InvitationStatus.ATTENDING:
            raise EventError(_("Only a winner who attends can have a booth place."), code="not_attending")
        taken = (
            Invitation.objects.filter(event_id=invitation.event_id, booth_place=place)
            .exclude(pk=invitation.pk)
            .exists()
        )
        if taken:
            raise EventError(_("This booth place is already given to another winner."), code="booth_taken")
    invitation.booth_place = place
    invitation.version += 1
    try:
        with transaction.atomic():
            invitation.save(update_fields=["booth_place", "version"])
    except IntegrityError:  # a concurrent assignment took the place
        raise EventError(_("This booth place is already given to another winner."), code="booth_taken") from None
    audit_record(actor=actor, action="invitation.booth", target=invitation, before=before, after={"booth_place": place})
    return invitation


def invitations_sweep(*, now: datetime | None = None) -> int:
    """Invite the winners of results that took effect in the last
    EVENT_INVITE_SWEEP_HOURS, for those a dead broker or worker left
    uninvited; returns how many invitations were made. Older results wait
    for a staff action (an event added long after the results is staff's to
    open)."""
    now = now or timezone.now()
    since = now - timedelta(hours=settings.EVENT_INVITE_SWEEP_HOURS)
    cycles = (
        Publication.objects.live(now)
        .filter(effective_at__gte=since, cycle__events__starts_at__gt=now)
        .values_list("cycle_id", flat=True)
        .distinct()
    )
    return sum(invitations_create(cycle_id=cycle_id, now=now) for cycle_id in sorted(set(cycles)))
