# ruff: noqa: RUF001 — Chinese and Japanese citations use full-width punctuation.
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

from categories import seed
from categories.enums import CycleStatus
from categories.models import AwardLevel, Category, Cycle, Signatory, Track
from categories.seed import t
from categories.services import translated_fields
from judging.enums import RoundEntryVia, RoundKind
from judging.models import Certificate, Publication, Round, RoundEntry
from judging.services import award_decide, awards_lock, certificates_request, publication_publish
from prize_portal.accounts.models import User
from submissions.enums import EntryStatus
from submissions.models import Entry, Organisation

YEAR = 2025
SEOUL = ZoneInfo("Asia/Seoul")
# (organisation English, native, country, city, title, track, level, citation in the six languages)
WINNERS = [
    (
        "Seoul Metropolitan Government",
        "서울특별시",
        "KR",
        "Seoul",
        "Digital companions for older residents",
        "human-centricity",
        "gold",
        t(
            en="For bringing older residents online with tablets, tutors and patience.",
            ko="태블릿과 강사, 그리고 인내로 어르신들을 온라인 세상으로 이끈 공로.",
            ja="タブレットと講師、そして根気強さで高齢の住民をオンラインの世界へ導いた功績に対して。",
            zh_hans="以平板电脑、辅导员和耐心，带领老年居民走进网络世界。",
            es="Por acercar a las personas mayores al mundo digital con tabletas, tutores y paciencia.",
            fr="Pour avoir fait entrer les habitants âgés dans le monde numérique, avec des tablettes, "
            "des accompagnateurs et de la patience.",
        ),
    ),
    (
        "Mexico City Government",
        "Gobierno de la Ciudad de México",
        "MX",
        "Ciudad de México",
        "Street sensors for safer walking",
        "tech-innovacity",
        "gold",
        t(
            en="For open street data that made walking safer in every borough.",
            ko="모든 구에서 보행을 더 안전하게 만든 개방형 거리 데이터.",
            ja="すべての区で歩行をより安全にしたオープンな街路データに対して。",
            zh_hans="以开放的街道数据，让每个城区的步行都更加安全。",
            es="Por los datos abiertos de las calles que hicieron más seguro caminar en todas las alcaldías.",
            fr="Pour des données ouvertes sur les rues qui ont rendu la marche plus sûre dans chaque arrondissement.",
        ),
    ),
    (
        "Tokyo Metropolitan Government",
        "東京都",
        "JP",
        "Tokyo",
        "Flood warnings in plain language",
        "tech-innovacity",
        "silver",
        t(
            en="For flood warnings that everyone understands, in every language of the city.",
            ko="도시의 모든 언어로 누구나 이해할 수 있는 홍수 경보.",
            ja="都内で話されるすべての言語で、誰もが理解できる洪水警報に対して。",
            zh_hans="以城市中使用的每一种语言，发布人人都能看懂的洪水预警。",
            es="Por unas alertas de inundación que todos entienden, en todos los idiomas de la ciudad.",
            fr="Pour des alertes aux inondations que chacun comprend, dans toutes les langues de la ville.",
        ),
    ),
]

FINAL_ROUND = t(en="Final round", ko="최종 심사", ja="最終審査", zh_hans="终审", es="Ronda final", fr="Tour final")
SIGNATORIES = [
    (
        "Oh Se-hoon",
        t(
            en="Mayor of Seoul",
            ko="서울특별시장",
            ja="ソウル特別市長",
            zh_hans="首尔特别市市长",
            es="Alcalde de Seúl",
            fr="Maire de Séoul",
        ),
    ),
    (
        "Park Jung-sook",
        t(
            en="Secretary General, WeGO",
            ko="WeGO 사무총장",
            ja="WeGO事務総長",
            zh_hans="WeGO秘书长",
            es="Secretaria general de WeGO",
            fr="Secrétaire générale de WeGO",
        ),
    ),
]


def _in_2025(texts: dict[str, str]) -> dict[str, str]:
    """The 2026 edition's name, place or … for 2025."""
    return {language: text.replace("2026", str(YEAR)) for language, text in texts.items()}


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
                english, native, country, city, title, track, level, citation = WINNERS[(number - 1) % len(WINNERS)]
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
                    citation=citation,
                )
            awards_lock(actor=staff, cycle_id=cycle.pk)
        publication_publish(actor=staff, cycle_id=cycle.pk, visible_from=datetime(YEAR, 10, 6, 10, tzinfo=SEOUL))
        certificates_request(actor=staff, cycle_id=cycle.pk)

    def _edition(self, count: int) -> tuple[Cycle, Round, dict[str, AwardLevel]]:
        def seoul(month: int, day: int) -> datetime:
            return datetime(YEAR, month, day, 10, tzinfo=SEOUL)

        project_spec = next(spec for spec in seed.CATEGORIES if spec["code"] == "project")
        cycle = Cycle.objects.create(
            year=YEAR,
            **translated_fields(
                name=_in_2025(seed.CYCLE_2026["name"]), ceremony_place=seed.CYCLE_2026["ceremony_place"]
            ),
            applications_open_at=seoul(2, 14),
            applications_close_at=seoul(5, 30),
            judging_starts_at=seoul(6, 2),
            ceremony_at=seoul(10, 7),
            status=CycleStatus.ARCHIVED,
        )
        project = Category.objects.create(
            cycle=cycle,
            code="project",
            reference_letter="P",
            **translated_fields(name=project_spec["name"], summary=project_spec["summary"]),
            applicant_types=["city", "corporation", "institution"],
            award_count=count,
        )
        for order, track in enumerate(project_spec["tracks"]):
            Track.objects.create(
                category=project, code=track["code"], order=order, **translated_fields(name=track["name"])
            )
        levels = {}
        for order, spec in enumerate(level for level in seed.AWARD_LEVELS if level["code"] in ("gold", "silver")):
            levels[spec["code"]] = AwardLevel.objects.create(
                cycle=cycle, code=spec["code"], order=order, **translated_fields(name=spec["name"])
            )
            levels[spec["code"]].categories.add(project)
        final = Round.objects.create(
            cycle=cycle,
            kind=RoundKind.FINAL,
            opens_at=seoul(8, 1),
            closes_at=seoul(9, 1),
            **translated_fields(name=FINAL_ROUND),
        )
        final.categories.add(project)
        for order, (name, title) in enumerate(SIGNATORIES):
            signatory = Signatory(cycle=cycle, name_en=name, order=order, **translated_fields(title=title))
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
