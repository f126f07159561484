"""Events after the award: an edition's event in Seoul with its programme."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from events.enums import ProgrammeKind
from events.models import Event, ProgrammeItem
from tests.factories.categories import SEOUL

CEREMONY_DAY = datetime(2030, 10, 6, 9, 0, tzinfo=SEOUL)


def make_event(cycle: Any, *, starts_at: datetime = CEREMONY_DAY, programme: bool = True) -> Event:
    """The ceremony day during Seoul Smart Life Week (9:00 to 18:00 Seoul time),
    answered by two weeks before, with a booth of 10 places."""
    event = Event.objects.create(
        cycle=cycle,
        name_en="Seoul Smart City Prize ceremony",
        name_ko="서울스마트시티상 시상식",
        place_en="COEX, Seoul",
        place_ko="서울 코엑스",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=9),
        answer_by=starts_at - timedelta(days=14),
        booth_places=10,
    )
    if programme:
        for kind, title, hours in [
            (ProgrammeKind.CEREMONY, "Award ceremony", (1, 2)),
            (ProgrammeKind.PRESENTATIONS, "Winners' presentations", (3, 6)),
        ]:
            ProgrammeItem.objects.create(
                event=event,
                kind=kind,
                title_en=title,
                starts_at=starts_at + timedelta(hours=hours[0]),
                ends_at=starts_at + timedelta(hours=hours[1]),
            )
    return event
