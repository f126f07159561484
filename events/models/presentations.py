"""Presentations: an entry's slot in an event's programme (a winner's at the
ceremony day; the judging-modes issue reuses them for finalists), with the
slides the team uploads (a PDF, through the portal's upload checks) and an
optional video link, before the event's deadline for slides."""

import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from events.models.invitations import Delegate
from events.models.programme import ProgrammeItem
from submissions.models import Entry


def slides_path(instance: "Presentation", filename: str) -> str:
    """A generated storage name: nobody can guess another team's slides."""
    return f"presentations/{instance.item_id}/{uuid.uuid4().hex}.pdf"


class Presentation(models.Model):
    item = models.ForeignKey(
        ProgrammeItem, verbose_name=_("programme item"), on_delete=models.PROTECT, related_name="presentations"
    )
    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.PROTECT, related_name="presentations")
    presenter = models.ForeignKey(
        Delegate,
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presentations",
    )
    starts_at = models.DateTimeField(_("starts (Seoul time)"))
    ends_at = models.DateTimeField(_("ends (Seoul time)"))
    slides = models.FileField(_("slides (PDF)"), upload_to=slides_path, max_length=200, blank=True)
    slides_name = models.CharField(_("file name"), max_length=255, blank=True)
    slides_size = models.PositiveIntegerField(_("size"), default=0)
    slides_uploaded_at = models.DateTimeField(_("slides uploaded"), null=True, blank=True)
    slides_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_url = models.URLField(
        _("video link"), blank=True, validators=[URLValidator(schemes=["https"])], help_text=_("An https:// address.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, help_text=_("Raised by every saved change."))
    created_at = models.DateTimeField(_("scheduled"), auto_now_add=True)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["item", "starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "entry"], name="presentation_once_per_item"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="presentation_ends_after_it_starts",
                violation_error_message=_("A presentation must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label()

    def audit_label(self) -> str:
        return f"presentation #{self.pk} of entry #{self.entry_id}"
