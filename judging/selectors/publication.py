"""Reads of the staff publication page: where each cycle's publication,
results e-mails and certificates stand."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from categories.models import Cycle
from judging.models import Certificate, Publication
from judging.services.certificates import CertificateProgress, certificates_progress
from judging.services.publication import MailProgress, PublicationPreview, publication_preview, results_mail_progress
from submissions.models import Entry


def cycles_overview() -> list[tuple[Cycle, Publication | None]]:
    """Every cycle, newest first, with its publication (two queries)."""
    cycles = list(Cycle.objects.order_by("-year"))
    publications = {publication.cycle_id: publication for publication in Publication.objects.all()}
    return [(cycle, publications.get(cycle.pk)) for cycle in cycles]


def cycle_by_year(year: int) -> Cycle | None:
    return Cycle.objects.filter(year=year).first()


def entry_by_reference(cycle: Cycle, reference: str) -> Entry | None:
    """The cycle's entry with this reference number, however it was typed."""
    return Entry.objects.filter(cycle=cycle, reference=reference.strip().upper()).first()


def cycle_certificates(cycle: Cycle) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(entry__cycle=cycle)
        .select_related("entry__organisation", "entry__category", "award__level")
        .order_by("entry__reference", "kind", "-created_at")
    )


@dataclass
class PublicationPage:
    preview: PublicationPreview
    mail: MailProgress
    certificates: CertificateProgress

    @property
    def progress(self) -> dict[str, Any]:
        """What the page's progress bars show, also served as JSON while they move."""
        publication = self.preview.publication
        mail_moving = bool(publication and publication.is_live() and self.mail.pending + self.mail.not_queued)
        return {
            "active": mail_moving or self.certificates.pending > 0,
            "mail": {
                "total": self.mail.total,
                "sent": self.mail.sent,
                "pending": self.mail.pending + self.mail.not_queued,
                "failed": self.mail.failed,
            },
            "certificates": {
                "owed": self.certificates.owed,
                "ready": self.certificates.ready,
                "pending": self.certificates.pending,
                "failed": self.certificates.failed,
                "percent": self.certificates.percent,
            },
        }


def publication_page(cycle: Cycle) -> PublicationPage:
    preview = publication_preview(cycle.pk)
    return PublicationPage(
        preview=preview,
        mail=results_mail_progress(cycle.pk, total=preview.recipients),
        certificates=certificates_progress(cycle),
    )


def certificates_out_for(entries: list[Any]) -> dict[int, list[Certificate]]:
    """The certificates the applicant may download, by entry: rendered, not
    revoked, of a cycle whose results are public (two queries)."""
    from django.utils import timezone

    by_entry: dict[int, list[Certificate]] = {entry.pk: [] for entry in entries}
    live_cycles = Publication.objects.filter(
        cycle_id__in={entry.cycle_id for entry in entries},
        withdrawn_at__isnull=True,
        visible_from__lte=timezone.now(),
    ).values("cycle_id")
    certificates = Certificate.objects.filter(
        entry_id__in=list(by_entry), revoked_at__isnull=True, rendered_version__gt=0, entry__cycle_id__in=live_cycles
    ).order_by("kind")
    for certificate in certificates:
        by_entry[certificate.entry_id].append(certificate)
    return by_entry
