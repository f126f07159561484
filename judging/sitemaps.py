"""The public winners pages: the index, and each edition whose results are
public now (its winners and its committee). Embargoed or withdrawn editions
are not listed: the pages are a 404 until then."""

from django.urls import reverse

from judging.selectors.winners import editions_live
from prize_portal.site.sitemaps import PortalSitemap


class Winners(PortalSitemap):
    changefreq = "monthly"

    def items(self) -> list[tuple[str, int | None]]:
        pages: list[tuple[str, int | None]] = [("judging_public:index", None), ("judging_public:network", None)]
        for year in editions_live().values_list("year", flat=True):
            pages += [("judging_public:edition", year), ("judging_public:committee", year)]
        return pages

    def location(self, item: tuple[str, int | None]) -> str:
        name, year = item
        return reverse(name, args=[] if year is None else [year])
