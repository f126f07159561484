"""Staff pages of judging (mounted under /<lang>/staff/judging/)."""

from django.urls import URLPattern, path

from judging.views import staff as staff_views

app_name = "judging_staff"

urlpatterns: list[URLPattern] = [
    path("", staff_views.rounds, name="rounds"),
    path("invitations/", staff_views.invite, name="invite"),
    path("rounds/<int:round_id>/", staff_views.round_detail, name="round"),
    path("rounds/<int:round_id>/entries/add/", staff_views.add_entries, name="add_entries"),
    path("rounds/<int:round_id>/assign/", staff_views.assign, name="assign"),
    path("rounds/<int:round_id>/judges/<int:judge_id>/remind/", staff_views.remind, name="remind"),
    path("rounds/<int:round_id>/matrix/", staff_views.matrix, name="matrix"),
    path("rounds/<int:round_id>/assignments/add/", staff_views.add_assignment, name="assignment_add"),
    path(
        "rounds/<int:round_id>/assignments/<int:assignment_id>/remove/",
        staff_views.remove_assignment,
        name="assignment_remove",
    ),
    path("rounds/<int:round_id>/reviews/<int:review_id>/unlock/", staff_views.unlock_review, name="review_unlock"),
    path("rounds/<int:round_id>/conflicts/", staff_views.conflicts, name="conflicts"),
    path("rounds/<int:round_id>/conflicts.csv", staff_views.conflicts_csv, name="conflicts_csv"),
    path("rounds/<int:round_id>/exports/<slug:kind>.<slug:file_format>", staff_views.export, name="export"),
    path(
        "rounds/<int:round_id>/conflicts/<int:conflict_id>/decide/",
        staff_views.decide_conflict,
        name="conflict_decide",
    ),
]
