"""Reads of the staff publication page: where each cycle's publication,
results e-mails and certificates stand."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from categories.models import Cycle
from judging.enums import ResultKind, RoundKind
from judging.models import Award, Certificate, Publication, RoundEntry
from judging.selectors.certificates import CertificateProgress, certificates_progress
from prize_portal.accounts.models import User
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from submissions.enums import EntryStatus
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

    by_entry: dict[int, list[Certificate]] = {entry.pk: [] for entry in entries}
    live_cycles = (
        Publication.objects.live().filter(cycle_id__in={entry.cycle_id for entry in entries}).values("cycle_id")
    )
    certificates = Certificate.objects.filter(
        entry_id__in=list(by_entry), revoked_at__isnull=True, rendered_version__gt=0, entry__cycle_id__in=live_cycles
    ).order_by("kind")
    for certificate in certificates:
        if certificate.entry_id is not None:  # always: filtered by entry
            by_entry[certificate.entry_id].append(certificate)
    return by_entry


# Entries whose applicants are told the results: every entry that was judged
# (those found not eligible at screening were told then, not now).
TOLD_STATUSES = (
    EntryStatus.ELIGIBLE,
    EntryStatus.IN_REVIEW,
    EntryStatus.FINALIST,
    EntryStatus.WINNER,
    EntryStatus.NOT_SELECTED,
)


def mail_key_prefix(cycle_id: int) -> str:
    return f"results:{cycle_id}:"


@dataclass
class PublicationPreview:
    """What publishing would announce, and what still blocks it."""

    cycle: Cycle
    publication: Publication | None
    gaps: list[str]
    awards: list[Award]
    entries_by_kind: dict[str, int]
    recipients: int

    @property
    def ready(self) -> bool:
        return not self.gaps


def category_label(category: Any, track: Any = None) -> str:
    return f"{category.name} \N{EN DASH} {track.name}" if track is not None else str(category.name)


def _decided(label: str, given: int, count: int) -> str:
    return ngettext(
        "%(category)s: %(given)d of %(count)d award decided.",
        "%(category)s: %(given)d of %(count)d awards decided.",
        count,
    ) % {"category": label, "given": given, "count": count}


def publication_gaps(cycle: Cycle, awards: list[Award]) -> list[str]:
    """Sentences naming every undecided category or track and every unlocked
    decision; publishing is refused while there is one."""
    gaps: list[str] = []
    by_category: dict[int, int] = defaultdict(int)
    by_track: dict[int, int] = defaultdict(int)
    for award in awards:
        if not award.special_mention:
            by_category[award.entry.category_id] += 1
            if award.entry.track_id:
                by_track[award.entry.track_id] += 1
    for category in cycle.categories.all():
        if category.award_count and by_category[category.pk] < category.award_count:
            gaps.append(_decided(str(category.name), by_category[category.pk], category.award_count))
        for track in category.tracks.all():
            if track.award_count and by_track[track.pk] < track.award_count:
                gaps.append(_decided(category_label(category, track), by_track[track.pk], track.award_count))
    unlocked = [award for award in awards if not award.is_locked]
    if unlocked:
        gaps.append(
            ngettext(
                "%(count)d decision is not locked: %(references)s.",
                "%(count)d decisions are not locked: %(references)s.",
                len(unlocked),
            )
            % {"count": len(unlocked), "references": ", ".join(award.entry.reference or "?" for award in unlocked)}
        )
    for award in awards:
        if award.entry.status not in (*CLOSED_BY_RESULTS, EntryStatus.NOT_SELECTED, EntryStatus.WINNER):
            gaps.append(
                _("%(reference)s has an award but is %(status)s: remove the award or correct the entry.")
                % {"reference": award.entry.reference, "status": award.entry.get_status_display()}
            )
    if not awards:
        gaps.append(_("No award has been decided."))
    return gaps


def cycle_awards(cycle_id: int) -> list[Award]:
    return list(
        Award.objects.filter(cycle_id=cycle_id)
        .select_related("entry__category", "entry__track", "entry__organisation", "level")
        .order_by("level__order", "entry__reference")
    )


def _told_entries(cycle_id: int) -> QuerySet[Entry]:
    """The entries whose applicants are told, each with ``awarded`` and ``in_final``."""
    return Entry.objects.filter(cycle_id=cycle_id, status__in=TOLD_STATUSES).annotate(
        awarded=Exists(Award.objects.filter(entry=OuterRef("pk"))),
        in_final=Exists(RoundEntry.objects.filter(entry=OuterRef("pk"), round__kind=RoundKind.FINAL)),
    )


def _result_of(entry: Any) -> str:
    """Winner (an award), finalist (in a final round without one) or not selected."""
    if entry.awarded:
        return ResultKind.WINNER
    return ResultKind.FINALIST if entry.in_final else ResultKind.NOT_SELECTED


def entry_results(cycle_id: int) -> dict[int, str]:
    """Each told entry's result (one query)."""
    return {entry.pk: _result_of(entry) for entry in _told_entries(cycle_id).only("pk")}


