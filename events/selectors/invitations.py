"""Reads of invitations: a person's own, one invitation's page, an event's
overview for staff and its attendance list."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from events.enums import ChangeStatus, InvitationStatus
from events.models import Delegate, Event, Invitation, InvitationChange, PassportDetails, VisaLetter
from prize_portal.accounts.models import User
from prize_portal.accounts.requests import AnyUser
from prize_portal.site.spreadsheets import Cell, seoul_iso


def _delegates() -> QuerySet[Delegate]:
    """Delegates with whether they gave passport details (never the details) and their letter."""
    return (
        Delegate.objects.annotate(has_passport=Exists(PassportDetails.objects.filter(delegate=OuterRef("pk"))))
        .prefetch_related(Prefetch("letters", queryset=VisaLetter.objects.select_related("certificate")))
        .order_by("position", "pk")
    )


def _with_details(queryset: QuerySet[Invitation]) -> QuerySet[Invitation]:
    return queryset.select_related(
        "event__cycle", "entry__organisation", "entry__owner", "entry__category"
    ).prefetch_related(
        Prefetch("delegates", queryset=_delegates()),
        Prefetch("entry__collaborators", queryset=User.objects.order_by("pk")),
        Prefetch(
            "changes",
            queryset=InvitationChange.objects.filter(status=ChangeStatus.PENDING).select_related("requested_by"),
            to_attr="pending_changes",
        ),
    )


def invitations_of(user: AnyUser) -> list[Invitation]:
    """The invitations of the entries a person works on or whose
    organisation they belong to, soonest event first."""
    if not user.is_authenticated:
        return []
    mine = Q(entry__owner=user) | Q(entry__collaborators=user) | Q(entry__organisation__memberships__user=user)
    ids = Invitation.objects.filter(mine).values("pk")
    return list(_with_details(Invitation.objects.filter(pk__in=ids)).order_by("event__starts_at", "entry__reference"))


def invitation_page(invitation_id: int) -> Invitation | None:
    return _with_details(Invitation.objects.filter(pk=invitation_id)).first()


def pending_change(invitation: Invitation) -> InvitationChange | None:
    changes = getattr(invitation, "pending_changes", None)
    if changes is None:
        return invitation.changes.filter(status=ChangeStatus.PENDING).first()
    return changes[0] if changes else None


def events_overview() -> list[Event]:
    """Every event with how its invitations stand, the latest first."""
    by_status = {
        status: Count("invitations", filter=Q(invitations__status=status), distinct=True)
        for status in InvitationStatus.values
    }
    return list(
        Event.objects.select_related("cycle")
        .annotate(
            invited=Count("invitations", distinct=True),
            **{f"n_{status}": count for status, count in by_status.items()},
            changes_pending=Count(
                "invitations__changes", filter=Q(invitations__changes__status=ChangeStatus.PENDING), distinct=True
            ),
        )
        .order_by("-starts_at", "pk")
    )


@dataclass
class EventOverview:
    event: Event
    invitations: list[Invitation]
    changes: list[InvitationChange]
    figures: dict[str, int] = field(default_factory=dict)
    booth_free: list[int] = field(default_factory=list)

    @property
    def booth_places(self) -> list[int]:
        return list(range(1, self.event.booth_places + 1))

    @property
    def delegates(self) -> list[Delegate]:
        return [delegate for invitation in self.invitations for delegate in invitation.delegates.all()]


def event_overview(event: Event) -> EventOverview:
    invitations = list(_with_details(Invitation.objects.filter(event=event)).order_by("entry__reference", "pk"))
    changes = [change for invitation in invitations for change in getattr(invitation, "pending_changes", [])]
    figures = dict.fromkeys(InvitationStatus.values, 0)
    for invitation in invitations:
        figures[invitation.status] += 1
    taken = {invitation.booth_place for invitation in invitations if invitation.booth_place}
    figures["delegates"] = sum(len(invitation.delegates.all()) for invitation in invitations)
    return EventOverview(
        event=event,
        invitations=invitations,
        changes=changes,
        figures=figures,
        booth_free=[place for place in range(1, event.booth_places + 1) if place not in taken],
    )


def attendance_rows(overview: EventOverview) -> Iterator[list[Cell]]:
    """The attendance list: one row per delegate of an attending winner
    (needs only where the delegate agreed to their being kept)."""
    yield [
        _("Entry"),
        _("Organisation"),
        _("Country"),
        _("Delegate"),
        _("Position"),
        _("Delegate's organisation"),
        _("E-mail address"),
        _("Language"),
        _("Presents"),
        _("Details confirmed"),
        _("Booth place"),
        _("Access or dietary needs"),
    ]
    for invitation in overview.invitations:
        if invitation.status != InvitationStatus.ATTENDING:
            continue
        organisation = invitation.entry.organisation
        for delegate in invitation.delegates.all():
            yield [
                invitation.entry.reference or "",
                organisation.name_en,
                str(organisation.country.name),  # type: ignore[attr-defined]
                delegate.name,
                delegate.title,
                delegate.organisation,
                delegate.email,
                delegate.language,
                _("yes") if delegate.presents else "",
                seoul_iso(delegate.confirmed_at),
                invitation.booth_place or "",
                delegate.needs if delegate.needs_consent_at else "",
            ]
