"""Staff watch intake: the intake page with its chart, and an entry in admin
with its submitted version and the extension form; all axe-clean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.enums import QuestionKind
from categories.models import Question
from submissions.models import Entry
from submissions.services import attachment_add, entry_submit
from tests.browser.helpers import check_accessibility
from tests.factories import DEADLINE, PDF_BYTES, submit_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNTRIES = [("KR", "Seoul"), ("JP", "Osaka"), ("FR", "Lyon"), ("BR", "Curitiba"), ("KR", "Busan"), ("ES", "Bilbao")]


@pytest.fixture
def entries(project: Any) -> list[Entry]:
    """Entries of the 2030 cycle submitted over its last ten days, and a draft."""
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    made = []
    for index, (country, city) in enumerate(COUNTRIES):
        made.append(
            submit_entry(
                project,
                email=f"applicant{index}@example.org",
                name_en=f"{city} City",
                name_native=f"{city} 시" if country == "KR" else city,
                country=country,
                city=city,
                title=f"Smart {city}",
                track=index % 2,
                now=DEADLINE - timedelta(days=10 - index * 2, hours=index),
                submit=index != 5,
            )
        )
    # created_at comes from the clock: place the draft inside the cycle too.
    Entry.objects.filter(pk=made[5].pk).update(created_at=DEADLINE - timedelta(days=2))
    first = made[0]
    upload = SimpleUploadedFile("Annual report 2029.pdf", PDF_BYTES, content_type="application/pdf")
    now = DEADLINE - timedelta(days=1)
    attachment_add(entry_id=first.pk, user=first.owner, upload=upload, question_code="documents", now=now)
    entry_submit(entry_id=first.pk, user=first.owner, now=now)
    return made


def test_staff_intake_page_chart_and_tables(staff_page: Any, entries: list[Entry]) -> None:
    page = staff_page
    assert page.goto("/en/staff/intake/").status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Intake: Seoul Smart City Prize 2030"
    chart = page.get_by_role("img", name="Entries submitted per day (first submission, Seoul time)")
    assert chart.is_visible()
    assert page.locator(".intake-totals dd").all_inner_texts() == ["5", "1", "4"]
    by_country = page.get_by_role("region", name="Entries by country").locator("tbody tr")
    assert [text.strip() for text in by_country.first.locator("th, td").all_inner_texts()] == ["South Korea", "2", "0"]
    check_accessibility(page, "staff-intake")
    # Another edition, chosen with the keyboard.
    page.get_by_label("Edition").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/intake/?cycle=2026")
    assert page.get_by_role("heading", level=1).inner_text().endswith("2026")
    check_accessibility(page, "staff-intake-2026")


def test_staff_reads_submitted_entry_and_grants_extension(staff_page: Any, entries: list[Entry]) -> None:
    page = staff_page
    entry = entries[0]
    assert page.goto("/en/admin/submissions/entry/?organisation__country=KR").status == 200
    assert page.locator("#result_list tbody tr").count() == 2
    check_accessibility(page, "admin-entries-filtered")
    page.get_by_role("link", name=entry.reference).click()
    page.get_by_role("heading", name="Submitted version 2").wait_for()
    assert page.get_by_role("link", name="Annual report 2029.pdf").is_visible()
    check_accessibility(page, "admin-entry-submitted")
    page.get_by_role("link", name="Grant an extension").click()
    page.wait_for_url(f"**/admin/submissions/entry/{entry.pk}/extend/")
    field = page.get_by_label("Extended deadline (Seoul time)")
    field.fill("2030-05-20T12:00")
    page.get_by_role("button", name="Grant the extension").click()
    page.get_by_role("link", name="An extension must end after the deadline.").wait_for()
    check_accessibility(page, "admin-entry-extend-error")
    page.get_by_label("Extended deadline (Seoul time)").fill("2030-06-03T18:00")
    page.get_by_role("button", name="Grant the extension").click()
    page.wait_for_url(f"**/admin/submissions/entry/{entry.pk}/change/")
    assert "may now be changed and submitted until June 3, 2030, 6 p.m. (Seoul time)." in page.inner_text(
        ".messagelist"
    )
    entry.refresh_from_db()
    assert entry.extended_until == datetime(2030, 6, 3, 9, 0, tzinfo=UTC)


def test_the_secretariat_pages_are_one_menu_that_opens_by_keyboard(staff_page: Any) -> None:
    page = staff_page
    page.goto("/en/staff/intake/")
    menu = page.locator(".site-nav__menu")
    assert not menu.get_by_role("link", name="Judging rounds").is_visible()
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    links = [link.inner_text() for link in menu.get_by_role("link").all()]
    assert links == [
        "Administration",
        "Intake statistics",
        "Translations of the content",
        "Judging rounds",
        "Publish results",
        "Events and invitations",
        "Privacy requests",
        "Personal data retention",
    ]
    assert menu.get_by_role("link", name="Intake statistics").get_attribute("aria-current") == "page"
    check_accessibility(page, "staff-menu-open-en")
    for _link in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Judging rounds"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/staff/judging/")


def test_the_translation_status_page_is_accessible(staff_page: Any) -> None:
    from categories.models import Question

    page = staff_page
    Question.objects.filter(code="budget-total").update(label_ja="")
    for language in ("en", "ko"):
        page.goto(f"/{language}/staff/content/translations/")
        assert page.locator("h2[id=missing-ja]").count() == 1
        check_accessibility(page, f"staff-translations-{language}")
    page.locator(".missing-texts a[lang=en]").first.click()
    page.wait_for_url("**/admin/categories/question/*/change/")
