"""A winning entry's invitation to an edition's event, the delegates its team
sends, and the changes asked for after the deadline to answer.

An invitation exists once the results are in effect (never before the
embargo). Its team (the entry's owner and collaborators) answers it; the
delegates have no account: each reads and corrects their own details through
a signed link (events.links). A delegate's access and dietary needs are
kept only with that delegate's own consent, recorded on the row with the
version of the text they agreed to."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.enums import ChangeStatus, InvitationStatus
from events.models.programme import Event
from submissions.models import Entry

if TYPE_CHECKING:
    from events.models.letters import VisaLetter


class Invitation(models.Model):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="invitations")
    entry = models.ForeignKey(
        Entry, verbose_name=_("winning entry"), on_delete=models.PROTECT, related_name="event_invitations"
    )
    status = models.CharField(
        _("answer"), max_length=12, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    booth_place = models.PositiveSmallIntegerField(_("booth place"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, help_text=_("Raised by every saved change."))
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation to the event")
        verbose_name_plural = _("invitations to the event")
        ordering = ["event", "entry__reference", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "entry"], name="invitation_unique_per_event"),
            models.UniqueConstraint(
                fields=["event", "booth_place"],
                condition=Q(booth_place__isnull=False),
                name="invitation_booth_place_unique",
                violation_error_message=_("This booth place is already given to another winner."),
            ),
            models.CheckConstraint(
                condition=Q(status=InvitationStatus.INVITED) | Q(answered_at__isnull=False),
                name="invitation_answer_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} — {self.entry}"

    def audit_label(self) -> str:
        return f"invitation #{self.pk} of entry #{self.entry_id} to event #{self.event_id}"


class Delegate(models.Model):
    """A person the winner sends to the event. Needs are kept only while
    ``needs_consent_at`` says the delegate agreed to their being kept."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="delegates"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("position"), max_length=200, help_text=_("For example: Deputy Mayor."))
    organisation = models.CharField(_("organisation"), max_length=300)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language for e-mails"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    presents = models.BooleanField(_("presents the winning work"), default=False)
    name_public = models.BooleanField(
        _("named in the public programme"),
        default=False,
        help_text=_("Only with the presenter's own consent, given on their page."),
    )
    needs = models.TextField(_("access or dietary needs"), blank=True)
    needs_consent_text = models.ForeignKey(
        "privacy.Text",
        verbose_name=_("consent text agreed to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs_consent_at = models.DateTimeField(_("agreed to keep the needs"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("details confirmed by the delegate"), null=True, blank=True)
    link_sent_at = models.DateTimeField(_("link sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["invitation", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["invitation", "email"], name="delegate_email_unique_per_invitation"),
            models.UniqueConstraint(fields=["invitation"], condition=Q(presents=True), name="delegate_one_presenter"),
            models.CheckConstraint(
                condition=Q(needs="") | Q(needs_consent_at__isnull=False), name="delegate_needs_with_consent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        """No name or address: the trail outlives the person's details."""
        return f"delegate #{self.pk} of invitation #{self.invitation_id}"

    @property
    def letter(self) -> "VisaLetter | None":
        """The delegate's visa letter, if issued (from the prefetched letters)."""
        return next(iter(self.letters.all()), None)


class InvitationChange(models.Model):
    """A change to an answer asked for after the deadline: it applies only
    once staff approve it. ``proposal`` holds the answer as the form gave it
    (status, delegates without needs, who presents)."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="changes"
    )
    proposal = models.JSONField(_("proposed answer"))
    reason = models.TextField(_("why the change"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note to the winner"), blank=True)

    class Meta:
        verbose_name = _("change asked after the deadline")
        verbose_name_plural = _("changes asked after the deadline")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=Q(status=ChangeStatus.PENDING),
                name="invitation_change_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitation} ({self.get_status_display()})"

    def audit_label(self) -> str:
        return f"change #{self.pk} of invitation #{self.invitation_id}"
