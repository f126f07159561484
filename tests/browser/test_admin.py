"""Staff in Django admin: signed in with TOTP, language tabs by keyboard, axe-clean."""

from __future__ import annotations

from typing import Any

import pytest

from categories.models import Category, Cycle
from tests.browser.helpers import check_accessibility
from tests.factories.events import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_user_pk() -> int:
    from prize_portal.accounts.models import User

    return User.objects.get(email="secretariat@example.org").pk


def test_admin_pages_have_no_accessibility_violations(staff_page: Any) -> None:
    page = staff_page
    cycle = Cycle.objects.get(year=2026)
    project = Category.objects.get(code="project")
    for name, path in [
        ("admin-index", "/en/admin/"),
        ("admin-cycles", "/en/admin/categories/cycle/"),
        ("admin-cycle", f"/en/admin/categories/cycle/{cycle.pk}/change/"),
        ("admin-category", f"/en/admin/categories/category/{project.pk}/change/"),
        ("admin-questions", "/en/admin/categories/question/"),
        ("admin-outbox", "/en/admin/outbox/outboxmessage/"),
        ("admin-users", "/en/admin/accounts/user/"),
        ("admin-user", f"/en/admin/accounts/user/{page_user_pk()}/change/"),
        ("admin-authenticators", "/en/admin/mfa/authenticator/"),
        ("admin-entries", "/en/admin/submissions/entry/"),
        ("admin-organisations", "/en/admin/submissions/organisation/"),
        ("admin-audit", "/en/admin/audit/auditevent/"),
        ("admin-events", "/en/admin/events/event/"),
        ("admin-event", f"/en/admin/events/event/{make_event(cycle).pk}/change/"),
    ]:
        assert page.goto(path).status == 200, path
        check_accessibility(page, name)


def test_admin_language_tabs_switch_by_keyboard(staff_page: Any) -> None:
    page = staff_page
    project = Category.objects.get(code="project")
    page.goto(f"/en/admin/categories/category/{project.pk}/change/")
    english = page.get_by_role("tab", name="en")
    assert english.get_attribute("aria-selected") == "true"
    assert page.locator("#id_name_en").is_visible()
    assert not page.locator("#id_name_ko").is_visible()
    english.focus()
    page.keyboard.press("ArrowRight")
    korean = page.get_by_role("tab", name="ko")
    assert korean.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "language-tab-ko"
    assert page.locator("#id_name_ko").input_value() == "프로젝트"
    assert not page.locator("#id_name_en").is_visible()
    page.keyboard.press("End")
    assert page.get_by_role("tab", name="fr").get_attribute("aria-selected") == "true"
    check_accessibility(page, "admin-category-tabs-fr")


def test_admin_language_tabs_say_what_is_not_translated(staff_page: Any) -> None:
    page = staff_page
    project = Category.objects.get(code="project")
    Category.objects.filter(pk=project.pk).update(name_ja="", summary_ja="")
    page.goto(f"/en/admin/categories/category/{project.pk}/change/")
    japanese = page.locator("#language-tab-ja")
    assert japanese.text_content() == "ja 2 not translated"
    assert page.locator("#language-tab-ko").text_content() == "ko"
    japanese.focus()
    page.keyboard.press("Enter")
    page.locator("#id_name_ja").fill("プロジェクト")
    assert japanese.text_content() == "ja 1 not translated"
    check_accessibility(page, "admin-category-tab-missing")


def test_merging_organisations_asks_which_record_to_keep(staff_page: Any) -> None:
    from submissions.models import Organisation
    from tests.factories import make_organisation, make_user

    page = staff_page
    for number in range(2):
        make_organisation(
            make_user(email=f"seoul{number}@seoul.example"), name_en=f"Seoul Metropolitan Government {number}"
        )
    page.goto("/en/admin/submissions/organisation/")
    for checkbox in page.locator("input.action-select").all():
        checkbox.check()
    page.select_option("select[name=action]", "merge")
    page.click("button[name=index]")
    page.wait_for_selector("input[name=keep]")
    check_accessibility(page, "admin-organisations-merge")
    page.keyboard.press("Tab")
    page.check("input[name=keep] >> nth=1")
    page.click("input[type=submit][value=Merge]")
    page.wait_for_selector(".messagelist")
    assert Organisation.objects.count() == 1
