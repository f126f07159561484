"""Committee judging: judges and their profiles, rounds with the entries in
them, conflicts of interest, assignments and reviews."""

import uuid
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from categories.models import Category, Criterion, Cycle, Track
from submissions.models import Entry, Organisation

from .enums import (
    DEFAULT_TIE_BREAKS,
    AssignmentState,
    ConflictKind,
    ConflictStatus,
    PeerVisibility,
    Recommendation,
    ReviewState,
    RoundEntryVia,
    RoundKind,
)


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


class Conflict(models.Model):
    """A stored conflict of interest: declared by the judge (for one entry, or
    standing: an organisation, a country or an e-mail domain) or requested by
    an applicant against a committee member. Detected conflicts are computed
    in ``conflicts.py`` and never stored."""

    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConflictKind.choices)
    entry = models.ForeignKey(
        Entry, verbose_name=_("entry"), null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    country = CountryField(_("country"), blank=True)
    email_domain = models.CharField(_("e-mail domain"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=ConflictStatus.choices, default=ConflictStatus.APPROVED
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("declared"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind__in=[ConflictKind.ENTRY, ConflictKind.REQUESTED], entry__isnull=False)
                    | Q(kind=ConflictKind.ORGANISATION, organisation__isnull=False)
                    | (Q(kind=ConflictKind.COUNTRY) & ~Q(country=""))
                    | (Q(kind=ConflictKind.DOMAIN) & ~Q(email_domain=""))
                ),
                name="conflict_has_its_target",
            ),
            models.UniqueConstraint(
                fields=["judge", "entry"],
                condition=Q(kind__in=[ConflictKind.ENTRY, ConflictKind.REQUESTED]),
                name="conflict_one_per_judge_and_entry",
            ),
        ]
        indexes = [models.Index(fields=["judge", "kind"], name="conflict_judge_kind_idx")]

    def __str__(self) -> str:
        return f"{self.judge} · {self.get_kind_display()}"


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


# Publication, feedback and certificates live in their own module (this one is long enough).
from .results_models import Certificate, Feedback, Publication  # noqa: E402

__all__ = [
    "Assignment",
    "Award",
    "Certificate",
    "Conflict",
    "Feedback",
    "JudgeInvitation",
    "JudgeProfile",
    "Publication",
    "Review",
    "ReviewScore",
    "Round",
    "RoundEntry",
]
