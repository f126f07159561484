"""An edition's event and its programme: times that make sense, held by the
database and by the admin form's checks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.enums import ProgrammeKind
from events.models import Event, ProgrammeItem
from tests.factories.events import CEREMONY_DAY, make_event

pytestmark = pytest.mark.django_db


def test_an_event_ends_after_it_starts_and_is_answered_before(project: Any) -> None:
    event = make_event(project.cycle, programme=False)
    for field, value in (("ends_at", event.starts_at), ("answer_by", event.starts_at + timedelta(minutes=1))):
        with pytest.raises(IntegrityError), transaction.atomic():
            Event.objects.filter(pk=event.pk).update(**{field: value})
    event.refresh_from_db()
    event.ends_at = event.starts_at - timedelta(hours=1)
    with pytest.raises(ValidationError, match=r"The event must end after it starts\."):
        event.full_clean()


def test_a_programme_item_takes_place_within_the_event(project: Any) -> None:
    event = make_event(project.cycle)
    assert [item.kind for item in event.programme.all()] == [ProgrammeKind.CEREMONY, ProgrammeKind.PRESENTATIONS]
    late = ProgrammeItem(
        event=event,
        kind=ProgrammeKind.FORUM,
        title_en="Forum",
        starts_at=CEREMONY_DAY + timedelta(hours=8),
        ends_at=CEREMONY_DAY + timedelta(hours=10),  # the event ends at 18:00
    )
    with pytest.raises(ValidationError, match="within the event's times"):
        late.full_clean()
    late.ends_at = CEREMONY_DAY + timedelta(hours=9)
    late.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeItem.objects.create(
            event=event, kind=ProgrammeKind.OTHER, title_en="Backwards", starts_at=CEREMONY_DAY, ends_at=CEREMONY_DAY
        )
