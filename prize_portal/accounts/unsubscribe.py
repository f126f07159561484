"""Signed unsubscribe links: whoever holds one may turn off the reminder
e-mails of one account, and nothing else.

The token is the user id signed with SECRET_KEY under a salt of its own (so no
other signed value of the site passes for it). It does not expire: a link in
an old reminder must still work.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import User

SALT = "prize_portal.accounts.unsubscribe"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def unsubscribe_token(user: User) -> str:
    return _signer().sign(str(user.pk))


def unsubscribe_url(user: User, language: str) -> str:
    """The absolute link, in ``language`` (the message's)."""
    with translation.override(language):
        return settings.SITE_URL + reverse("unsubscribe", args=[unsubscribe_token(user)])


def user_for_unsubscribe_token(token: str) -> User | None:
    """The active user the token was made for, or None for a forged,
    altered or outdated one."""
    try:
        user_id = int(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()
