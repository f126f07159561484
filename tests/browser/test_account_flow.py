"""The whole account journey in a browser, with the e-mail delivered over SMTP."""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp
import pytest

from prize_portal.accounts.models import User
from tests.browser.helpers import check_accessibility, fresh_code_window, sign_in
from tests.services import message_text, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

EMAIL = "mayor.office@example.org"
PASSWORD = "Seoul-Together-2026!"


def test_sign_up_verify_by_smtp_enable_totp_and_sign_in_again(page: Any, smtp_settings: Any, settings: Any) -> None:
    smtp = smtp_settings
    # Sign up.
    page.goto("/en/accounts/signup/")
    check_accessibility(page, "flow-signup")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")
    check_accessibility(page, "flow-verification-sent")

    # The verification e-mail arrives over real SMTP.
    wait_until(lambda: len(smtp.messages) == 1)
    received = smtp.messages[0]
    assert received["To"] == EMAIL
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message_text(received))
    assert link is not None
    page.goto(link.group(0))
    check_accessibility(page, "flow-confirm-email")
    page.click("main button[type=submit]")

    # Sign in (verified now).
    page.goto("/en/accounts/login/")
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_url("**/en/")

    # Enable TOTP: right after signing in, without typing the password again.
    page.goto("/en/accounts/2fa/totp/activate/")
    assert "/reauthenticate/" not in page.url
    check_accessibility(page, "flow-totp-activate")
    secret = page.locator("#authenticator_secret").input_value()
    totp = pyotp.TOTP(secret)
    fresh_code_window(totp)
    page.fill("#id_code", totp.now())
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/recovery-codes/")
    assert "Authenticator app activated." in page.locator("main").inner_text()
    check_accessibility(page, "flow-after-totp")
    user = User.objects.get(email=EMAIL)
    assert user.authenticator_set.filter(type="totp").count() == 1

    # Sign out and in again: password, then a fresh TOTP code.
    page.goto("/en/accounts/logout/")
    check_accessibility(page, "flow-logout")
    page.click("main button[type=submit]")
    page.goto("/en/accounts/login/")
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_url("**/2fa/authenticate/")
    check_accessibility(page, "flow-2fa-authenticate")
    used = totp.now()
    while totp.now() == used:  # a code is accepted once: wait for the next one
        time.sleep(1)
    fresh_code_window(totp)
    page.fill("#id_code", totp.now())
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/")
    page.goto("/en/accounts/profile/")
    assert page.locator("main").inner_text().count(EMAIL) == 1
    check_accessibility(page, "flow-profile")
