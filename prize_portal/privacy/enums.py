from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TextKind(models.TextChoices):
    """Kinds of versioned text a person accepts."""

    NOTICE = "notice", _("Privacy notice")
    CONSENT = "consent", _("Consent item")
    DECLARATION = "declaration", _("Declaration")


class ConsentRole(models.TextChoices):
    """The role a person takes when they are asked: each asks its own items."""

    APPLICANT = "applicant", _("Applicant")
    COLLABORATOR = "collaborator", _("Collaborator on an entry")
    JUDGE = "judge", _("Judge")
    DELEGATE = "delegate", _("Delegate to the event")
    NOMINEE = "nominee", _("Nominee")
    # Staff work under contract, not consent: they confirm the notice only.
    STAFF = "staff", _("Secretariat staff")


class ConsentSource(models.TextChoices):
    """Where an answer was given."""

    SIGN_UP = "sign_up", _("Sign-up")
    INVITATION = "invitation", _("Invitation")
    CONSENTS_PAGE = "consents_page", _("Privacy page")
    PROFILE = "profile", _("Profile")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribe link")
    SEED = "seed", _("Demo data")


class ExportStatus(models.TextChoices):
    """A data download: asked for, built and ready, failed, or expired (its file deleted)."""

    REQUESTED = "requested", _("Being prepared")
    READY = "ready", _("Ready to download")
    FAILED = "failed", _("Could not be prepared")
    EXPIRED = "expired", _("Expired")


class RequestKind(models.TextChoices):
    """What a person asks the secretariat about their data."""

    CORRECTION = "correction", _("Correct data I cannot edit myself")
    RESTRICTION = "restriction", _("Stop processing my data for now")
    ERASURE = "erasure", _("Delete my account and my data")
    OTHER = "other", _("Another question about my data")


class RequestStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("privacy request", "Awaiting an answer")
    DONE = "done", pgettext_lazy("privacy request", "Done")
    REFUSED = "refused", pgettext_lazy("privacy request", "Refused")
    WITHDRAWN = "withdrawn", pgettext_lazy("privacy request", "Withdrawn")


class ErasureMode(models.TextChoices):
    """How an erasure treats judging already closed, as the law allows."""

    FULL = "full", _("Full erasure: reviews and assignments go too")
    KEEP_CLOSED = "keep_closed", _("Keep closed cycles intact: their reviews stay, with the person anonymised")
