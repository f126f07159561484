"""The team's invitation page: the answer form with its rows of delegates
(added without JavaScript), what was typed kept on every refusal, a stale
form answered 409 with the new answer shown; and the same number of queries
for one delegate or invitation as for three."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.enums import InvitationStatus
from events.models import Delegate, Event, Invitation, InvitationChange
from events.services.answers import Answer, invitation_answer
from tests.factories import answer_consents
from tests.factories.events import Invited, delegate

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client: Client, invited: Invited) -> Client:
    answer_consents(invited.gangnam.owner)
    client.force_login(invited.gangnam.owner)
    return client


def _url(invited: Invited, language: str = "en") -> str:
    return f"/{language}" + reverse("events:invitation", args=[invited.invitation.pk])[3:]


def _post(rows: list[dict[str, str]], *, version: int = 1, attending: str = "yes", **extra: str) -> dict[str, str]:
    data = {
        "attending": attending,
        "version": str(version),
        "delegates-TOTAL_FORMS": str(len(rows)),
        "delegates-INITIAL_FORMS": "0",
        **extra,
    }
    for index, row in enumerate(rows):
        data.update({f"delegates-{index}-{name}": value for name, value in row.items()})
    return data


CHO = {
    "name": "조은희",
    "title": "구청장",
    "organisation": "강남구",
    "email": "cho@gangnam.example",
    "language": "ko",
    "presents": "on",
}
KIM = {
    "name": "Kim Minji",
    "title": "Director",
    "organisation": "Gangnam",
    "email": "kim@gangnam.example",
    "language": "en",
}


def test_the_page_shows_the_event_in_the_visitors_language(team: Client, invited: Invited) -> None:
    page = team.get(_url(invited, "ko")).content.decode()
    assert "서울스마트시티상 시상식" in page
    assert "서울 코엑스" in page
    assert 'name="delegates-0-name"' in page
    assert 'name="delegates-1-name"' not in page


def test_adding_a_row_keeps_what_was_typed_and_saves_nothing(team: Client, invited: Invited) -> None:
    response = team.post(_url(invited), _post([CHO], add_delegate="1"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="delegates-1-name"' in page
    assert 'value="조은희"' in page
    assert Invitation.objects.get(pk=invited.invitation.pk).status == InvitationStatus.INVITED


def test_an_answer_with_two_delegates_is_saved(team: Client, invited: Invited) -> None:
    response = team.post(_url(invited), _post([CHO, KIM]))
    assert response.status_code == 302
    assert sorted(Delegate.objects.values_list("email", "presents")) == [
        ("cho@gangnam.example", True),
        ("kim@gangnam.example", False),
    ]
    page = team.get(_url(invited)).content.decode()
    assert "Thank you: your answer is saved." in page
    assert "Not yet: the delegate has an e-mail" in page


def test_an_incomplete_delegate_is_refused_with_the_text_kept(team: Client, invited: Invited) -> None:
    response = team.post(_url(invited), _post([CHO, {**KIM, "email": "not an address"}]))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Some delegates&#x27; details need correcting" in page
    assert "Kim Minji" in page
    assert not Delegate.objects.exists()


def test_a_rule_of_the_answer_is_refused_with_the_text_kept(team: Client, invited: Invited) -> None:
    response = team.post(_url(invited), _post([{**CHO, "presents": ""}, KIM]))
    assert response.status_code == 400
    assert "Choose the one delegate who presents" in response.content.decode()
    assert not Delegate.objects.exists()


def test_declining_needs_no_delegate(team: Client, invited: Invited) -> None:
    response = team.post(_url(invited), _post([{**KIM, "email": ""}], attending="no"))
    assert response.status_code == 302
    assert Invitation.objects.get(pk=invited.invitation.pk).status == InvitationStatus.DECLINED


def test_a_stale_form_is_answered_409_and_sent_again_applies(team: Client, invited: Invited) -> None:
    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.collaborator,
        answer=Answer(True, (delegate("Park", "park@gangnam.example", presents=True),)),
        version=1,
    )
    response = team.post(_url(invited), _post([CHO]))
    page = response.content.decode()
    assert response.status_code == 409
    assert "changed this answer" in page
    assert 'value="조은희"' in page
    assert "Park" in page
    assert 'name="version" value="2"' in page
    assert team.post(_url(invited), _post([CHO], version=2)).status_code == 302
    assert list(Delegate.objects.values_list("name", flat=True)) == ["조은희"]


def test_after_the_deadline_the_answer_asks_for_a_reason_and_waits(team: Client, invited: Invited) -> None:
    Event.objects.filter(pk=invited.event.pk).update(
        answer_by=timezone.now() - timedelta(hours=1),
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=9),
    )
    page = team.get(_url(invited)).content.decode()
    assert 'name="reason"' in page
    assert "Send the change for approval" in page
    response = team.post(_url(invited), _post([CHO], reason="Late, sorry."))
    assert response.status_code == 302
    assert InvitationChange.objects.get().reason == "Late, sorry."
    assert Invitation.objects.get(pk=invited.invitation.pk).status == InvitationStatus.INVITED
    assert "A change waits for the secretariat" in team.get(_url(invited)).content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_delegates_or_invitations(team: Client, invited: Invited, project: Any) -> None:
    from tests.factories.events import make_event

    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.gangnam.owner,
        answer=Answer(True, (delegate("A", "a@x.example", presents=True),)),
        version=1,
    )
    team.get(reverse("events:mine"))  # the first request checks consents once for the session
    one = (_queries(team, _url(invited)), _queries(team, reverse("events:mine")))
    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.gangnam.owner,
        answer=Answer(True, tuple(delegate(n, f"{n}@x.example", presents=n == "A") for n in "ABC")),
        version=2,
    )
    for days in (1, 2):  # two more events, so three invitations
        event = make_event(invited.world.cycle, starts_at=invited.event.starts_at + timedelta(days=days))
        Invitation.objects.create(event=event, entry=invited.gangnam)
    three = (_queries(team, _url(invited)), _queries(team, reverse("events:mine")))
    assert one == three
