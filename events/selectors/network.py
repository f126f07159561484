"""The network of winners for staff: per city (an organisation, the same
record across editions), everything it has won, attended and completed."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from events.enums import InvitationStatus
from events.models import Invitation, Nomination
from judging.models import Award, Publication
from submissions.models import Organisation


@dataclass
class CityRecord:
    organisation: Organisation
    awards: list[Award] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    nominations: list[Nomination] = field(default_factory=list)

    @property
    def attended(self) -> list[Invitation]:
        return [invitation for invitation in self.invitations if invitation.status == InvitationStatus.ATTENDING]

    @property
    def completed(self) -> list[Nomination]:
        return [nomination for nomination in self.nominations if nomination.certificate_id is not None]


def _published_awards() -> Any:
    return Award.objects.filter(cycle__publication__in=Publication.objects.published())


def network_organisations() -> list[Organisation]:
    """The organisations with a published award, an invitation or a nomination, with their counts."""
    awards = Count("entries__awards", filter=Q(entries__awards__in=_published_awards()), distinct=True)
    invitations = Count("entries__event_invitations", distinct=True)
    attended = Count(
        "entries__event_invitations",
        filter=Q(entries__event_invitations__status=InvitationStatus.ATTENDING),
        distinct=True,
    )
    completed = Count("nominations", filter=Q(nominations__certificate__isnull=False), distinct=True)
    return list(
        Organisation.objects.annotate(
            n_awards=awards, n_invited=invitations, n_attended=attended, n_nominated=Count("nominations", distinct=True)
        )
        .annotate(n_completed=completed)
        .filter(Q(n_awards__gt=0) | Q(n_invited__gt=0) | Q(n_nominated__gt=0))
        .order_by("country", "name_en", "pk")
    )


def city_record(organisation: Organisation) -> CityRecord:
    return CityRecord(
        organisation=organisation,
        awards=list(
            _published_awards()
            .filter(entry__organisation=organisation)
            .select_related("cycle", "level", "entry")
            .order_by("-cycle__year", "level__order")
        ),
        invitations=list(
            Invitation.objects.filter(entry__organisation=organisation)
            .select_related("event__cycle", "entry")
            .order_by("-event__starts_at")
        ),
        nominations=list(
            Nomination.objects.filter(organisation=organisation)
            .select_related("course", "certificate")
            .order_by("-course__starts_on", "created_at")
        ),
    )
