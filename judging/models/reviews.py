"""Assignments of judges to entries and their reviews, one score per criterion."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from categories.models import Criterion
from judging.enums import (
    AssignmentState,
    Recommendation,
    ReviewState,
)
from judging.models.rounds import Round
from submissions.models import Entry


class Assignment(models.Model):
    """A judge asked to review an entry in a round."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="assignments")
    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.PROTECT, related_name="assignments"
    )
    state = models.CharField(_("state"), max_length=10, choices=AssignmentState.choices, default=AssignmentState.ACTIVE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    recused_at = models.DateTimeField(_("recused"), null=True, blank=True)
    recusal_reason = models.TextField(_("reason for recusal"), blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["round", "entry", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "entry", "judge"], name="assignment_unique"),
            models.CheckConstraint(
                condition=Q(state=AssignmentState.ACTIVE) | Q(recused_at__isnull=False),
                name="assignment_recusal_has_time",
            ),
        ]
        indexes = [models.Index(fields=["judge", "round", "state"], name="assignment_judge_round_idx")]

    def __str__(self) -> str:
        return f"{self.judge} → {self.entry} ({self.round})"

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"assignment #{self.pk}: entry #{self.entry_id}, round #{self.round_id}"

    @property
    def is_active(self) -> bool:
        return self.state == AssignmentState.ACTIVE


class Review(models.Model):
    """A judge's review of one assignment: per-criterion scores (ReviewScore),
    comments and a recommendation. Submitting locks it; ``version`` rises with
    every save so two tabs cannot overwrite each other unnoticed."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    state = models.CharField(_("state"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT)
    overall_comment = models.TextField(_("comment to the committee"), max_length=5000, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=12, choices=Recommendation.choices, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(state=ReviewState.DRAFT) | (Q(submitted_at__isnull=False) & ~Q(recommendation="")),
                name="review_submitted_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return str(self.assignment)

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"review #{self.pk} of assignment #{self.assignment_id}"

    @property
    def is_submitted(self) -> bool:
        return self.state == ReviewState.SUBMITTED


class ReviewScore(models.Model):
    """One criterion's score in a review (empty while the review is a draft)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.SmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="review_score_unique")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.score}"
