from django.urls import path

from . import views, views_requests

app_name = "privacy"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("versions/<int:version>/", views.notice_version, name="notice_version"),
    path("consents/", views.consents, name="consents"),
    path("data/", views.data, name="data"),
    path("data/<int:export_id>/download/", views.data_download, name="data_download"),
    path("requests/", views_requests.requests, name="requests"),
    path("requests/<int:request_id>/withdraw/", views_requests.request_withdraw, name="request_withdraw"),
]
