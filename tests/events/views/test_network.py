"""The staff view of the network of winners: each city's awards, events
attended and courses completed, for staff only (404 otherwise), its page
view audited, and the same number of queries for one city as for three."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.services.answers import invitation_answer
from prize_portal.audit.models import AuditEvent
from tests.factories import answer_consents, sign_in_staff
from tests.factories.events import TWO_DELEGATES, Invited

pytestmark = pytest.mark.django_db


def test_staff_only(client: Client, invited: Invited) -> None:
    urls = [reverse("events_staff:cities"), reverse("events_staff:city", args=[invited.gangnam.organisation.pk])]
    assert [client.get(url).status_code for url in urls] == [302, 302]  # sign in first
    for user in (invited.gangnam.owner, invited.world.chair):  # the winner itself, a chair
        answer_consents(user)
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [404, 404]


def test_a_city_shows_what_it_won_attended_and_completed(client: Client, invited: Invited) -> None:
    from events.services.courses import (
        nomination_accept,
        nomination_attended,
        nomination_complete,
        nomination_create,
        nominations_confirm,
    )
    from tests.factories.events import make_course, nominee

    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    course = make_course(invited.world.cycle)
    nomination = nomination_create(
        course_id=course.pk,
        organisation_id=invited.gangnam.organisation.pk,
        actor=invited.gangnam.owner,
        name="Park Ji-won",
        email="park@gangnam.example",
        language="en",
    )
    staff = sign_in_staff(client)
    answer_consents(staff)
    nomination_accept(token=nomination.token, user=nominee("park@gangnam.example"), position="D", department="P")
    nominations_confirm(course_id=course.pk, actor=staff)
    nomination_attended(nomination_id=nomination.pk, actor=staff, attended=True)
    nomination_complete(nomination_id=nomination.pk, actor=staff)
    listing = client.get(reverse("events_staff:cities")).content.decode()
    assert "Gangnam District" in listing
    assert "Mexico City" in listing
    assert "Elsewhere" not in listing
    page = client.get(reverse("events_staff:city", args=[invited.gangnam.organisation.pk])).content.decode()
    assert "2030 · Gold" in page
    assert "Attending" in page
    assert "Smart City Seoul" in page
    assert "completed" in page
    assert AuditEvent.objects.filter(action="staff.view", after__page="city").count() == 1


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_cities(client: Client, invited: Invited, project: Any) -> None:
    from events.models import Invitation
    from tests.factories.winners import project_winner

    answer_consents(sign_in_staff(client))
    url = reverse("events_staff:cities")
    client.get(url)
    one = _queries(client, url)
    for city in ("Lyon", "Quito"):
        entry = project_winner(invited.world, f"mayor@{city.lower()}.example", name_en=city, name_native=city)
        Invitation.objects.create(event=invited.event, entry=entry)
    assert _queries(client, url) == one


def test_a_city_page_queries_do_not_grow_with_its_records(client: Client, invited: Invited) -> None:
    from events.services.courses import nomination_create
    from tests.factories.events import make_course, make_event

    answer_consents(sign_in_staff(client))
    url = reverse("events_staff:city", args=[invited.gangnam.organisation.pk])
    course = make_course(invited.world.cycle)

    def nominate(email: str, to: Any = course) -> None:
        nomination_create(
            course_id=to.pk,
            organisation_id=invited.gangnam.organisation.pk,
            actor=invited.gangnam.owner,
            name=email,
            email=email,
            language="en",
        )

    nominate("one@gangnam.example")
    client.get(url)
    one = _queries(client, url)
    from datetime import timedelta

    from events.models import Invitation

    for days in (1, 2):
        event = make_event(invited.world.cycle, starts_at=invited.event.starts_at + timedelta(days=days))
        Invitation.objects.create(event=event, entry=invited.gangnam)
        nominate(f"more{days}@gangnam.example", make_course(invited.world.cycle))
    assert _queries(client, url) == one
