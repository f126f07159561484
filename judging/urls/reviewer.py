from django.urls import URLPattern, path

from judging.urls import account as account_urls
from judging.views import declarations
from judging.views import reviewer as views

app_name = "judging"

urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("rounds/<int:round_id>/", views.round_assignments, name="round"),
    path("cycles/<int:cycle_id>/declaration/", declarations.declaration, name="declaration"),
    path("assignments/<int:assignment_id>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:assignment_id>/review/", views.review_save, name="review"),
    path("assignments/<int:assignment_id>/conflict/", views.assignment_conflict, name="conflict"),
    path("assignments/<int:assignment_id>/recuse/", views.assignment_recuse, name="recuse"),
    path("assignments/<int:assignment_id>/entry.pdf", views.assignment_pdf, name="entry_pdf"),
    path("assignments/<int:assignment_id>/files/<int:attachment_id>/", views.assignment_file, name="file"),
    *account_urls.urlpatterns,
]
