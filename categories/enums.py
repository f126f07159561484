from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    CITY = "city", _("City or local government")
    CORPORATION = "corporation", _("Corporation")
    INSTITUTION = "institution", _("Institution")
    INDIVIDUAL = "individual", _("Individual")


class CycleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (hidden from the public)")
    ANNOUNCED = "announced", _("Announced")
    ARCHIVED = "archived", _("Archived")


class CyclePhase(models.TextChoices):
    """Where a cycle stands at a moment, derived from its dates."""

    UPCOMING = "upcoming", _("Opening soon")
    OPEN = "open", _("Accepting applications")
    JUDGING = "judging", _("Applications closed, judging")
    CONCLUDED = "concluded", _("Concluded")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    URL = "url", _("Web address")
    VIDEO = "video", _("Video link (YouTube or Vimeo)")
    DATE = "date", _("Date")
    FILE = "file", _("File")


CHOICE_KINDS = frozenset({QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE})
