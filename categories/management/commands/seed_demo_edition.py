from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from categories.services import seed_demo_edition

SAID = {"created": "created", "moved": "moved so that it is open today", "unchanged": "open already"}


class Command(BaseCommand):
    help = (
        "Create the quick start's demo edition, open for applications today, or move its call for "
        "entries so that it is open again (quick start only; production keeps the real dates)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Allow with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("The demo edition is for the quick start only (DEBUG is off); --force overrides.")
        demo = seed_demo_edition(now=timezone.now())
        deadline = demo.cycle.applications_close_at.astimezone(ZoneInfo(settings.PRIZE_TIME_ZONE))
        self.stdout.write(
            f"Demo edition {demo.cycle.year} {SAID[demo.outcome]}: applications close "
            f"{deadline:%Y-%m-%d %H:%M} (Seoul time). Start an entry at /en/entries/new/ "
            "as a demo applicant printed below."
        )
