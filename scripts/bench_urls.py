"""The portal's URLs plus the minimal view the winners page is measured against."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from prize_portal.urls import urlpatterns as portal


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *portal]
