from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("versions/<int:version>/", views.notice_version, name="notice_version"),
    path("consents/", views.consents, name="consents"),
    path("data/", views.data, name="data"),
    path("data/<int:export_id>/download/", views.data_download, name="data_download"),
]