@dataclass
class Recipient:
    """One applicant's results e-mail of one kind: the entries it tells about."""

    user: User
    kind: str
    entries: list[Entry] = field(default_factory=list)

    def dedupe_key(self, cycle_id: int) -> str:
        return f"{mail_key_prefix(cycle_id)}{self.kind}:{self.user.pk}"


def _entries_with_people(cycle_id: int) -> list[Entry]:
    return list(
        _told_entries(cycle_id)
        .select_related("owner", "category", "track", "organisation")
        .prefetch_related("collaborators")
        .order_by("pk")
    )


def results_recipients(cycle_id: int, entries: list[Entry] | None = None) -> list[Recipient]:
    """Owners and collaborators of the told entries, one per person and kind,
    in a stable order (so batches resume where they stopped); two queries."""
    recipients: dict[tuple[int, str], Recipient] = {}
    for entry in _entries_with_people(cycle_id) if entries is None else entries:
        kind = _result_of(entry)
        for person in [entry.owner, *entry.collaborators.all()]:
            if not person.is_active:
                continue
            recipient = recipients.setdefault((person.pk, kind), Recipient(user=person, kind=kind))
            recipient.entries.append(entry)
    return sorted(recipients.values(), key=lambda recipient: (recipient.user.pk, recipient.kind))


def publication_preview(cycle_id: int) -> PublicationPreview:
    cycle = Cycle.objects.prefetch_related("categories__tracks").get(pk=cycle_id)
    awards = cycle_awards(cycle_id)
    entries = _entries_with_people(cycle_id)
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[_result_of(entry)] += 1
    return PublicationPreview(
        cycle=cycle,
        publication=Publication.objects.filter(cycle=cycle).first(),
        gaps=publication_gaps(cycle, awards),
        awards=awards,
        entries_by_kind={kind: counts[kind] for kind in ResultKind.values},
        recipients=len(results_recipients(cycle_id, entries)),
    )


@dataclass(frozen=True)
class MailProgress:
    total: int
    sent: int
    pending: int
    failed: int

    @property
    def not_queued(self) -> int:
        return max(self.total - self.sent - self.pending - self.failed, 0)


def results_mail_progress(cycle_id: int, total: int) -> MailProgress:
    """Sent / pending / failed results e-mails of a cycle (``total`` applicants to tell)."""
    rows = OutboxMessage.objects.filter(dedupe_key__startswith=mail_key_prefix(cycle_id))
    counts = dict(rows.values_list("status").annotate(count=Count("pk")).values_list("status", "count"))
    sent = counts.get(OutboxStatus.SENT, 0)
    failed = counts.get(OutboxStatus.FAILED, 0)
    pending = sum(counts.values()) - sent - failed
    return MailProgress(total=total, sent=sent, pending=pending, failed=failed)


# What the results make of an entry still being judged.
CLOSED_BY_RESULTS = (EntryStatus.ELIGIBLE, EntryStatus.IN_REVIEW, EntryStatus.FINALIST)
