"""The privacy journey in a browser: signing up in French with the optional
consents refused, by keyboard; reading the notice; withdrawing a consent."""

from __future__ import annotations

import json
import zipfile
from typing import Any

import pyotp
import pytest

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.privacy.models import Consent
from tests.browser.helpers import check_accessibility, check_reflow, fresh_code_window, sign_in
from tests.factories import PASSWORD, answer_consents, give_totp, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("privacy_texts"),
]

EMAIL = "mairie@lyon.example"


def test_sign_up_in_french_with_the_optional_consents_refused_by_keyboard(page: Any) -> None:
    page.goto("/fr/accounts/signup/")
    check_accessibility(page, "privacy-signup-fr")
    check_reflow(page, "privacy-signup-fr")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    # Only the two required boxes, ticked with the space bar.
    for code in ("privacy-notice", "applicant-data"):
        page.focus(f"#id_consent__{code}")
        page.keyboard.press("Space")
    # The details of an optional item open from the keyboard too.
    details = page.locator(".consent__details summary").first
    details.focus()
    page.keyboard.press("Enter")
    assert page.locator(".consent__details").first.get_attribute("open") is not None
    check_accessibility(page, "privacy-signup-fr-filled")
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")

    user = User.objects.get(email=EMAIL)
    answers = dict(Consent.objects.filter(user=user).values_list("code", "given"))
    assert answers == {
        "privacy-notice": True,
        "applicant-data": True,
        "transfer-abroad": False,
        "training-provider": False,
        "reminder-emails": False,
    }
    assert user.language == "fr"


def test_the_notice_and_the_consents_page(page: Any) -> None:
    user = make_user(email="kim@seoul.example", language="ko")
    answer_consents(user)
    page.goto("/ko/privacy/")
    check_accessibility(page, "privacy-notice-ko")
    check_reflow(page, "privacy-notice-ko")
    assert "개인정보 처리방침" in page.locator("h1").inner_text()

    page.goto("/ko/accounts/login/")
    sign_in(page, user.email, PASSWORD)
    page.wait_for_url("**/ko/**")
    page.goto("/ko/privacy/consents/")
    check_accessibility(page, "privacy-consents-ko")
    check_reflow(page, "privacy-consents-ko")
    page.uncheck("#id_consent__training-provider")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ko/privacy/consents/")
    user.refresh_from_db()
    assert user.share_with_training is False


def test_download_ones_data(page: Any) -> None:
    user = make_user(email="kim@seoul.example", language="en")
    answer_consents(user)
    page.goto("/en/accounts/login/")
    sign_in(page, user.email, PASSWORD)
    page.wait_for_url("**/en/")
    page.goto("/en/accounts/profile/")
    page.get_by_role("link", name="Download your data").click()
    page.wait_for_url("**/en/privacy/data/")
    check_accessibility(page, "privacy-data-empty")
    page.get_by_role("button", name="Prepare my data download").click()
    page.wait_for_url("**/en/privacy/data/")  # built by the task once the request committed
    assert "Your download is being prepared." in page.locator(".messages").inner_text()
    page.reload()
    check_accessibility(page, "privacy-data-ready")
    check_reflow(page, "privacy-data-ready")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the ZIP").click()
    download = download_info.value
    assert download.suggested_filename.startswith("seoul-smart-city-prize-data-")
    with zipfile.ZipFile(download.path()) as archive:
        assert "account.json" in archive.namelist()
        assert json.loads(archive.read("account.json"))[0]["email"] == "kim@seoul.example"


def test_request_erasure_and_staff_complete_it(page: Any, browser: Any, live_server: Any) -> None:
    person = make_user(email="hana@seoul.example", name="Hana Seo", language="ko")
    answer_consents(person)
    page.goto("/ko/accounts/login/")
    sign_in(page, person.email, PASSWORD)
    page.wait_for_url("**/ko/**")
    page.goto("/ko/privacy/requests/")
    check_accessibility(page, "privacy-requests-ko")
    check_reflow(page, "privacy-requests-ko")
    page.focus("input[name=kind][value=erasure]")
    page.keyboard.press("Space")
    page.focus("#id_confirm_erasure")
    page.keyboard.press("Space")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ko/privacy/requests/")
    check_accessibility(page, "privacy-requests-sent-ko")

    staff = make_user(Role.STAFF, email="dpo@wego.example")
    secret = give_totp(staff)
    answer_consents(staff)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    desk = context.new_page()
    desk.goto("/en/accounts/login/?next=/en/staff/privacy/")
    sign_in(desk, staff.email, PASSWORD)
    desk.wait_for_url("**/2fa/authenticate/**")
    totp = pyotp.TOTP(secret)
    fresh_code_window(totp)
    desk.fill("#id_code", totp.now())
    desk.click("main button[type=submit]")
    desk.wait_for_url("**/en/staff/privacy/")
    check_accessibility(desk, "privacy-staff-requests")
    desk.get_by_role("link", name="Delete my account and my data").click()
    check_accessibility(desk, "privacy-staff-request")
    check_reflow(desk, "privacy-staff-request")
    desk.check("input[name=decision][value=done]")
    desk.check("input[name=erasure_mode][value=keep_closed]")
    desk.click("main button[type=submit]")
    desk.wait_for_url("**/en/staff/privacy/")
    assert "The request has been answered." in desk.locator(".messages").inner_text()
    context.close()

    person.refresh_from_db()
    assert (person.name, person.is_active) == ("", False)
    page.goto("/ko/privacy/requests/")  # her session ended with her account
    assert "/accounts/login/" in page.url
