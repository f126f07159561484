"""Every public page in a real browser: axe-core finds nothing, keyboard works."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from tests.browser.helpers import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    ("home", "/{lang}/"),
    ("about", "/{lang}/about/"),
    ("cycle", "/{lang}/cycles/2026/"),
    ("category-project", "/{lang}/cycles/2026/categories/project/"),
    ("category-leadership", "/{lang}/cycles/2026/categories/leadership/"),
    ("login", "/{lang}/accounts/login/"),
    ("signup", "/{lang}/accounts/signup/"),
    ("password-reset", "/{lang}/accounts/password/reset/"),
    ("login-code", "/{lang}/accounts/login/code/"),
    ("not-found", "/{lang}/cycles/1999/"),
]


@pytest.fixture
def seeded() -> None:
    call_command("seed_prize")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_public_pages_have_no_accessibility_violations(page: Any, seeded: None, lang: str) -> None:
    for name, path in PUBLIC_PAGES:
        response = page.goto(path.format(lang=lang))
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.locator("html").get_attribute("lang") == lang
        check_accessibility(page, f"{name}-{lang}")


def test_form_errors_are_accessible(page: Any, seeded: None) -> None:
    page.goto("/en/accounts/signup/")
    # Passes the browser's own checks, fails the server's.
    page.fill("#id_email", "applicant@example.org")
    page.fill("#id_password1", "short")
    page.fill("#id_password2", "other")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 1
    described = (invalid.first.get_attribute("aria-describedby") or "").split()
    error_id = next(name for name in described if name.endswith("_error"))
    assert "This password is too short" in page.locator(f"#{error_id}").inner_text()
    summary = page.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")  # focus moved to the summary
    summary.locator("a", has_text="Password").first.click()
    assert page.evaluate("document.activeElement.id") == "id_password1"
    check_accessibility(page, "signup-errors-en")


def test_skip_link_is_first_and_moves_focus_to_main(page: Any, seeded: None) -> None:
    page.goto("/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_by_keyboard(page: Any, seeded: None) -> None:
    page.goto("/en/about/")
    switcher = page.locator(".language-switcher")
    assert switcher.locator("[aria-current=true]").inner_text() == "English"
    names = [button.inner_text() for button in switcher.get_by_role("button").all()]
    assert names == ["한국어", "日本語", "简体中文", "español", "français"]  # each in its own name
    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "한국어":
            break
    assert page.evaluate("document.activeElement.lang") == "ko"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ko/about/")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.goto("/")  # the choice is remembered
    page.wait_for_url("**/ko/")


def test_dates_shown_in_seoul_and_local_time(page: Any, seeded: None) -> None:
    page.goto("/en/cycles/2026/")
    deadline = page.locator("dd", has_text="May 29, 2026, 11:59 p.m. (Seoul time)")
    assert deadline.count() == 1
    local = deadline.locator(".local-time")
    local.wait_for(state="visible")
    # 23:59 in Seoul is 16:59 in Paris (CEST, GMT+2) on 29 May.
    assert local.inner_text() == "Your local time: May 29, 2026 at 04:59 PM GMT+2"


def test_countdown_runs_for_open_cycle(page: Any) -> None:
    from tests.factories import CycleFactory

    CycleFactory()
    page.goto("/en/")
    text = page.locator("[data-countdown-text]").inner_text()
    assert text.startswith("Applications close in 12 days and ")
    check_accessibility(page, "home-open-cycle-en")


def test_an_error_page_after_following_an_error_link_starts_at_its_summary(page: Any, seeded: None) -> None:
    """A form without an action posts to the page's address, #field of the
    followed error link included: the next error page must still start at
    its summary, not at that field."""
    from tests.browser.helpers import sign_in
    from tests.factories import PASSWORD, make_user

    make_user(email="org.applicant@example.org")
    page.goto("/en/accounts/login/")
    sign_in(page, "org.applicant@example.org", PASSWORD)
    page.wait_for_load_state()
    page.goto("/en/entries/organisations/new/")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    summary = page.locator(".error-summary")
    summary.locator("a").first.click()
    assert "#" in page.url
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    assert summary.evaluate("element => element === document.activeElement")
    assert page.evaluate("window.location.hash") == ""
