"""Applicant pages of intake (mounted under /<lang>/entries/)."""

from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("organisations/new/", views.organisation_edit, name="organisation_create"),
    path("organisations/<int:organisation_id>/", views.organisation_edit, name="organisation_edit"),
    path("new/", views.entry_start, name="entry_start"),
    path("<int:entry_id>/", views.entry_detail, name="entry_detail"),
    path("<int:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("<int:entry_id>/withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("<int:entry_id>/files/", views.attachment_upload, name="attachment_upload"),
    path("<int:entry_id>/files/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path(
        "<int:entry_id>/files/<int:attachment_id>/thumbnail/",
        views.attachment_download,
        {"thumbnail": True},
        name="attachment_thumbnail",
    ),
    path("<int:entry_id>/files/<int:attachment_id>/delete/", views.attachment_delete, name="attachment_delete"),
    path("<int:entry_id>/versions/<int:number>.pdf", views.entry_pdf, name="entry_pdf"),
    path("<int:entry_id>/collaborators/", views.invitation_create, name="invitation_create"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
