"""Settings of scripts/bench_publication.py: the test settings (fast hasher,
eager Celery from the environment) with the benchmark's URLs, and Redis as the
cache when REDIS_URL is set, as in production."""

from prize_portal.settings.test import *  # noqa: F403
from prize_portal.settings.test import REDIS_URL

ROOT_URLCONF = "bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
