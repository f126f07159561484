"""The secretariat's view of the network of winners: the cities (one
organisation record across editions) with everything each has won, attended
and completed. Merging duplicates is in admin (Organisations → merge,
audited). Staff only (404 otherwise); the nominees' names are personal
data shown to staff: a city's page view is audited."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from events.selectors.network import city_record, network_organisations
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.decorators import page_for
from submissions.models import Organisation

staff_page = page_for("events.manage_event")


@require_safe
@staff_page
def cities(request: HttpRequest) -> HttpResponse:
    return render(request, "events/staff/cities.html", {"organisations": network_organisations()})


@require_safe
@staff_page
def city(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    record = city_record(get_object_or_404(Organisation, pk=pk))
    audit_staff_access(actor=request.user, targets=record.nominations, after={"page": "city"})
    return render(request, "events/staff/city.html", {"record": record, "organisation": record.organisation})
