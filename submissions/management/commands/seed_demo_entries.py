"""Demo organisations, applicants and entries for the quick start (`make run`).

Everything goes through the intake services, as an applicant's clicks would:
reference numbers, frozen submissions, the audit trail and receipts are real.
The 2026 application window may be over when this runs, so every step is
given a moment inside the window (the services take ``now=``)."""

import io
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from categories import seed
from categories.enums import CycleStatus
from categories.models import Cycle
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified
from prize_portal.privacy.services.consents import consents_seed
from submissions.demo import APPLICANTS, ENTRIES, DemoEntry, Story
from submissions.models import Entry, Organisation
from submissions.services import (
    attachment_add,
    entry_save_draft,
    entry_start,
    entry_submit,
    entry_withdraw,
    organisation_create,
)
from submissions.services.attachment_checks import attachment_check


def demo_pdf(title: str) -> bytes:
    """A small, valid one-page PDF (with a cross-reference table) saying ``title``."""
    text = title.encode("ascii").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 20 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


def demo_png() -> bytes:
    """A bar chart of participants per quarter, drawn with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 360), (250, 250, 247))
    draw = ImageDraw.Draw(image)
    draw.line([(40, 320), (600, 320)], fill=(60, 60, 60), width=2)
    for index, height in enumerate((40, 90, 150, 210, 260)):
        left = 70 + index * 105
        draw.rectangle([(left, 320 - height), (left + 70, 319)], fill=(0, 94, 184))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class Clock:
    """Moments inside the application window: 0 is its opening, 1 its deadline
    (or now, while the window is still open, so nothing lies in the future)."""

    def __init__(self, cycle: Cycle) -> None:
        self.start = cycle.applications_open_at
        self.close = cycle.applications_close_at
        now = timezone.now()
        self.end = now if self.start < now < self.close else self.close

    def at(self, fraction: float, minutes: int = 0) -> datetime:
        moment = self.start + (self.end - self.start) * fraction + timedelta(minutes=minutes)
        return min(moment, self.close - timedelta(seconds=1))


def seed_entry(spec: DemoEntry, organisation: Organisation, user: User, cycle: Cycle, clock: Clock) -> Entry:
    """Play one applicant's story through the intake services."""
    category = cycle.categories.get(code=spec.category)
    track = category.tracks.get(code=spec.track) if spec.track else None
    entry = entry_start(
        user=user,
        organisation=organisation,
        category=category,
        track=track,
        language=spec.language,
        now=clock.at(spec.started),
    )
    entry = entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        fields=spec.fields,
        answers=spec.answers,
        now=clock.at(spec.started, minutes=40),
    )
    if spec.files:
        uploads = [
            SimpleUploadedFile("디지털 동행 도우미 연차보고서 2025.pdf", demo_pdf(spec.fields["title_en"])),
            SimpleUploadedFile("참여 어르신 분기별 현황.png", demo_png()),
        ]
        for minutes, upload in enumerate(uploads, start=50):
            attachment = attachment_add(
                entry_id=entry.pk,
                user=user,
                upload=upload,
                question_code="supporting-documents",
                now=clock.at(spec.started, minutes=minutes),
            )
            # Checked at once, as the worker does just after an upload (a no-op
            # when Celery ran eagerly and the check is done already).
            attachment_check(attachment_id=attachment.pk)
    if spec.submitted is None:
        return entry
    entry_submit(entry_id=entry.pk, user=user, now=clock.at(spec.submitted))
    if spec.story == Story.RESUBMITTED and spec.changed is not None:
        entry.refresh_from_db()
        entry_save_draft(
            entry_id=entry.pk, user=user, version=entry.version, answers=spec.revision, now=clock.at(spec.changed)
        )
        entry_submit(entry_id=entry.pk, user=user, now=clock.at(spec.changed, minutes=15))
    elif spec.story == Story.WITHDRAWN and spec.changed is not None:
        entry_withdraw(entry_id=entry.pk, user=user, now=clock.at(spec.changed))
    entry.refresh_from_db()
    return entry


class Command(BaseCommand):
    help = "Create demo organisations, applicants and entries in several languages and states (quick start only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default="demo-password-2026")
        parser.add_argument("--force", action="store_true", help="Allow with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo entries are for the quick start only (DEBUG is off); --force overrides.")
        names = [applicant.organisation["name_en"] for applicant in APPLICANTS]
        if Organisation.objects.filter(name_en__in=names).exists():
            self.stdout.write("The demo entries exist already; nothing changed.")
        else:
            self.seed(options["password"])
        self.report(options["password"])

    @transaction.atomic
    def seed(self, password: str) -> None:
        cycle = Cycle.objects.filter(year=seed.CYCLE_2026["year"]).first()
        if cycle is None:
            raise CommandError("The 2026 edition does not exist: run `manage.py seed_prize` first.")
        if cycle.status != CycleStatus.ANNOUNCED:
            raise CommandError("The 2026 edition is not announced, so it takes no entries.")
        clock = Clock(cycle)
        users: dict[str, User] = {}
        organisations: dict[str, Organisation] = {}
        for applicant in APPLICANTS:
            user = User.objects.filter(email=applicant.email).first() or user_create_verified(
                email=applicant.email,
                password=password,
                name=applicant.name,
                language=applicant.language,
                role=Role.APPLICANT,
            )
            consents_seed(user=user)  # the demo's people have read the notice and agreed to everything
            users[applicant.email] = user
            organisations[applicant.email] = organisation_create(user=user, **applicant.organisation)
        for spec in ENTRIES:
            seed_entry(spec, organisations[spec.applicant], users[spec.applicant], cycle, clock)
        self.stdout.write(
            self.style.SUCCESS(f"Created {len(APPLICANTS)} demo organisations and {len(ENTRIES)} entries.")
        )

    def report(self, password: str) -> None:
        self.stdout.write(f"Demo applicant logins (password: {password}):")
        entries = Entry.objects.filter(owner__email__in=[a.email for a in APPLICANTS]).select_related(
            "owner", "organisation", "category"
        )
        for applicant in APPLICANTS:
            self.stdout.write(f"  {applicant.email:<30} {applicant.organisation['name_en']}")
            for entry in sorted(entries, key=lambda e: e.pk):
                if entry.owner.email == applicant.email:
                    self.stdout.write(
                        f"      {entry.reference or 'draft':<18} {entry.get_status_display():<10} "
                        f"{entry.language}  {entry.title_en}"
                    )
