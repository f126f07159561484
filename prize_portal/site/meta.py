"""What a public page's head tells search engines and the sites it is shared
on (templates/site/_meta.html): a description, the canonical address, the same
page in each language with x-default, and the Open Graph and Twitter cards with
a share image — a winner's photo where the page has one, else the prize's card
(static/img/share-default.png, made by scripts/share_image.py).

Every address is absolute on SITE_URL. x-default is the address without a
language, as in the sitemap: it sends each visitor on to their language."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

# Open Graph names a locale by language and region.
OG_LOCALES = {"en": "en_GB", "ko": "ko_KR", "ja": "ja_JP", "zh-hans": "zh_CN", "es": "es_ES", "fr": "fr_FR"}

DEFAULT_IMAGE = "img/share-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)

# Search engines show about this much of a description.
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Alternate:
    code: str
    url: str


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    url: str
    alternates: tuple[Alternate, ...]
    default_url: str
    image: ShareImage
    locale: str
    locale_alternates: tuple[str, ...]


def absolute(url: str) -> str:
    """The address on SITE_URL (one already absolute, as a CDN's, unchanged)."""
    return url if urlsplit(url).scheme else settings.SITE_URL + url


def site_title(page: str) -> str:
    """A page's title followed by the prize's name, as the browser's title bar shows it."""
    return f"{page} · {_('Seoul Smart City Prize')}"


def summary(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Plain text of at most ``length`` characters: markup stripped, spaces
    collapsed, cut at a word where the text has spaces between words."""
    text = " ".join(strip_tags(text).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    before_space, space, _after = cut.rpartition(" ")
    if space and len(before_space) > length * 3 // 4:
        cut = before_space
    return cut.rstrip(" ,;:.\u00b7\u3001\uff0c\u3002") + "…"  # no dangling punctuation, Latin or CJK


def default_image() -> ShareImage:
    width, height = DEFAULT_IMAGE_SIZE
    return ShareImage(
        url=absolute(static(DEFAULT_IMAGE)),
        alt=_(
            "The Seoul Smart City Prize logo, a sun rising behind the Seoul skyline, "
            "with the prize's name in English and Korean"
        ),
        width=width,
        height=height,
    )


def page_meta_for(
    view_name: str,
    *,
    args: Sequence[Any] = (),
    kwargs: dict[str, Any] | None = None,
    title: str,
    description: str,
    image: ShareImage | None = None,
) -> PageMeta:
    """The head of the page at ``view_name``, in the active language. For
    pages built without a request, such as the page cache's."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    alternates = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            alternates.append(Alternate(code=code, url=absolute(reverse(view_name, args=args, kwargs=kwargs))))
    with translation.override(settings.LANGUAGE_CODE):
        default_path = reverse(view_name, args=args, kwargs=kwargs).replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
    return PageMeta(
        title=title,
        description=summary(description),
        url=absolute(reverse(view_name, args=args, kwargs=kwargs)),
        alternates=tuple(alternates),
        default_url=absolute(default_path),
        image=image or default_image(),
        locale=OG_LOCALES.get(language, OG_LOCALES[settings.LANGUAGE_CODE]),
        locale_alternates=tuple(locale for code, locale in OG_LOCALES.items() if code != language),
    )


def page_meta(request: HttpRequest, *, title: str, description: str, image: ShareImage | None = None) -> PageMeta:
    """The head of the page the request asked for, in the active language."""
    match = request.resolver_match
    if match is None:
        raise ValueError("page_meta() needs a request that has been resolved to a view")
    return page_meta_for(
        match.view_name, args=match.args, kwargs=match.kwargs, title=title, description=description, image=image
    )
