from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from events.services.demo import seed_demo_event

SAID = {"created": "created", "moved": "moved a month ahead", "unchanged": "in place already"}


class Command(BaseCommand):
    help = (
        "Invite the latest published edition's winners to a demo winners' forum a month from today, with "
        "answered and unanswered invitations (quick start only)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Allow with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("The demo event is for the quick start only (DEBUG is off); --force overrides.")
        demo = seed_demo_event(now=timezone.now())
        if demo is None:
            raise CommandError("No edition has published results: run `manage.py seed_demo_results` first.")
        day = timezone.localtime(demo.event.starts_at)
        self.stdout.write(
            f"Demo event {SAID[demo.outcome]}: {demo.event}, {day:%Y-%m-%d} (Seoul). Winners answer at "
            f"/en/events/ (applicant@demo.sscp.test); staff see /en/staff/events/{demo.event.pk}/; "
            f"the public programme is /en/programme/{demo.event.pk}/."
        )
