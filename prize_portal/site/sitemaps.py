"""The base of the portal's sitemaps: every public page in the six languages,
each listing its alternates (and x-default), on the address in SITE_URL
rather than the sites framework's placeholder domain. Each app lists its own
public pages (categories/sitemaps.py, judging/sitemaps.py); the root URLconf
puts them together at /sitemap.xml."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"


class SitePages(PortalSitemap):
    """The home and about pages."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["home", "about"]

    def location(self, item: str) -> str:
        return reverse(item)
