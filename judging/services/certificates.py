"""Certificates: one per award (and per finalist when the cycle says so),
rendered by Celery, re-generated atomically, revocable.

Asking for a certificate only writes a row (with its verification code) and
queues the rendering after commit; :func:`certificate_render` renders the PDF
outside any transaction, stores it under a new name and only then swaps it
in, so a download always gets a complete file (the old one until the new one
is in). A revoked certificate keeps its row: its code then says "revoked".
"""

import logging
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.models import Cycle
from judging.errors import JudgingError
from judging.models import Award, Certificate, Publication
from judging.models.certificates import certificate_path
from judging.selectors.certificates import certificates_owed
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.tasks import queue_task, queue_task_on_commit
from submissions.models import Entry

logger = logging.getLogger(__name__)

RENDER_TASK = "judging.tasks.task_render_certificate"


def _describe(certificate: Certificate) -> dict[str, Any]:
    entry = certificate.entry
    return {"code": certificate.code, "kind": certificate.kind, "entry": entry.reference if entry else None}


def _create(*, actor: User, entry: Entry, kind: str, award: Award | None) -> Certificate:
    certificate = Certificate(entry=entry, award=award, kind=kind, language=entry.owner.language)
    certificate.full_clean(exclude=["entry", "award"], validate_constraints=False)
    try:
        with transaction.atomic():  # savepoint: a concurrent request may have made it
            certificate.save()
    except IntegrityError:
        return Certificate.objects.get(entry=entry, kind=kind, revoked_at__isnull=True)
    audit_record(actor=actor, action="certificate.create", target=certificate, after=_describe(certificate))
    queue_task_on_commit(RENDER_TASK, certificate.pk)
    return certificate


def _check_published(cycle: Cycle) -> None:
    """Certificates carry the publication's date: they follow a publication
    (an embargoed one is fine: they are not shown before its time)."""
    if not Publication.objects.published().filter(cycle=cycle).exists():
        raise JudgingError(
            _("Publish the results first (under embargo if need be): certificates carry their date."),
            code="not_published",
        )


