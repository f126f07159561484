"""A signed-in person whose consents are due (a new notice version, an item
of a role they have just taken, a required item never given) answers them
before any private page opens (their entries, judging, staff pages, their
account); public pages and the notice stay open.

The full check runs at sign-in and whenever staff publish a text: its result
is kept in the session under the generation of published texts, so a page
costs no query in between. A role taken during a session is asked where it
starts (sign-up, an invitation accepted), not here."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from prize_portal.site.areas import PRIVATE_PATHS
from prize_portal.site.gates import PageGate

from .selectors import NO_TEXTS, consents_due, texts_generation

SESSION_KEY = "privacy_ok"

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _private_area(path: str) -> bool:
    """Whether the path is in a private area (public pages never ask)."""
    parts = path.lstrip("/").split("/", 1)
    rest = parts[1] if len(parts) == 2 and parts[0] in LANGUAGE_CODES else path.lstrip("/")
    return rest.startswith(PRIVATE_PATHS)


class ConsentsDueMiddleware(PageGate):
    """Send a signed-in person to the consents page while answers are due
    (the privacy pages, and the pages every gate lets through, stay open)."""

    allowed_namespaces = frozenset({"privacy"})

    def lets_through(self, request: HttpRequest, view_func: Any) -> bool:
        return not _private_area(request.path) or super().lets_through(request, view_func)

    def gate(self, request: HttpRequest) -> HttpResponse | None:
        generation = texts_generation()
        if generation in (NO_TEXTS, request.session.get(SESSION_KEY)):
            return None
        if consents_due(request.user):  # type: ignore[arg-type]
            url = reverse("privacy:consents")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        request.session[SESSION_KEY] = generation
        return None


def consents_checked(request: HttpRequest, user: Any) -> None:
    """Remember that the person has nothing due (after they answered, or at sign-in)."""
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = texts_generation()


@receiver(user_logged_in, dispatch_uid="privacy-consents-at-sign-in")
def _check_at_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    generation = texts_generation()
    if generation == NO_TEXTS or not consents_due(user):
        request.session[SESSION_KEY] = generation
