"""A cycle's retention run: the removal of its personal data that staff
confirmed, worked through in batches by a task (so the page shows its
progress and no transaction holds the cycle's rows for long)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle


class RetentionRun(models.Model):
    """The plan staff confirmed (the dry run's ids, frozen) and how far the
    removal has gone. ``steps`` lists the work in order — entries, then
    organisations, then people — and ``done`` counts the steps taken; each
    batch takes the next ones under a lock, so two tasks never take the same."""

    cycle = models.OneToOneField(Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="retention_run")
    digest = models.CharField(_("digest of the dry run"), max_length=16)
    steps = models.JSONField(_("steps"), default=list, help_text=_("[kind, id] pairs, in the order they are taken."))
    files = models.PositiveIntegerField(_("files deleted"), default=0)
    done = models.PositiveIntegerField(_("steps done"), default=0)
    kept = models.JSONField(
        _("kept"),
        default=list,
        help_text=_("Organisations and people of the plan who entered an edition still kept before their turn."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"))
    batch_at = models.DateTimeField(_("last batch"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return str(self.cycle)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def percent(self) -> int:
        return 100 if not self.steps else self.done * 100 // len(self.steps)
