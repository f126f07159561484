from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _

from categories.sitemaps import Categories, Editions
from judging.sitemaps import Winners
from judging.views import publication as publication_views
from judging.views import verify as verify_views
from prize_portal.accounts import views as account_views
from prize_portal.site import views as site_views
from prize_portal.site.sitemaps import SitePages

# Django admin signs in through allauth: its rate limits and MFA apply.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("Seoul Smart City Prize administration")
admin.site.site_title = _("Seoul Smart City Prize")
admin.site.index_title = _("Prize administration")

# Every public page in six languages, with alternates (the top of the portal:
# it gathers what each app makes public).
SITEMAPS = {"site": SitePages, "editions": Editions, "categories": Categories, "winners": Winners}

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", site_views.health, name="health"),
    path("robots.txt", site_views.robots, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    # The address in a certificate's QR code: on to the visitor's language.
    path("verify/<str:code>/", verify_views.certificate_redirect, name="verify_redirect"),
]
urlpatterns += i18n_patterns(
    path("", site_views.home, name="home"),
    path("about/", site_views.about, name="about"),
    path("privacy/", include("prize_portal.privacy.urls")),
    path("cycles/", include("categories.urls")),
    path("entries/", include("submissions.urls")),
    path("judging/", include("judging.urls.reviewer")),
    path("staff/judging/", include("judging.urls.staff")),
    path("results/", include("judging.urls.results")),
    path("winners/", include("judging.urls.public")),
    path("verify/", include("judging.urls.verify")),
    path("staff/results/", include("judging.urls.publication")),
    path("staff/retention/", include("judging.urls.retention")),
    path("events/", include("events.urls.invitations")),
    path("staff/events/", include("events.urls.staff")),
    path("programme/", include("events.urls.public")),
    path("certificates/<str:code>/", publication_views.certificate_download, name="certificate_download"),
    path("staff/content/", include("categories.staff_urls")),
    path("staff/privacy/", include("prize_portal.privacy.staff_urls")),
    path("staff/", include("submissions.staff_urls")),
    path("accounts/profile/", account_views.profile, name="profile"),
    path("accounts/unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)

# No route serves MEDIA_ROOT, under `make run` either: every stored file (entry
# files, photos, signatures, PDFs) goes through a view that checks who asks.
