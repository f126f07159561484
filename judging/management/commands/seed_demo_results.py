"""A past edition with published winners for the quick start (`make run`).

The 2025 edition's entries are imported as history (the cycle is closed, so
they are written as they stand after judging); the decisions, their lock,
the publication and the certificates go through the services, as staff's
clicks would. Run it after ``seed_demo_users``."""

import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from categories.enums import CycleStatus
from categories.models import AwardLevel, Category, Cycle, Signatory, Track
from judging.enums import RoundEntryVia, RoundKind
from judging.models import Certificate, Publication, Round, RoundEntry
from judging.services import award_decide, awards_lock, certificates_request, publication_publish
from prize_portal.accounts.models import User
from submissions.enums import EntryStatus
from submissions.models import Entry, Organisation

YEAR = 2025
SEOUL = ZoneInfo("Asia/Seoul")
# (organisation English, native, country, city, title, track, level, citation en, citation ko)
WINNERS = [
    (
        "Seoul Metropolitan Government",
        "서울특별시",
        "KR",
        "Seoul",
        "Digital companions for older residents",
        "human-centricity",
        "gold",
        "For bringing older residents online with tablets, tutors and patience.",
        "태블릿과 강사, 그리고 인내로 어르신들을 온라인 세상으로 이끈 공로.",
    ),
    (
        "Mexico City Government",
        "Gobierno de la Ciudad de México",
        "MX",
        "Ciudad de México",
        "Street sensors for safer walking",
        "tech-innovacity",
        "gold",
        "For open street data that made walking safer in every borough.",
        "모든 구에서 보행을 더 안전하게 만든 개방형 거리 데이터.",
    ),
    (
        "Tokyo Metropolitan Government",
        "東京都",
        "JP",
        "Tokyo",
        "Flood warnings in plain language",
        "tech-innovacity",
        "silver",
        "For flood warnings that everyone understands, in every language of the city.",
        "도시의 모든 언어로 누구나 이해할 수 있는 홍수 경보.",
    ),
]


class Command(BaseCommand):
    help = "Create a past edition (2025) with published winners and certificates (quick start only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Allow with DEBUG off.")
        parser.add_argument("--winners", type=int, default=len(WINNERS), help="How many winners (the benchmark's).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo results are for the quick start only (DEBUG is off); --force overrides.")
        if Publication.objects.filter(cycle__year=YEAR).exists():
            self.stdout.write(f"The {YEAR} demo edition exists already; nothing changed.")
        else:
            self.seed(options["winners"])
        codes = Certificate.objects.filter(entry__cycle__year=YEAR, revoked_at__isnull=True).values_list(
            "code", flat=True
        )
        self.stdout.write(f"Demo winners of {YEAR}: /en/winners/{YEAR}/ · certificates: {', '.join(codes)}")

    def seed(self, count: int) -> None:
        staff = User.objects.filter(email="staff@demo.sscp.test").first()
        chair = User.objects.filter(email="chair@committee.sscp.test").first()
        applicant = User.objects.filter(email="applicant@demo.sscp.test").first()
        if staff is None or chair is None or applicant is None:
            raise CommandError("Run `manage.py seed_demo_users` first.")
        with transaction.atomic():
            cycle, final, levels = self._edition(count)
            for number in range(1, count + 1):
                english, native, country, city, title, track, level, citation_en, citation_ko = WINNERS[
                    (number - 1) % len(WINNERS)
                ]
                if number > len(WINNERS):
                    title = f"{title} ({number})"
                entry = self._imported_entry(
                    cycle, final, applicant, number, english, native, country, city, title, track
                )
                award_decide(
                    actor=chair,  # staff share the demo applicant's e-mail domain: a conflict
                    entry_id=entry.pk,
                    level_id=levels[level].pk,
                    round_id=final.pk,
                    citation={"en": citation_en, "ko": citation_ko},
                )
            awards_lock(actor=staff, cycle_id=cycle.pk)
        publication_publish(actor=staff, cycle_id=cycle.pk, visible_from=datetime(YEAR, 10, 6, 10, tzinfo=SEOUL))
        certificates_request(actor=staff, cycle_id=cycle.pk)

    def _edition(self, count: int) -> tuple[Cycle, Round, dict[str, AwardLevel]]:
        def seoul(month: int, day: int) -> datetime:
            return datetime(YEAR, month, day, 10, tzinfo=SEOUL)

        cycle = Cycle.objects.create(
            year=YEAR,
            name_en=f"Seoul Smart City Prize {YEAR}",
            name_ko=f"{YEAR} 서울스마트시티상",
            applications_open_at=seoul(2, 14),
            applications_close_at=seoul(5, 30),
            judging_starts_at=seoul(6, 2),
            ceremony_at=seoul(10, 7),
            ceremony_place_en="Seoul, Republic of Korea",
            ceremony_place_ko="대한민국 서울",
            status=CycleStatus.ARCHIVED,
        )
        project = Category.objects.create(
            cycle=cycle,
            code="project",
            reference_letter="P",
            name_en="Project",
            name_ko="프로젝트",
            applicant_types=["city", "corporation", "institution"],
            award_count=count,
        )
        Track.objects.create(category=project, code="human-centricity", name_en="Human-CentriCity", order=0)
        Track.objects.create(category=project, code="tech-innovacity", name_en="Tech-InnovaCity", order=1)
        levels = {}
        for order, (code, english, korean) in enumerate([("gold", "Gold", "금상"), ("silver", "Silver", "은상")]):
            levels[code] = AwardLevel.objects.create(
                cycle=cycle, code=code, name_en=english, name_ko=korean, order=order
            )
            levels[code].categories.add(project)
        final = Round.objects.create(
            cycle=cycle, name_en="Final round", kind=RoundKind.FINAL, opens_at=seoul(8, 1), closes_at=seoul(9, 1)
        )
        final.categories.add(project)
        for order, (name, title, title_ko) in enumerate(
            [
                ("Oh Se-hoon", "Mayor of Seoul", "서울특별시장"),
                ("Park Jung-sook", "Secretary General, WeGO", "WeGO 사무총장"),
            ]
        ):
            signatory = Signatory(cycle=cycle, name_en=name, title_en=title, title_ko=title_ko, order=order)
            signatory.signature.save("signature.png", ContentFile(_signature_png(order)), save=False)
            signatory.save()
        return cycle, final, levels

    def _imported_entry(
        self,
        cycle: Cycle,
        final: Round,
        owner: Any,
        number: int,
        english: str,
        native: str,
        country: str,
        city: str,
        title: str,
        track: str,
    ) -> Entry:
        project = cycle.categories.get(code="project")
        organisation = Organisation.objects.create(
            type="city", name_en=english, name_native=native, country=country, city=city, contact_name="Demo contact"
        )
        entry = Entry.objects.create(
            cycle=cycle,
            category=project,
            track=project.tracks.get(code=track),
            organisation=organisation,
            owner=owner,
            language="en",
            title_en=title,
            summary_en=f"{title}: how {english} did it, with the residents it serves.",
            status=EntryStatus.FINALIST,
            sequence=number,
            reference=f"SSCP-{YEAR}-P-{number:04d}",
            submitted_at=timezone.now(),
        )
        RoundEntry.objects.create(round=final, entry=entry, via=RoundEntryVia.ADVANCEMENT)
        return entry


def _signature_png(variant: int) -> bytes:
    """A drawn stroke standing in for a scanned signature."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    points = [(20, 120), (120, 40 + 10 * variant), (220, 130), (330, 50), (450, 90 - 10 * variant)]
    ImageDraw.Draw(image).line(points, fill=(20, 30, 90, 255), width=6, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
