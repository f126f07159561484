# ruff: noqa: RUF001 — Japanese and Chinese are written with full-width punctuation.
"""The quick start's event (`make run`): the latest published edition's
winners are invited to a winners' forum in Seoul a month from the day the
demo runs, with answers to try on any day: one team attends with two
delegates and opens the winners' presentations (on the public programme),
one cannot come, the others have still to answer (before a deadline two
weeks away); and the "Smart City Seoul" training course two months ahead,
with two officials nominated (the demo applicant among them, to accept). A
later run moves the event's dates when its deadline has passed; answers
stay."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F

from categories.models import Cycle
from categories.services import translated_fields
from events.enums import ProgrammeKind
from events.models import Course, Event, Invitation, Presentation
from events.services.answers import Answer, DelegateAnswer, invitation_answer
from events.services.courses import nomination_create
from events.services.invitations import invitations_create
from events.services.presentations import presentation_schedule
from judging.models import Publication
from prize_portal.accounts.models import User
from prize_portal.site.seed_text import t

DEMO_EVENT = t(
    en="Seoul Smart City Prize winners' forum",
    ko="서울스마트시티상 수상자 포럼",
    ja="ソウルスマートシティ賞 受賞者フォーラム",
    zh_hans="首尔智慧城市奖获奖者论坛",
    es="Foro de ganadores del Premio Ciudad Inteligente de Seúl",
    fr="Forum des lauréats du Prix Seoul Smart City",
)
PLACE = t(
    en="Seoul City Hall, Seoul",
    ko="서울시청, 서울",
    ja="ソウル市庁、ソウル",
    zh_hans="首尔市政厅，首尔",
    es="Ayuntamiento de Seúl, Seúl",
    fr="Hôtel de ville de Séoul, Séoul",
)
ADDRESS = t(
    en="110 Sejong-daero, Jung-gu",
    ko="중구 세종대로 110",
    ja="中区 世宗大路110",
    zh_hans="中区世宗大路110号",
    es="110 Sejong-daero, Jung-gu",
    fr="110 Sejong-daero, Jung-gu",
)
# (kind, title, from hour, to hour) on the forum's day, Seoul time.
PROGRAMME = [
    (
        ProgrammeKind.CEREMONY,
        t(
            en="Welcome and award ceremony",
            ko="환영사 및 시상식",
            ja="開会挨拶と授賞式",
            zh_hans="欢迎致辞及颁奖典礼",
            es="Bienvenida y ceremonia de entrega",
            fr="Accueil et cérémonie de remise des prix",
        ),
        10,
        11,
    ),
    (
        ProgrammeKind.PRESENTATIONS,
        t(
            en="The winners present their work",
            ko="수상자 사례 발표",
            ja="受賞者による事例発表",
            zh_hans="获奖者成果展示",
            es="Los ganadores presentan su trabajo",
            fr="Les lauréats présentent leurs réalisations",
        ),
        13,
        16,
    ),
    (
        ProgrammeKind.BOOTH,
        t(
            en="Promotional booths",
            ko="홍보 부스",
            ja="広報ブース",
            zh_hans="宣传展位",
            es="Stands de difusión",
            fr="Stands de présentation",
        ),
        10,
        18,
    ),
]
FORUM_IN_DAYS = 30
ANSWER_BY_IN_DAYS = 14
BOOTH_PLACES = 12


@dataclass(frozen=True)
class DemoEvent:
    event: Event
    outcome: str  # "created", "moved" or "unchanged"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=ZoneInfo(settings.PRIZE_TIME_ZONE))


def _latest_edition() -> Cycle | None:
    publication = (
        Publication.objects.live()
        .filter(effective_at__isnull=False)
        .select_related("cycle")
        .order_by("-cycle__year")
        .first()
    )
    return publication.cycle if publication else None


def _place(event: Event, day: date) -> None:
    """Move the forum, its programme and its presentations to ``day``, keeping their times of day."""
    shift = _at(day, 9) - event.starts_at
    event.starts_at, event.ends_at = _at(day, 9), _at(day, 18)
    event.answer_by = _at(day - timedelta(days=FORUM_IN_DAYS - ANSWER_BY_IN_DAYS), 18)
    event.save()
    event.programme.update(starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift)
    Presentation.objects.filter(item__event=event).update(
        starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift
    )


def _delegates() -> Answer:
    return Answer(
        attending=True,
        delegates=(
            DelegateAnswer(
                name="Ana María Torres",
                title="Director of Digital Innovation",
                organisation="Mexico City Government",
                email="ana.torres@demo.sscp.test",
                language="es",
                presents=True,
            ),
            DelegateAnswer(
                name="Luis Ramírez",
                title="Head of Urban Mobility Data",
                organisation="Mexico City Government",
                email="luis.ramirez@demo.sscp.test",
                language="es",
            ),
        ),
    )


@transaction.atomic
def seed_demo_event(*, now: datetime) -> DemoEvent | None:
    """Create the demo forum (or move it a month ahead of ``now`` once its
    deadline has passed) and its invitations; None without a published edition."""
    cycle = _latest_edition()
    if cycle is None:
        return None
    today = now.astimezone(ZoneInfo(settings.PRIZE_TIME_ZONE)).date()
    day = today + timedelta(days=FORUM_IN_DAYS)
    event = Event.objects.select_for_update().filter(cycle=cycle, name_en=DEMO_EVENT["en"]).first()
    if event is not None:
        if event.answer_by > now:
            return DemoEvent(event, "unchanged")
        _place(event, day)
        return DemoEvent(event, "moved")
    event = Event(
        cycle=cycle,
        booth_places=BOOTH_PLACES,
        **translated_fields(name=DEMO_EVENT, place=PLACE, address=ADDRESS),
    )
    event.starts_at, event.ends_at = _at(day, 9), _at(day, 18)
    event.answer_by = _at(day - timedelta(days=FORUM_IN_DAYS - ANSWER_BY_IN_DAYS), 18)
    event.save()
    for kind, title, start, end in PROGRAMME:
        event.programme.create(
            kind=kind, starts_at=_at(day, start), ends_at=_at(day, end), **translated_fields(title=title)
        )
    invitations_create(cycle_id=cycle.pk, now=now)
    invitations = list(Invitation.objects.filter(event=event).select_related("entry__owner", "entry__organisation"))
    by_country = {str(invitation.entry.organisation.country): invitation for invitation in invitations}
    mexico = by_country.get("MX")
    if mexico is not None:
        invitation_answer(
            invitation_id=mexico.pk, actor=mexico.entry.owner, answer=_delegates(), version=mexico.version, now=now
        )
        staff = User.objects.filter(email="staff@demo.sscp.test").first()
        session = event.programme.get(kind=ProgrammeKind.PRESENTATIONS)
        if staff is not None:  # their presentation opens the session: the public programme shows it
            presentation_schedule(
                actor=staff,
                invitation_id=mexico.pk,
                item_id=session.pk,
                starts_at=session.starts_at,
                ends_at=session.starts_at + timedelta(minutes=20),
            )
    tokyo = by_country.get("JP")
    if tokyo is not None:
        invitation_answer(
            invitation_id=tokyo.pk, actor=tokyo.entry.owner, answer=Answer(False), version=tokyo.version, now=now
        )
    _seed_course(cycle, mexico, now)
    return DemoEvent(event, "created")


COURSE = t(
    en="Smart City Seoul",
    ko="스마트시티 서울",
    ja="スマートシティ・ソウル",
    zh_hans="智慧城市首尔",
    es="Smart City Seoul",
    fr="Smart City Seoul",
)
PROVIDER = t(
    en="Seoul Human Resources Development Center",
    ko="서울시인재개발원",
    ja="ソウル市人材開発院",
    zh_hans="首尔市人才开发院",
    es="Centro de Desarrollo de Recursos Humanos de Seúl",
    fr="Centre de développement des ressources humaines de Séoul",
)
COURSE_PLACE = t(
    en="Seoul Human Resources Development Center, Seocho-gu, Seoul",
    ko="서울시인재개발원, 서울 서초구",
    ja="ソウル市人材開発院（ソウル市瑞草区）",
    zh_hans="首尔市人才开发院，首尔瑞草区",
    es="Centro de Desarrollo de Recursos Humanos de Seúl, Seocho-gu, Seúl",
    fr="Centre de développement des ressources humaines de Séoul, Seocho-gu, Séoul",
)


def _seed_course(cycle: Cycle, invitation: Invitation | None, now: datetime) -> None:
    """The training course of the winners, two months ahead, with two
    officials of a winning city nominated: the demo applicant (to accept) and
    one who has still to."""
    if invitation is None:
        return
    today = now.astimezone(ZoneInfo(settings.PRIZE_TIME_ZONE)).date()
    course = Course.objects.create(
        starts_on=today + timedelta(days=60),
        ends_on=today + timedelta(days=64),
        language="en",
        capacity=20,
        places_per_organisation=2,
        nominations_close_at=_at(today + timedelta(days=45), 18),
        **translated_fields(title=COURSE, provider=PROVIDER, place=COURSE_PLACE),
    )
    course.eligible_editions.add(cycle)
    owner = invitation.entry.owner
    for name, email, language in (
        ("Demo Applicant", owner.email, owner.language),
        ("Ana María Torres", "ana.torres@demo.sscp.test", "es"),
    ):
        nomination_create(
            course_id=course.pk,
            organisation_id=invitation.entry.organisation_id,
            actor=owner,
            name=name,
            email=email,
            language=language,
            now=now,
        )
