import time
from datetime import UTC, datetime
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter

# allauth keeps how and when this session authenticated; no public accessor yet.
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.models import Authenticator
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from prize_portal.outbox.services import outbox_enqueue

from .language import set_language_cookie
from .models import User
from .services import user_complete_sign_up


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _setting_up_after_signing_in(request: HttpRequest | None) -> bool:
    """Whether this session signed in within allauth's reauthentication window
    and every authenticator the user has was set up since (allauth's own
    records of how and when this session authenticated)."""
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if not records:
        return False
    signed_in_at = float(records[-1]["at"])
    if time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT:
        return False
    since = datetime.fromtimestamp(signed_in_at, tz=UTC)
    return not Authenticator.objects.filter(user=user, created_at__lt=since).exists()


class AccountAdapter(DefaultAccountAdapter):
    """allauth glue: every account e-mail goes through the outbox, in the
    recipient's language; new users become applicants in the language they
    signed up in."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        user = context.get("user")
        if not isinstance(user, User):
            user = User.objects.filter(email__iexact=email).first()
        # Objects are reloaded when the message is rendered (the user by id);
        # everything else is kept as JSON so the worker can render it later.
        stored: dict[str, Any] = {
            key: _json_safe(value)
            for key, value in context.items()
            if key not in {"user", "request", "current_site", "emailconfirmation"}
        }
        language = user.language if user else (translation.get_language() or "en")
        outbox_enqueue(to=email, template=template_prefix, language=language, context=stored, user=user)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """The key failed sign-ins are counted under: the address and the
        client together, so that failures from elsewhere never lock the
        owner of the address out (allauth counts by address alone). Each
        client is still held to its own limit per address and overall."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"

    def format_email_subject(self, subject: str) -> str:
        return _("[Seoul Smart City Prize] %(subject)s") % {"subject": subject}

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            current = translation.get_supported_language_variant(translation.get_language() or "en")
            answers = form.consent_answers() if hasattr(form, "consent_answers") else {}
            user_complete_sign_up(user=user, language=current, consents=answers)
        return user

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> Any:
        response = super().post_login(request, user, **kwargs)
        if response is not None and user.language:
            set_language_cookie(response, user.language)
        return response

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Setting up the first authenticator (and its recovery codes) right
        after signing in asks for no password again: the sign-in a moment ago
        is the proof (judges, chairs and staff are sent there by the first page
        they open). Changing authenticators set up before this sign-in, or
        after the window, still asks for it."""
        if app == "allauth.mfa" and _setting_up_after_signing_in(context.request):
            return False
        return bool(super().is_reauthentication_required(app=app, **kwargs))

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "language", None)
        if language:
            url = translate_url(url, language)
        return url
