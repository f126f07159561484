"""The winners' and delegates' pages of the event (mounted under /<lang>/events/)."""

from django.urls import URLPattern, path

from events.views import courses, delegates, invitations

app_name = "events"

urlpatterns: list[URLPattern] = [
    path("", invitations.mine, name="mine"),
    path("invitations/<int:pk>/", invitations.invitation_page, name="invitation"),
    path("invitations/<int:pk>/slides/", invitations.slides, name="slides"),
    path("delegate/<str:token>/", delegates.delegate_page, name="delegate"),
    path("delegate/<str:token>/letter.pdf", delegates.delegate_letter, name="delegate_letter"),
    path("letters/<str:code>.pdf", invitations.letter_download, name="letter"),
    path("courses/", courses.courses, name="courses"),
    path("courses/<int:pk>/nominate/", courses.nominate, name="nominate"),
    path("nominations/<str:token>/", courses.nomination, name="nomination"),
    path("certificates/<str:code>.pdf", courses.certificate_download, name="course_certificate"),
]
