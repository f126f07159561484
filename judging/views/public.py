"""The public winners pages: past editions, an edition's winners, its
committee, and their photos. Before an edition's embargo ends, after a
withdrawal, or without a publication, every one of its addresses answers the
site's normal 404, which no cache stores and no search engine indexes.

The edition and committee pages come from the page cache
(prize_portal/site/page_cache.py) under the publication's version: publishing
or withdrawing raises the version, so an earlier state is never served again,
and the publication is read on every request before anything cached is used."""

from collections.abc import Callable
from functools import wraps
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from judging.models import Publication
from judging.selectors import winners as public_selectors
from judging.views.account import PHOTO_CONTENT_TYPES
from prize_portal.files.downloads import file_response
from prize_portal.site.meta import ShareImage, absolute, page_meta, page_meta_for, site_title
from prize_portal.site.page_cache import cached_page, shareable

View = Callable[..., HttpResponseBase]


def public_page(view: View) -> View:
    """Anything not public is the site's 404, never stored nor indexed."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except Http404 as exception:
            response = page_not_found(request, exception)
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
            return response

    return wrapped


def _languages(url_name: str, *args: Any) -> list[dict[str, Any]]:
    """The same page in each language, for the header's language links."""
    current = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse(url_name, args=args)
        languages.append(
            {"code": code, "name": get_language_info(code)["name_local"], "url": url, "current": code == current}
        )
    return languages


def _render_parts(template: str, context: dict[str, Any], languages: list[dict[str, Any]]) -> dict[str, Any]:
    # Rendered without the request, so nothing of the visitor can reach the cache.
    return {
        "title": context["meta"].title,
        "head": render_to_string("judging/public/_head.html", context),
        "main": render_to_string(template, context),
        "languages": languages,
    }


def _cached_page(
    request: HttpRequest, year: int, page: str, build: Callable[[Publication], dict[str, Any]]
) -> HttpResponse:
    """The page from the page cache, under a key naming this publication's
    state. Whether the results are public is read from the database every time."""
    live = public_selectors.live_version(year=year)
    key = public_selectors.winners_page_key(year=year, page=page, language=translation.get_language(), live=live)
    return cached_page(
        request,
        key=key,
        template="judging/public/page.html",
        build=lambda: build(public_selectors.publication_live(year=year)),
    )


def _edition_parts(publication: Publication) -> dict[str, str]:
    cycle = publication.cycle
    edition = public_selectors.edition_winners(cycle=cycle)
    first = edition.first_photo
    count = len(edition.winners)
    image = None
    if first:
        image = ShareImage(
            url=absolute(reverse("judging_public:winner_photo", args=[cycle.year, first.award.pk])),
            alt=_("Photo from “%(title)s” by %(organisation)s")
            % {"title": first.entry.title_en, "organisation": first.entry.organisation.name_en},
        )
    meta = page_meta_for(
        "judging_public:edition",
        args=[cycle.year],
        title=_("Winners of %(name)s") % {"name": cycle.name},
        description=ngettext(
            "The winner of %(name)s, with the committee's citation.",
            "The %(count)d winners of %(name)s, with the committee's citations.",
            count,
        )
        % {"count": count, "name": cycle.name},
        image=image,
    )
    context = {"cycle": cycle, "edition": edition, "meta": meta}
    return _render_parts("judging/public/_edition.html", context, _languages("judging_public:edition", cycle.year))


def _committee_parts(publication: Publication) -> dict[str, str]:
    cycle = publication.cycle
    meta = page_meta_for(
        "judging_public:committee",
        args=[cycle.year],
        title=_("Committee of %(name)s") % {"name": cycle.name},
        description=_("The members of the advisory committee who judged %(name)s.") % {"name": cycle.name},
    )
    members = public_selectors.committee_public(cycle=cycle)
    context = {"cycle": cycle, "members": members, "meta": meta}
    return _render_parts("judging/public/_committee.html", context, _languages("judging_public:committee", cycle.year))


def _across_editions(request: HttpRequest, template: str, title: str, description: str, **context: Any) -> HttpResponse:
    """A page about every public edition (not cached: it reads little), shareable."""
    # The template puts meta.title in <title> too.
    meta = page_meta(request, title=site_title(title), description=description)
    return shareable(request, render(request, template, {**context, "meta": meta}))


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _across_editions(
        request,
        "judging/public/index.html",
        _("Winners"),
        _("The winners of every edition of the Seoul Smart City Prize."),
        editions=public_selectors.editions_live(),
    )


@require_safe
def network(request: HttpRequest) -> HttpResponse:
    """The winners of every public edition, by country: the prize's network of cities."""
    return _across_editions(
        request,
        "judging/public/network.html",
        _("Winners by country"),
        _("Every city and organisation that has won the Seoul Smart City Prize, by country."),
        countries=public_selectors.winners_by_country(),
    )


@require_safe
@public_page
def edition(request: HttpRequest, year: int) -> HttpResponse:
    return _cached_page(request, year, "edition", _edition_parts)


@require_safe
@public_page
def committee(request: HttpRequest, year: int) -> HttpResponse:
    return _cached_page(request, year, "committee", _committee_parts)


@require_safe
@public_page
def winner_photo(request: HttpRequest, year: int, award_id: int, thumbnail: bool = False) -> HttpResponseBase:
    """A winner's photo, checked against the publication on every request."""
    publication = public_selectors.publication_live(year=year)
    photo = public_selectors.winner_photo(cycle=publication.cycle, award_id=award_id)
    if thumbnail:
        if not photo.thumbnail:
            raise Http404
        return file_response(photo.thumbnail, "thumbnail.webp", "image/webp", inline=True)
    suffix = PurePath(photo.file.name or "").suffix
    return file_response(photo.file, f"photo{suffix}", photo.content_type, inline=True)


@require_safe
@public_page
def member_photo(request: HttpRequest, year: int, user_id: int) -> HttpResponseBase:
    """A committee member's photo, with their consent, once the results are public."""
    publication = public_selectors.publication_live(year=year)
    profile = public_selectors.committee_member_photo(cycle=publication.cycle, user_id=user_id)
    extension = PurePath(profile.photo.name or "").suffix.lower()
    content_type = PHOTO_CONTENT_TYPES.get(extension)
    if content_type is None:
        raise Http404
    return file_response(profile.photo, "photo" + extension, content_type, inline=True)
