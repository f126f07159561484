"""Staff define an edition's event and its programme in admin, in Seoul
time and in the six languages; the admin refuses a programme item outside
the event's times, with nothing saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from events.models import Event
from tests.factories import SEOUL, sign_in_staff

pytestmark = pytest.mark.django_db

ADD = "/en/admin/events/event/add/"


def _form(project: Any, **programme: str) -> dict[str, str]:
    data = {
        "cycle": str(project.cycle_id),
        "name_en": "Seoul Smart City Prize ceremony",
        "name_ko": "서울스마트시티상 시상식",
        "name_fr": "Cérémonie du Prix Seoul Smart City",
        "place_en": "COEX, Seoul",
        "starts_at": "2030-10-06T09:00",
        "ends_at": "2030-10-06T18:00",
        "answer_by": "2030-09-22T18:00",
        "booth_places": "8",
        "programme-TOTAL_FORMS": "1",
        "programme-INITIAL_FORMS": "0",
        "programme-MIN_NUM_FORMS": "0",
        "programme-MAX_NUM_FORMS": "1000",
        "programme-0-kind": "ceremony",
        "programme-0-title_en": "Award ceremony",
        "programme-0-title_ja": "授賞式",
        "programme-0-starts_at": "2030-10-06T10:00",
        "programme-0-ends_at": "2030-10-06T11:30",
    }
    return {**data, **{f"programme-0-{key}": value for key, value in programme.items()}}


def test_staff_add_an_event_with_its_programme_in_seoul_time(project: Any, client: Client) -> None:
    sign_in_staff(client)
    page = client.get(ADD).content.decode()
    assert 'name="name_zh_hans"' in page
    assert 'type="datetime-local"' in page

    response = client.post(ADD, _form(project))

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.name_ko, event.name_es, event.booth_places) == ("서울스마트시티상 시상식", None, 8)
    assert event.starts_at == datetime(2030, 10, 6, 9, 0, tzinfo=SEOUL)
    item = event.programme.get()
    assert (item.kind, item.title_ja, item.ends_at) == (
        "ceremony",
        "授賞式",
        datetime(2030, 10, 6, 11, 30, tzinfo=SEOUL),
    )


def test_a_programme_item_outside_the_event_is_refused_with_nothing_saved(project: Any, client: Client) -> None:
    sign_in_staff(client)
    response = client.post(ADD, _form(project, ends_at="2030-10-06T19:00"))
    assert response.status_code == 200
    assert "A programme item takes place within the event&#x27;s times." in response.content.decode()
    assert not Event.objects.exists()


def test_only_staff_reach_the_events_admin(project: Any, client: Client) -> None:
    from tests.factories import make_user

    client.force_login(make_user(email="applicant@city.example"))
    assert client.get("/en/admin/events/event/").status_code == 302  # admin's own sign-in page
    assert not Event.objects.exists()
