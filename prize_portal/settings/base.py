"""Settings shared by every environment.

Integrations switch on by environment value here (not only in production.py),
so the tests load the same wiring that production runs:

- ``DATABASE_URL``  unset: SQLite file;            set: PostgreSQL (or any django-environ URL)
- ``REDIS_URL``     unset: eager Celery, locmem;   set: Redis broker, cache and rate-limit store
- ``AWS_STORAGE_BUCKET_NAME`` unset: local media;  set: private S3 bucket via django-storages
- ``EMAIL_URL``     unset: console e-mail;         set: SMTP (``smtp://user:pass@host:port``)
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from .beat import beat_schedule

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

# --- Core -------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-never-used-in-production")


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated variable; spaces around the commas are ignored."""
    return [item.strip() for item in env.list(name, default=default) if item.strip()]


ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_countries",
    "prize_portal.accounts",
    "prize_portal.audit",
    "prize_portal.outbox",
    "prize_portal.privacy",
    "prize_portal.site",
    "categories",
    "submissions",
    "judging",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "prize_portal.accounts.middleware.RequireMFAMiddleware",
    "prize_portal.privacy.middleware.ConsentsDueMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "prize_portal.urls"
WSGI_APPLICATION = "prize_portal.wsgi.application"
ASGI_APPLICATION = "prize_portal.asgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "prize_portal.site.context_processors.portal",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# --- Redis: Celery broker, cache and allauth's rate-limit store --------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sscp",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery (read by prize_portal/celery_app.py, namespace CELERY_) ----------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "Asia/Seoul"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must fail fast when Redis is down: the outbox row is already
# committed and the periodic sweep re-queues it, so a web request never hangs.
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# The periodic tasks: the sweeps that redo what a dead broker or worker left, and the daily jobs.
CELERY_BEAT_SCHEDULE = beat_schedule(env)

# --- Results ------------------------------------------------------------------
# Results e-mails are queued RESULTS_MAIL_BATCH at a time every
# RESULTS_MAIL_INTERVAL seconds (the rate limit: 50 per 10 s is 18,000 an hour).
RESULTS_MAIL_BATCH = env.int("RESULTS_MAIL_BATCH", default=50)
RESULTS_MAIL_INTERVAL = env.float("RESULTS_MAIL_INTERVAL", default=10.0)
# A certificate still unrendered this long after it was asked for is queued again.
CERTIFICATES_SWEEP_GRACE = env.int("CERTIFICATES_SWEEP_GRACE", default=120)

# --- Retention -----------------------------------------------------------------
# A confirmed removal of an edition's personal data takes RETENTION_BATCH
# steps (an entry, an organisation or a person) per transaction; a run with no
# batch for RETENTION_STALLED_SECONDS is started again by its sweep.
RETENTION_BATCH = env.int("RETENTION_BATCH", default=25)
RETENTION_STALLED_SECONDS = env.int("RETENTION_STALLED_SECONDS", default=120)

# --- Events after the award -------------------------------------------------------
# How many delegates a winning entry may send to an edition's event.
EVENT_DELEGATES_MAX = env.int("EVENT_DELEGATES_MAX", default=5)
# Passport details (for visa invitation letters) are sealed with these Fernet
# keys (comma-separated; the first seals, all open); empty: derived from
# SECRET_KEY. They and the letters holding them are deleted this many days
# after the event ends.
PASSPORT_KEYS = env.list("PASSPORT_KEYS", default=[])
PASSPORT_KEEP_DAYS = env.int("PASSPORT_KEEP_DAYS", default=90)
# Results that took effect this recently get their invitations from the sweep
# when a dead broker or worker missed them; older ones wait for staff.
EVENT_INVITE_SWEEP_HOURS = env.int("EVENT_INVITE_SWEEP_HOURS", default=48)

# --- Outbox ------------------------------------------------------------------
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
# A message claimed by a worker that died is retried after this many seconds.
OUTBOX_CLAIM_TIMEOUT = env.int("OUTBOX_CLAIM_TIMEOUT", default=300)
# The sweep leaves fresh messages to the task queued on commit.
OUTBOX_SWEEP_GRACE = env.int("OUTBOX_SWEEP_GRACE", default=30)
# Days a finished message keeps its body (what it said) before it is emptied.
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=90)

# --- E-mail -------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Seoul Smart City Prize <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# The privacy officer's address, seeded on the first privacy notice (staff change it there).
PRIVACY_OFFICER_EMAIL = env("PRIVACY_OFFICER_EMAIL", default="privacy@localhost")
# How long a person's data download stays downloadable (then its file is deleted).
PRIVACY_EXPORT_DAYS = env.int("PRIVACY_EXPORT_DAYS", default=7)
EMAIL_TIMEOUT = 20
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Media storage ------------------------------------------------------------
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Private bucket: every object is reached through a signed URL that expires.
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
            "file_overwrite": False,
            "signature_version": "s3v4",
            "location": env("AWS_LOCATION", default="media"),
        },
    }
else:
    _media_backend = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": _media_backend,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Languages and time -------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("zh-hans", _("Simplified Chinese")),
    ("es", _("Spanish")),
    ("fr", _("French")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Seoul"  # admin shows and takes dates in Seoul time; the database keeps UTC
# Deadlines and phase dates are defined and shown in Seoul time.
PRIZE_TIME_ZONE = "Asia/Seoul"
LANGUAGE_COOKIE_NAME = "sscp_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Accounts (django-allauth) -------------------------------------------------
# allauth's backend checks passwords (the admin's sign-in too) and, being a
# ModelBackend, model permissions; Django's own ModelBackend beside it would
# hash a wrong password twice. It hashes a dummy password for an unknown
# address, so both cost the same (tests/prize_portal/accounts/test_enumeration.py).
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "prize_portal.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "prize_portal.accounts.forms.SignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_PREVENT_ENUMERATION = True
# Failed sign-ins: 10 a minute from one client, and 5 in 5 minutes for one
# address from one client (the key is address and client together, see
# AccountAdapter): a stranger who knows a judge's address locks out only
# themselves. Judges and staff also need their second factor.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "login_by_code": "3/m/ip,3/m/key",
}
MFA_ADAPTER = "prize_portal.accounts.mfa.MFAAdapter"
# Encrypts TOTP secrets at rest; keep it stable (changing it invalidates every authenticator).
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", default=SECRET_KEY)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Seoul Smart City Prize"

# --- Security headers -----------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Permissions-Policy: the site uses no camera, microphone, location, payment…
# (an upload picks files, never the camera); each is off for us and any frame.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if AWS_STORAGE_BUCKET_NAME and env("AWS_S3_ENDPOINT_URL", default=""):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(env("AWS_S3_ENDPOINT_URL"))

# --- Logging ----------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
