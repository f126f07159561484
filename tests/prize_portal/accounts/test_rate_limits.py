"""allauth's rate limits, counted in the Redis cache as in production."""

from __future__ import annotations

from typing import Any

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from prize_portal.accounts.roles import Role
from tests.factories import make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def redis_cache(settings: Any, shared_redis_url: str) -> Any:
    prefix = "sscp-test-rate-limits"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": shared_redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip,3/5m/key"}
    cache.clear()
    client = redis.Redis.from_url(shared_redis_url)
    yield client, prefix
    cache.clear()
    client.close()


def test_failed_logins_are_limited_through_redis(client: Client, redis_cache: Any) -> None:
    connection, prefix = redis_cache
    staff = make_user(Role.STAFF, email="admin@example.org")
    for _attempt in range(3):
        response = client.post("/en/accounts/login/", {"login": staff.email, "password": "wrong-password"})
        assert response.status_code == 200
        assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert any(key.startswith(prefix.encode()) for key in connection.scan_iter(match=f"{prefix}*"))
    # Even the right password is refused now: the admin login goes through this same form.
    response = client.post("/en/accounts/login/", {"login": staff.email, "password": "correct-horse-battery-9"})
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
