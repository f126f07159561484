"""Events after the award: an edition's event in Seoul with its programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from events.enums import ProgrammeKind
from events.models import Event, Invitation, ProgrammeItem
from events.services.answers import Answer, DelegateAnswer
from events.services.invitations import invitations_create
from prize_portal.accounts.models import User
from submissions.models import Entry
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


@dataclass
class Invited:
    """An edition whose results are in effect: two winning cities (Gangnam,
    whose entry has a Korean collaborator, and Mexico City), a not-selected
    applicant, the event and the winners' invitations."""

    world: Any
    event: Event
    gangnam: Entry
    mexico: Entry
    loser: Entry
    collaborator: User
    invitation: Invitation  # Gangnam's
    other: Invitation  # Mexico City's


def invited_world(project: Any, *, booth_places: int = 10) -> Invited:
    from judging.services import publication_take_effect
    from tests.factories.accounts import make_user
    from tests.factories.judging import publish_results
    from tests.factories.winners import give, make_world, project_winner

    world = make_world(project)
    gangnam = project_winner(world, "mayor@gangnam.example", name_en="Gangnam District", name_native="강남구")
    mexico = project_winner(
        world, "cdmx@mexico.example", name_en="Mexico City", name_native="Ciudad de México", country="MX"
    )
    loser = project_winner(world, "lost@elsewhere.example", name_en="Elsewhere", name_native="Elsewhere", country="FR")
    collaborator = make_user(email="team@gangnam.example", language="ko", name="김팀원")
    gangnam.collaborators.add(collaborator)
    give(world, gangnam, world.gold)
    give(world, mexico, world.silver)
    event = make_event(world.cycle)
    Event.objects.filter(pk=event.pk).update(booth_places=booth_places)
    event.refresh_from_db()
    publication = publish_results(world.cycle)
    publication_take_effect(publication_id=publication.pk)
    invitations_create(cycle_id=world.cycle.pk)
    for entry in (gangnam, mexico, loser):
        entry.refresh_from_db()
    return Invited(
        world=world,
        event=event,
        gangnam=gangnam,
        mexico=mexico,
        loser=loser,
        collaborator=collaborator,
        invitation=Invitation.objects.get(event=event, entry=gangnam),
        other=Invitation.objects.get(event=event, entry=mexico),
    )


def delegate(name: str, email: str, *, presents: bool = False, language: str = "ko") -> DelegateAnswer:
    return DelegateAnswer(
        name=name,
        title="Deputy Mayor",
        organisation="Gangnam District",
        email=email,
        language=language,
        presents=presents,
    )


TWO_DELEGATES = Answer(
    attending=True,
    delegates=(
        delegate("조은희", "mayor.cho@gangnam.example", presents=True),
        delegate("Kim Minji", "kim.minji@gangnam.example", language="en"),
    ),
)


def presentations_item(event: Event) -> ProgrammeItem:
    """The event's winners' presentations session (12:00 to 15:00 Seoul time in make_event)."""
    return event.programme.get(kind=ProgrammeKind.PRESENTATIONS)


def scheduled(invited: Invited, staff: Any, *, minutes: int = 0) -> Any:
    """Gangnam attends with two delegates and presents 20 minutes into the session."""
    from events.services.answers import invitation_answer
    from events.services.presentations import presentation_schedule

    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    if invitation.status != "attending":
        invitation_answer(invitation_id=invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    item = presentations_item(invited.event)
    starts = item.starts_at + timedelta(minutes=minutes)
    return presentation_schedule(
        actor=staff,
        invitation_id=invitation.pk,
        item_id=item.pk,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=20),
    )


def make_course(cycle: Any, *, capacity: int = 2, per_organisation: int = 2, offer_days: int = 7) -> Any:
    """ "Smart City Seoul" with the Seoul Human Resources Development Center, for
    the edition's winners, in May 2031; nominations close at the end of April."""
    from datetime import date

    from events.models import Course

    course = Course.objects.create(
        title_en="Smart City Seoul",
        title_ko="스마트시티 서울",
        provider_en="Seoul Human Resources Development Center",
        provider_ko="서울시인재개발원",
        starts_on=date(2031, 5, 12),
        ends_on=date(2031, 5, 16),
        place_en="Seoul Human Resources Development Center, Seocho-gu",
        language="en",
        capacity=capacity,
        places_per_organisation=per_organisation,
        nominations_close_at=datetime(2031, 4, 30, 18, 0, tzinfo=SEOUL),
        offer_days=offer_days,
    )
    course.eligible_editions.add(cycle)
    return course


def nominee(email: str, *, language: str = "en") -> User:
    """An account of the address a nomination was sent to (make_user verifies it)."""
    from tests.factories.accounts import make_user

    return make_user(email=email, language=language)
