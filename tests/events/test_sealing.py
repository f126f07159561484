"""Sealing passport details: what is sealed opens again, a key put first
rotates (old tokens still open, resealed ones need only the new key), and a
token no key in use opens is refused."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet

from events.sealing import reseal, seal, unseal

VALUES = {"passport_number": "M12345678", "full_name": "CHO EUN HEE"}


def test_sealed_values_open_again_and_hold_nothing_readable() -> None:
    token = seal(VALUES)
    assert "M12345678" not in token
    assert "CHO" not in token
    assert unseal(token) == VALUES


def test_keys_rotate(settings: Any) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PASSPORT_KEYS = [old]
    token = seal(VALUES)
    settings.PASSPORT_KEYS = [new, old]
    assert unseal(token) == VALUES
    resealed = reseal(token)
    settings.PASSPORT_KEYS = [new]
    assert unseal(resealed) == VALUES
    with pytest.raises(ValueError, match="cannot be opened"):
        unseal(token)
