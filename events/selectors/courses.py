"""Reads of the training programme: the courses a person's organisations may
nominate to, a course's nominations for staff, a nomination's page."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from events.enums import HOLDING_PLACE, NominationStatus
from events.models import Course, Nomination
from prize_portal.accounts.requests import AnyUser
from submissions.enums import EntryStatus
from submissions.models import Organisation


@dataclass
class CourseOffer:
    course: Course
    organisations: list[Organisation]  # of the person's, those that may nominate
    nominations: list[Nomination]  # theirs, to this course


def _my_organisations(user: AnyUser) -> list[Organisation]:
    mine = Q(memberships__user=user) | Q(entries__owner=user) | Q(entries__collaborators=user)
    return list(Organisation.objects.filter(mine).distinct().order_by("name_en"))


def courses_for(user: AnyUser, now: datetime | None = None) -> list[CourseOffer]:
    """The courses open for nominations that one of the person's
    organisations may nominate to, with their nominations so far."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    organisations = _my_organisations(user)
    ids = [organisation.pk for organisation in organisations]
    courses = (
        Course.objects.filter(nominations_close_at__gt=now)
        .prefetch_related(
            "eligible_editions",
            Prefetch(
                "nominations",
                queryset=Nomination.objects.filter(organisation_id__in=ids).order_by("created_at", "pk"),
                to_attr="ours",
            ),
        )
        .order_by("starts_on", "pk")
    )
    won, finalists = _won_by(ids)
    offers = []
    for course in courses:
        editions = {cycle.pk for cycle in course.eligible_editions.all()}
        eligible = [
            organisation
            for organisation in organisations
            if won.get(organisation.pk, set()) & editions
            or (course.finalists_eligible and organisation.pk in finalists)
        ]
        if eligible:
            offers.append(CourseOffer(course=course, organisations=eligible, nominations=list(course.ours)))
    return offers


def _won_by(organisation_ids: list[int]) -> tuple[dict[int, set[int]], set[int]]:
    """The editions each organisation won, and the organisations with a finalist or a winner."""
    from submissions.models import Entry

    editions: dict[int, set[int]] = {}
    finalists: set[int] = set()
    rows = Entry.objects.filter(
        organisation_id__in=organisation_ids, status__in=[EntryStatus.WINNER, EntryStatus.FINALIST]
    ).values_list("organisation_id", "cycle_id", "status")
    for organisation_id, cycle_id, status in rows:
        finalists.add(organisation_id)
        if status == EntryStatus.WINNER:
            editions.setdefault(organisation_id, set()).add(cycle_id)
    return editions, finalists


def course_overview(course: Course) -> tuple[list[Nomination], dict[str, int]]:
    nominations = list(
        Nomination.objects.filter(course=course)
        .select_related("organisation", "certificate")
        .order_by("created_at", "pk")
    )
    figures = dict.fromkeys(NominationStatus.values, 0)
    for nomination in nominations:
        figures[nomination.status] += 1
    figures["holding"] = sum(1 for nomination in nominations if nomination.status in HOLDING_PLACE)
    return nominations, figures


def courses_overview() -> list[Course]:
    return list(
        Course.objects.annotate(
            nominated=Count("nominations", distinct=True),
            confirmed=Count("nominations", filter=Q(nominations__status=NominationStatus.CONFIRMED), distinct=True),
        ).order_by("-starts_on", "pk")
    )
