"""Drafts are never lost: what an applicant types is saved as typed, a value
in error included, and is there when they come back in another browser."""

from __future__ import annotations

from typing import Any

import pytest

from categories.enums import QuestionKind
from submissions.models import Entry
from submissions.services import entry_save_draft
from tests.browser.helpers import check_accessibility, sign_in
from tests.factories import PASSWORD
from tests.factories.submissions import demo_edition_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "digital.office@daejeon.example"


@pytest.fixture
def draft() -> Entry:
    """A city's new draft in the seeded demo edition (open today), in Korean."""
    return demo_edition_draft(
        EMAIL, language="ko", name_en="Daejeon Metropolitan City", name_native="대전광역시", city="Daejeon"
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
    typed = _seven_fields(draft, "typed in the browser")
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


def _seven_fields(draft: Entry, how: str = "typed offline") -> dict[str, str]:
    """The title, the summary and the first five text questions of the draft's form."""
    texts = [
        question.code
        for question in draft.category.questions.order_by("order", "code")
        if question.kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT)
        and question.is_asked_of(draft.organisation.type)
        and question.shown_if_id is None  # always asked
    ][:5]
    typed = {"title_en": "Night buses that wait for you", "summary_en": "A bus waits until the rider is home."}
    typed.update({f"answer-{code}": f"Answer {number} {how}" for number, code in enumerate(texts)})
    return typed


def test_typed_offline_saved_when_the_connection_returns_or_after_a_crash(
    browser: Any, live_server: Any, draft: Entry
) -> None:
    typed = _seven_fields(draft)
    names = list(typed)
    context, page = _signed_in_page(browser, live_server)
    page.goto(f"/en/entries/{draft.pk}/edit/")
    status = page.locator("[data-autosave-status]")

    # The connection drops; the first three answers wait, and go when it is back.
    context.set_offline(True)
    for name in names[:3]:
        page.fill(f"[name='{name}']", typed[name])
    page.locator(f"[name='{names[2]}']").blur()
    status.filter(has_text="the connection failed").wait_for()
    context.set_offline(False)
    status.filter(has_text="All changes saved").wait_for()
    draft.refresh_from_db()
    assert draft.title_en == typed["title_en"]

    # Offline again; the rest and a bad date are typed, then the browser tab dies.
    context.set_offline(True)
    for name in names[3:]:
        page.fill(f"[name='{name}']", typed[name])
    page.fill("[name='answer-start-date']", "15032024")
    page.locator("[name='answer-start-date']").blur()
    status.filter(has_text="the connection failed").wait_for()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('portal-draft:')).length")
    assert kept == 1
    page.close()
    context.set_offline(False)

    page = context.new_page()
    page.goto(f"/en/entries/{draft.pk}/edit/")
    status = page.locator("[data-autosave-status]")
    status.get_by_role("link", name="Start date").wait_for()  # put back, saved, the date still to correct
    for name, value in typed.items():
        assert page.locator(f"[name='{name}']").input_value() == value, name
    check_accessibility(page, "entry-form-restored-en")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('portal-draft:')).length") == 0
    context.close()

    context, page = _signed_in_page(browser, live_server)  # another browser: everything is on the server
    page.goto(f"/en/entries/{draft.pk}/edit/")
    for name, value in typed.items():
        assert page.locator(f"[name='{name}']").input_value() == value, name
    assert page.locator("[name='answer-start-date']").input_value() == "15032024"
    assert page.locator("#id_answer-start-date_error").inner_text() == "Enter a date like 2026-03-15."
    context.close()


def test_a_copy_older_than_the_server_is_offered_and_signing_out_forgets_it(
    browser: Any, live_server: Any, draft: Entry
) -> None:
    context, page = _signed_in_page(browser, live_server)
    page.goto(f"/en/entries/{draft.pk}/edit/")
    context.set_offline(True)
    page.fill("[name='title_en']", "Typed before the crash")
    page.locator("[name='title_en']").blur()
    page.locator("[data-autosave-status]", has_text="the connection failed").wait_for()
    page.close()
    context.set_offline(False)
    # Meanwhile a colleague saves another field: the server now holds a newer version.
    entry_save_draft(
        entry_id=draft.pk, user=draft.owner, version=draft.version, fields={"summary_en": "Their summary."}
    )

    page = context.new_page()
    page.goto(f"/en/entries/{draft.pk}/edit/")
    prompt = page.locator(".restore-prompt")
    prompt.wait_for()
    assert "This browser kept changes from" in prompt.inner_text()
    assert page.evaluate("document.activeElement.closest('.restore-prompt') !== null")
    check_accessibility(page, "entry-form-restore-prompt-en")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Put my changes back"
    page.locator("[data-autosave-status]", has_text="All changes saved").wait_for()
    draft.refresh_from_db()
    assert (draft.title_en, draft.summary_en) == ("Typed before the crash", "Their summary.")

    # A copy kept again (the server unreachable), then signing out forgets it.
    page.route("**/edit/", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    page.fill("[name='title_en']", "Not sent")
    page.locator("[name='title_en']").blur()
    page.locator("[data-autosave-status]", has_text="the connection failed").wait_for()
    other = context.new_page()
    other.goto("/en/accounts/logout/")
    other.get_by_role("button", name="Sign Out").click()
    other.wait_for_load_state()
    assert other.evaluate("Object.keys(localStorage).filter(k => k.startsWith('portal-draft:')).length") == 0
    context.close()


def test_two_people_editing_the_same_field_see_both_texts_and_choose(
    browser: Any, live_server: Any, draft: Entry
) -> None:
    first_context, first = _signed_in_page(browser, live_server)
    second_context, second = _signed_in_page(browser, live_server)
    for page in (first, second):
        page.goto(f"/en/entries/{draft.pk}/edit/")
    first.fill("[name='summary_en']", "The first person's summary.")
    first.fill("[name='title_en']", "First title")
    first.locator("[name='title_en']").blur()
    first.locator("[data-autosave-status]", has_text="All changes saved").wait_for()

    second.fill("[name='summary_en']", "The second person's summary.")
    second.locator("[name='summary_en']").blur()
    conflict = second.locator("#id_summary_en_conflict")
    conflict.wait_for()
    assert "The first person's summary." in conflict.inner_text()
    assert second.locator("[name='summary_en']").input_value() == "The second person's summary."
    assert second.locator("[name='title_en']").input_value() == ""  # not touched here: not sent
    check_accessibility(second, "entry-form-conflict-en")
    conflict.get_by_role("button", name="Keep mine").click()
    second.locator("[data-autosave-status]", has_text="All changes saved").wait_for()
    draft.refresh_from_db()
    assert (draft.title_en, draft.summary_en) == ("First title", "The second person's summary.")
    first_context.close()
    second_context.close()
