"""Visa invitation letters: a delegate's passport details, sealed at rest,
and the letters issued from them.

Passport details are the most sensitive data the portal holds: only the
delegate (through their link), their organisation's team and staff see them,
every view and download is audited, and they are deleted, with the letters
that print them, PASSPORT_KEEP_DAYS after the event (``delete_after``). A
letter is a verifiable document (``judging.Certificate`` of kind
``visa_letter``): its code still verifies, saying the least, once its PDF
is gone."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.invitations import Delegate, Invitation


class PassportDetails(models.Model):
    """The passport details of one delegate, sealed (events.sealing): full
    name as in the passport, nationality, passport number, date of birth,
    dates of stay and purpose. Nothing of them is readable in the database."""

    delegate = models.OneToOneField(
        Delegate, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="passport"
    )
    sealed = models.TextField(_("sealed details"), editable=False)
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    delete_after = models.DateTimeField(_("deleted after"), db_index=True)

    class Meta:
        verbose_name = _("passport details")
        verbose_name_plural = _("passport details")

    def __str__(self) -> str:
        return self.audit_label()

    def audit_label(self) -> str:
        return f"passport details of delegate #{self.delegate_id}"


class VisaLetter(models.Model):
    """A delegate's invitation letter for their visa, issued by staff."""

    certificate = models.OneToOneField(
        "judging.Certificate", verbose_name=_("document"), on_delete=models.PROTECT, related_name="visa_letter"
    )
    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.PROTECT, related_name="letters"
    )
    # Empty once the team took the delegate off the answer (the sweep then deletes the PDF).
    delegate = models.ForeignKey(
        Delegate, verbose_name=_("delegate"), null=True, blank=True, on_delete=models.SET_NULL, related_name="letters"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("visa invitation letter")
        verbose_name_plural = _("visa invitation letters")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegate"], condition=Q(delegate__isnull=False), name="visa_letter_one_per_delegate"
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label()

    def audit_label(self) -> str:
        return f"visa letter #{self.pk} of invitation #{self.invitation_id}"
