"""The whole applicant journey by keyboard only, in Korean: sign in, start an
entry, fill every step (a question appearing and disappearing with the answer
it depends on), upload, review, submit. No mouse event is sent: Tab, arrows,
Space and Enter, and typing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from categories.models import Category, Question
from categories.services import seed_demo_edition
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.browser.helpers import check_accessibility
from tests.factories import PASSWORD, PDF_BYTES, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "smart.city@gwangju.example"


def tab_to(page: Any, selector: str, *, backwards: bool = False, limit: int = 150) -> None:
    """Press Tab (or Shift+Tab) until the focus is on ``selector``."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page: Any, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def press_button(page: Any, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Enter")


def go_on(page: Any, selector: str = "main button[name=action][value=next]") -> None:
    """Press a button that leads to another page, and wait for it."""
    with page.expect_navigation():
        press_button(page, selector)


def choose_radio(page: Any, name: str, value: str) -> None:
    """Into a radio group by Tab, then the arrow keys to the value (arrows also check it)."""
    tab_to(page, f"input[name='{name}']")
    for _ in range(12):
        if page.evaluate(
            "([n, v]) => document.querySelector(`input[name='${n}'][value='${v}']`).checked", [name, value]
        ):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{name}={value} never checked")


def tick(page: Any, name: str, value: str) -> None:
    tab_to(page, f"input[name='{name}'][value='{value}']")
    page.keyboard.press("Space")


def _category_pk(code: str) -> int:
    return Category.objects.get(cycle__year=2027, code=code).pk


def _first_choice(code: str) -> str:
    question = Question.objects.get(category__cycle__year=2027, category__code="project", code=code)
    return question.choices.order_by("order", "code").values_list("code", flat=True)[0]


@pytest.fixture
def applicant() -> Any:
    call_command("seed_prize")
    seed_demo_edition(now=timezone.now())
    user = make_user(email=EMAIL, language="ko")
    make_organisation(user, name_en="Gwangju Metropolitan City", name_native="광주광역시", city="Gwangju")
    return user


def test_korean_applicant_by_keyboard_only(browser: Any, live_server: Any, applicant: Any, tmp_path: Any) -> None:
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    # Count every pointer press on every page (a click made by a key has detail 0).
    context.add_init_script(
        "['mousedown', 'mouseup', 'click'].forEach(type => document.addEventListener(type, event => {"
        " if (event.isTrusted && event.detail > 0) sessionStorage.mouse = Number(sessionStorage.mouse || 0) + 1;"
        " }, true));"
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.on("dialog", lambda dialog: dialog.dismiss())
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/ko/accounts/login/")
    type_into(page, "#id_login", EMAIL)
    type_into(page, "#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/ko/(entries/)?$"))

    page.goto("/ko/entries/new/")
    check_accessibility(page, "keyboard-start-ko")
    choose_radio(page, "category", str(_category_pk("project")))
    tab_to(page, "input[name='track']")
    page.keyboard.press("Space")
    tab_to(page, "#id_language")
    for key in ["Home", *["ArrowDown"] * 12]:  # a closed list moves with the arrow keys
        if page.evaluate("document.activeElement.value") == "ko":
            break
        page.keyboard.press(key)
    assert page.evaluate("document.activeElement.value") == "ko"
    press_button(page, "main button[type=submit]")
    page.wait_for_url(re.compile(r".*/ko/entries/\d+/edit/about/$"))
    entry = Entry.objects.get()
    check_accessibility(page, "keyboard-step-about-ko")

    # Step 1: about the entry.
    type_into(page, "#id_title_en", "Night buses that wait for you")
    type_into(page, "#id_summary_en", "A bus waits until the rider is home.")
    type_into(page, "#id_title_original", "집 앞까지 기다리는 심야버스")
    type_into(page, "#id_summary_original", "승객이 집에 들어갈 때까지 버스가 기다립니다.")
    tick(page, "answer-fields", _first_choice("fields"))
    tick(page, "answer-target-groups", _first_choice("target-groups"))
    type_into(page, "#id_answer-population", "1419000")
    type_into(page, "#id_answer-government-role", "시가 운영비를 부담합니다.")
    go_on(page)

    # The evaluation domains, one step each.
    answers = {
        "problem-innovation": "밤늦게 귀가하는 시민이 불안합니다.",
        "design": "수요응답형 심야버스를 설계했습니다.",
        "budget-plan": "2025년부터 3년간 시 예산으로 추진합니다.",
        "implementation": "12개 노선에서 운행 중입니다.",
        "learning": "승객 설문으로 매월 평가합니다.",
        "value": "여성과 노인의 야간 이동이 늘었습니다.",
    }
    for _step in range(6):
        page.wait_for_url(re.compile(r".*/edit/domain-[\w-]+/$"))
        check_accessibility(page, f"keyboard-step-{page.url.rstrip('/').rsplit('/', 1)[1]}-ko")
        for code, text in answers.items():
            if page.locator(f"#id_answer-{code}").count():
                type_into(page, f"#id_answer-{code}", text)
        if page.locator("#id_answer-start-date").count():
            type_into(page, "#id_answer-start-date", "2025-03-01")
        if page.locator("[name='answer-funding']").count():
            source = page.locator("[data-shown-if='answer-funding']")
            assert source.is_hidden()
            choose_radio(page, "answer-funding", "co-funded")
            source.wait_for(state="visible")
            assert "예산 출처" in page.locator("[data-conditions-status]").inner_text()
            check_accessibility(page, "keyboard-conditional-shown-ko")
            choose_radio(page, "answer-funding", "self-funded")
            source.wait_for(state="hidden")
            choose_radio(page, "answer-funding", "co-funded")
            source.wait_for(state="visible")
            type_into(page, "#id_answer-budget-source", "국비 50%, 시비 50%")
        go_on(page)

    # The files.
    page.wait_for_url(re.compile(r".*/edit/files/$"))
    tab_to(page, "#file-supporting-documents")
    page.set_input_files(
        "#file-supporting-documents", files=[{"name": "계획서.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.locator("[data-attachments=supporting-documents] li").wait_for()
    check_accessibility(page, "keyboard-step-files-ko")
    go_on(page, "main button[name=action][value=review]")

    # Review, then submit.
    page.wait_for_url(re.compile(r".*/review/$"))
    main = page.locator("main").inner_text()
    assert "집 앞까지 기다리는 심야버스" in main
    assert "국비 50%, 시비 50%" in main
    assert "계획서.pdf" in main
    check_accessibility(page, "keyboard-review-ko")
    go_on(page, "main .review-submit button[type=submit]")
    page.wait_for_url(re.compile(rf".*/entries/{entry.pk}/$"))
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.reference in page.locator("main").inner_text()
    assert page.evaluate("Number(sessionStorage.mouse || 0)") == 0
    assert errors == []
    context.close()
