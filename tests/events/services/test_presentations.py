"""Presentations: staff schedule a presenting winner inside the session,
never overlapping another; the team uploads slides (a PDF, checked and
cleaned as every upload) and a video link before the deadline; every
refusal has a clear message and saves nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.errors import EventError
from events.models import Presentation
from events.services.answers import Answer, invitation_answer
from events.services.presentations import presentation_schedule, slides_upload
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from tests.factories import PDF_BYTES, make_jpeg
from tests.factories.events import TWO_DELEGATES, Invited, presentations_item, scheduled
from tests.factories.submissions import scripted_pdf

pytestmark = pytest.mark.django_db


def _pdf(content: bytes = PDF_BYTES, name: str = "slides.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_slot_is_scheduled_and_the_team_told_in_their_languages(invited: Invited, staff: Any) -> None:
    talk = scheduled(invited, staff)
    assert talk.presenter is not None
    assert talk.presenter.name == "조은희"
    mails = {mail.to_email: mail for mail in OutboxMessage.objects.filter(template="events/email/presentation")}
    assert set(mails) == {"mayor@gangnam.example", "team@gangnam.example"}
    assert "서울" in mails["team@gangnam.example"].context["slot"]
    assert AuditEvent.objects.filter(action="presentation.schedule").count() == 1
    moved = scheduled(invited, staff, minutes=40)  # moving it: the same presentation, told again
    assert moved.pk == talk.pk
    assert moved.version == 2
    assert OutboxMessage.objects.filter(template="events/email/presentation").count() == 4


def test_slots_stay_inside_the_session_and_never_overlap(invited: Invited, staff: Any) -> None:
    scheduled(invited, staff)
    item = presentations_item(invited.event)
    invitation_answer(invitation_id=invited.other.pk, actor=invited.mexico.owner, answer=TWO_DELEGATES, version=1)
    with pytest.raises(EventError, match="overlaps another"):
        presentation_schedule(
            actor=staff,
            invitation_id=invited.other.pk,
            item_id=item.pk,
            starts_at=item.starts_at + timedelta(minutes=10),
            ends_at=item.starts_at + timedelta(minutes=30),
        )
    with pytest.raises(EventError, match="within the session"):
        presentation_schedule(
            actor=staff,
            invitation_id=invited.other.pk,
            item_id=item.pk,
            starts_at=item.ends_at - timedelta(minutes=10),
            ends_at=item.ends_at + timedelta(minutes=10),
        )
    ceremony = invited.event.programme.exclude(pk=item.pk).first()
    with pytest.raises(EventError, match="presentations session"):
        presentation_schedule(
            actor=staff,
            invitation_id=invited.other.pk,
            item_id=ceremony.pk,
            starts_at=ceremony.starts_at,
            ends_at=ceremony.ends_at,
        )
    assert Presentation.objects.count() == 1


def test_only_an_attending_winner_with_a_presenter_gets_a_slot(invited: Invited, staff: Any) -> None:
    item = presentations_item(invited.event)
    invitation_answer(invitation_id=invited.other.pk, actor=invited.mexico.owner, answer=Answer(False), version=1)
    with pytest.raises(EventError, match="Only a winner who attends"):
        presentation_schedule(
            actor=staff,
            invitation_id=invited.other.pk,
            item_id=item.pk,
            starts_at=item.starts_at,
            ends_at=item.starts_at + timedelta(minutes=20),
        )
    assert not Presentation.objects.exists()


def test_slides_are_checked_cleaned_and_replaced(invited: Invited, staff: Any) -> None:
    talk = scheduled(invited, staff)
    saved = slides_upload(
        presentation_id=talk.pk, actor=invited.gangnam.owner, upload=_pdf(scripted_pdf()), video_url="", version=1
    )
    with saved.slides.open("rb") as handle:
        assert b"JavaScript" not in handle.read()  # the script went with the check
    first = saved.slides.name
    saved = slides_upload(
        presentation_id=talk.pk,
        actor=invited.collaborator,
        upload=_pdf(name="v2.pdf"),
        video_url="https://video.example/gangnam",
        version=2,
    )
    assert saved.slides.name != first
    assert saved.slides_name == "v2.pdf"
    assert saved.video_url.startswith("https://")


@pytest.mark.parametrize(
    ("upload", "video", "message"),
    [
        (SimpleUploadedFile("photo.jpg", make_jpeg(), content_type="image/jpeg"), "", "as a PDF"),
        (SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really", content_type="application/pdf"), "", "damaged"),
        (None, "http://video.example/plain", "https://"),
        (None, "javascript:alert(1)", "https://"),
    ],
)
def test_bad_slides_or_links_are_refused_with_nothing_saved(
    invited: Invited, staff: Any, upload: Any, video: str, message: str
) -> None:
    talk = scheduled(invited, staff)
    with pytest.raises(EventError, match=message):
        slides_upload(presentation_id=talk.pk, actor=invited.gangnam.owner, upload=upload, video_url=video, version=1)
    talk.refresh_from_db()
    assert (talk.slides.name, talk.video_url, talk.version) == ("", "", 1)


def test_slides_after_the_deadline_and_from_a_stale_page_are_refused(invited: Invited, staff: Any) -> None:
    talk = scheduled(invited, staff)
    with pytest.raises(EventError, match="deadline for slides has passed"):
        slides_upload(
            presentation_id=talk.pk,
            actor=invited.gangnam.owner,
            upload=_pdf(),
            video_url="",
            version=1,
            now=invited.event.slides_deadline,
        )
    slides_upload(presentation_id=talk.pk, actor=invited.gangnam.owner, upload=_pdf(), video_url="", version=1)
    with pytest.raises(EventError, match="teammate changed"):
        slides_upload(presentation_id=talk.pk, actor=invited.collaborator, upload=None, video_url="", version=1)
