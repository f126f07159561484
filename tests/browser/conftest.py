"""Playwright on Debian's chromium; the page helpers (axe-core checks, sign-in)
are in tests/browser/helpers.py. The markup check (test_markup.py) runs last,
over the HTML of every page the other browser tests checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.core.management import call_command

from prize_portal.accounts.roles import Role
from tests.browser.helpers import fresh_code_window, record_documents, sign_in
from tests.factories import PASSWORD, give_totp, make_user
from tests.services import service_missing

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.browser


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The markup check reads what the other tests recorded: it runs after them
    (a stable sort keeps every other test in its place)."""
    markup = Path(__file__).with_name("test_markup.py")
    items.sort(key=lambda item: item.path == markup)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        service_missing("chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        # Every context, also those a test makes itself, records the HTML
        # documents its pages receive, for the markup check.
        new_context = browser.new_context
        browser.new_context = lambda **options: record_documents(new_context(**options))  # type: ignore[method-assign]
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/Paris")
    page = context.new_page()
    page.set_default_timeout(15000)
    # Nothing may come from another host: no CDN, no fonts, no trackers.
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith((live_server.url, "data:")) else elsewhere.append(request.url),
    )
    yield page
    context.close()
    assert elsewhere == [], f"pages fetched from other hosts: {elsewhere}"


@pytest.fixture
def staff_page(page: Any) -> Any:
    """The seeded prize, and a staff member signed in to Django admin with TOTP."""
    call_command("seed_prize")
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    secret = give_totp(staff)
    page.goto("/en/admin/")
    page.wait_for_url("**/accounts/login/?next=**")
    sign_in(page, staff.email, PASSWORD)
    page.wait_for_url("**/2fa/authenticate/**")
    totp = pyotp.TOTP(secret)
    fresh_code_window(totp)
    page.fill("#id_code", totp.now())
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/admin/")
    return page
