from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified
from prize_portal.privacy.services.consents import consents_seed

DEMO_USERS = [
    (Role.APPLICANT, "applicant@demo.sscp.test", "Demo Applicant", "en"),
    (Role.JUDGE, "judge@committee.sscp.test", "Demo Judge", "en"),
    (Role.CHAIR, "chair@committee.sscp.test", "Demo Committee Chair", "en"),
    (Role.STAFF, "staff@demo.sscp.test", "Demo Staff", "ko"),
]


class Command(BaseCommand):
    help = "Create one demo user per role (quick start only) and print their logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default="demo-password-2026")
        parser.add_argument("--allow-production", action="store_true", help="Allow with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("Demo users are for the quick start only (DEBUG is off).")
        password = options["password"]
        self.stdout.write(f"Demo logins (password: {password}):")
        for role, email, name, language in DEMO_USERS:
            user = User.objects.filter(email=email).first() or user_create_verified(
                email=email, password=password, name=name, language=language, role=role
            )
            consents_seed(user=user)  # the demo's people have read the notice and agreed to everything
            note = " — asked to set up an authenticator app (TOTP) at first sign-in" if role != Role.APPLICANT else ""
            self.stdout.write(f"  {role.label:<16} {email}{note}")
