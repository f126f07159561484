from django.urls import path

from judging.views import public as views

app_name = "judging_public"

urlpatterns = [
    path("", views.index, name="index"),
    path("by-country/", views.network, name="network"),
    path("<int:year>/", views.edition, name="edition"),
    path("<int:year>/committee/", views.committee, name="committee"),
    path("<int:year>/photos/<int:award_id>/", views.winner_photo, name="winner_photo"),
    path(
        "<int:year>/photos/<int:award_id>/thumbnail/",
        views.winner_photo,
        {"thumbnail": True},
        name="winner_thumbnail",
    ),
    path("<int:year>/committee/photos/<int:user_id>/", views.member_photo, name="member_photo"),
]
