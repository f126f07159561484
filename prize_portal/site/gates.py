"""A page gate: middleware that sends a signed-in person somewhere first
(setting up MFA, answering the privacy texts) before the page they asked
for, except on the pages they need to get through the gate."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme

# Pages every gate lets through: allauth's own (signing in and out, MFA),
# choosing a language, the health check, an unsubscribe link (it acts by its
# token, not the session), and files.
ALLOWED_URL_NAMES = frozenset({"set_language", "health", "unsubscribe"})
ALLOWED_VIEW_MODULES = ("allauth.",)


class PageGate:
    """Subclasses say who is stopped (``gate``) and may let more pages
    through (``allowed_namespaces``); ``gate`` returns the response to send
    instead of the page, or None."""

    allowed_namespaces: frozenset[str] = frozenset()

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def lets_through(self, request: HttpRequest, view_func: Any) -> bool:
        if request.path.startswith(("/static/", "/media/")):
            return True
        match = request.resolver_match
        if match is None:
            return True
        if match.url_name in ALLOWED_URL_NAMES or self.allowed_namespaces.intersection(match.namespaces):
            return True
        return str(getattr(view_func, "__module__", "")).startswith(ALLOWED_VIEW_MODULES)

    def gate(self, request: HttpRequest) -> HttpResponse | None:
        raise NotImplementedError

    def process_view(self, request: HttpRequest, view_func: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        if not request.user.is_authenticated or self.lets_through(request, view_func):
            return None
        return self.gate(request)


def next_url(request: HttpRequest) -> str:
    """Where to go back to once through a gate: the request's ``next`` (POST, then GET), only when it stays on
    this site; "" otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return ""
