"""The public pages of each edition's call: the edition and its categories."""

from django.db.models import QuerySet

from categories.models import Category, Cycle
from categories.selectors import cycles_public
from prize_portal.site.sitemaps import PortalSitemap


class Editions(PortalSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Cycle]:
        return cycles_public().order_by("-year")

    def location(self, item: Cycle) -> str:
        return item.get_absolute_url()


class Categories(PortalSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Category]:
        return (
            Category.objects.filter(cycle__in=cycles_public())
            .select_related("cycle")
            .order_by("-cycle__year", "order", "code")
        )

    def location(self, item: Category) -> str:
        return item.get_absolute_url()
