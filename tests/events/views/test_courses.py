"""The training programme's pages: the team sees the courses its winning
organisation may nominate to and nominates; the nominee accepts from the
link, signed in with its address, and then alone follows it; staff confirm,
record attendance and completion; every refusal is a 404 or a clear message
with nothing saved; queries flat in the number of courses and nominations."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.enums import NominationStatus
from events.models import Nomination
from events.services.courses import nomination_accept, nomination_create
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from tests.factories import answer_consents, give_totp, make_user
from tests.factories.events import Invited, make_course, nominee

pytestmark = pytest.mark.django_db


def _signed_in(client: Client, user: Any) -> Client:
    answer_consents(user)
    client.force_login(user)
    return client


def _nominated(invited: Invited, course: Any, email: str = "park@gangnam.example") -> Nomination:
    return nomination_create(
        course_id=course.pk,
        organisation_id=invited.gangnam.organisation.pk,
        actor=invited.gangnam.owner,
        name="Park Ji-won",
        email=email,
        language="en",
    )


def test_the_team_sees_its_courses_and_nominates(client: Client, invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    _signed_in(client, invited.gangnam.owner)
    page = client.get(reverse("events:courses")).content.decode()
    assert "Smart City Seoul" in page
    assert "Gangnam District" in page
    data = {
        f"course-{course.pk}-organisation": invited.gangnam.organisation.pk,
        f"course-{course.pk}-name": "Park Ji-won",
        f"course-{course.pk}-email": "park@gangnam.example",
        f"course-{course.pk}-language": "ko",
    }
    assert client.post(reverse("events:nominate", args=[course.pk]), data).status_code == 302
    assert Nomination.objects.get().language == "ko"


def test_an_organisation_that_did_not_win_sees_no_course_and_cannot_nominate(client: Client, invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    _signed_in(client, invited.loser.owner)
    assert "Smart City Seoul" not in client.get(reverse("events:courses")).content.decode()
    data = {
        f"course-{course.pk}-organisation": invited.loser.organisation.pk,
        f"course-{course.pk}-name": "X",
        f"course-{course.pk}-email": "x@elsewhere.example",
        f"course-{course.pk}-language": "en",
    }
    assert client.post(reverse("events:nominate", args=[course.pk]), data).status_code == 404
    assert not Nomination.objects.exists()


def _accept_fields(page: str) -> dict[str, str]:
    """The accept form filled in: a profile, and every consent box the page shows ticked."""
    fields = {"position": "Director", "department": "Smart City Policy"}
    for name in re.findall(r'name="(consent[^"]*)"', page):
        fields[name] = "on"
    return fields


def test_the_nominee_accepts_and_then_alone_follows_it(client: Client, invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    nomination = _nominated(invited, course)
    url = reverse("events:nomination", args=[nomination.token])
    assert client.get(url).status_code == 302  # sign in first
    stranger = make_user(email="stranger@example.org")
    _signed_in(client, stranger)
    refused = client.post(url, _accept_fields(client.get(url).content.decode()))
    assert refused.status_code == 400
    assert "another e-mail address" in refused.content.decode()
    assert Nomination.objects.get().status == NominationStatus.INVITED
    park = nominee("park@gangnam.example")
    _signed_in(Client(), park)
    owner = Client()
    _signed_in(owner, park)
    page = owner.get(url).content.decode()
    assert 'name="position"' in page
    assert owner.post(url, _accept_fields(page)).status_code == 302
    assert Nomination.objects.get().status == NominationStatus.WAITING
    assert client.get(url).status_code == 404  # the stranger no longer sees it
    assert owner.post(url, {"withdraw": "1"}).status_code == 302
    assert Nomination.objects.get().status == NominationStatus.WITHDRAWN


def _staff(client: Client) -> Any:
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(staff)
    return _signed_in(client, staff)


def test_staff_confirm_record_attendance_and_completion(client: Client, invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    nomination = _nominated(invited, course)
    nomination_accept(token=nomination.token, user=nominee("park@gangnam.example"), position="D", department="P")
    _staff(client)
    page = client.get(reverse("events_staff:course", args=[course.pk])).content.decode()
    assert "Park Ji-won" in page
    assert AuditEvent.objects.filter(action="staff.view", target_type="events.nomination").count() == 1
    client.post(reverse("events_staff:course_confirm", args=[course.pk]))
    url = reverse("events_staff:nomination", args=[course.pk, nomination.pk])
    client.post(url, {"complete": "1"})  # not attended yet: refused
    assert Nomination.objects.get().certificate is None
    client.post(url, {"attended": "1"})
    client.post(url, {"complete": "1"})
    done = Nomination.objects.get()
    assert done.attended
    assert done.certificate is not None


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_courses_or_nominations(client: Client, invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    _nominated(invited, course, "one@gangnam.example")
    team = _signed_in(Client(), invited.gangnam.owner)
    _staff(client)
    urls = [reverse("events:courses"), reverse("events_staff:course", args=[course.pk]), reverse("events_staff:events")]
    team.get(urls[0])
    client.get(urls[1])
    one = [_queries(team, urls[0]), _queries(client, urls[1]), _queries(client, urls[2])]
    for email in ("two@gangnam.example", "three@gangnam.example"):
        _nominated(invited, course, email)
    for _ in range(2):
        _nominated(invited, make_course(invited.world.cycle), "one@gangnam.example")
    three = [_queries(team, urls[0]), _queries(client, urls[1]), _queries(client, urls[2])]
    assert one == three
