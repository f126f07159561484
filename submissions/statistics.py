"""Intake counts for staff: entries of a cycle by category, track, country and
day. Each breakdown is one query aggregated in the database; the chart's
geometry is plain arithmetic on the counts.

"Submitted" counts entries past draft and not withdrawn; "drafts" counts
entries started and not submitted yet.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Case, Count, DateTimeField, F, OuterRef, Q, Subquery, When
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils.formats import date_format
from django_countries import countries

from categories.enums import CycleStatus
from categories.models import Category, Cycle, Track

from .enums import EntryStatus
from .models import Entry, Submission

SUBMITTED_STATUSES = sorted(set(EntryStatus) - {EntryStatus.DRAFT, EntryStatus.WITHDRAWN})
SUBMITTED = Count("pk", filter=Q(status__in=SUBMITTED_STATUSES))
DRAFTS = Count("pk", filter=Q(status=EntryStatus.DRAFT))


@dataclass(frozen=True)
class IntakeRow:
    label: str
    submitted: int
    drafts: int
    group: str = ""  # a track's category


@dataclass(frozen=True)
class DayRow:
    day: date
    submitted: int
    drafts: int


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    row: DayRow


@dataclass(frozen=True)
class AxisLabel:
    position: float
    text: str


@dataclass(frozen=True)
class DayChart:
    """An SVG column chart of entries submitted per day, in viewBox units."""

    width: int
    height: int
    left: int
    bottom: float
    right: int
    bars: list[Bar]
    y_ticks: list[AxisLabel]
    x_labels: list[AxisLabel]
    peak: DayRow | None


@dataclass(frozen=True)
class IntakeStatistics:
    cycle: Cycle
    categories: list[IntakeRow]
    tracks: list[IntakeRow]
    countries: list[IntakeRow]
    days: list[DayRow]
    chart: DayChart = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "chart", day_chart(self.days))

    @property
    def submitted(self) -> int:
        return sum(row.submitted for row in self.categories)

    @property
    def drafts(self) -> int:
        return sum(row.drafts for row in self.categories)

    @property
    def country_count(self) -> int:
        return sum(1 for row in self.countries if row.submitted)

    @staticmethod
    def most(rows: list[IntakeRow]) -> int:
        return max((row.submitted for row in rows), default=0)

    @property
    def most_by_category(self) -> int:
        return self.most(self.categories)

    @property
    def most_by_track(self) -> int:
        return self.most(self.tracks)

    @property
    def most_by_country(self) -> int:
        return self.most(self.countries)


def intake_cycles() -> list[Cycle]:
    """Every cycle, newest first (staff watch drafts of the next one too)."""
    return list(Cycle.objects.order_by("-year"))


def intake_cycle_pick(cycles: list[Cycle], *, year: int | None) -> Cycle | None:
    """The cycle of ``year`` (404 if none), or by default the newest announced
    one, else the newest."""
    if year is not None:
        for cycle in cycles:
            if cycle.year == year:
                return cycle
        raise Http404
    announced = [cycle for cycle in cycles if cycle.status == CycleStatus.ANNOUNCED]
    if announced:
        return announced[0]
    return cycles[0] if cycles else None


def _counts(relation: str) -> dict[str, Count]:
    return {
        "submitted": Count(relation, filter=Q(**{f"{relation}__status__in": SUBMITTED_STATUSES})),
        "drafts": Count(relation, filter=Q(**{f"{relation}__status": EntryStatus.DRAFT})),
    }


def intake_by_category(*, cycle: Cycle) -> list[IntakeRow]:
    categories = Category.objects.filter(cycle=cycle).annotate(**_counts("entries")).order_by("order", "code")
    return [IntakeRow(label=c.name, submitted=c.submitted, drafts=c.drafts) for c in categories]  # type: ignore[attr-defined]


def intake_by_track(*, cycle: Cycle) -> list[IntakeRow]:
    tracks = (
        Track.objects.filter(category__cycle=cycle)
        .select_related("category")
        .annotate(**_counts("entries"))
        .order_by("category__order", "category__code", "order", "code")
    )
    return [
        IntakeRow(label=t.name, submitted=t.submitted, drafts=t.drafts, group=t.category.name)  # type: ignore[attr-defined]
        for t in tracks
    ]


def intake_by_country(*, cycle: Cycle) -> list[IntakeRow]:
    """Countries with at least one entry, named in the active language, most
    submitted first; ties in the order of django-countries' list for that
    language (the order of every country menu)."""
    counts = (
        Entry.objects.filter(cycle=cycle)
        .order_by()
        .values("organisation__country")
        .annotate(submitted=SUBMITTED, drafts=DRAFTS)
    )
    place = {code: position for position, (code, _name) in enumerate(countries)}
    ranked = sorted(
        counts, key=lambda row: (-row["submitted"], -row["drafts"], place.get(row["organisation__country"], len(place)))
    )
    return [
        IntakeRow(label=countries.name(row["organisation__country"]), submitted=row["submitted"], drafts=row["drafts"])
        for row in ranked
    ]


def intake_by_day(*, cycle: Cycle) -> list[DayRow]:
    """Per day in Seoul time: entries submitted for the first time that day,
    and drafts started that day (still drafts); days without any, between
    the first and the last, are listed with 0."""
    first_submit = Submission.objects.filter(entry=OuterRef("pk")).order_by("number").values("submitted_at")[:1]
    moment = Case(
        When(status=EntryStatus.DRAFT, then=F("created_at")),
        default=Subquery(first_submit),
        output_field=DateTimeField(),
    )
    counts = (
        Entry.objects.filter(cycle=cycle)
        .exclude(status=EntryStatus.WITHDRAWN)
        .annotate(day=TruncDate(moment, tzinfo=ZoneInfo(settings.PRIZE_TIME_ZONE)))
        .order_by()
        .values("day")
        .annotate(submitted=SUBMITTED, drafts=DRAFTS)
    )
    by_day: dict[date, tuple[int, int]] = {
        row["day"]: (row["submitted"], row["drafts"]) for row in counts if row["day"] is not None
    }
    if not by_day:
        return []
    # Empty days are listed inside the application window only, so that a
    # stray date (an entry of a test, an extension months later) stays one row.
    seoul = ZoneInfo(settings.PRIZE_TIME_ZONE)
    start = max(min(by_day), cycle.applications_open_at.astimezone(seoul).date())
    end = min(max(by_day), cycle.applications_close_at.astimezone(seoul).date())
    window = {start + timedelta(days=offset) for offset in range((end - start).days + 1)}
    days = sorted(window | set(by_day))
    return [DayRow(day, *by_day.get(day, (0, 0))) for day in days]


def intake_statistics(*, cycle: Cycle) -> IntakeStatistics:
    """All four breakdowns of a cycle (four queries)."""
    return IntakeStatistics(
        cycle=cycle,
        categories=intake_by_category(cycle=cycle),
        tracks=intake_by_track(cycle=cycle),
        countries=intake_by_country(cycle=cycle),
        days=intake_by_day(cycle=cycle),
    )


def _nice_step(most: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most ``ticks`` steps up to ``most``."""
    rough = max(most / ticks, 1)
    power = 10 ** math.floor(math.log10(rough))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def day_chart(days: list[DayRow], *, width: int = 720, height: int = 260) -> DayChart:
    left, right, top, bottom = 44, 12, 12, 36
    plot_width, plot_height = width - left - right, height - top - bottom
    most = max((row.submitted for row in days), default=0)
    step = _nice_step(most)
    scale_top = max(step * math.ceil(most / step), step)
    slot = plot_width / max(len(days), 1)
    bar_width = max(slot * 0.7, 1.0)
    bars = []
    for index, row in enumerate(days):
        bar_height = plot_height * row.submitted / scale_top
        bars.append(
            Bar(
                x=round(left + index * slot + (slot - bar_width) / 2, 2),
                y=round(top + plot_height - bar_height, 2),
                width=round(bar_width, 2),
                height=round(bar_height, 2),
                row=row,
            )
        )
    y_ticks = [
        AxisLabel(position=round(top + plot_height - plot_height * value / scale_top, 2), text=str(value))
        for value in range(0, scale_top + 1, step)
    ]
    every = max(math.ceil(len(days) / 7), 1)
    x_labels = [
        AxisLabel(position=round(left + index * slot + slot / 2, 2), text=date_format(row.day, "MONTH_DAY_FORMAT"))
        for index, row in enumerate(days)
        if index % every == 0
    ]
    peak = max(days, key=lambda row: row.submitted) if most else None
    return DayChart(
        width=width,
        height=height,
        left=left,
        bottom=top + plot_height,
        right=width - right,
        bars=bars,
        y_ticks=y_ticks,
        x_labels=x_labels,
        peak=peak,
    )
