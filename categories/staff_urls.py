"""Staff pages of the prize configuration (mounted under /<lang>/staff/content/)."""

from django.urls import URLPattern, path

from . import staff_views

app_name = "content_staff"
urlpatterns: list[URLPattern] = [
    path("translations/", staff_views.translation_status, name="translations"),
    path("translations/<str:language>.xlsx", staff_views.translation_sheet, name="translation_sheet"),
    path("translations/import/", staff_views.translation_import, name="translation_import"),
]
