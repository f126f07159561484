from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .rules import requires_mfa

# Pages a judge or staff member without TOTP may still open: signing in and out,
# setting up MFA, choosing a language, the load balancer's health check.
ALLOWED_URL_NAMES = {"set_language", "health"}
ALLOWED_URL_PREFIXES = ("account_", "mfa_")


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
        url_name = match.url_name if match else None
        if url_name and (url_name in ALLOWED_URL_NAMES or url_name.startswith(ALLOWED_URL_PREFIXES)):
            return None
        if request.path.startswith(("/static/", "/media/")):
            return None
        from allauth.mfa.models import Authenticator

        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(
            request,
            _("Your role needs two-factor authentication. Set up an authenticator app to continue."),
        )
        return redirect("mfa_activate_totp")
