"""Staff pages publishing results (mounted under /<lang>/staff/results/)."""

from django.urls import URLPattern, path

from judging.views import publication as views

app_name = "judging_publication"

urlpatterns: list[URLPattern] = [
    path("", views.cycles, name="cycles"),
    path("<int:year>/", views.cycle_page, name="cycle"),
    path("<int:year>/progress.json", views.progress, name="progress"),
    path("<int:year>/publish/", views.publish, name="publish"),
    path("<int:year>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:year>/mail/retry/", views.retry_mail, name="retry_mail"),
    path("<int:year>/certificates/", views.generate_certificates, name="generate_certificates"),
    path("<int:year>/certificates/entry/", views.certificate_for_entry, name="certificate_for_entry"),
    path("<int:year>/certificates/<int:certificate_id>/regenerate/", views.regenerate, name="regenerate"),
    path("<int:year>/certificates/<int:certificate_id>/revoke/", views.revoke, name="revoke"),
]
