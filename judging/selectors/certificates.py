"""Reads of certificates for the public verification page: a typed code made
canonical, and the certificate it names when the public may see it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Q

from categories.models import Cycle
from judging.enums import CertificateKind, RoundKind
from judging.models import Award, Publication, RoundEntry
from judging.models.certificates import CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS, Certificate
from submissions.models import Entry

CODE_LENGTH = CODE_GROUPS * CODE_GROUP_LENGTH
# Crockford's decoding: letters that look like digits are read as those digits.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(text: str) -> str | None:
    """``text`` as a canonical code (``7KQ2-M9XD-4TBE``), or None when it cannot be one.

    Accepts what people type or paste: any case, spaces, any kind of dash or
    none, full-width characters (East Asian keyboards), and O, I, L for 0, 1, 1.
    """
    if len(text) > 4 * CODE_LENGTH:
        return None
    text = unicodedata.normalize("NFKC", text).upper()
    characters = "".join(
        character
        for character in text
        if not character.isspace() and unicodedata.category(character) != "Pd"  # Pd: dashes and hyphens
    ).translate(_LOOK_ALIKES)
    if len(characters) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in characters):
        return None
    return "-".join(characters[start : start + CODE_GROUP_LENGTH] for start in range(0, CODE_LENGTH, CODE_GROUP_LENGTH))


def certificate_for_code(code: str, *, now: datetime | None = None) -> Certificate | None:
    """The certificate with the canonical ``code`` if the public may know of it
    (one query): rendered at least once, and its cycle's results are live (a
    publication, past its embargo, not withdrawn). A revoked certificate is
    returned too: its page says it is revoked. Otherwise None, whatever the
    reason, so the page never tells a certificate exists before publication.
    A document of no entry (a visa letter) is issued after the results are
    public: its code verifies once it is rendered."""
    live = Publication.objects.live(now).values("cycle_id")
    public = Q(entry__cycle_id__in=live) | Q(entry__isnull=True)  # another app's documents: public once issued
    return Certificate.objects.filter(public, code=code, rendered_version__gt=0).order_by().first()


@dataclass(frozen=True)
class CertificateProgress:
    owed: int
    ready: int
    pending: int
    failed: int
    revoked: int

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.owed) if self.owed else 0


def certificates_progress(cycle: Cycle) -> CertificateProgress:
    """How far the cycle's certificates are: ready out of owed."""
    counts = Certificate.objects.filter(entry__cycle_id=cycle.pk).aggregate(
        ready=Count("pk", filter=Q(revoked_at__isnull=True, rendered_version__gt=0)),
        pending=Count("pk", filter=Q(revoked_at__isnull=True, rendered_version__lt=F("requested_version"))),
        failed=Count(
            "pk",
            filter=Q(revoked_at__isnull=True, rendered_version__lt=F("requested_version")) & ~Q(last_error=""),
        ),
        revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
    )
    return CertificateProgress(owed=len(certificates_owed(cycle)), **counts)


def certificates_owed(cycle: Cycle) -> list[tuple[Entry, str, Award | None]]:
    """Every certificate the cycle gives: one per locked award, and one per
    finalist without an award when the cycle gives finalists certificates."""
    awards = list(
        Award.objects.filter(cycle=cycle, locked_at__isnull=False).select_related("entry__owner").order_by("pk")
    )
    owed: list[tuple[Entry, str, Award | None]] = [(award.entry, CertificateKind.AWARD, award) for award in awards]
    if cycle.finalist_certificates:
        awarded = {award.entry_id for award in awards}
        finalists = (
            Entry.objects.filter(
                pk__in=RoundEntry.objects.filter(round__cycle=cycle, round__kind=RoundKind.FINAL).values("entry_id")
            )
            .exclude(pk__in=Award.objects.filter(cycle=cycle).values("entry_id"))
            .select_related("owner")
            .order_by("pk")
        )
        owed += [(entry, CertificateKind.FINALIST, None) for entry in finalists if entry.pk not in awarded]
    return owed
