"""Reads of the programme: the public programme of an event (once its
edition's results are public), a team's presentation, staff's list."""

from django.db.models import Prefetch, QuerySet

from events.enums import ProgrammeKind
from events.models import Event, Presentation, ProgrammeItem
from judging.models import Publication


def _presentations() -> QuerySet[Presentation]:
    return Presentation.objects.select_related("entry__organisation", "presenter").order_by("starts_at", "pk")


def public_event(pk: int) -> Event | None:
    """The event with its programme and presentations, if its edition's
    results are public (published, past the embargo, in effect); else None."""
    public_cycles = Publication.objects.live().filter(effective_at__isnull=False).values("cycle_id")
    items = ProgrammeItem.objects.order_by("starts_at", "pk").prefetch_related(
        Prefetch("presentations", queryset=_presentations())
    )
    return (
        Event.objects.filter(pk=pk, cycle_id__in=public_cycles)
        .select_related("cycle")
        .prefetch_related(Prefetch("programme", queryset=items))
        .first()
    )


def presentation_of(event: Event, entry_id: int) -> Presentation | None:
    return _presentations().select_related("item").filter(item__event=event, entry_id=entry_id).first()


def event_presentations(event: Event) -> list[Presentation]:
    return list(_presentations().select_related("item").filter(item__event=event))


def presentation_items(event: Event) -> list[ProgrammeItem]:
    return list(event.programme.filter(kind=ProgrammeKind.PRESENTATIONS).order_by("starts_at", "pk"))
