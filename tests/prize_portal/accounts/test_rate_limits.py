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


def _sign_in(client: Client, email: str, password: str, address: str) -> str:
    response = client.post("/en/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address)
    return "too many" if "Too many failed login attempts" in response.content.decode() else str(response.status_code)


def test_failures_from_elsewhere_do_not_lock_the_owner_out(redis_cache: Any) -> None:
    """Someone who knows a judge's address fails over and over from their own
    machine: they are locked out; the judge, signing in from theirs, is not."""
    judge = make_user(Role.JUDGE, email="judge@univ.example")
    per_account = int(base.ACCOUNT_RATE_LIMITS["login_failed"].split(",")[1].split("/")[0])
    stranger = Client()
    for _attempt in range(per_account):
        assert _sign_in(stranger, judge.email, "guess", "198.51.100.7") == "200"
    assert _sign_in(stranger, judge.email, PASSWORD, "198.51.100.7") == "too many"

    assert _sign_in(Client(), judge.email, PASSWORD, "203.0.113.20") == "302"  # on to the second factor


def test_one_client_is_limited_across_addresses(redis_cache: Any) -> None:
    per_client = int(base.ACCOUNT_RATE_LIMITS["login_failed"].split(",")[0].split("/")[0])  # "10/m/ip"
    guesser = Client()
    for attempt in range(per_client):
        assert _sign_in(guesser, f"person{attempt}@example.org", "guess", "198.51.100.8") == "200"
    assert _sign_in(guesser, "person-next@example.org", "guess", "198.51.100.8") == "too many"
    assert _sign_in(Client(), "person-next@example.org", "guess", "203.0.113.21") == "200"
