"""Applicant intake: organisations and their members, entries with their
answers and attachments, and the immutable record of each submission."""

import uuid
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from categories.enums import ApplicantType
from categories.models import Category, Cycle, Question, Track

from .enums import EDITABLE_STATUSES, AttachmentStatus, EntryStatus, MembershipRole


class Organisation(models.Model):
    """Who applies: a city, corporation, institution, or an individual (Leadership)."""

    type = models.CharField(_("type"), max_length=20, choices=ApplicantType.choices)
    name_native = models.CharField(_("name in its own language"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Membership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"membership #{self.pk} of organisation #{self.organisation_id}"


class Entry(models.Model):
    """An application to one category (and track) of a cycle."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="entries")
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="entries")
    track = models.ForeignKey(
        Track, verbose_name=_("track"), null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="entries"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="owned_entries"
    )
    collaborators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("collaborators"), blank=True, related_name="shared_entries"
    )
    language = models.CharField(_("language of the entry"), max_length=10, choices=ALL_LANGUAGES, default="en")
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    title_original = models.CharField(_("title in the entry's language"), max_length=200, blank=True)
    summary_original = models.TextField(_("summary in the entry's language"), blank=True)
    status = models.CharField(_("status"), max_length=15, choices=EntryStatus.choices, default=EntryStatus.DRAFT)
    sequence = models.PositiveIntegerField(_("sequence number"), null=True, blank=True, editable=False)
    reference = models.CharField(_("reference number"), max_length=30, null=True, blank=True, unique=True)
    version = models.PositiveIntegerField(_("version"), default=1, help_text=_("Raised by every saved change."))
    draft_invalid = models.JSONField(
        _("values to correct"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("What the applicant typed in fields that did not pass their checks, kept until corrected."),
    )
    extended_until = models.DateTimeField(_("deadline extended until"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["category", "sequence"], name="entry_sequence_unique_in_category"),
            models.CheckConstraint(
                condition=Q(reference__isnull=True) | Q(sequence__isnull=False), name="entry_reference_has_sequence"
            ),
            models.CheckConstraint(
                condition=Q(status=EntryStatus.DRAFT) | Q(reference__isnull=False),
                name="entry_beyond_draft_has_reference",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "category", "status"], name="entry_limit_idx")]

    def __str__(self) -> str:
        return self.reference or self.title_en or str(_("Untitled entry"))

    @property
    def deadline(self) -> datetime:
        """The applications deadline, or this entry's extension when later."""
        close = self.cycle.applications_close_at
        return max(close, self.extended_until) if self.extended_until else close

    def is_open(self, now: datetime) -> bool:
        """Whether the applicant may still change and submit it at ``now``."""
        return self.status in EDITABLE_STATUSES and now < self.deadline


class Answer(models.Model):
    """The applicant's answer to one configured question (JSON: text, number,
    ISO date, URL, or a list of choice codes)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("answer"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["entry", "question"], name="answer_unique_per_question")]

    def __str__(self) -> str:
        return f"{self.entry} · {self.question.code}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A generated storage name: nothing of the uploaded name reaches storage."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"entries/{instance.entry_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    thumbnail = models.FileField(_("thumbnail"), upload_to=attachment_path, max_length=200, blank=True)
    original_name = models.CharField(
        _("original name"), max_length=255, help_text=_("Shown only; never used as a path.")
    )
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    identifying = models.BooleanField(_("identifies the applicant"), default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # Only a checked file is shown, downloaded or submitted (prize_portal/files/pdfs.py).
    status = models.CharField(
        _("check"), max_length=10, choices=AttachmentStatus.choices, default=AttachmentStatus.CHECKING
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    # Why a file was refused (a code of prize_portal.files.pdfs.REFUSALS) …
    refusal = models.CharField(_("reason refused"), max_length=20, blank=True)
    # … or what was taken out of it (codes of REMOVED_KINDS).
    removed = models.JSONField(_("active content removed"), default=list, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="attachment_not_empty"),
            # A refused file is not kept: only its row, to tell the applicant why.
            models.CheckConstraint(
                condition=~Q(status=AttachmentStatus.REFUSED) | Q(file=""), name="attachment_refused_not_stored"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"file #{self.pk} of entry #{self.entry_id}"

    @property
    def is_clean(self) -> bool:
        return self.status == AttachmentStatus.CLEAN


def submission_pdf_path(instance: "Submission", filename: str) -> str:
    return f"entries/{instance.entry_id}/pdf/{uuid.uuid4().hex}.pdf"


class Submission(models.Model):
    """What was submitted, frozen: the entry's text, answers and attachment list
    at one submit. Judges read the last one made before the deadline."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveIntegerField(_("version submitted"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    content = models.JSONField(_("content"))
    # The whole entry as a PDF, rendered after commit by a Celery task.
    pdf = models.FileField(_("PDF of the entry"), upload_to=submission_pdf_path, max_length=200, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="submission_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="submission_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} #{self.number}"


class ReferenceCounter(models.Model):
    """The last sequence number given in a category; locked while one is taken,
    so numbers have no gaps and no duplicates under concurrent submits."""

    category = models.OneToOneField(Category, on_delete=models.CASCADE, related_name="reference_counter")
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(last__gte=0), name="reference_counter_non_negative")]

    def __str__(self) -> str:
        return f"{self.category}: {self.last}"


class Invitation(models.Model):
    """The owner's invitation to a collaborator, by e-mail; the secret token in
    the link lets the person with that address join the entry once."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "email"], condition=Q(accepted_at__isnull=True), name="invitation_one_open_per_email"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.entry}"

    def audit_label(self) -> str:
        """The audit trail's name for it (no person's name or address)."""
        return f"invitation #{self.pk} to entry #{self.entry_id}"
