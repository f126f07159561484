"""Production: everything from the environment, refusing to start when a
required setting is missing or insecure (one clear line naming the variable)."""

import sys

from .base import *  # noqa: F403
from .base import DEFAULT_FROM_EMAIL, SITE_URL, env, env_list


def _require(name: str, value: object, problem: str) -> None:
    """Stop the process with one line naming the variable (no traceback), so
    that gunicorn, Celery and manage.py all fail the same clear way."""
    if not value:
        sys.stderr.write(f"Configuration error: {name} {problem}\n")
        raise SystemExit(78)  # EX_CONFIG


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
_require("DJANGO_SECRET_KEY", SECRET_KEY, "is not set: give a random value of at least 50 characters.")
_require(
    "DJANGO_SECRET_KEY",
    len(SECRET_KEY) >= 50 and len(set(SECRET_KEY)) >= 5 and not SECRET_KEY.startswith(("django-insecure", "insecure")),
    "is insecure: use a random value of at least 50 characters with at least 5 distinct characters.",
)
_require("DJANGO_DEBUG", not env.bool("DJANGO_DEBUG", default=False), "must not be true in production.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
_require(
    "DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS, "must list the site's host names (no '*')."
)
_require("DATABASE_URL", env("DATABASE_URL", default=""), "is not set: production needs PostgreSQL.")
_require("REDIS_URL", env("REDIS_URL", default=""), "is not set: production needs Redis for Celery and the cache.")
_require("EMAIL_URL", env("EMAIL_URL", default=""), "is not set: production sends e-mail over SMTP.")
_require(
    "DEFAULT_FROM_EMAIL",
    env("DEFAULT_FROM_EMAIL", default="") and not DEFAULT_FROM_EMAIL.rstrip(">").endswith("@localhost"),
    "is not set: give the sender address of the portal's e-mails, e.g. 'Seoul Smart City Prize <prize@example.org>'.",
)
_require("SITE_URL", SITE_URL.startswith("https://"), "must be the public https:// address of the portal.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
