"""Documents rendered to PDF with WeasyPrint, in a sandbox: the HTML may
fetch nothing but our own static files (and ``data:`` URLs), so a document
can never make a web or worker process reach the network or read other local
files. The entry PDF and the certificates both render through
:func:`html_to_pdf`; the language helpers give their ``lang`` attributes.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils._os import safe_join

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher


class RefusedURLError(ValueError):
    """WeasyPrint asked for something other than one of our static files."""


def _site_origin() -> str:
    parts = urlsplit(settings.SITE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def base_url() -> str:
    """What relative URLs in the PDF's HTML resolve against."""
    return f"{_site_origin()}/"


def static_file_for(url: str) -> Path:
    """The file on disk behind one of our static URLs, or RefusedURLError.

    Accepted: ``/static/<path>`` alone or on our own site's origin, or on
    STATIC_URL when that is absolute (a CDN). The file is read from disk
    (staticfiles finders, then STATIC_ROOT); nothing is fetched over a network.
    """
    parts = urlsplit(url)
    static = urlsplit(settings.STATIC_URL)
    origin = f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme or parts.netloc else ""
    allowed_origins = {"", _site_origin().lower()}
    if static.netloc:
        allowed_origins.add(f"{static.scheme}://{static.netloc}".lower())
    if origin not in allowed_origins or parts.query or parts.username:
        raise RefusedURLError(f"Only our static files may be fetched, not {url!r}")
    path = unquote(parts.path)
    if not path.startswith(static.path) or "\\" in path or "\x00" in path:
        raise RefusedURLError(f"Only our static files may be fetched, not {url!r}")
    relative = path[len(static.path) :]
    if not relative or any(segment in ("", ".", "..") for segment in relative.split("/")):
        raise RefusedURLError(f"Not a static file path: {url!r}")
    found = finders.find(relative)
    if isinstance(found, list):  # find(all=True) shape; not asked for, but typed so
        found = found[0] if found else None
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        candidate = Path(safe_join(str(settings.STATIC_ROOT), relative))
        if candidate.is_file():
            return candidate
    raise RefusedURLError(f"No such static file: {url!r}")


def static_url_fetcher() -> URLFetcher:
    """A WeasyPrint URL fetcher serving only our static files and ``data:``.

    Any other URL (http(s) elsewhere, file://, ftp://, …) is refused, and a
    refusal or a missing file stops the rendering: a PDF is never stored
    without its stylesheet.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = static_file_for(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return StaticOnlyURLFetcher(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=True)


def bcp47_lang(code: str | None) -> str:
    """An HTML lang value (BCP 47) for one of Django's language codes."""
    code = (code or "en").lower()
    language, _sep, rest = code.partition("-")
    if rest in ("hans", "hant"):
        return f"{language}-{rest.title()}"
    return f"{language}-{rest.upper()}" if rest else language


def language_name(code: str) -> str:
    """A language's name in the reader's language (Django's catalogues)."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``, its relative URLs resolved against the site and
    fetched only through :func:`static_url_fetcher`."""
    from weasyprint import HTML  # slow to import: only where a PDF is made

    document = HTML(string=html, base_url=base_url(), url_fetcher=static_url_fetcher())
    pdf = document.write_pdf()
    assert pdf is not None  # without a target, write_pdf returns the bytes
    return bytes(pdf)
