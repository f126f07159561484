from django.contrib import messages
from django.contrib.messages.storage.base import BaseStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from prize_portal.site.gates import PageGate

from .rules import requires_mfa


class RequireMFAMiddleware(PageGate):
    """Send judges, chairs and staff to set up TOTP before any other page opens."""

    def gate(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not requires_mfa(user):
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
