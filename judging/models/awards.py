"""The committee's decisions: an award level and citation per winning entry."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle
from judging.models.rounds import Round
from submissions.models import Entry


class Award(models.Model):
    """A decision: an entry's award level with its citation. An award of the
    final round counts against its category's and track's published number of
    awards; a special mention may go to any eligible entry of the cycle and
    counts against its level's categories. Locked decisions change only after
    a recorded unlock."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="awards")
    round = models.ForeignKey(
        Round, verbose_name=_("round"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.PROTECT, related_name="awards")
    level = models.ForeignKey(
        "categories.AwardLevel", verbose_name=_("award level"), on_delete=models.PROTECT, related_name="awards"
    )
    special_mention = models.BooleanField(_("special mention"), default=False)
    citation = models.TextField(_("citation"), max_length=2000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"))
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["cycle", "level__order", "entry__reference"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "entry"], name="award_one_per_entry_and_cycle"),
            models.CheckConstraint(
                condition=Q(special_mention=True) | Q(round__isnull=False), name="award_of_a_round_unless_special"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level} · {self.entry}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
