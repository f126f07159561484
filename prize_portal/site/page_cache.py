"""Whole public pages kept in two levels of cache: a small copy in each web
process's memory, then Django's shared cache. Visitors who are not signed in
(and have no message waiting) get the whole page; a signed-in visitor gets the
cached parts around their own header, which no one else ever sees.

The key is the caller's: it must name everything the page depends on (for
the winners pages, the publication's id, version and time), so that a change
makes a new key instead of waiting for an entry to expire. The parts are
rendered without the request, so nothing of a visitor can reach the cache.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe

# Short, so that a withdrawal reaches browsers and proxies within a minute.
LIVE_MAX_AGE = 60
# A new key changes at once; this only bounds how long a correction made
# without a new key (a citation's typo) takes to show.
CONTENT_CACHE_SECONDS = 15 * 60
# Whole pages each web process keeps in memory (a few per edition and language).
LOCAL_PAGES = 128
LOCAL_PAGE_SECONDS = 60
_LOCAL_PAGES: OrderedDict[str, tuple[float, str]] = OrderedDict()
_LOCAL_LOCK = threading.Lock()


def shareable(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    # A signed-in visitor's header lists their own pages: only their browser may keep it.
    scope = "private" if request.user.is_authenticated else "public"
    response["Cache-Control"] = f"{scope}, max-age={LIVE_MAX_AGE}"
    patch_vary_headers(response, ["Cookie"])
    return response


def clear_local_pages() -> None:
    """Forget this process's copies (the tests' cache.clear() for the first level)."""
    with _LOCAL_LOCK:
        _LOCAL_PAGES.clear()


def _local_page(key: str, html: str | None = None) -> str | None:
    """A small per-process copy of whole pages, kept LOCAL_PAGE_SECONDS. A key
    names one version of one publication; what changes without a new version
    (a judge's consent, a corrected citation) shows within that time here, and
    within CONTENT_CACHE_SECONDS in the shared cache."""
    now = time.monotonic()
    with _LOCAL_LOCK:
        if html is not None:
            _LOCAL_PAGES[key] = (now + LOCAL_PAGE_SECONDS, html)
            while len(_LOCAL_PAGES) > LOCAL_PAGES:
                _LOCAL_PAGES.popitem(last=False)
            return html
        found = _LOCAL_PAGES.get(key)
        if found is None or found[0] < now:
            _LOCAL_PAGES.pop(key, None)
            return None
        _LOCAL_PAGES.move_to_end(key)
        return found[1]


def cached_page(request: HttpRequest, *, key: str, template: str, build: Callable[[], dict[str, Any]]) -> HttpResponse:
    """The page under ``key``: whole from the cache for visitors who are not
    signed in, else ``template`` rendered around the cached parts (``head``
    and ``main`` are HTML; ``build`` makes the parts when they are missing)."""
    shared = not request.user.is_authenticated and not len(messages.get_messages(request))
    if shared:
        html = _local_page(key)
        if html is None:
            html = cache.get(f"{key}:page")
            if html is not None:
                _local_page(key, html)
        if html is not None:
            return shareable(request, HttpResponse(html))
    parts = cache.get(key)
    if parts is None:
        parts = build()
        cache.set(key, parts, CONTENT_CACHE_SECONDS)
    page_parts = {
        **parts,
        # Our own templates' output, escaped when it was rendered.
        "head": mark_safe(parts["head"]),  # noqa: S308
        "main": mark_safe(parts["main"]),  # noqa: S308
    }
    response = render(request, template, {"page": page_parts})
    if shared:  # the same for every such visitor: no token, no name, no message
        html = response.content.decode()
        cache.set(f"{key}:page", html, CONTENT_CACHE_SECONDS)
        _local_page(key, html)
    return shareable(request, response)
