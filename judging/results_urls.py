"""Results of a round and advancement (mounted under /<lang>/results/)."""

from django.urls import URLPattern, path

from . import results_views

app_name = "judging_results"

urlpatterns: list[URLPattern] = [
    path("rounds/<int:round_id>/", results_views.round_results_page, name="round"),
    path("rounds/<int:round_id>/advance/", results_views.advance, name="advance"),
]
