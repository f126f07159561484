"""Whether an address has an account cannot be told from what the portal
does: sign-up, sign-in and password reset cost the same password-hasher work
for a known and an unknown address (counted under the production hasher, not
timed), and answer alike."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.conf import global_settings
from django.contrib.auth.hashers import get_hasher
from django.test import Client

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

KNOWN = "mina.park@seoul.example"
UNKNOWN = "nobody.here@seoul.example"
NEW_PASSWORD = "Smart-cities-for-all-2026"


@pytest.fixture
def hashing(settings: Any) -> Iterator[mock.MagicMock]:
    """The production hashers (the tests run on MD5 for speed), their work
    counted: every hash computed, to store or to check a password, is one
    call of the hasher's ``encode``."""
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    hasher = type(get_hasher("default"))
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode:
        yield encode


@pytest.fixture
def member(settings: Any) -> Any:
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    return make_user(email=KNOWN)  # its password hashed with the production hasher


def _work(hashing: mock.MagicMock, request: Any) -> tuple[int, int, str]:
    hashing.reset_mock()
    response = request()
    return hashing.call_count, response.status_code, response.headers.get("Location", "")


def test_the_production_hasher_is_a_slow_one(hashing: mock.MagicMock) -> None:
    assert get_hasher("default").algorithm in {"pbkdf2_sha256", "argon2", "scrypt"}


def test_sign_up_costs_the_same_for_a_taken_address(hashing: mock.MagicMock, member: Any) -> None:
    def sign_up(email: str) -> Any:
        return Client().post(
            "/en/accounts/signup/", {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )

    taken, new = _work(hashing, lambda: sign_up(KNOWN)), _work(hashing, lambda: sign_up(UNKNOWN))
    assert taken == new
    assert taken[0] == 1  # the new account's password, or one as costly for the taken address


def test_sign_in_costs_the_same_for_an_unknown_address(hashing: mock.MagicMock, member: Any) -> None:
    def sign_in(email: str, password: str) -> Any:
        return Client().post("/en/accounts/login/", {"login": email, "password": password})

    known = _work(hashing, lambda: sign_in(KNOWN, "not-the-password"))
    unknown = _work(hashing, lambda: sign_in(UNKNOWN, "not-the-password"))
    assert known == unknown
    assert known[0] >= 1
    right = _work(hashing, lambda: sign_in(KNOWN, PASSWORD))
    assert right[0] == known[0]  # the right password costs no more than a wrong one
    assert right[1] == 302


def test_password_reset_costs_the_same_for_an_unknown_address(hashing: mock.MagicMock, member: Any) -> None:
    def reset(email: str) -> Any:
        return Client().post("/en/accounts/password/reset/", {"email": email})

    assert _work(hashing, lambda: reset(KNOWN)) == _work(hashing, lambda: reset(UNKNOWN))
