"""An edition's event in Seoul (the award ceremony during Seoul Smart Life
Week, the winners' presentations, a forum, a booth) and its programme."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle
from events.enums import ProgrammeKind


class Event(models.Model):
    """An event of an edition that the winners are invited to. Times are
    stored in UTC and entered and shown in Seoul time (TIME_ZONE)."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="events")
    name = models.CharField(_("name"), max_length=200)
    place = models.CharField(_("place"), max_length=300, help_text=_("For example: COEX, Seoul."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts (Seoul time)"))
    ends_at = models.DateTimeField(_("ends (Seoul time)"))
    answer_by = models.DateTimeField(
        _("invitations answered by (Seoul time)"),
        help_text=_("Winners answer their invitation by then; later changes go to staff for approval."),
    )
    slides_by = models.DateTimeField(
        _("slides uploaded by (Seoul time)"),
        null=True,
        blank=True,
        help_text=_("Presenting winners upload their slides by then. Empty: three days before the event."),
    )
    booth_places = models.PositiveSmallIntegerField(
        _("booth places"), default=0, help_text=_("How many winners can have a place at the booth (0: no booth).")
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The event must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(answer_by__lte=F("starts_at")),
                name="event_answered_before_it_starts",
                violation_error_message=_("Invitations must be answered before the event starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def slides_deadline(self) -> datetime:
        return self.slides_by or self.starts_at - timedelta(days=3)


class ProgrammeItem(models.Model):
    """A part of an event's programme, within the event's times."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="programme")
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=300, blank=True, help_text=_("Leave empty for the event's place."))
    starts_at = models.DateTimeField(_("starts (Seoul time)"))
    ends_at = models.DateTimeField(_("ends (Seoul time)"))

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        ordering = ["event", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="programme_item_ends_after_it_starts",
                violation_error_message=_("A programme item must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        try:
            event = self.event  # in admin's inline, the event being added (not saved yet)
        except Event.DoesNotExist:
            return
        times = (self.starts_at, self.ends_at, event.starts_at, event.ends_at)
        if None in times:
            return
        if self.starts_at < event.starts_at or self.ends_at > event.ends_at:
            raise ValidationError(_("A programme item takes place within the event's times."), code="outside")
