"""Versioned texts a person accepts, and every answer they gave.

A :class:`Text` is one version of the privacy notice, of a consent item or of
a declaration. Staff edit a draft in admin and publish it; a published
version is frozen, and a change is a new version of the same ``code``. The
current text of a code is its latest published version.

A :class:`Consent` is one answer (given or refused, or a withdrawal) to one
version of a text, with the notice version in force, the role it was asked
for, where it was given and when. The table is append-only (on PostgreSQL a
trigger refuses UPDATE and DELETE); a person's current answer is their latest
row for the code.
"""

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import ConsentRole, ConsentSource, ErasureMode, ExportStatus, RequestKind, RequestStatus, TextKind


class Text(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=TextKind.choices, default=TextKind.CONSENT)
    code = models.SlugField(
        _("code"), max_length=60, help_text=_("The same for every version of the text; the portal knows texts by it.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    required = models.BooleanField(
        _("required"), default=False, help_text=_("Needed to take part: it cannot be refused or withdrawn.")
    )
    roles = models.JSONField(
        _("asked of"), default=list, blank=True, help_text=_("The roles that are asked this item when they start.")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            'Paragraphs separated by a blank line; a line starting with "## " is a heading, '
            'lines starting with "- " a list.'
        ),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    items = models.TextField(_("data collected"), blank=True)
    retention = models.TextField(_("how long it is kept"), blank=True)
    refusal = models.TextField(_("the right to refuse"), blank=True)
    contact_name = models.CharField(_("privacy officer"), max_length=200, blank=True)
    contact_email = models.EmailField(_("privacy officer's e-mail address"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, help_text=_("Empty while it is a draft.")
    )

    class Meta:
        verbose_name = _("privacy text")
        verbose_name_plural = _("privacy texts")
        ordering = ["kind", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="privacy_text_version_unique"),
            models.CheckConstraint(
                condition=~models.Q(kind="notice") | models.Q(required=True), name="privacy_notice_required"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Consent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="consents"
    )
    text = models.ForeignKey(Text, verbose_name=_("text"), on_delete=models.PROTECT, related_name="answers")
    code = models.SlugField(_("code"), max_length=60)  # the text's, for reading answers by code
    given = models.BooleanField(_("given"))
    notice = models.ForeignKey(
        Text,
        verbose_name=_("privacy notice in force"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("asked as"), max_length=20, choices=ConsentRole.choices)
    source = models.CharField(_("given on"), max_length=20, choices=ConsentSource.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "code", "created_at"], name="privacy_consent_user_code")]

    def __str__(self) -> str:
        return f"{self.code}: {'given' if self.given else 'refused'}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Consents are append-only: record a new answer instead.")
        super().save(*args, **kwargs)


def _export_path(instance: "DataExport", filename: str) -> str:
    # An unguessable name: the file is served only through the owner's checked view.
    return f"privacy/exports/{instance.user_id}/{secrets.token_urlsafe(24)}.zip"


class DataExport(models.Model):
    """A person's download of everything the portal holds about them: asked
    for on the privacy page, built as a ZIP by a task, announced by e-mail,
    downloadable by them until it expires (then its file is deleted)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="data_exports"
    )
    status = models.CharField(_("status"), max_length=12, choices=ExportStatus.choices, default=ExportStatus.REQUESTED)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=_export_path, blank=True, max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("data download")
        verbose_name_plural = _("data downloads")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One being prepared at a time: a double click asks once.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="requested"), name="privacy_one_export_in_progress"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | models.Q(expires_at__isnull=False),
                name="privacy_ready_export_expires",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_status_display()})"

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"data download #{self.pk}"

    def is_downloadable(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.status == ExportStatus.READY and self.expires_at is not None and now < self.expires_at


class PrivacyRequest(models.Model):
    """A person's request about their data (a correction, a restriction, an
    erasure, a question), answered by the secretariat within the legal time.
    A restriction takes effect when asked; an erasure when staff complete it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="privacy_requests"
    )
    kind = models.CharField(_("request"), max_length=12, choices=RequestKind.choices)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    answer = models.TextField(_("answer to the person"), max_length=2000, blank=True)
    erasure_mode = models.CharField(_("erasure"), max_length=12, choices=ErasureMode.choices, blank=True)

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open request of each kind per person: asking twice adds to nothing.
            models.UniqueConstraint(
                fields=["user", "kind"], condition=models.Q(status="open"), name="privacy_one_open_request_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"
