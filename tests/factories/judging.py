"""Judging: criteria with rubrics, committee members, rounds and assignments,
a cycle decided to the end, its published results, and certificates; built
through the real services (a few rows written directly where no service
writes them alone, as the docstrings say)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from categories.models import AwardLevel, Category, Criterion, RubricLevel, Signatory
from judging.enums import CertificateKind, RoundKind
from judging.models import (
    JUDGE_DECLARATION,
    Assignment,
    Award,
    Certificate,
    JudgeProfile,
    Publication,
    Round,
    RoundEntry,
)
from judging.rendering.certificate import certificate_snapshot
from judging.services import assignment_add, award_decide, awards_lock, judge_profile_update
from prize_portal.accounts.roles import Role
from prize_portal.privacy.enums import TextKind
from prize_portal.privacy.models import Text
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories.accounts import give_totp, make_user
from tests.factories.submissions import submit_entry


def add_criteria(category: Any) -> list[Criterion]:
    value = Criterion.objects.create(
        category=category, code="value", name_en="Value generation", weight=Decimal("2"), scale_min=0, scale_max=5
    )
    implementation = Criterion.objects.create(
        category=category, code="implementation", name_en="Implementation", scale_min=1, scale_max=10, order=1
    )
    for criterion in (value, implementation):
        for score in (criterion.scale_min, criterion.scale_max):
            RubricLevel.objects.create(
                criterion=criterion, score=score, label_en=f"Level {score}", descriptor_en=f"Descriptor {score}"
            )
    return [value, implementation]


def scores_for(criteria: list[Criterion], value: Any, implementation: Any) -> dict[int, Any]:
    """A review's scores on the first two criteria (value, implementation) of ``add_criteria``."""
    return {criteria[0].pk: value, criteria[1].pk: implementation}


def make_judge(
    email: str,
    *,
    languages: list[str] | None = None,
    country: str = "",
    organisation: str = "",
    role: Role = Role.JUDGE,
    totp: bool = True,
    language: str = "en",
    name: str = "",
) -> Any:
    """A committee member with a profile (and TOTP, which judges need)."""
    user = make_user(role, email=email, language=language, name=name or email.split("@")[0].title())
    judge_profile_update(user=user, languages=languages or [], country=country, organisation=organisation)
    if totp:
        user.totp_secret = give_totp(user)  # type: ignore[attr-defined]
    assert JudgeProfile.objects.filter(user=user).exists()
    return user


def make_round(category: Any, *, kind: str = RoundKind.SCORED, open_now: bool = True, **extra: Any) -> Round:
    now = timezone.now()
    opens, closes = (
        (now - timedelta(days=1), now + timedelta(days=10))
        if open_now
        else (
            now - timedelta(days=20),
            now - timedelta(days=1),
        )
    )
    round_ = Round.objects.create(
        cycle=category.cycle,
        name_en=extra.pop("name_en", "First round"),
        kind=kind,
        opens_at=opens,
        closes_at=closes,
        **extra,
    )
    round_.categories.add(category)
    return round_


def publish_declaration(version: int = 1) -> Text:
    """A published version of the judges' declaration (a short English text is enough for tests)."""
    return Text.objects.create(
        kind=TextKind.DECLARATION,
        code=JUDGE_DECLARATION,
        version=version,
        required=True,
        title_en=f"Judge's declaration v{version}",
        body_en="## Confidentiality\n\n- I keep the entries confidential.",
        published_at=timezone.now(),
    )


def put_in_round(round_: Round, *entries: Any) -> None:
    for entry in entries:
        RoundEntry.objects.get_or_create(round=round_, entry=entry, defaults={"via": "eligibility"})


def assign(round_: Round, entry: Any, judge: Any, *, actor: Any = None) -> Assignment:
    """Put the entry in the round (if needed) and assign the judge through the service."""
    put_in_round(round_, entry)
    return assignment_add(actor=actor, round_id=round_.pk, entry_id=entry.pk, judge_id=judge.pk)


@dataclass
class Decided:
    """A cycle with its final decisions: the entries by what they won."""

    final: Round
    level: AwardLevel
    winners: list[Entry]
    finalists: list[Entry]
    others: list[Entry]
    awards: list[Award]


def decide_cycle(
    project: Any,
    staff: Any,
    *,
    winners: int = 1,
    finalists: int = 0,
    others: int = 0,
    lock: bool = True,
    names: list[str] | None = None,
) -> Decided:
    """Entries of ``project`` judged to the end through the real services: the
    first ``winners`` get the category's Gold awards (all it gives), the next
    ``finalists`` reached the final round without one, and ``others`` did not
    advance. ``names`` gives the winners' organisations (English names)."""
    Category.objects.filter(pk=project.pk).update(award_count=winners)
    project.refresh_from_db()
    level = AwardLevel.objects.create(cycle=project.cycle, code="gold", name_en="Gold", name_ko="대상")
    level.categories.add(project)
    final = make_round(project, kind=RoundKind.FINAL, name_en="Final", open_now=False)
    names = names or []
    entries = [
        submit_entry(
            project,
            email=f"applicant{number}@city{number}.example",
            name_en=names[number] if number < len(names) else f"City {number}",
            title=f"Project {number}",
        )
        for number in range(winners + finalists + others)
    ]
    in_final = entries[: winners + finalists]
    Entry.objects.filter(pk__in=[entry.pk for entry in in_final]).update(status=EntryStatus.FINALIST)
    Entry.objects.filter(pk__in=[entry.pk for entry in entries[winners + finalists :]]).update(
        status=EntryStatus.NOT_SELECTED
    )
    put_in_round(final, *in_final)
    awards = [
        award_decide(
            actor=staff,
            entry_id=entry.pk,
            level_id=level.pk,
            round_id=final.pk,
            citation={"en": f"For {entry.title_en}.", "ko": f"{entry.title_en} 수상."},
        )
        for entry in entries[:winners]
    ]
    if lock:
        awards_lock(actor=staff, cycle_id=project.cycle_id)
    for entry in entries:
        entry.refresh_from_db()
    return Decided(
        final=final,
        level=level,
        winners=entries[:winners],
        finalists=entries[winners : winners + finalists],
        others=entries[winners + finalists :],
        awards=[Award.objects.get(pk=award.pk) for award in awards],
    )


