from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.messages.storage.base import BaseStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .rules import requires_mfa

# Pages a judge or staff member without TOTP may still open: allauth's own pages
# (signing in and out, setting up MFA), choosing a language, the health check,
# an unsubscribe link (it acts by its token, not the session).
ALLOWED_URL_NAMES = {"set_language", "health", "unsubscribe"}
ALLOWED_VIEW_MODULES = ("allauth.",)


class RequireMFAMiddleware:
    """Send judges, chairs and staff to set up TOTP before any other page opens."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not requires_mfa(user):
            return None
        match = request.resolver_match
        if match and (match.url_name in ALLOWED_URL_NAMES or view_func.__module__.startswith(ALLOWED_VIEW_MODULES)):
            return None
        if request.path.startswith(("/static/", "/media/")):
            return None
        from allauth.mfa.models import Authenticator

        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        text = _("Your role needs two-factor authentication. Set up an authenticator app to continue.")
        queued = messages.get_messages(request)
        already = any(str(message) == text for message in queued)
        if isinstance(queued, BaseStorage):
            queued.used = False  # looking must not consume the messages
        if not already:
            messages.warning(request, text)
        return redirect("mfa_activate_totp")
