"""Conflicts of interest between a judge and an entry, an organisation or a country."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from judging.enums import (
    ConflictKind,
    ConflictStatus,
)
from submissions.models import Entry, Organisation


class Conflict(models.Model):
    """A stored conflict of interest: declared by the judge (for one entry, or
    standing: an organisation, a country or an e-mail domain) or requested by
    an applicant against a committee member. Detected conflicts are computed
    in ``conflicts.py`` and never stored."""

    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConflictKind.choices)
    entry = models.ForeignKey(
        Entry, verbose_name=_("entry"), null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    country = CountryField(_("country"), blank=True)
    email_domain = models.CharField(_("e-mail domain"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=ConflictStatus.choices, default=ConflictStatus.APPROVED
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("declared"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind__in=[ConflictKind.ENTRY, ConflictKind.REQUESTED], entry__isnull=False)
                    | Q(kind=ConflictKind.ORGANISATION, organisation__isnull=False)
                    | (Q(kind=ConflictKind.COUNTRY) & ~Q(country=""))
                    | (Q(kind=ConflictKind.DOMAIN) & ~Q(email_domain=""))
                ),
                name="conflict_has_its_target",
            ),
            models.UniqueConstraint(
                fields=["judge", "entry"],
                condition=Q(kind__in=[ConflictKind.ENTRY, ConflictKind.REQUESTED]),
                name="conflict_one_per_judge_and_entry",
            ),
        ]
        indexes = [models.Index(fields=["judge", "kind"], name="conflict_judge_kind_idx")]

    def __str__(self) -> str:
        return f"{self.judge} · {self.get_kind_display()}"

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"conflict #{self.pk} ({self.kind})"
