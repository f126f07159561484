"""robots.txt and sitemap.xml: every public page in six languages with its
alternates, nothing private, nothing embargoed; and each page's head saying
what the sitemap says, with what search and sharing need."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from categories.enums import CycleStatus
from prize_portal.site.page_cache import clear_local_pages
from tests.factories import CategoryFactory, CycleFactory, publish_results
from tests.prize_portal.site.heads import read_head

pytestmark = pytest.mark.django_db

SITE_URL = "https://prize.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = {"en", "ko", "ja", "zh-hans", "es", "fr", "x-default"}


@pytest.fixture
def editions(settings: Any) -> dict[str, Any]:
    settings.SITE_URL = SITE_URL
    cache.clear()
    clear_local_pages()
    published = CycleFactory(year=2030)
    CategoryFactory(cycle=published, code="project")
    publish_results(published)
    embargoed = CycleFactory(year=2031)
    publish_results(embargoed, visible_from=timezone.now() + timedelta(days=3))
    draft = CycleFactory(year=2032, status=CycleStatus.DRAFT)
    return {"published": published, "embargoed": embargoed, "draft": draft}


def _entries(client: Client) -> list[ElementTree.Element]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content).findall("s:url", NS)  # noqa: S314 (our own page)


def test_robots_names_the_sitemap_and_disallows_private_areas(client: Client, settings: Any) -> None:
    settings.SITE_URL = "https://prize.example.org"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://prize.example.org/sitemap.xml" in lines
    for language in ("en", "ko", "ja", "zh-hans", "es", "fr"):
        for area in ("entries", "judging", "staff", "results", "accounts", "admin", "certificates"):
            assert f"Disallow: /{language}/{area}/" in lines
    assert not any(line.startswith("Disallow: /") and "winners" in line for line in lines)


def test_sitemap_lists_public_pages_in_every_language_with_alternates(client: Client, editions: Any) -> None:
    locations = set()
    for url in _entries(client):
        loc = url.find("s:loc", NS).text or ""
        locations.add(urlsplit(loc).path)
        assert loc.startswith("https://prize.example.org/")  # SITE_URL, not the sites framework's example.com
        alternates = {link.get("hreflang") for link in url.findall("x:link", NS)}
        assert alternates == LANGUAGES
    for language in ("en", "ko", "ja", "zh-hans", "es", "fr"):
        for path in ("", "about/", "cycles/2030/", "cycles/2030/categories/project/", "winners/", "winners/2030/"):
            assert f"/{language}/{path}" in locations
        assert f"/{language}/winners/2030/committee/" in locations
    assert not any("/winners/2031/" in path for path in locations)  # embargoed: a 404 until its time
    assert not any("/2032/" in path for path in locations)  # a draft edition is not public


def test_every_page_in_the_sitemap_answers(client: Client, editions: Any) -> None:
    """Each language's page answers 200; x-default is the address without a
    language, which sends each visitor on to the page in their language."""
    paths, defaults = set(), set()
    for url in _entries(client):
        paths.add(urlsplit(url.find("s:loc", NS).text or "").path)
        for link in url.findall("x:link", NS):
            path = urlsplit(link.get("href") or "").path
            (defaults if link.get("hreflang") == "x-default" else paths).add(path)
    assert len(paths) == 6 * 9
    for path in sorted(paths):
        assert client.get(path).status_code == 200, path
    for path in sorted(defaults):
        response = client.get(path, headers={"accept-language": "ja"}, follow=True)
        assert response.status_code == 200, path
        assert response.redirect_chain[-1][0] == f"/ja{path}"


def _image_exists(client: Client, url: str) -> bool:
    path = urlsplit(url).path
    if path.startswith("/static/"):
        return finders.find(path.removeprefix("/static/")) is not None
    return client.get(path).status_code == 200


def test_every_page_in_the_sitemap_has_its_search_and_sharing_head(client: Client, editions: Any) -> None:
    """The canonical address is the page's own; its hreflang alternates are the
    sitemap's, each of which answers; the description and the cards are there,
    with an absolute share image that exists."""
    checked = 0
    for url in _entries(client):
        loc = url.find("s:loc", NS).text or ""
        listed = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        response = client.get(urlsplit(loc).path)
        assert response.status_code == 200, loc
        head = read_head(response.content.decode())
        assert [link["href"] for link in head.rel("canonical")] == [loc]
        assert head.hreflangs() == listed, loc
        assert set(head.hreflangs()) == LANGUAGES
        description = head.value("description")
        assert description.strip(), loc
        assert len(description) <= 160, loc
        assert head.value("og:title").strip(), loc
        assert head.value("og:description") == description
        assert head.value("og:url") == loc
        assert head.value("og:type") == "website"
        image = head.value("og:image")
        assert image.startswith(f"{SITE_URL}/"), loc
        assert _image_exists(client, image), image
        assert head.value("og:image:alt").strip(), loc
        assert head.value("twitter:card") == "summary_large_image"
        assert head.value("twitter:image") == image
        checked += 1
    assert checked == 6 * 9
    for href in {href for url in _entries(client) for href in (link.get("href") for link in url.findall("x:link", NS))}:
        response = client.get(urlsplit(href or "").path, follow=True)
        assert response.status_code == 200, href
