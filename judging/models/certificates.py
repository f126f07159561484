"""Verifiable documents with their public verification codes: certificates
of award (and of finalist), and the documents other apps issue in the same
code space (a visa invitation letter, which belongs to no entry)."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from judging.enums import ENTRY_DOCUMENT_KINDS, CertificateKind
from submissions.models import Entry

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
    if instance.entry is None:
        return f"documents/{instance.kind}/{uuid.uuid4().hex}.pdf"
    return f"certificates/{instance.entry.cycle_id}/{uuid.uuid4().hex}.pdf"


class Certificate(models.Model):
    """A verifiable document, with a public verification code: a certificate
    for an award or a finalist (of an entry), or a document of another kind
    (``kind``; judging.rendering.documents knows how each is rendered and
    verified). ``snapshot`` keeps what the verification page may say (for a
    certificate: names, title, award, date; for a letter, the least), so the
    page shows exactly that. A new rendering is asked for by
    raising ``requested_version``; the file is swapped only once the new one is
    stored. A revoked certificate stays, so its code says "revoked"."""

    entry = models.ForeignKey(
        Entry,
        verbose_name=_("entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
        help_text=_("The entry certified (award and finalist certificates)."),
    )
    award = models.ForeignKey(
        "judging.Award",
        verbose_name=_("award"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
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
    file_deleted_at = models.DateTimeField(
        _("PDF deleted"),
        null=True,
        blank=True,
        help_text=_("The PDF held personal data kept for a limited time; its code still verifies."),
    )
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
                condition=Q(rendered_version=0)
                | (Q(issued_at__isnull=False) & (~Q(file="") | Q(file_deleted_at__isnull=False))),
                name="certificate_rendered_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=ENTRY_DOCUMENT_KINDS) | Q(entry__isnull=False),
                name="certificate_of_an_entry_has_one",
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
        return self.rendered_version > 0 and not self.is_revoked and self.file_deleted_at is None

    @property
    def is_pending(self) -> bool:
        return not self.is_revoked and self.rendered_version < self.requested_version
