from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from prize_portal.privacy.enums import ConsentSource
from prize_portal.privacy.selectors import current_texts
from prize_portal.privacy.services.consents import consents_record

from .forms import ProfileForm
from .language import set_language_cookie
from .services import user_set_language, user_update_profile
from .unsubscribe import user_for_unsubscribe_token


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on the
    profile of a signed-in user (their e-mails follow it)."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(user=request.user, language=language)
    return django_set_language(request)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {
        "name": user.name,  # type: ignore[union-attr]
        "language": user.language,  # type: ignore[union-attr]
        "time_zone": user.time_zone,  # type: ignore[union-attr]
        "reminder_emails": user.reminder_emails,  # type: ignore[union-attr]
    }
    asks_reminders = "reminder-emails" in current_texts()
    form = ProfileForm(request.POST or None, initial=initial, asks_reminders=asks_reminders)
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=user, **form.cleaned_data)  # type: ignore[arg-type]
        language = form.cleaned_data["language"]
        target = translate_url(request.path, language)
        with translation.override(language):
            messages.success(request, _("Your profile has been saved."))
        response = redirect(target)
        set_language_cookie(response, language)
        return response
    return render(request, "accounts/profile.html", {"form": form})


# Exempt from CSRF: the signed token is the only credential, and mail clients
# send RFC 8058's one-click POST (body "List-Unsubscribe=One-Click") without a
# CSRF token or cookie. A forged request would need the token itself.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Turn off reminder e-mails from a link in one. GET only asks (link
    scanners open links); POST, from the page's button or a mail client's
    one-click unsubscribe, does it."""
    account = user_for_unsubscribe_token(token)
    if account is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        consents_record(user=account, answers={"reminder-emails": False}, source=ConsentSource.UNSUBSCRIBE)
    return render(request, "accounts/unsubscribe.html", {"account": account, "done": done})
