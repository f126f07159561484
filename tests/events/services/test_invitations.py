"""Inviting the winners: when the results take effect (never during the
embargo), once per entry and event, each member of the team mailed in their
own language with the times in Seoul and in their own zone; reminders once;
booth places."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from events.enums import InvitationStatus
from events.errors import EventError
from events.models import Invitation
from events.services.answers import invitation_answer
from events.services.invitations import booth_assign, invitations_create, invitations_remind, invitations_sweep
from events.tasks import task_invite_winners
from judging.models import Publication
from judging.services import publication_take_effect
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from tests.factories import CycleFactory, publish_results
from tests.factories.events import TWO_DELEGATES, Invited, make_event

pytestmark = pytest.mark.django_db


def _mails(template: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(template=template).order_by("to_email"))


def test_each_winner_is_invited_once_and_the_loser_not(invited: Invited) -> None:
    invitations = Invitation.objects.filter(event=invited.event)
    assert sorted(invitations.values_list("entry_id", flat=True)) == sorted([invited.gangnam.pk, invited.mexico.pk])
    assert all(invitation.status == InvitationStatus.INVITED for invitation in invitations)
    assert invitations_create(cycle_id=invited.world.cycle.pk) == 0  # a second click makes nothing more
    assert Invitation.objects.filter(event=invited.event).count() == 2
    assert AuditEvent.objects.filter(action="invitation.create").count() == 2


def test_the_team_is_mailed_each_in_their_language_and_time_zone(invited: Invited) -> None:
    mails = {mail.to_email: mail for mail in _mails("events/email/invitation")}
    assert set(mails) == {"mayor@gangnam.example", "team@gangnam.example", "cdmx@mexico.example"}
    assert mails["team@gangnam.example"].language == "ko"
    assert "서울 코엑스" in mails["team@gangnam.example"].context["place"]
    assert "서울" in mails["team@gangnam.example"].context["starts_at"]
    # Mexico City is 14 hours behind Seoul in October: 09:00 in Seoul is 18:00 the day before there.
    mexico = mails["cdmx@mexico.example"].context["starts_at"]
    assert "Seoul time" in mexico
    assert "Mexico City" in mexico
    assert "Oct. 5, 2030, 6 p.m." in mexico
    assert "Mexico" not in mails["mayor@gangnam.example"].context["starts_at"]  # same zone: once
    invitations_create(cycle_id=invited.world.cycle.pk)
    assert len(_mails("events/email/invitation")) == 3


def test_a_profile_time_zone_wins_over_the_country(project: Any, privacy_texts: Any) -> None:
    from tests.factories.events import invited_world

    invited = invited_world(project)
    owner = invited.mexico.owner
    owner.time_zone = "Europe/Paris"
    owner.save(update_fields=["time_zone"])
    OutboxMessage.objects.all().delete()
    Invitation.objects.filter(entry=invited.mexico).delete()
    invitations_create(cycle_id=invited.world.cycle.pk)
    (mail,) = _mails("events/email/invitation")
    assert "Paris" in mail.context["starts_at"]
    assert "2 a.m." in mail.context["starts_at"]


def test_nobody_is_invited_during_the_embargo(project: Any) -> None:
    cycle = project.cycle
    make_event(cycle)
    publish_results(cycle, visible_from=timezone.now() + timedelta(days=1))
    with pytest.raises(EventError, match="not public yet"):
        invitations_create(cycle_id=cycle.pk)
    assert task_invite_winners(cycle.pk) == -1
    assert not Invitation.objects.exists()


def test_invitations_follow_the_results_taking_effect(
    project: Any, privacy_texts: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from tests.factories.winners import give, make_world, project_winner

    world = make_world(project)
    entry = project_winner(world, "mayor@gangnam.example", name_en="Gangnam District", name_native="강남구")
    give(world, entry, world.gold)
    event = make_event(world.cycle)
    publication = publish_results(world.cycle)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert publication_take_effect(publication_id=publication.pk)
    assert callbacks  # the task is queued after commit (and runs: Celery is eager here)
    assert Invitation.objects.filter(event=event, entry=entry).exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publication_take_effect(publication_id=publication.pk)  # in effect already: no signal again
    assert not callbacks


def test_past_events_get_no_invitation(project: Any, privacy_texts: Any) -> None:
    from tests.factories.events import invited_world

    invited = invited_world(project)
    later = make_event(invited.world.cycle, starts_at=invited.event.starts_at + timedelta(days=1))
    assert invitations_create(cycle_id=invited.world.cycle.pk, now=later.starts_at - timedelta(hours=1)) == 2
    assert invitations_create(cycle_id=invited.world.cycle.pk, now=later.starts_at + timedelta(hours=1)) == 0


def test_the_sweep_invites_for_recent_results_only(invited: Invited) -> None:
    Invitation.objects.all().delete()
    publication = Publication.objects.get(cycle=invited.world.cycle)
    assert invitations_sweep(now=publication.effective_at + timedelta(hours=47)) == 2
    Invitation.objects.all().delete()
    assert invitations_sweep(now=publication.effective_at + timedelta(hours=49)) == 0


def test_reminders_go_once_to_the_unanswered_before_the_deadline(invited: Invited, staff: Any) -> None:
    invitation_answer(
        invitation_id=invited.other.pk, actor=invited.mexico.owner, answer=TWO_DELEGATES, version=invited.other.version
    )
    assert invitations_remind(event_id=invited.event.pk, actor=staff) == 1
    assert invitations_remind(event_id=invited.event.pk, actor=staff) == 0
    reminders = _mails("events/email/invitation_reminder")
    assert [mail.to_email for mail in reminders] == ["mayor@gangnam.example", "team@gangnam.example"]
    assert Invitation.objects.get(pk=invited.invitation.pk).reminded_at is not None
    with pytest.raises(EventError, match="deadline to answer has passed"):
        invitations_remind(event_id=invited.event.pk, actor=staff, now=invited.event.answer_by)


def test_booth_places_go_to_attending_winners_one_each(invited: Invited, staff: Any) -> None:
    with pytest.raises(EventError, match="Only a winner who attends"):
        booth_assign(invitation_id=invited.invitation.pk, actor=staff, place=1)
    for invitation in (invited.invitation, invited.other):
        invitation_answer(
            invitation_id=invitation.pk, actor=invitation.entry.owner, answer=TWO_DELEGATES, version=invitation.version
        )
    booth_assign(invitation_id=invited.invitation.pk, actor=staff, place=3)
    with pytest.raises(EventError, match="already given"):
        booth_assign(invitation_id=invited.other.pk, actor=staff, place=3)
    with pytest.raises(EventError, match="from 1 to 10"):
        booth_assign(invitation_id=invited.other.pk, actor=staff, place=11)
    assert Invitation.objects.get(pk=invited.other.pk).booth_place is None
    assert Invitation.objects.get(pk=invited.invitation.pk).booth_place == 3
    booth_assign(invitation_id=invited.invitation.pk, actor=staff, place=None)
    assert Invitation.objects.get(pk=invited.invitation.pk).booth_place is None
    events = AuditEvent.objects.filter(action="invitation.booth").order_by("pk")
    assert [event.after["booth_place"] for event in events] == [3, None]


def test_an_event_without_a_booth_has_no_places(project: Any, privacy_texts: Any, staff: Any) -> None:
    from tests.factories.events import invited_world

    invited = invited_world(project, booth_places=0)
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    with pytest.raises(EventError, match="no booth"):
        booth_assign(invitation_id=invited.invitation.pk, actor=staff, place=1)


def test_another_cycle_results_invite_nobody_here(invited: Invited) -> None:
    other = CycleFactory(year=2031)
    with pytest.raises(EventError):
        invitations_create(cycle_id=other.pk)
