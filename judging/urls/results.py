"""Results of a round and advancement (mounted under /<lang>/results/)."""

from django.urls import URLPattern, path

from judging.views import decisions as decision_views
from judging.views import results as results_views

app_name = "judging_results"

urlpatterns: list[URLPattern] = [
    path("rounds/<int:round_id>/", results_views.round_results_page, name="round"),
    path("rounds/<int:round_id>/advance/", results_views.advance, name="advance"),
    path("rounds/<int:round_id>/decisions/", decision_views.decisions, name="decisions"),
    path("rounds/<int:round_id>/decisions/lock/", decision_views.lock, name="decisions_lock"),
    path("rounds/<int:round_id>/decisions/special/", decision_views.special_mention, name="special_mention"),
    path("rounds/<int:round_id>/decisions/<int:entry_id>/", decision_views.decide, name="decide"),
    path("rounds/<int:round_id>/awards/<int:award_id>/unlock/", decision_views.unlock, name="unlock"),
]
