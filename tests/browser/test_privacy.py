"""The privacy journey in a browser: signing up in French with the optional
consents refused, by keyboard; reading the notice; withdrawing a consent."""

from __future__ import annotations

import json
import zipfile
from typing import Any

import pytest

from prize_portal.accounts.models import User
from prize_portal.privacy.models import Consent
from tests.browser.helpers import check_accessibility, check_reflow
from tests.factories import PASSWORD, answer_consents, make_user

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
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
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
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
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
