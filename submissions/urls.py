"""Applicant pages of intake (mounted under /<lang>/entries/)."""

from django.urls import path

from submissions.views import attachments, entries, entry_form, invitations, organisations, review

app_name = "submissions"
urlpatterns = [
    path("", entries.dashboard, name="dashboard"),
    path("organisations/new/", organisations.organisation_edit, name="organisation_create"),
    path("organisations/<int:organisation_id>/", organisations.organisation_edit, name="organisation_edit"),
    path("new/", entries.entry_start, name="entry_start"),
    path("<int:entry_id>/", entries.entry_detail, name="entry_detail"),
    path("<int:entry_id>/edit/", entry_form.entry_edit, name="entry_edit"),
    path("<int:entry_id>/edit/<slug:step>/", entry_form.entry_edit, name="entry_step"),
    path("<int:entry_id>/review/", review.entry_review, name="entry_review"),
    path("<int:entry_id>/withdraw/", entries.entry_withdraw, name="entry_withdraw"),
    path("<int:entry_id>/files/", attachments.attachment_upload, name="attachment_upload"),
    path("<int:entry_id>/files/<int:attachment_id>/", attachments.attachment_download, name="attachment"),
    path(
        "<int:entry_id>/files/<int:attachment_id>/thumbnail/",
        attachments.attachment_download,
        {"thumbnail": True},
        name="attachment_thumbnail",
    ),
    path("<int:entry_id>/files/<int:attachment_id>/status/", attachments.attachment_status, name="attachment_status"),
    path("<int:entry_id>/files/<int:attachment_id>/delete/", attachments.attachment_delete, name="attachment_delete"),
    path("<int:entry_id>/versions/<int:number>.pdf", entries.entry_pdf, name="entry_pdf"),
    path("<int:entry_id>/collaborators/", invitations.invitation_create, name="invitation_create"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
]
