"""Drafts are never lost: what an applicant types is saved as typed, a value
in error included, and is there when they come back in another browser."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from categories.enums import QuestionKind
from categories.models import Category
from categories.services import seed_demo_edition
from submissions.models import Entry
from submissions.services import entry_start
from tests.browser.helpers import check_accessibility, sign_in
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "digital.office@daejeon.example"


@pytest.fixture
def draft() -> Entry:
    """A city's new draft in the seeded demo edition (open today), in Korean."""
    call_command("seed_prize")
    seed_demo_edition(now=timezone.now())
    user = make_user(email=EMAIL, language="ko")
    organisation = make_organisation(
        user, name_en="Daejeon Metropolitan City", name_native="대전광역시", city="Daejeon"
    )
    project = Category.objects.get(cycle__year=2027, code="project")
    return entry_start(
        user=user, organisation=organisation, category=project, track=project.tracks.first(), language="ko"
    )


def _signed_in_page(browser: Any, live_server: Any) -> tuple[Any, Any]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto("/en/accounts/login/")
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_load_state()
    return context, page


def test_seven_answers_and_a_bad_date_survive_closing_the_browser(browser: Any, live_server: Any, draft: Entry) -> None:
    texts = [
        question.code
        for question in draft.category.questions.order_by("order", "code")
        if question.kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT)
        and question.is_asked_of(draft.organisation.type)
    ][:5]
    typed = {"title_en": "Night buses that wait for you", "summary_en": "A bus waits until the rider is home."}
    typed.update({f"answer-{code}": f"Answer {number} typed in the browser" for number, code in enumerate(texts)})
    assert len(typed) == 7

    context, page = _signed_in_page(browser, live_server)
    page.goto(f"/en/entries/{draft.pk}/edit/")
    for name, value in typed.items():
        page.fill(f"[name='{name}']", value)
    page.fill("[name='answer-start-date']", "15032024")
    page.locator("[name='answer-start-date']").blur()
    status = page.locator("[data-autosave-status]")
    status.get_by_role("link", name="Start date").wait_for()
    assert status.inner_text().startswith("Saved at ")
    assert page.locator("[name='answer-start-date']").get_attribute("aria-invalid") == "true"
    check_accessibility(page, "entry-form-date-to-correct-en")
    context.close()  # no "Save draft", no goodbye

    context, page = _signed_in_page(browser, live_server)
    page.goto(f"/en/entries/{draft.pk}/edit/")
    for name, value in typed.items():
        assert page.locator(f"[name='{name}']").input_value() == value, name
    date = page.locator("[name='answer-start-date']")
    assert date.input_value() == "15032024"
    assert date.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_answer-start-date_error").inner_text() == "Enter a date like 2026-03-15."
    page.locator("[data-error-summary] a", has_text="Start date").click()
    assert page.evaluate("document.activeElement.name") == "answer-start-date"
    check_accessibility(page, "entry-form-reopened-en")

    date.fill("2024-03-15")
    date.blur()
    page.locator("[data-autosave-status]", has_text="All changes saved").wait_for()
    draft.refresh_from_db()
    assert draft.draft_invalid == {}
    assert draft.answers.get(question__code="start-date").value == "2024-03-15"
    context.close()
