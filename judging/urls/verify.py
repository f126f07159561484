"""The public verification of certificates (mounted under /<lang>/verify/)."""

from django.urls import URLPattern, path

from judging.views import verify as verify_views

app_name = "judging_verify"

urlpatterns: list[URLPattern] = [
    path("", verify_views.verify, name="verify"),
    path("<str:code>/", verify_views.certificate, name="certificate"),
]
