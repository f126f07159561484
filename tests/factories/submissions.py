"""Intake: organisations, entries (drafts, complete, submitted), the files
they carry, and a staff member signed in to read them; through the real services."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from django.test import Client
from PIL import Image

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from submissions.management.commands.seed_demo_entries import demo_pdf
from submissions.models import Entry
from submissions.services import entry_save_draft, entry_start, entry_submit, organisation_create
from tests.factories.accounts import give_totp, make_user
from tests.factories.categories import BEFORE_DEADLINE

# A small, whole one-page PDF (what the demo entries carry): its check cleans it unchanged.
PDF_BYTES = demo_pdf("Annual report 2025")
PDF_TEXT = b"(Annual report 2025) Tj"  # its page's text, as the cleaned copy keeps it


def scripted_pdf(script: str = "app.alert('opened')") -> bytes:
    """A one-page PDF that runs ``script`` when it opens (what the check removes)."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(script))
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


def attachment_add_checked(**kwargs: Any) -> Any:
    """``attachment_add`` as a request makes it: committed, so the check it
    queues after commit runs (Celery runs eagerly in the tests, as a worker
    would); the attachment as the check left it."""
    from django.test import TestCase

    from submissions.services import attachment_add

    with TestCase.captureOnCommitCallbacks(execute=True):
        attachment = attachment_add(**kwargs)
    attachment.refresh_from_db()
    return attachment


def demo_edition_draft(email: str, *, language: str, **organisation: Any) -> Entry:
    """A city's new Project draft, in ``language``, in the seeded demo edition
    (the real prize's content, open for applications today)."""
    from django.core.management import call_command
    from django.utils import timezone

    from categories.services import seed_demo_edition

    call_command("seed_prize")
    cycle = seed_demo_edition(now=timezone.now()).cycle
    user = make_user(email=email, language=language)
    project = cycle.categories.get(code="project")
    return entry_start(
        user=user,
        organisation=make_organisation(user, **organisation),
        category=project,
        track=project.tracks.first(),
        language=language,
    )


def make_organisation(user: User, *, type: str = "city", **extra: Any) -> Any:
    """An organisation owned by ``user``, through the real service."""
    values = {
        "type": type,
        "name_native": "서울특별시",
        "name_en": "Seoul Metropolitan Government",
        "country": "KR",
        "city": "Seoul",
        "contact_name": "Kim Ji-woo",
    }
    values.update(extra)
    return organisation_create(user=user, **values)


def make_jpeg(size: tuple[int, int] = (1200, 800), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (20, 90, 160))
    output = io.BytesIO()
    extra: dict[str, Any] = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # Make
        data[0x013B] = "Jane Photographer"  # Artist
        extra["exif"] = data.tobytes()
    image.save(output, format="JPEG", **extra)
    return output.getvalue()


def submit_entry(
    project: Any,
    *,
    email: str,
    name_en: str = "Seoul Metropolitan Government",
    name_native: str = "서울특별시",
    country: str = "KR",
    type: str = "city",
    city: str = "Seoul",
    title: str = "Digital companions",
    track: int = 0,
    now: datetime = BEFORE_DEADLINE,
    submit: bool = True,
) -> Entry:
    """An entry of a new applicant and organisation, complete and (by default)
    submitted at ``now``, through the real services."""
    user = make_user(email=email)
    organisation = make_organisation(
        user, name_en=name_en, name_native=name_native, country=country, type=type, city=city
    )
    entry = entry_start(
        user=user, organisation=organisation, category=project, track=project.tracks.all()[track], now=now
    )
    answers: dict[str, Any] = {"problem": "Older people are left out.", "fields": ["safety"]}
    if type == "city":
        answers["government-role"] = "Funding"
    entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        now=now,
        fields={"title_en": title, "summary_en": "Tablets and tutors."},
        answers=answers,
    )
    if submit:
        entry_submit(entry_id=entry.pk, user=user, now=now)
    entry.refresh_from_db()
    return entry


def submit_with_a_hidden_answer(
    funded_project: Any, *, email: str, then: str = "external", agreement: bool = False, **organisation: Any
) -> Entry:
    """An entry answered "co-funded" with a budget source (and, with
    ``agreement``, the agreement's PDF), then switched to ``then`` and
    submitted: the budget source is stored but hidden by its answers."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = submit_entry(funded_project, email=email, submit=False, **organisation)
    if agreement:
        upload = SimpleUploadedFile("agreement.pdf", PDF_BYTES, content_type="application/pdf")
        attachment_add_checked(
            entry_id=entry.pk, user=entry.owner, upload=upload, question_code="agreement", now=BEFORE_DEADLINE
        )
    for answers in ({"funding": "co-funded", "budget-source": "Half from the Hana Foundation."}, {"funding": then}):
        entry.refresh_from_db()
        entry_save_draft(
            entry_id=entry.pk, user=entry.owner, version=entry.version, now=BEFORE_DEADLINE, answers=answers
        )
    entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    entry.refresh_from_db()
    return entry


def sign_in_staff(client: Client) -> Any:
    """A staff member with TOTP (staff need MFA), signed in on ``client``."""
    user = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(user)
    client.force_login(user)
    return user


def complete_entry(entry: Entry, user: Any) -> None:
    """Fill every part the test project requires (a city applying in Korean)."""
    entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        fields={
            "title_en": "Safe streets",
            "summary_en": "Lights.",
            "title_original": "안전한 거리",
            "summary_original": "조명.",
        },
        answers={"problem": "Dark streets", "fields": ["safety"], "government-role": "Leads"},
    )
