"""Staff pages of intake (mounted under /<lang>/staff/)."""

from django.urls import URLPattern, path

from submissions.views import staff

app_name = "intake_staff"
urlpatterns: list[URLPattern] = [
    path("intake/", staff.intake, name="intake"),
]
