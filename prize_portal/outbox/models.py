import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import OutboxStatus


def _new_message_id() -> str:
    return f"<{uuid.uuid4().hex}@sscp.outbox>"


class OutboxMessage(models.Model):
    """One outgoing e-mail, recorded before anything is sent.

    The row is the source of truth: the Celery task only says "try to send
    row N now". If Redis or the worker is down when a message is queued, the
    periodic sweep finds the row still queued and tries again.
    """

    to_email = models.EmailField(_("recipient"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    template = models.CharField(_("template"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    context = models.JSONField(_("context"), default=dict, blank=True)
    dedupe_key = models.CharField(
        _("de-duplication key"),
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Messages with the same key are sent once, however often they are queued."),
    )
    message_id = models.CharField(_("Message-ID header"), max_length=200, unique=True, default=_new_message_id)
    status = models.CharField(_("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # When the body was emptied, OUTBOX_KEEP_DAYS after the message was finished.
    purged_at = models.DateTimeField(_("body deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=OutboxStatus.SENT) | models.Q(sent_at__isnull=False),
                name="outbox_sent_has_sent_at",
            ),
            # A claim without a time could never be taken over by the sweep.
            models.CheckConstraint(
                condition=~models.Q(status=OutboxStatus.SENDING) | models.Q(claimed_at__isnull=False),
                name="outbox_sending_has_claimed_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.to_email} ({self.get_status_display()})"
