import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from categories.selectors import cycle_current, cycle_with_categories
from prize_portal.site.areas import PRIVATE_PATHS
from prize_portal.site.meta import page_meta, site_title

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    cycle = cycle_current()
    if cycle is not None:
        cycle = cycle_with_categories(cycle=cycle)
    now = timezone.now()
    meta = page_meta(
        request,
        title=_("Seoul Smart City Prize"),
        description=_(
            "An international award for inclusive and innovative smart-city work: "
            "cities that walk together with the vulnerable."
        ),
    )
    context = {"cycle": cycle, "phase": cycle.phase(now) if cycle else None, "now": now, "page_meta": meta}
    return render(request, "site/home.html", context)


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    """robots.txt: the private areas disallowed, and where the sitemap is."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/{area}" for code, _name in settings.LANGUAGES for area in PRIVATE_PATHS]
    lines += [f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    meta = page_meta(
        request,
        title=site_title(_("About the prize")),
        description=_(
            "The Seoul Smart City Prize finds and shares inclusive, innovative smart-city projects, "
            "policies and leaders from around the world."
        ),
    )
    return render(request, "site/about.html", {"cycle": cycle_current(), "page_meta": meta})


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when the database (and Redis, when
    configured) answer, 503 naming what failed otherwise."""
    checks: dict[str, str] = {}
    healthy = True
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            checks[name] = check()
        except Exception as error:
            logger.error("health check %s failed: %s", name, error)
            checks[name] = "error"
            healthy = False
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)
