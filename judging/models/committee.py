"""The committee: judges' profiles and the invitations that bring them in."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from categories.models import Track


def judge_photo_path(instance: "JudgeProfile", filename: str) -> str:
    """A generated storage name keeping only the (checked) image suffix."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"judges/{instance.user_id}/{uuid.uuid4().hex}{suffix}"


class JudgeProfile(models.Model):
    """What the committee page and the assignment engine know of a judge."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.CASCADE, related_name="judge_profile"
    )
    expertise_tracks = models.ManyToManyField(
        Track, verbose_name=_("tracks of expertise"), blank=True, related_name="expert_judges"
    )
    themes = models.CharField(
        _("themes of expertise"), max_length=300, blank=True, help_text=_("For example: mobility, welfare, data.")
    )
    languages = models.JSONField(
        _("languages read"), default=list, blank=True, help_text=_("Entries in these languages can be assigned.")
    )
    country = CountryField(_("country"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    email_domain = models.CharField(
        _("organisation's e-mail domain"),
        max_length=200,
        blank=True,
        help_text=_("Entries from people at this domain are a conflict of interest."),
    )
    bio = models.TextField(_("short biography"), max_length=1500, blank=True)
    photo = models.ImageField(_("photo"), upload_to=judge_photo_path, blank=True, max_length=200)
    publish_consent = models.BooleanField(
        _("publish my name, organisation, biography and photo on the committee page"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("judge profile")
        verbose_name_plural = _("judge profiles")

    def __str__(self) -> str:
        return str(self.user)

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"judge profile #{self.pk}"


class JudgeInvitation(models.Model):
    """Staff's invitation to join the committee; the secret link lets the person
    with that address set a password (then TOTP) and become a judge once."""

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("full name"), max_length=200)
    language = models.CharField(_("language of the invitation"), max_length=10, choices=settings.LANGUAGES)
    chair = models.BooleanField(_("committee chair"), default=False)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("judge invitation")
        verbose_name_plural = _("judge invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=Q(accepted_at__isnull=True), name="judge_invitation_one_open_per_email"
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"judge invitation #{self.pk}"
