import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

# Letters and digits that cannot be misread for one another.
_PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_pseudonym() -> str:
    """A stable id for a person that says nothing about them (P-XXXXXXXXXX)."""
    return "P-" + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(10))


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person with an account: applicant, judge, chair or staff (see roles.py).

    Signs in by e-mail address; names are kept as the person writes them
    (one field, since many of our applicants' names do not split in two).
    """

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    # How the audit trail (and anything else that must outlive the person's
    # name) names them: resolved for display while the account exists, and
    # meaningless once it is erased.
    pseudonym = models.CharField(
        _("pseudonymous id"), max_length=12, unique=True, default=new_pseudonym, editable=False
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Pages open in this language after you sign in, and e-mails to you are written in it."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("E-mails give times in Seoul and in this time zone. Empty: your country's."),
    )
    # The current answers to three consent items (prize_portal.privacy keeps
    # every answer; only its service writes these). Only non-essential mail
    # (prize_portal.outbox.preferences) follows reminder_emails.
    reminder_emails = models.BooleanField(
        _("reminder e-mails"),
        default=True,
        help_text=_("Reminders before deadlines. E-mails about your account, receipts and results are always sent."),
    )
    # Until the person answers (an account older than the consent record), entries stay readable abroad.
    transfer_abroad = models.BooleanField(_("entries may be read by committee members outside Korea"), default=True)
    share_with_training = models.BooleanField(_("shared with the training course provider"), default=False)
    # The person asked to stop processing their data for now (privacy request):
    # no e-mails but their account's own, no new rounds, no new assignments.
    processing_restricted = models.BooleanField(_("processing restricted"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name or self.email
