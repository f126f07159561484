"""The quick start's demo edition (`make run`): the edition after the real
one, with the same content, its call for entries open on whatever day the
demo runs."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from prize_portal.writes import save_fields

from .. import seed
from ..enums import CycleStatus
from ..models import Cycle
from .editions import EditionWindow, edition_create_from_seed

DEMO_YEAR = seed.CYCLE_2026["year"] + 1
DEMO_OPENED_DAYS_AGO = 14
DEMO_OPEN_FOR_DAYS = 75
# When fewer days than this are left before its deadline, a new run moves the window.
DEMO_MIN_DAYS_LEFT = 30


def demo_window(today: date) -> EditionWindow:
    """The demo's window around ``today`` (Seoul dates): opened two weeks ago,
    deadline in about ten weeks, judging three days later, ceremony in autumn."""
    tz = ZoneInfo(settings.PRIZE_TIME_ZONE)

    def seoul(day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=tz)

    deadline = today + timedelta(days=DEMO_OPEN_FOR_DAYS)
    return EditionWindow(
        applications_open_at=seoul(today - timedelta(days=DEMO_OPENED_DAYS_AGO), time(0, 0)),
        applications_close_at=seoul(deadline, time(23, 59)),
        judging_starts_at=seoul(deadline + timedelta(days=3), time(9, 0)),
        ceremony_at=seoul(deadline + timedelta(days=130), time(10, 0)),
    )


@dataclass(frozen=True)
class DemoEdition:
    cycle: Cycle
    outcome: str  # "created", "moved" or "unchanged"


@transaction.atomic
def seed_demo_edition(*, now: datetime) -> DemoEdition:
    """Create the demo edition, or move its call for entries so that it is open at ``now``.

    For the quick start only (the command refuses with DEBUG off): production
    keeps the real editions' dates. The window moves when it is not open at
    ``now`` or closes within ``DEMO_MIN_DAYS_LEFT`` days, so a demo database
    kept for weeks still takes applications; entries and answers stay.
    """
    today = now.astimezone(ZoneInfo(settings.PRIZE_TIME_ZONE)).date()
    cycle = Cycle.objects.select_for_update().filter(year=DEMO_YEAR).first()
    if cycle is None:
        name = {
            language: text.replace(str(seed.CYCLE_2026["year"]), str(DEMO_YEAR))
            for language, text in seed.CYCLE_2026["name"].items()
        }
        cycle = edition_create_from_seed(Counter(), year=DEMO_YEAR, name=name, window=demo_window(today))
        return DemoEdition(cycle=cycle, outcome="created")
    open_long_enough = (
        cycle.applications_open_at <= now
        and cycle.applications_close_at - now >= timedelta(days=DEMO_MIN_DAYS_LEFT)
        and cycle.status == CycleStatus.ANNOUNCED
    )
    if open_long_enough:
        return DemoEdition(cycle=cycle, outcome="unchanged")
    dates = demo_window(today).as_fields()
    for attribute, value in dates.items():
        setattr(cycle, attribute, value)
    cycle.status = CycleStatus.ANNOUNCED
    cycle.full_clean()
    save_fields(cycle, [*dates, "status"])
    return DemoEdition(cycle=cycle, outcome="moved")
