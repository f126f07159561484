"""Publication of a cycle's results: the publication itself (with its
embargo), the committee's feedback to entries, and certificates."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle
from submissions.models import Entry

from .enums import CertificateKind

# Crockford's base32: no I, L, O or U, so a code read aloud or typed is unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4


def new_certificate_code() -> str:
    """A random verification code such as ``7KQ2-M9XD-4TBE`` (60 bits)."""
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(
        characters[start : start + CODE_GROUP_LENGTH] for start in range(0, len(characters), CODE_GROUP_LENGTH)
    )


def certificate_path(instance: "Certificate", filename: str) -> str:
    """A generated storage name: nobody can guess another certificate's file."""
    return f"certificates/{instance.entry.cycle_id}/{uuid.uuid4().hex}.pdf"


class Publication(models.Model):
    """A cycle's results made public. Nothing of them is visible before
    ``visible_from`` (the embargo) or after a withdrawal; ``version`` changes
    with every publish and withdrawal, so cached pages of an earlier state are
    never served again."""

    cycle = models.OneToOneField(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="publication")
    visible_from = models.DateTimeField(_("public from"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdraw_reason = models.TextField(_("reason for the withdrawal"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # Set once the entries' statuses follow the results (at visible_from, not
    # before: an applicant's dashboard must not show "winner" under embargo).
    effective_at = models.DateTimeField(_("results in effect"), null=True, blank=True)
    # The entries' statuses before the results took effect, restored on withdrawal.
    statuses_before = models.JSONField(_("statuses before the results"), default=dict, blank=True)
    # Set once every applicant's results e-mail is in the outbox.
    mail_queued_at = models.DateTimeField(_("results e-mails queued"), null=True, blank=True)
    # When a batch of results e-mails was last queued: one chain of batches at a time.
    mail_batch_at = models.DateTimeField(_("last batch of results e-mails"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication of results")
        verbose_name_plural = _("publications of results")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdraw_reason=""),
                name="publication_withdrawal_has_reason",
            )
        ]

    def __str__(self) -> str:
        return str(self.cycle)

    def is_live(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return self.withdrawn_at is None and self.visible_from <= moment  # type: ignore[operator]


class Feedback(models.Model):
    """The committee's short summary for an entry, sent with a "not selected"
    or "finalist" result when the cycle allows it."""

    entry = models.OneToOneField(Entry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="feedback")
    text = models.TextField(_("summary feedback"), max_length=3000)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("committee feedback")
        verbose_name_plural = _("committee feedback")

    def __str__(self) -> str:
        return str(self.entry)


class Certificate(models.Model):
    """A certificate for an award or a finalist, with a public verification
    code. ``snapshot`` keeps what the PDF says (names, title, award, date), so
    the verification page shows exactly that. A new rendering is asked for by
    raising ``requested_version``; the file is swapped only once the new one is
    stored. A revoked certificate stays, so its code says "revoked"."""

    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.PROTECT, related_name="certificates")
    award = models.ForeignKey(
        "judging.Award",
        verbose_name=_("award"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CertificateKind.choices)
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=new_certificate_code)
    language = models.CharField(_("recipient's language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF"), upload_to=certificate_path, max_length=200, blank=True)
    snapshot = models.JSONField(_("what the certificate says"), default=dict, blank=True)
    requested_version = models.PositiveIntegerField(_("version asked for"), default=1)
    requested_at = models.DateTimeField(_("rendering asked for"), default=timezone.now)
    rendered_version = models.PositiveIntegerField(_("version rendered"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.TextField(_("reason for the revocation"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["entry__reference", "kind", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "kind"],
                condition=Q(revoked_at__isnull=True),
                name="certificate_one_live_per_entry_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""), name="certificate_revocation_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(rendered_version__lte=F("requested_version")), name="certificate_rendered_not_ahead"
            ),
            models.CheckConstraint(
                condition=Q(rendered_version=0) | (~Q(file="") & Q(issued_at__isnull=False)),
                name="certificate_rendered_has_file",
            ),
        ]
        indexes = [models.Index(fields=["rendered_version", "requested_version"], name="certificate_pending_idx")]

    def __str__(self) -> str:
        return self.code

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_ready(self) -> bool:
        """A file is stored (it may be an older version while a new one renders)."""
        return self.rendered_version > 0 and not self.is_revoked

    @property
    def is_pending(self) -> bool:
        return not self.is_revoked and self.rendered_version < self.requested_version
