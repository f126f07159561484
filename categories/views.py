from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from .selectors import category_get_public, cycle_get_public


@require_safe
def cycle_detail(request: HttpRequest, year: int) -> HttpResponse:
    cycle = cycle_get_public(year=year)
    now = timezone.now()
    return render(request, "categories/cycle_detail.html", {"cycle": cycle, "phase": cycle.phase(now), "now": now})


@require_safe
def category_detail(request: HttpRequest, year: int, code: str) -> HttpResponse:
    category = category_get_public(year=year, code=code)
    return render(request, "categories/category_detail.html", {"category": category, "cycle": category.cycle})
