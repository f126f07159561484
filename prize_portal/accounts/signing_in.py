"""Signing a person in from the portal's own pages (not allauth's)."""

from allauth.account.internal.flows.login import record_authentication
from django.contrib.auth import login
from django.http import HttpRequest

from .models import User

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def sign_in_with_new_password(request: HttpRequest, user: User) -> None:
    """Sign in someone who has just chosen their password on a portal page (a
    judge accepting an invitation). The password is recorded as this
    session's sign-in, as allauth records its own, so that setting up the
    authenticator next does not ask for the same password again."""
    login(request, user, backend=SIGN_IN_BACKEND)
    record_authentication(request, user, method="password", email=user.email)
