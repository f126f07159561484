"""Passport details sealed at rest: encrypted with Fernet (AES-128-CBC with
an HMAC-SHA256, from the ``cryptography`` library) before they reach the
database, so a database dump, a backup or an admin page never holds them
readable.

The keys are PASSPORT_KEYS (Fernet keys, the first encrypts, every one
decrypts: a new key is put first to rotate, and the old one dropped once
every row was sealed again). Without any, a key is derived from SECRET_KEY,
so a quick start needs no configuration; production sets its own.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@cache
def _sealer(keys: tuple[str, ...], secret: str) -> MultiFernet:
    if not keys:
        derived = hashlib.sha256(f"sscp-passport-details:{secret}".encode()).digest()
        keys = (base64.urlsafe_b64encode(derived).decode("ascii"),)
    return MultiFernet([Fernet(key) for key in keys])


def _current() -> MultiFernet:
    return _sealer(tuple(key for key in settings.PASSPORT_KEYS if key), settings.SECRET_KEY)


def seal(values: dict[str, Any]) -> str:
    return _current().encrypt(json.dumps(values, ensure_ascii=False).encode("utf-8")).decode("ascii")


def unseal(token: str) -> dict[str, Any]:
    """The sealed values; ValueError when no key in use opens them."""
    try:
        return dict(json.loads(_current().decrypt(token.encode("ascii"))))
    except InvalidToken as error:
        raise ValueError("The passport details cannot be opened with the keys in use.") from error


def reseal(token: str) -> str:
    """The same values sealed with the first key (key rotation)."""
    return _current().rotate(token.encode("ascii")).decode("ascii")
