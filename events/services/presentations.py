"""Presentations: staff put a presenting winner in a slot of the event's
presentations (within the item's times, never overlapping another); the
team uploads the slides (a PDF, checked by content and size and cleaned of
scripts, actions and embedded files, as every upload is) and may give a
video link, before the event's deadline for slides. Each write is one
transaction, audited; the team hears of its slot in their languages."""

import tempfile
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.enums import InvitationStatus, ProgrammeKind
from events.errors import EventError
from events.models import Invitation, Presentation, ProgrammeItem
from events.services.mails import entry_team, team_messages
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.files.checks import PDF, check_upload, display_name
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.files.pdfs import REFUSALS, PdfRefusedError, clean_pdf
from prize_portal.outbox.services import outbox_enqueue_many
from prize_portal.site.zones import both_times_text, person_zone


def _describe(presentation: Presentation) -> dict[str, object]:
    return {
        "item": presentation.item_id,
        "starts_at": presentation.starts_at.isoformat(),
        "ends_at": presentation.ends_at.isoformat(),
    }


@transaction.atomic
def presentation_schedule(
    *, actor: User, invitation_id: int, item_id: int, starts_at: datetime, ends_at: datetime
) -> Presentation:
    """Put an attending winner's presenter in a slot (or move their slot)."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("event", "entry__owner", "entry__organisation")
        .get(pk=invitation_id)
    )
    item = ProgrammeItem.objects.select_for_update().get(pk=item_id)
    presenter = invitation.delegates.filter(presents=True).first()
    if item.event_id != invitation.event_id or item.kind != ProgrammeKind.PRESENTATIONS:
        raise EventError(_("Choose a presentations session of this event."), code="item")
    if invitation.status != InvitationStatus.ATTENDING or presenter is None:
        raise EventError(_("Only a winner who attends, with a delegate who presents, gets a slot."), code="presenter")
    if not (item.starts_at <= starts_at < ends_at <= item.ends_at):
        raise EventError(_("The slot must lie within the session's times."), code="times")
    current = Presentation.objects.filter(item=item, entry=invitation.entry).first()
    overlapping = Presentation.objects.filter(item=item, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if current is not None:
        overlapping = overlapping.exclude(pk=current.pk)
    if overlapping.exists():
        raise EventError(_("This slot overlaps another presentation."), code="overlap")
    presentation = current or Presentation(item=item, entry=invitation.entry)
    before = _describe(presentation) if current else None
    presentation.presenter = presenter
    presentation.starts_at, presentation.ends_at = starts_at, ends_at
    presentation.version = (presentation.version or 0) + (1 if current else 0)
    presentation.save()
    audit_record(
        actor=actor, action="presentation.schedule", target=presentation, before=before, after=_describe(presentation)
    )
    _tell_team(invitation, presentation)
    return presentation


def _tell_team(invitation: Invitation, presentation: Presentation) -> None:
    team = entry_team(invitation.entry)
    country = invitation.entry.organisation.country
    messages = team_messages(
        invitation,
        template="events/email/presentation",
        key=f"events/presentation/{presentation.pk}/{presentation.version}",
        team=team,
    )
    for message, user in zip(messages, team, strict=True):
        zone = person_zone(user.time_zone, country)
        with translation.override(user.language):
            message.context["slot"] = both_times_text(presentation.starts_at, zone)
            message.context["slides_by"] = both_times_text(invitation.event.slides_deadline, zone)
    outbox_enqueue_many(messages=messages)


def _check_slides(upload: UploadedFile, folder: Path) -> Path:
    """The upload as a cleaned PDF in ``folder``, or a refusal saying why."""
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise EventError(error.messages, code="upload") from None
    if checked.content_type != PDF:
        raise EventError(_("Upload your slides as a PDF."), code="not_pdf")
    source, target = folder / "upload.pdf", folder / "clean.pdf"
    with source.open("wb") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
    try:
        clean_pdf(source, target)
    except PdfRefusedError as refusal:
        raise EventError(str(REFUSALS.get(refusal.code, REFUSALS["not_pdf"])), code="pdf") from None
    return target


def slides_upload(
    *,
    presentation_id: int,
    actor: User,
    upload: UploadedFile | None,
    video_url: str,
    version: int,
    now: datetime | None = None,
) -> Presentation:
    """The team's slides (a new file replaces the old one) and video link.
    The file is checked and cleaned before the transaction; the row is then
    written under its lock, only if nobody saved meanwhile."""
    now = now or timezone.now()
    video_url = video_url.strip()
    if video_url:
        try:
            URLValidator(schemes=["https"])(video_url)
        except ValidationError:
            raise EventError(_("Give the video's address, starting with https://."), code="video") from None
    with tempfile.TemporaryDirectory(prefix="slides-") as folder:
        cleaned = _check_slides(upload, Path(folder)) if upload is not None else None
        return _store_slides(presentation_id, actor, upload, cleaned, video_url, version, now)


@transaction.atomic
def _store_slides(
    presentation_id: int,
    actor: User,
    upload: UploadedFile | None,
    cleaned: Path | None,
    video_url: str,
    version: int,
    now: datetime,
) -> Presentation:
    presentation = (
        Presentation.objects.select_for_update(of=("self",)).select_related("item__event").get(pk=presentation_id)
    )
    if now >= presentation.item.event.slides_deadline:
        raise EventError(_("The deadline for slides has passed. Send them to the secretariat."), code="late")
    if version != presentation.version:
        raise EventError(_("A teammate changed these slides since you opened the page. Check them and send again."))
    fields = ["video_url", "version"]
    if cleaned is not None and upload is not None:
        if presentation.slides:
            delete_files_on_commit([presentation.slides.name or ""], presentation.slides.storage)
        with cleaned.open("rb") as content:
            presentation.slides.save("slides.pdf", File(content), save=False)
        presentation.slides_name = display_name(upload.name or "slides.pdf")
        presentation.slides_size = cleaned.stat().st_size
        presentation.slides_uploaded_at, presentation.slides_uploaded_by = now, actor
        fields += ["slides", "slides_name", "slides_size", "slides_uploaded_at", "slides_uploaded_by"]
    presentation.video_url = video_url
    presentation.version += 1
    presentation.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="presentation.slides",
        target=presentation,
        after={"slides": bool(presentation.slides), "video": bool(video_url)},
    )
    return presentation
