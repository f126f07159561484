"""Staff pages of intake: the intake counts of a cycle."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from prize_portal.site.decorators import page_for
from submissions.statistics import intake_cycle_pick, intake_cycles, intake_statistics


def _year(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return int(value)


@require_safe
@page_for("accounts.use_staff_pages")
def intake(request: HttpRequest) -> HttpResponse:
    """Entries of a cycle (``?cycle=<year>``, by default the announced one) by
    category, track, country and day."""
    cycles = intake_cycles()
    cycle = intake_cycle_pick(cycles, year=_year(request.GET.get("cycle")))
    statistics = intake_statistics(cycle=cycle) if cycle else None
    return render(
        request, "submissions/staff/intake.html", {"cycles": cycles, "cycle": cycle, "statistics": statistics}
    )
