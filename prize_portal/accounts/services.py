from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from prize_portal.privacy.enums import ConsentRole, ConsentSource
from prize_portal.privacy.services.consents import consents_record
from prize_portal.site.zones import zone_names

from .models import User
from .roles import ADMIN_ROLES, GROUP_NAMES, Role


def _check_language(language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    if language not in codes:
        raise ValueError(f"Unknown language {language!r}")
    return language


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    """Remember the interface and e-mail language a signed-in user chose."""
    user.language = _check_language(language)
    user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_update_profile(
    *, user: User, name: str, language: str, time_zone: str = "", reminder_emails: bool | None = None
) -> User:
    """Save the profile; ``reminder_emails`` (when the form asks it) is the
    answer to the "reminder-emails" consent item."""
    user.name = name.strip()
    user.language = _check_language(language)
    user.time_zone = time_zone if time_zone in zone_names() else ""
    user.full_clean(exclude=["password"])
    user.save(update_fields=["name", "language", "time_zone"])
    if reminder_emails is not None:
        consents_record(user=user, answers={"reminder-emails": reminder_emails}, source=ConsentSource.PROFILE)
    return user


@transaction.atomic
def user_complete_sign_up(*, user: User, language: str, consents: Mapping[str, bool] | None = None) -> User:
    """A new account: an applicant, in the language they signed up in, with
    their answers to the notice and the applicant's consent items."""
    user.language = _check_language(language)
    user.save(update_fields=["language"])
    user_grant_role(user=user, role=Role.APPLICANT)
    if consents:
        consents_record(user=user, answers=consents, source=ConsentSource.SIGN_UP, role=ConsentRole.APPLICANT)
    return user


@transaction.atomic
def user_grant_role(*, user: User, role: Role) -> User:
    """Add a role; staff also get access to Django admin."""
    group, _created = Group.objects.get_or_create(name=GROUP_NAMES[role])
    user.groups.add(group)
    if role in ADMIN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_portal_roles", None)
    return user


@transaction.atomic
def user_create_verified(*, email: str, password: str, name: str = "", language: str = "en", role: Role) -> User:
    """Create a user whose address is already confirmed (invitations, demo data)."""
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(email=email, password=password, name=name, language=_check_language(language))
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user_grant_role(user=user, role=role)
