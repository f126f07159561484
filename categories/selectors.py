"""Reads of the prize configuration that pages share (flat query counts)."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from .enums import CycleStatus
from .models import Category, Criterion, Cycle, Track


def cycles_public() -> QuerySet[Cycle]:
    return Cycle.objects.exclude(status=CycleStatus.DRAFT)


def cycle_current() -> Cycle | None:
    """The newest edition the public may see."""
    return cycles_public().order_by("-year").first()


def _categories_for_display() -> QuerySet[Category]:
    return Category.objects.order_by("order", "code").prefetch_related(
        Prefetch("tracks", queryset=Track.objects.order_by("order", "code"))
    )


def cycle_with_categories(*, cycle: Cycle) -> Cycle:
    """The cycle with its categories and their tracks loaded (3 queries)."""
    return cycles_public().prefetch_related(Prefetch("categories", queryset=_categories_for_display())).get(pk=cycle.pk)


def cycle_get_public(*, year: int) -> Cycle:
    """A public cycle by year with categories and tracks, or 404."""
    cycle = (
        cycles_public()
        .filter(year=year)
        .prefetch_related(Prefetch("categories", queryset=_categories_for_display()))
        .first()
    )
    if cycle is None:
        raise Http404
    return cycle


def category_get_public(*, year: int, code: str) -> Category:
    """A category of a public cycle with tracks, criteria and rubric, or 404."""
    category = (
        Category.objects.filter(cycle__year=year, code=code)
        .exclude(cycle__status=CycleStatus.DRAFT)
        .select_related("cycle")
        .prefetch_related(
            Prefetch("tracks", queryset=Track.objects.order_by("order", "code")),
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "code")),
            "award_levels",
        )
        .first()
    )
    if category is None:
        raise Http404
    return category
