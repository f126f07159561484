"""Staff pages of personal data retention (mounted under /<lang>/staff/retention/)."""

from django.urls import URLPattern, path

from judging.views import retention as views

app_name = "judging_retention"

urlpatterns: list[URLPattern] = [
    path("", views.cycles, name="cycles"),
    path("<int:year>/", views.cycle_page, name="cycle"),
    path("<int:year>/progress.json", views.progress, name="progress"),
    path("<int:year>/confirm/", views.confirm, name="confirm"),
]