@transaction.atomic
def certificates_request(*, actor: User, cycle_id: int) -> int:
    """Ask for every certificate the cycle owes that has none yet (live or
    being rendered); returns how many were asked for. Clicking twice asks for
    nothing more."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle_id)
    _check_published(cycle)
    existing = set(
        Certificate.objects.filter(entry__cycle=cycle, revoked_at__isnull=True).values_list("entry_id", "kind")
    )
    created = 0
    for entry, kind, award in certificates_owed(cycle):
        if (entry.pk, kind) not in existing:
            _create(actor=actor, entry=entry, kind=kind, award=award)
            created += 1
    return created


@transaction.atomic
def certificate_request(*, actor: User, entry_id: int) -> Certificate:
    """Ask for one entry's certificate (a new one after a revocation).
    Refused for an entry without a locked award (or, where finalists get
    certificates, without a place in a final round)."""
    entry = Entry.objects.select_for_update(of=("self",)).select_related("cycle", "owner").get(pk=entry_id)
    _check_published(entry.cycle)
    live = Certificate.objects.filter(entry=entry, revoked_at__isnull=True).first()
    if live is not None:
        return live
    for owed_entry, kind, award in certificates_owed(entry.cycle):
        if owed_entry.pk == entry.pk:
            return _create(actor=actor, entry=entry, kind=kind, award=award)
    if Award.objects.filter(entry=entry, locked_at__isnull=True).exists():
        raise JudgingError(_("Lock this entry's award decision first."), code="unlocked")
    raise JudgingError(_("This entry has no award, so it gets no certificate."), code="no_award")


@transaction.atomic
def certificate_regenerate(*, actor: User | None, certificate_id: int) -> Certificate:
    """Render a certificate again (after a corrected name or citation). The
    current file stays downloadable until the new one replaces it."""
    certificate = Certificate.objects.select_for_update(of=("self",)).select_related("entry").get(pk=certificate_id)
    if certificate.is_revoked:
        raise JudgingError(_("This certificate is revoked; ask for a new one instead."), code="revoked")
    certificate.requested_version = F("requested_version") + 1
    certificate.requested_at = timezone.now()
    certificate.last_error = ""
    certificate.save(update_fields=["requested_version", "requested_at", "last_error"])
    certificate.refresh_from_db(fields=["requested_version"])
    audit_record(actor=actor, action="certificate.regenerate", target=certificate, after=_describe(certificate))
    queue_task_on_commit(RENDER_TASK, certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(*, actor: User, certificate_id: int, reason: str) -> Certificate:
    """Revoke a certificate: its code then verifies as revoked, and its owner
    can no longer download it."""
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give the reason for the revocation."), code="reason")
    certificate = Certificate.objects.select_for_update(of=("self",)).select_related("entry").get(pk=certificate_id)
    if certificate.is_revoked:
        return certificate
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revoke_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit_record(
        actor=actor, action="certificate.revoke", target=certificate, after={**_describe(certificate), "reason": reason}
    )
    return certificate


def _delete_file(name: str) -> None:
    try:
        default_storage.delete(name)
    except Exception:  # a leftover file is harmless; the orphan sweep may take it
        logger.warning("certificate file %s could not be deleted", name, exc_info=True)


def certificate_render(*, certificate_id: int) -> Certificate:
    """Render and store the version asked for, if not already done, the way
    its kind is rendered (judging.rendering.documents).

        Idempotent and safe against a concurrent re-generation or revocation: the
        new file is swapped in under a row lock only if it is still the newest
        version asked for; otherwise it is deleted."""
    from judging.rendering.documents import document_kind

    certificate = Certificate.objects.select_related("entry__cycle").get(pk=certificate_id)
    done = certificate.rendered_version >= certificate.requested_version
    if certificate.is_revoked or certificate.file_deleted_at is not None or done:
        return certificate  # revoked, rendered, or its personal data deleted for good
    target = certificate.requested_version
    try:
        kind = document_kind(certificate.kind)
        snapshot = kind.snapshot(certificate)
        pdf = kind.pdf(certificate, snapshot)
    except Exception as error:
        Certificate.objects.filter(pk=certificate.pk).update(last_error=f"{type(error).__name__}: {error}"[:2000])
        raise
    name = default_storage.save(certificate_path(certificate, "certificate.pdf"), ContentFile(pdf))
    with transaction.atomic():
        current = Certificate.objects.select_for_update().get(pk=certificate.pk)
        stale = current.rendered_version >= target or current.requested_version != target
        if current.is_revoked or current.file_deleted_at is not None or stale:
            transaction.on_commit(partial(_delete_file, name))
            return current  # a newer version is on its way, or it was revoked
        old = current.file.name
        current.file.name = name
        current.snapshot = snapshot
        current.rendered_version = target
        current.issued_at = current.issued_at or timezone.now()
        current.last_error = ""
        current.save(update_fields=["file", "snapshot", "rendered_version", "issued_at", "last_error"])
        if old:
            transaction.on_commit(partial(_delete_file, old))
    return current


def certificates_rerender(*, cycle_id: int) -> int:
    """Ask for a new rendering of every live certificate of the cycle (the
    results were published again: a new date). Call it in the transaction."""
    live = Certificate.objects.filter(entry__cycle_id=cycle_id, revoked_at__isnull=True)
    ids = list(live.values_list("pk", flat=True))
    live.update(requested_version=F("requested_version") + 1, requested_at=timezone.now(), last_error="")
    for certificate_id in ids:
        queue_task_on_commit(RENDER_TASK, certificate_id)
    return len(ids)


def certificates_sweep() -> int:
    """Queue again the certificates still unrendered a while after they were
    asked for. One whose rendering failed (after the task's own retries) waits
    for staff to generate it again: the page shows it as failed."""
    grace = timezone.now() - timedelta(seconds=settings.CERTIFICATES_SWEEP_GRACE)
    due = Certificate.objects.filter(
        revoked_at__isnull=True, rendered_version__lt=F("requested_version"), requested_at__lt=grace, last_error=""
    ).values_list("pk", flat=True)
    ids = list(due[:1000])
    for certificate_id in ids:
        queue_task(RENDER_TASK, certificate_id)
    return len(ids)
