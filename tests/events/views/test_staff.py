"""The secretariat's event pages: where the answers stand, inviting and
reminding, booth places, deciding changes, the attendance list (needs only
with consent); opening the delegates' details and exporting them audited;
queries flat in the number of invitations and events."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.enums import ChangeStatus
from events.models import Delegate, Invitation, InvitationChange
from events.services.answers import Answer, invitation_answer
from events.services.delegates import DelegateDetails, delegate_update_own
from prize_portal.audit.models import AuditEvent
from tests.factories import sign_in_staff
from tests.factories.events import TWO_DELEGATES, Invited, delegate, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client, invited: Invited) -> Client:
    from tests.factories import answer_consents

    answer_consents(sign_in_staff(client))
    return client


@pytest.fixture
def answered(invited: Invited) -> Invited:
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    return invited


def _last_message(response: Any) -> str:
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def test_the_event_page_shows_the_answers_and_audits_the_view(staff_client: Client, answered: Invited) -> None:
    page = staff_client.get(reverse("events_staff:event", args=[answered.event.pk])).content.decode()
    assert "조은희" in page
    assert "Mexico City" in page
    assert "Not answered yet" in page
    viewed = AuditEvent.objects.filter(action="staff.view", target_type="events.delegate")
    assert viewed.count() == 2


def test_invite_and_remind_from_the_page(staff_client: Client, answered: Invited) -> None:
    response = staff_client.post(reverse("events_staff:invite", args=[answered.event.pk]))
    assert _last_message(response) == "Every winner is invited already."
    response = staff_client.post(reverse("events_staff:remind", args=[answered.event.pk]))
    assert _last_message(response) == "1 reminder sent."
    response = staff_client.post(reverse("events_staff:remind", args=[answered.event.pk]))
    assert "Nobody is left to remind" in _last_message(response)


def test_a_booth_place_and_a_refused_one(staff_client: Client, answered: Invited) -> None:
    url = reverse("events_staff:booth", args=[answered.event.pk, answered.invitation.pk])
    assert _last_message(staff_client.post(url, {"place": "4"})) == "The booth place is saved."
    assert Invitation.objects.get(pk=answered.invitation.pk).booth_place == 4
    other = reverse("events_staff:booth", args=[answered.event.pk, answered.other.pk])
    assert "Only a winner who attends" in _last_message(staff_client.post(other, {"place": "5"}))
    assert "Choose a booth place" in _last_message(staff_client.post(url, {"place": "99"}))
    assert Invitation.objects.get(pk=answered.invitation.pk).booth_place == 4


def test_deciding_a_change(staff_client: Client, answered: Invited) -> None:
    late = answered.event.answer_by + timedelta(hours=1)
    change = invitation_answer(
        invitation_id=answered.invitation.pk, actor=answered.gangnam.owner, answer=Answer(False), version=2, now=late
    )
    page = staff_client.get(reverse("events_staff:event", args=[answered.event.pk])).content.decode()
    assert f'id="change-{change.pk}"' in page
    assert "Proposed: not attending." in page
    url = reverse("events_staff:decide", args=[answered.event.pk, change.pk])
    assert "Choose whether to approve" in _last_message(staff_client.post(url, {}))
    assert InvitationChange.objects.get().status == ChangeStatus.PENDING
    assert _last_message(staff_client.post(url, {"decision": "approve"})) == "The change is approved and applied."
    assert not Delegate.objects.exists()


def test_the_attendance_list_holds_needs_only_with_consent(staff_client: Client, answered: Invited) -> None:
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    delegate_update_own(
        delegate_id=cho.pk,
        details=DelegateDetails(
            name="조은희", title="Mayor", organisation="Gangnam", language="ko", needs="Halal", needs_consent=True
        ),
    )
    response = staff_client.get(reverse("events_staff:attendance", args=[answered.event.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][3] == "Delegate"
    assert len(rows) == 3
    by_name = {row[3]: row for row in rows[1:]}
    assert by_name["조은희"][-1] == "Halal"
    assert by_name["Kim Minji"][-1] == ""
    assert AuditEvent.objects.filter(action="staff.export", target_type="events.delegate").count() == 2
    xlsx = staff_client.get(reverse("events_staff:attendance", args=[answered.event.pk, "xlsx"]))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert staff_client.get(reverse("events_staff:attendance", args=[answered.event.pk, "pdf"])).status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_invitations_or_events(staff_client: Client, answered: Invited) -> None:
    from tests.factories.winners import project_winner

    pages = [
        reverse("events_staff:events"),
        reverse("events_staff:event", args=[answered.event.pk]),
        reverse("events_staff:attendance", args=[answered.event.pk, "csv"]),
    ]
    Invitation.objects.filter(pk=answered.other.pk).delete()
    staff_client.get(pages[0])  # the first request checks consents and MFA once for the session
    one = [_queries(staff_client, url) for url in pages]
    for index, city in enumerate(("Lyon", "Quito")):
        entry = project_winner(answered.world, f"mayor@{city.lower()}.example", name_en=city, name_native=city)
        invitation = Invitation.objects.create(event=answered.event, entry=entry)
        invitation_answer(
            invitation_id=invitation.pk,
            actor=entry.owner,
            answer=Answer(True, (delegate(city, f"d{index}@x.example", presents=True),)),
            version=1,
        )
    for days in (1, 2):
        make_event(answered.world.cycle, starts_at=answered.event.starts_at + timedelta(days=days))
    three = [_queries(staff_client, url) for url in pages]
    assert one == three
