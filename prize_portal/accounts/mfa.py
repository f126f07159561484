"""MFA glue: authenticator secrets are stored encrypted."""

import base64
import hashlib
from functools import cache
from typing import TYPE_CHECKING

from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings

if TYPE_CHECKING:
    from cryptography.fernet import Fernet


@cache
def _fernet(key_material: str) -> "Fernet":
    from cryptography.fernet import Fernet

    key = base64.urlsafe_b64encode(hashlib.sha256(b"sscp-mfa:" + key_material.encode()).digest())
    return Fernet(key)


class MFAAdapter(DefaultMFAAdapter):
    """Encrypts TOTP secrets and recovery-code seeds at rest (Fernet, key from
    MFA_ENCRYPTION_KEY, else derived from the secret key), so a database dump
    or an admin page never shows a second factor."""

    def encrypt(self, text: str) -> str:
        return _fernet(settings.MFA_ENCRYPTION_KEY).encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _fernet(settings.MFA_ENCRYPTION_KEY).decrypt(encrypted_text.encode()).decode()
