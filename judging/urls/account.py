from django.urls import URLPattern, path

from judging.views import account as account_views

# Judge account pages (invitation, profile, standing conflicts) and the
# applicant's exclusion requests; included in judging/urls.py.
urlpatterns: list[URLPattern] = [
    path("invitations/<str:token>/", account_views.invitation_accept, name="invitation_accept"),
    path("profile/", account_views.profile, name="profile"),
    path("profile/photo/", account_views.profile_photo, name="profile_photo"),
    path("profile/conflicts/", account_views.conflict_add, name="conflict_add"),
    path("profile/conflicts/<int:conflict_id>/remove/", account_views.conflict_remove, name="conflict_remove"),
    path("entries/<int:entry_id>/exclusions/", account_views.exclusions, name="exclusions"),
]
