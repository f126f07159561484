"""The prize configuration of each yearly edition (cycle).

Every human-readable field is translated with django-modeltranslation (see
translation.py); codes are stable identifiers used in URLs and references.
"""

import calendar
import uuid
from datetime import datetime
from decimal import Decimal
from pathlib import PurePath

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import ApplicantType, CyclePhase, CycleStatus, QuestionKind
from .validators import validate_applicant_types, validate_condition

code_validator = RegexValidator(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", _("Use lower-case letters, digits and hyphens."))


class Cycle(models.Model):
    """One yearly edition of the prize, with its phase dates (kept in UTC,
    entered and shown in Seoul time)."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2023), MaxValueValidator(2200)]
    )
    name = models.CharField(_("name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CycleStatus.choices, default=CycleStatus.DRAFT)
    applications_open_at = models.DateTimeField(_("applications open"))
    applications_close_at = models.DateTimeField(_("applications close (deadline)"))
    judging_starts_at = models.DateTimeField(_("judging starts"), null=True, blank=True)
    ceremony_at = models.DateTimeField(_("award ceremony"), null=True, blank=True)
    ceremony_place = models.CharField(_("ceremony place"), max_length=200, blank=True)
    results_feedback = models.BooleanField(
        _("send the committee's feedback with the results"),
        default=False,
        help_text=_("Applicants not selected receive the committee's summary feedback in their results e-mail."),
    )
    finalist_certificates = models.BooleanField(
        _("certificates for finalists"),
        default=False,
        help_text=_("Finalists without an award also receive a certificate."),
    )
    personal_data_months = models.PositiveSmallIntegerField(
        _("personal data kept for (months)"),
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_(
            "After the cycle closes (its ceremony, or its deadline without one), personal data of its "
            "entries and applicants is kept this long, then removed once staff confirm. Published awards stay."
        ),
    )
    personal_data_removed_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(applications_close_at__gt=F("applications_open_at")),
                name="cycle_close_after_open",
                violation_error_message=_("Applications must close after they open."),
            ),
            models.CheckConstraint(
                condition=Q(judging_starts_at__isnull=True) | Q(judging_starts_at__gte=F("applications_close_at")),
                name="cycle_judging_after_close",
                violation_error_message=_("Judging starts after applications close."),
            ),
            models.CheckConstraint(
                condition=Q(ceremony_at__isnull=True) | Q(ceremony_at__gt=F("applications_close_at")),
                name="cycle_ceremony_after_close",
                violation_error_message=_("The ceremony takes place after applications close."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("categories:cycle_detail", kwargs={"year": self.year})

    @property
    def personal_data_until(self) -> datetime:
        """When its personal data is due for removal: ``personal_data_months``
        after the ceremony (or the deadline, when there is none)."""
        closed = self.ceremony_at or self.applications_close_at
        month = closed.month - 1 + self.personal_data_months
        year, month = closed.year + month // 12, month % 12 + 1
        return closed.replace(year=year, month=month, day=min(closed.day, calendar.monthrange(year, month)[1]))

    def phase(self, now: datetime | None = None) -> CyclePhase:
        now = now or timezone.now()
        if now < self.applications_open_at:
            return CyclePhase.UPCOMING
        if now < self.applications_close_at:
            return CyclePhase.OPEN
        if self.ceremony_at and now >= self.ceremony_at:
            return CyclePhase.CONCLUDED
        return CyclePhase.JUDGING


class Category(models.Model):
    """An award category of a cycle: Project, Leadership or Special."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(_("code"), max_length=40, validators=[code_validator])
    reference_letter = models.CharField(
        _("reference letter"),
        max_length=1,
        validators=[RegexValidator(r"^[A-Z]$", _("One capital letter."))],
        help_text=_("Used in entry reference numbers, e.g. P in SSCP-2026-P-0042."),
    )
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    applicant_types = models.JSONField(
        _("who may apply"), default=list, blank=True, validators=[validate_applicant_types]
    )
    entry_limit = models.PositiveSmallIntegerField(
        _("entries per organisation"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
        validators=[MinValueValidator(1)],
    )
    accepts_applications = models.BooleanField(
        _("accepts applications"),
        default=True,
        help_text=_("Off when entries only come by committee nomination."),
    )
    award_count = models.PositiveSmallIntegerField(_("number of awards"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["cycle", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="category_code_unique_in_cycle"),
            models.UniqueConstraint(fields=["cycle", "reference_letter"], name="category_letter_unique_in_cycle"),
            # Reference numbers (SSCP-2026-P-0042) rely on one capital letter.
            models.CheckConstraint(
                condition=Q(reference_letter__regex=r"^[A-Z]$"), name="category_reference_letter_capital"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.cycle.year})"

    def get_absolute_url(self) -> str:
        return reverse("categories:category_detail", kwargs={"year": self.cycle.year, "code": self.code})

    def get_applicant_types_display(self) -> list[str]:
        labels = dict(ApplicantType.choices)
        return [str(labels[value]) for value in self.applicant_types if value in labels]

    def allows(self, applicant_type: str) -> bool:
        return applicant_type in self.applicant_types


class Track(models.Model):
    """A track inside a category (Project: Human-CentriCity, Tech-InnovaCity)."""

    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="tracks")
    code = models.SlugField(_("code"), max_length=40, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    award_count = models.PositiveSmallIntegerField(_("number of awards"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["category", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["category", "code"], name="track_code_unique_in_category")]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """An evaluation domain judges score, with its weight, scale and rubric."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.SlugField(_("code"), max_length=40, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=3,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text=_("Relative weight; weights are normalised to sum to 1."),
    )
    scale_min = models.SmallIntegerField(_("lowest score"), default=0)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)
    minimum = models.DecimalField(
        _("minimum mean score to advance"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Entries whose mean on this criterion is lower are flagged as not advancing."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["category", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="criterion_code_unique_in_category"),
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")),
                name="criterion_scale_ordered",
                violation_error_message=_("The highest score must be above the lowest."),
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True) | (Q(minimum__gte=F("scale_min")) & Q(minimum__lte=F("scale_max"))),
                name="criterion_minimum_on_scale",
                violation_error_message=_("The minimum must lie on the criterion's scale."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RubricLevel(models.Model):
    """What a score on a criterion means, shown to judges while scoring."""

    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="rubric_levels"
    )
    score = models.SmallIntegerField(_("score"))
    label = models.CharField(_("label"), max_length=100)
    descriptor = models.TextField(_("descriptor"))

    class Meta:
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")
        ordering = ["criterion", "score"]
        constraints = [models.UniqueConstraint(fields=["criterion", "score"], name="rubric_score_unique")]

    def __str__(self) -> str:
        return f"{self.score}: {self.label}"


class Question(models.Model):
    """A field of the application form of a category, for some applicant types."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="questions"
    )
    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("evaluation domain"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text=_("The form groups questions by evaluation domain."),
    )
    applicant_types = models.JSONField(
        _("asked of"),
        default=list,
        blank=True,
        validators=[validate_applicant_types],
        help_text=_("Leave empty to ask every applicant type."),
    )
    code = models.SlugField(_("code"), max_length=60, validators=[code_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=400)
    help_text = models.TextField(_("help text"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    identifying = models.BooleanField(
        _("identifies the applicant"),
        default=False,
        help_text=_("Answers to this question (a website, a position) are hidden from judges in blind rounds."),
    )
    shown_if = models.ForeignKey(
        "self",
        verbose_name=_("shown only if the answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependents",
        help_text=_(
            "An earlier single- or multiple-choice question of the same category: this question is then asked "
            "(and, if required, required) only when the answer to that one is one of the choices below. Otherwise "
            "it is hidden: judges, staff and the entry PDF leave out its answer, which stays stored. Leave empty "
            "to always ask it."
        ),
    )
    shown_if_values = models.JSONField(
        _("is one of"),
        default=list,
        blank=True,
        help_text=_("The codes of that question's choices that show this one, separated by commas."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="question_code_unique_in_category"),
            models.CheckConstraint(
                condition=Q(word_limit__isnull=True) | Q(kind__in=[QuestionKind.TEXT, QuestionKind.LONG_TEXT]),
                name="question_word_limit_only_for_text",
                violation_error_message=_("Only text questions have a word limit."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        validate_condition(self)

    def is_asked_of(self, applicant_type: str) -> bool:
        return not self.applicant_types or applicant_type in self.applicant_types


class QuestionChoice(models.Model):
    """An option of a single- or multiple-choice question."""

    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    code = models.SlugField(_("code"), max_length=60, validators=[code_validator])
    label = models.CharField(_("label"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="choice_code_unique_in_question")]

    def __str__(self) -> str:
        return self.label


class AwardLevel(models.Model):
    """A level of award a cycle gives (e.g. Gold), for some categories."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="award_levels")
    categories = models.ManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="award_levels")
    code = models.SlugField(_("code"), max_length=40, validators=[code_validator])
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("0 is the highest level."))

    class Meta:
        verbose_name = _("award level")
        verbose_name_plural = _("award levels")
        ordering = ["cycle", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["cycle", "code"], name="award_level_code_unique_in_cycle")]

    def __str__(self) -> str:
        return self.name


def signature_path(instance: "Signatory", filename: str) -> str:
    """A generated storage name keeping only the (checked) image suffix."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"signatures/{instance.cycle_id}/{uuid.uuid4().hex}{suffix}"


class Signatory(models.Model):
    """A person whose signature (an image) appears on the cycle's certificates."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, help_text=_("For example: Mayor of Seoul."))
    signature = models.ImageField(_("signature image"), upload_to=signature_path, max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["cycle", "order", "pk"]

    def __str__(self) -> str:
        return self.name
