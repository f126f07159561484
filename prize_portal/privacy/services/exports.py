"""A person's data download: asked for, built by a task into a ZIP (one JSON
file per kind of record and the person's own files), announced by e-mail,
downloaded until it expires, then deleted. Each step is audited."""

import json
import tempfile
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.tasks import queue_task_on_commit

from ..enums import ExportStatus
from ..errors import PrivacyError
from ..models import DataExport
from ..personal_data import personal_data_of

BUILD_TASK = "prize_portal.privacy.tasks.task_build_data_export"
README = "README.txt"


@transaction.atomic
def data_export_request(*, user: User) -> DataExport:
    """Ask for a download of one's data; the task builds it after commit. One
    is prepared at a time: asking again while it is (a double click, a second
    tab) returns the same request."""
    User.objects.select_for_update().only("pk").get(pk=user.pk)
    pending = DataExport.objects.filter(user=user, status=ExportStatus.REQUESTED).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=user)
    except IntegrityError:  # the constraint holds even without the lock (another database)
        return DataExport.objects.get(user=user, status=ExportStatus.REQUESTED)
    audit_record(actor=user, action="privacy.export_request", target=export)
    queue_task_on_commit(BUILD_TASK, export.pk)
    return export


def _readme(user: User, kinds: list[str]) -> str:
    with translation.override(user.language):
        lines = [
            _("Everything the Seoul Smart City Prize portal holds about %(email)s, on %(date)s.")
            % {"email": user.email, "date": timezone.now().date().isoformat()},
            "",
            _("One JSON file per kind of record; your own files are in the folder files/."),
            "",
            *(f"- {kind}.json" for kind in kinds),
        ]
    return "\n".join(lines) + "\n"


def _write_zip(user: User, target: tempfile.SpooledTemporaryFile[bytes]) -> None:
    sections = personal_data_of(user)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README, _readme(user, list(sections)))
        for kind, section in sections.items():
            archive.writestr(f"{kind}.json", json.dumps(section.records, ensure_ascii=False, indent=2, sort_keys=True))
            for name, stored in section.files:
                if not stored:
                    continue
                with stored.open("rb") as source, archive.open(f"files/{kind}/{name}", "w") as copy:
                    for chunk in iter(lambda: source.read(1 << 20), b""):
                        copy.write(chunk)


@transaction.atomic
def data_export_build(*, export_id: int) -> DataExport | None:
    """Build the ZIP of a requested download and mail its owner. Idempotent:
    a download already built (or expired) is left as it is."""
    export = DataExport.objects.select_for_update().select_related("user").filter(pk=export_id).first()
    if export is None or export.status != ExportStatus.REQUESTED:
        return None
    user = export.user
    with tempfile.SpooledTemporaryFile(max_size=16 << 20) as buffer:
        _write_zip(user, buffer)
        buffer.seek(0)
        export.file.save("export.zip", File(buffer), save=False)
        export.size = export.file.size
    now = timezone.now()
    export.status = ExportStatus.READY
    export.ready_at = now
    export.expires_at = now + timedelta(days=settings.PRIVACY_EXPORT_DAYS)
    export.save(update_fields=["file", "size", "status", "ready_at", "expires_at"])
    audit_record(actor=None, action="privacy.export_ready", target=export, after={"size": export.size})
    with translation.override(user.language):
        link = settings.SITE_URL + reverse("privacy:data")
    outbox_enqueue(
        to=user.email,
        template="privacy/email/export_ready",
        language=user.language,
        user=user,
        context={"link": link, "days": settings.PRIVACY_EXPORT_DAYS, "expires": export.expires_at.isoformat()},
        dedupe_key=f"data-export:{export.pk}",
    )
    return export


@transaction.atomic
def data_export_download(*, user: User, export_id: int) -> DataExport:
    """Record that the owner downloads their data (the view then serves the
    file); an expired or unfinished download is refused."""
    export = DataExport.objects.select_for_update().filter(pk=export_id, user=user).first()
    if export is None:
        raise DataExport.DoesNotExist
    if not export.is_downloadable():
        raise PrivacyError(_("This download has expired: ask for a new one."), code="expired")
    DataExport.objects.filter(pk=export.pk).update(downloads=F("downloads") + 1)
    audit_record(actor=user, action="privacy.export_download", target=export)
    return export


@transaction.atomic
def data_exports_expire() -> int:
    """Delete the files of downloads past their time (beat). Returns how many."""
    due = list(
        DataExport.objects.select_for_update(skip_locked=True).filter(
            status=ExportStatus.READY, expires_at__lte=timezone.now()
        )
    )
    names = [export.file.name for export in due if export.file.name]
    for export in due:
        export.status = ExportStatus.EXPIRED
        export.file = ""
        export.save(update_fields=["status", "file"])
        audit_record(actor=None, action="privacy.export_expire", target=export)
    delete_files_on_commit(names)
    return len(due)


def data_exports_waiting(*, older_than: timedelta = timedelta(minutes=2)) -> list[int]:
    """Requested downloads still unbuilt after ``older_than`` (a lost task)."""
    cutoff = timezone.now() - older_than
    return list(
        DataExport.objects.filter(status=ExportStatus.REQUESTED, requested_at__lt=cutoff).values_list("pk", flat=True)
    )
