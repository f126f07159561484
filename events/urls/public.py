"""The public programme of events (mounted under /<lang>/programme/)."""

from django.urls import URLPattern, path

from events.views import programme as views

app_name = "events_public"

urlpatterns: list[URLPattern] = [
    path("<int:pk>/", views.programme, name="programme"),
    path("<int:pk>/calendar.ics", views.calendar, name="calendar"),
]
