"""Demo committee and an open judging round for the quick start (`make run`).

Everything goes through the services, as staff's and judges' clicks would:
profiles, screening decisions, the round's entries and the automatic
assignment (conflicts and languages respected) are real. Run it after
``seed_demo_users`` and ``seed_demo_entries``."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from categories import seed
from categories.models import Criterion, Cycle
from categories.services import translated_fields
from judging.enums import PeerVisibility, ReviewState, RoundKind
from judging.models import Round
from judging.services import assignment_apply, judge_profile_update, review_submit, round_add_eligible_entries
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified
from prize_portal.privacy.services.consents import consents_seed
from submissions.enums import EntryStatus
from submissions.models import Entry
from submissions.services import entry_decide_eligibility

ROUND_NAMES = seed.t(
    en="Demo first round",
    ko="데모 1차 심사",
    ja="デモ第1次審査",
    zh_hans="演示第一轮评审",
    es="Primera ronda de demostración",
    fr="Premier tour de démonstration",
)
ROUND_NAME = ROUND_NAMES["en"]
# (e-mail, name, interface language, languages read, country, organisation)
COMMITTEE = [
    ("judge@committee.sscp.test", "Demo Judge", "en", ["ko", "es"], "DE", "Demo University"),
    ("chair@committee.sscp.test", "Demo Committee Chair", "en", ["ko", "ja"], "SG", "Demo Institute"),
    ("mina@urban-lab.test", "Mina Park", "ko", ["ko", "ja"], "KR", "Urban Lab"),
    ("lucia@ciudad-abierta.test", "Lucía Gómez", "es", ["es", "fr"], "CO", "Ciudad Abierta"),
    ("kenji@smart-kyoto.test", "Kenji Sato", "ja", ["ja", "ko"], "JP", "Smart Kyoto Institute"),
]


class Command(BaseCommand):
    help = "Create demo committee members and an open, assigned judging round (quick start only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default="demo-password-2026")
        parser.add_argument("--force", action="store_true", help="Allow with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo judging is for the quick start only (DEBUG is off); --force overrides.")
        if Round.objects.filter(name_en=ROUND_NAME).exists():
            self.stdout.write("The demo round exists already; nothing changed.")
        else:
            self.seed(options["password"])
        self.report()

    @transaction.atomic
    def seed(self, password: str) -> None:
        cycle = Cycle.objects.filter(year=seed.CYCLE_2026["year"]).first()
        if cycle is None:
            raise CommandError("The 2026 edition does not exist: run `manage.py seed_prize` first.")
        staff = User.objects.filter(is_staff=True).order_by("pk").first()
        if staff is None:
            raise CommandError("No staff account: run `manage.py seed_demo_users` first.")
        for email, name, language, reads, country, organisation in COMMITTEE:
            user = User.objects.filter(email=email).first() or user_create_verified(
                email=email, password=password, name=name, language=language, role=Role.JUDGE
            )
            consents_seed(user=user)  # with the consent to publish their profile on the committee page
            judge_profile_update(
                user=user,
                languages=reads,
                country=country,
                organisation=organisation,
                bio=f"{name} works at {organisation}.",
            )
        for entry in Entry.objects.filter(cycle=cycle, status=EntryStatus.SUBMITTED).order_by("pk"):
            entry_decide_eligibility(entry_id=entry.pk, staff=staff, eligible=True)
        now = timezone.now()
        round_ = Round.objects.create(
            cycle=cycle,
            **translated_fields(name=ROUND_NAMES),
            kind=RoundKind.SCORED,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=14),
            peer_visibility=PeerVisibility.AFTER_OWN,
            judges_per_entry=3,
        )
        round_.categories.set(cycle.categories.all())
        round_add_eligible_entries(actor=staff, round_id=round_.pk)
        assignment_apply(actor=staff, round_id=round_.pk)
        self.review(round_)

    def review(self, round_: Round) -> None:
        """The other committee members have submitted their reviews, so that the
        results page has something to rank; the demo judge's are still to do."""
        harshness = {email: offset for offset, (email, *_rest) in zip((0, 1, -1, 2, -2), COMMITTEE, strict=True)}
        assignments = round_.assignments.exclude(judge__email=COMMITTEE[0][0]).select_related("judge", "entry")
        for number, assignment in enumerate(assignments.order_by("pk")):
            criteria = Criterion.objects.filter(category_id=assignment.entry.category_id)
            scores = {
                criterion.pk: max(
                    criterion.scale_min,
                    min(criterion.scale_max, 3 + harshness[assignment.judge.email] + (number + index) % 2),
                )
                for index, criterion in enumerate(criteria)
            }
            review_submit(
                judge=assignment.judge,
                assignment_id=assignment.pk,
                version=0,
                scores=scores,
                overall_comment="A clear, well-evidenced entry.",
                recommendation="yes" if number % 3 else "undecided",
            )

    def report(self) -> None:
        round_ = Round.objects.filter(name_en=ROUND_NAME).first()
        if round_ is None:
            return
        self.stdout.write(
            f"Demo round '{round_.name}': {round_.round_entries.count()} entries, "
            f"{round_.assignments.count()} assignments. Committee logins (same password):"
        )
        for email, _name, _language, reads, _country, _organisation in COMMITTEE:
            mine = round_.assignments.filter(judge__email=email)
            done = mine.filter(review__state=ReviewState.SUBMITTED).count()
            self.stdout.write(
                f"  {email:28s} reads {', '.join(['en', *reads]):14s} {mine.count() - done} to review, {done} submitted"
            )
