"""Requests of signed-in people, for the type checker: a view behind a
sign-in check (``login_required``, ``page_for``) takes an
``AuthenticatedRequest``, whose ``user`` is the portal's ``User`` and never
the anonymous one; admin code, whose signatures Django fixes, asks
:func:`signed_in_user`."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from prize_portal.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, who has signed in (PermissionDenied otherwise)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


# Whoever a permission predicate is asked about: signed in or not.
AnyUser = User | AnonymousUser
