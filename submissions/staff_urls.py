"""Staff pages of intake (mounted under /<lang>/staff/)."""

from django.urls import URLPattern, path

from . import staff_views

app_name = "intake_staff"
urlpatterns: list[URLPattern] = [
    path("intake/", staff_views.intake, name="intake"),
]
