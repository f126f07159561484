"""Staff pages of the prize configuration (mounted under /<lang>/staff/content/)."""

from django.urls import URLPattern, path

from . import views

app_name = "content_staff"
urlpatterns: list[URLPattern] = [
    path("translations/", views.translation_status, name="translations"),
]
