from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from prize_portal.audit.services import audit_record

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
def user_update_profile(*, user: User, name: str, language: str, reminder_emails: bool) -> User:
    user.name = name.strip()
    user.language = _check_language(language)
    user.full_clean(exclude=["password"])
    user.save(update_fields=["name", "language"])
    user_set_reminder_emails(user=user, enabled=reminder_emails, actor=user, via="profile")
    return user


@transaction.atomic
def user_set_reminder_emails(*, user: User, enabled: bool, actor: User | None, via: str) -> bool:
    """Turn the user's non-essential e-mails on or off, from the profile or an
    unsubscribe link (``via``). Idempotent: only a change is saved and
    audited. Returns whether anything changed."""
    # Locked: a double click or a mail client's retry audits one change only.
    current = User.objects.select_for_update().values_list("reminder_emails", flat=True).get(pk=user.pk)
    user.reminder_emails = current
    if current == enabled:
        return False
    user.reminder_emails = enabled
    user.save(update_fields=["reminder_emails"])
    audit_record(
        actor=actor,
        action="user.reminder_emails",
        target=user,
        before={"reminder_emails": not enabled},
        after={"reminder_emails": enabled, "via": via},
    )
    return True


@transaction.atomic
def user_complete_sign_up(*, user: User, language: str) -> User:
    """A new account: an applicant, in the language they signed up in."""
    user.language = _check_language(language)
    user.save(update_fields=["language"])
    return user_grant_role(user=user, role=Role.APPLICANT)


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
