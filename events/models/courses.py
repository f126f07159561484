"""The training programme for officials of winning cities: courses (such as
"Smart City Seoul" with the Seoul Human Resources Development Center) and
the nominations of officials, from the invitation to the completion
certificate (a verifiable document of kind ``completion``)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle
from events.enums import NominationStatus
from submissions.models import Organisation


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(
        _("provider"), max_length=200, help_text=_("For example: Seoul Human Resources Development Center.")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=300, blank=True, help_text=_("Leave empty for an online course."))
    language = models.CharField(_("language of the course"), max_length=10, choices=settings.LANGUAGES, default="en")
    capacity = models.PositiveSmallIntegerField(_("places"))
    places_per_organisation = models.PositiveSmallIntegerField(_("places per organisation"), default=2)
    eligible_editions = models.ManyToManyField(
        Cycle,
        verbose_name=_("winners of these editions may be nominated"),
        blank=True,
        related_name="courses",
    )
    finalists_eligible = models.BooleanField(_("finalists' organisations too"), default=False)
    nominations_close_at = models.DateTimeField(_("nominations close (Seoul time)"))
    offer_days = models.PositiveSmallIntegerField(
        _("days to accept an offered place"),
        default=7,
        help_text=_("When a place frees up, the next one has this long."),
    )

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="course_ends_after_it_starts",
                violation_error_message=_("The course must end on or after its first day."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def online(self) -> bool:
        return not self.place


class Nomination(models.Model):
    """An official nominated by their organisation's team. The link in the
    invitation (``token``) lets the person with that address accept once."""

    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="nominations")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="nominations"
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language for e-mails"), max_length=10, choices=settings.LANGUAGES, default="en")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    nominee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominee's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=NominationStatus.choices, default=NominationStatus.INVITED
    )
    offered_until = models.DateTimeField(_("offer open until"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    certificate = models.OneToOneField(
        "judging.Certificate",
        verbose_name=_("completion certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nomination",
    )
    created_at = models.DateTimeField(_("nominated"), auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["course", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "email"], name="nomination_once_per_course"),
            models.CheckConstraint(
                condition=~Q(status=NominationStatus.OFFERED) | Q(offered_until__isnull=False),
                name="nomination_offer_has_deadline",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label()

    def audit_label(self) -> str:
        return f"nomination #{self.pk} to course #{self.course_id}"
