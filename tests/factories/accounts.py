"""People: users built through the real account service, and their TOTP."""

from __future__ import annotations

from typing import Any

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified

PASSWORD = "correct-horse-battery-9"


def make_user(role: Role = Role.APPLICANT, *, email: str | None = None, language: str = "en", **extra: Any) -> User:
    email = email or f"{role.value}-{User.objects.count() + 1}@example.org"
    user = user_create_verified(email=email, password=PASSWORD, language=language, role=role, **extra)
    return user


def give_totp(user: User) -> str:
    """Activate a TOTP authenticator for ``user`` and return its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def answer_consents(user: User, *, optional: bool = True) -> None:
    """The person answers every current text of their roles: required ones
    given, optional ones ``optional`` (nothing while no text is published)."""
    from prize_portal.privacy.services.consents import consents_seed

    consents_seed(user=user, optional=optional)


def set_reminders(user: User, enabled: bool) -> None:
    """Answer the "reminder-emails" consent item, as the profile page does."""
    from prize_portal.privacy.enums import ConsentSource
    from prize_portal.privacy.services.consents import consents_record

    consents_record(user=user, answers={"reminder-emails": enabled}, source=ConsentSource.PROFILE)
