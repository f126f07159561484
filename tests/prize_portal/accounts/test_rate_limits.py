"""allauth's rate limits, counted in the Redis cache as in production."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.test import Client

from prize_portal.accounts.roles import Role
from prize_portal.settings import base
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def redis_cache(settings: Any, shared_redis_url: str) -> Iterator[tuple[redis.Redis, str]]:
    """The production cache settings on the machine's Redis, under a key prefix
    of the test's own (the shared database is never flushed)."""
    prefix = "sscp-test-rate-limits"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": shared_redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    connection = redis.Redis.from_url(shared_redis_url)

    def forget() -> None:
        for key in connection.scan_iter(match=f"{prefix}:*"):
            connection.delete(key)

    forget()
    yield connection, prefix
    forget()
    connection.close()


def test_failed_logins_are_limited_through_redis(client: Client, redis_cache: Any) -> None:
    connection, prefix = redis_cache
    staff = make_user(Role.STAFF, email="admin@example.org")
    per_account = int(base.ACCOUNT_RATE_LIMITS["login_failed"].split(",")[1].split("/")[0])  # "5/5m/key"
    for _attempt in range(per_account):
        response = client.post("/en/accounts/login/", {"login": staff.email, "password": "wrong-password"})
        assert response.status_code == 200
        assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert list(connection.scan_iter(match=f"{prefix}:*"))
    # Even the right password is refused now: Django admin signs in through this same form.
    response = client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
