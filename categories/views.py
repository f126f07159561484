from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from prize_portal.site.meta import page_meta

from .selectors import category_get_public, cycle_get_public


@require_safe
def cycle_detail(request: HttpRequest, year: int) -> HttpResponse:
    cycle = cycle_get_public(year=year)
    now = timezone.now()
    meta = page_meta(
        request,
        title=cycle.name,
        description=cycle.tagline
        or cycle.description
        or _("The categories and dates of %(name)s: who may apply and how entries are judged.") % {"name": cycle.name},
    )
    context = {"cycle": cycle, "phase": cycle.phase(now), "now": now, "page_meta": meta}
    return render(request, "categories/cycle_detail.html", context)


@require_safe
def category_detail(request: HttpRequest, year: int, code: str) -> HttpResponse:
    category = category_get_public(year=year, code=code)
    cycle = category.cycle
    meta = page_meta(
        request,
        title=f"{category.name} · {cycle.name}",
        description=category.summary
        or category.description
        # Translators: %(category)s is the category's name as the site shows it; the Japanese and
        # Chinese names already end in 部門 and 类.
        or _("The %(category)s category of %(name)s: who may take part and how entries are judged.")
        % {"category": category.name, "name": cycle.name},
    )
    return render(request, "categories/category_detail.html", {"category": category, "cycle": cycle, "page_meta": meta})