def publish_results(cycle: Any, *, visible_from: Any = None, version: int = 1) -> Publication:
    """The cycle's results as published (public an hour ago unless ``visible_from``
    says otherwise), written directly: for tests of what publication shows."""
    now = timezone.now()
    return Publication.objects.create(
        cycle=cycle, visible_from=visible_from or now - timedelta(hours=1), published_at=now, version=version
    )


# --- Certificates ---

MEXICO = {
    "name_en": "Mexico City Government",
    "name_native": "Gobierno de la Ciudad de México",
    "country": "MX",
    "city": "Ciudad de México",
}


def signature_png(text_width: int = 260) -> bytes:
    """A hand-drawn-looking signature: a dark stroke on a transparent image."""
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(10 + x, 60 + int(22 * ((x // 18) % 2 * 2 - 1) * (x % 18) / 18)) for x in range(0, text_width, 3)]
    draw.line(points, fill=(20, 30, 70, 255), width=4)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def add_signatories(cycle: Any) -> list[Signatory]:
    return [
        Signatory.objects.create(
            cycle=cycle,
            name_en=name_en,
            name_ko=name_ko,
            title_en=title_en,
            title_ko=title_ko,
            signature=SimpleUploadedFile("signature.png", signature_png(width), content_type="image/png"),
            order=order,
        )
        for order, (name_en, name_ko, title_en, title_ko, width) in enumerate(
            [
                ("Oh Se-hoon", "오세훈", "Mayor of Seoul", "서울특별시장", 260),
                ("Park Jung-sook", "박정숙", "Secretary General, WeGO", "WeGO 사무총장", 200),
            ]
        )
    ]


def gold_level(project: Any) -> AwardLevel:
    level, _created = AwardLevel.objects.get_or_create(
        cycle=project.cycle,
        code="gold",
        defaults={"name_en": "Gold", "name_ko": "대상", "name_es": "Oro", "name_ja": "金賞"},
    )
    level.categories.add(project)
    return level


def award_entry(entry: Entry, level: AwardLevel, *, special_mention: bool = False) -> Award:
    """The entry reaches the final round and wins ``level`` (decided by the chair)."""
    project = Category.objects.get(pk=entry.category_id)
    Category.objects.filter(pk=project.pk).update(award_count=10)
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.FINALIST)
    final = make_round(project, kind=RoundKind.FINAL, name_en="Final", open_now=False)
    put_in_round(final, entry)
    chair = make_user(Role.CHAIR, email=f"chair{entry.pk}@committee.example")
    return award_decide(
        actor=chair,
        entry_id=entry.pk,
        level_id=level.pk,
        round_id=final.pk,
        citation={"en": "For walking together with older people."},
        special_mention=special_mention,
    )


def make_certificate(
    entry: Entry,
    *,
    award: Award | None = None,
    kind: str = CertificateKind.AWARD,
    language: str = "es",
    rendered: bool = False,
) -> Certificate:
    """A certificate of ``entry``; ``rendered``: as if its PDF were stored (snapshot, file, issue date)."""
    certificate = Certificate.objects.create(entry=entry, award=award, kind=kind, language=language)
    if rendered:
        Certificate.objects.filter(pk=certificate.pk).update(
            snapshot=certificate_snapshot(certificate),
            rendered_version=1,
            file=f"certificates/{entry.cycle_id}/test.pdf",
            issued_at=timezone.now(),
        )
        certificate.refresh_from_db()
    return certificate


def mexico_entry(project: Any) -> Entry:
    entry = submit_entry(project, email="alcaldia@cdmx.example", title="Walking together", **MEXICO)
    Entry.objects.filter(pk=entry.pk).update(language="es", title_original="Caminando juntos")
    entry.refresh_from_db()
    return entry


def assert_staff_only(client: Any, method: str, url: str) -> None:
    """``url`` sends visitors to sign in and answers 404 to an applicant, a
    judge and a chair (a staff page does not disclose that it exists)."""
    assert getattr(client, method)(url).status_code == 302  # sign in first
    for user in (
        make_user(email="applicant@city.example"),
        make_judge("judge@univ.example"),
        make_judge("chair@committee.example", role=Role.CHAIR),
    ):
        client.force_login(user)
        assert getattr(client, method)(url).status_code == 404, user.email
