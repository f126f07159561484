from django.urls import path

from . import views_requests

app_name = "privacy_staff"

urlpatterns = [
    path("", views_requests.staff_requests, name="requests"),
    path("<int:request_id>/", views_requests.staff_request, name="request"),
]
