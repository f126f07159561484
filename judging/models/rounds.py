"""Judging rounds and the entries in each."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from categories.models import Category, Cycle, Track
from judging.enums import (
    DEFAULT_TIE_BREAKS,
    PeerVisibility,
    RoundEntryVia,
    RoundKind,
)
from submissions.models import Entry


def default_tie_breaks() -> list[str]:
    return list(DEFAULT_TIE_BREAKS)


def default_reminder_days() -> list[int]:
    return [7, 3, 1]


class Round(models.Model):
    """One round of judging in a cycle: which entries, which rubric, how many
    judges per entry, when, and how blind."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=RoundKind.choices, default=RoundKind.SCORED)
    categories = models.ManyToManyField(Category, verbose_name=_("categories"), related_name="rounds")
    tracks = models.ManyToManyField(
        Track,
        verbose_name=_("tracks"),
        blank=True,
        related_name="rounds",
        help_text=_("Leave empty for every track of the categories."),
    )
    panel = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("panel of judges"),
        blank=True,
        related_name="panel_rounds",
        help_text=_("Judges who may be assigned. Leave empty for the whole committee."),
    )
    judges_per_entry = models.PositiveSmallIntegerField(_("judges per entry"), default=3)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    blind = models.BooleanField(
        _("blind"),
        default=False,
        help_text=_("Judges do not see the organisation, people, city or attachments marked as identifying."),
    )
    peer_visibility = models.CharField(
        _("judges see each other's reviews"),
        max_length=12,
        choices=PeerVisibility.choices,
        default=PeerVisibility.AFTER_OWN,
    )
    country_conflicts = models.BooleanField(
        _("judges do not judge government entries from their own country"), default=False
    )
    tie_breaks = models.JSONField(
        _("tie-break rules, in order"),
        default=default_tie_breaks,
        blank=True,
        help_text=_(
            'Codes, first rule first: "criterion:<code>" (higher mean on that criterion), '
            '"more_reviews", "earlier_submission", "higher_median".'
        ),
    )
    reminder_days = models.JSONField(
        _("reminders, days before closing"),
        default=default_reminder_days,
        blank=True,
        help_text=_("Judges with reviews still to submit are e-mailed on these days, e.g. [7, 3, 1]."),
    )
    assignment_seed = models.PositiveIntegerField(_("assignment seed"), default=1)
    advances_from = models.ForeignKey(
        "self",
        verbose_name=_("advances from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_rounds",
    )
    entries = models.ManyToManyField(Entry, through="RoundEntry", related_name="rounds")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["cycle", "opens_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="round_closes_after_opening"),
            models.CheckConstraint(
                condition=Q(judges_per_entry__gte=1, judges_per_entry__lte=12), name="round_judges_per_entry_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    @property
    def is_screening(self) -> bool:
        return self.kind == RoundKind.SCREENING


class RoundEntry(models.Model):
    """An entry taking part in a round, by eligibility or by advancement."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="round_entries")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="round_entries")
    via = models.CharField(_("entered by"), max_length=12, choices=RoundEntryVia.choices)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("entry in a round")
        verbose_name_plural = _("entries in rounds")
        constraints = [models.UniqueConstraint(fields=["round", "entry"], name="round_entry_unique")]

    def __str__(self) -> str:
        return f"{self.round} · {self.entry}"
