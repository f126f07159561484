"""The secretariat's pages of events (mounted under /<lang>/staff/events/)."""

from django.urls import URLPattern, path

from events.views import staff as views
from events.views import staff_courses, staff_network

app_name = "events_staff"

urlpatterns: list[URLPattern] = [
    path("", views.events, name="events"),
    path("<int:pk>/", views.event_page, name="event"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/remind/", views.remind, name="remind"),
    path("<int:pk>/booth/<int:invitation_pk>/", views.booth, name="booth"),
    path("<int:pk>/changes/<int:change_pk>/", views.decide, name="decide"),
    path("<int:pk>/attendance.<str:file_format>", views.attendance, name="attendance"),
    path("<int:pk>/letters/<int:delegate_pk>/", views.letter_issue_view, name="letter_issue"),
    path("<int:pk>/presentations/<int:invitation_pk>/", views.schedule, name="schedule"),
    path("cities/", staff_network.cities, name="cities"),
    path("cities/<int:pk>/", staff_network.city, name="city"),
    path("courses/<int:pk>/", staff_courses.course_page, name="course"),
    path("courses/<int:pk>/confirm/", staff_courses.confirm, name="course_confirm"),
    path("courses/<int:pk>/nominations/<int:nomination_pk>/", staff_courses.attendance, name="nomination"),
]
