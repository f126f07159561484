"""A judge's whole journey in a browser: sign in with a password and a TOTP
code, the dashboard and the round, a declared conflict of interest, scoring an
entry by keyboard and mouse with autosave surviving a reload, submitting the
review, and a blind round that never shows who the applicant is."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from playwright.sync_api import expect

from judging.enums import AssignmentState, ReviewState
from judging.models import Assignment, Review, Round
from tests.browser.helpers import check_accessibility, fresh_code_window, sign_in
from tests.factories import PASSWORD, add_criteria, assign, make_judge, make_round, submit_entry
from tests.services import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JUDGE_EMAIL = "judge@univ.example"
GANGNAM = ("Gangnam District", "강남구")
LIMA = ("Lima Metropolitan", "Municipalidad de Lima")
BUSAN = ("Busan Metropolitan City", "부산광역시")
GANGNAM_TITLE = "Smart crosswalks for older people"
LIMA_TITLE = "Neighbourhood air sensors"
BUSAN_TITLE = "Flood warnings by text message"


def _active_name(page: Any) -> list[str]:
    """The name and value of the focused element ("" when there is none)."""
    return page.evaluate(
        "() => { const e = document.activeElement; return e ? [e.name || '', e.value || ''] : ['', '']; }"
    )


def _tab_to(page: Any, name: str, value: str | None = None, limit: int = 200) -> int:
    """Press Tab until the focused element has ``name`` (and ``value``); the presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused_name, focused_value = _active_name(page)
        if focused_name == name and (value is None or focused_value == value):
            return presses
    raise AssertionError(f"Tab never reached [name={name}] in {limit} presses")


def _sign_in_judge(page: Any, judge: Any) -> None:
    """The real sign-in pages: e-mail and password, then a code from the judge's authenticator."""
    page.goto("/en/accounts/login/")
    sign_in(page, judge.email, PASSWORD)
    page.wait_for_url("**/2fa/authenticate/")
    totp = pyotp.TOTP(judge.totp_secret)
    fresh_code_window(totp)
    page.fill("#id_code", totp.now())
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/")


def _assert_anonymous(page: Any, where: str) -> None:
    content = page.content()
    for name in (*GANGNAM, *LIMA, *BUSAN):
        assert name not in content, f"{where} ({page.url}) shows the applicant {name!r} in a blind round"


def test_judge_declares_a_conflict_scores_submits_and_judges_blind(page: Any, project: Any) -> None:
    value, implementation = add_criteria(project)
    round_ = make_round(project)
    judge = make_judge(JUDGE_EMAIL, languages=["ko"], country="DE", organisation="Example University")
    gangnam = submit_entry(
        project, email="mayor@gangnam.example", name_en=GANGNAM[0], name_native=GANGNAM[1], title=GANGNAM_TITLE
    )
    lima = submit_entry(
        project,
        email="alcaldia@lima.example",
        name_en=LIMA[0],
        name_native=LIMA[1],
        country="PE",
        city="Lima",
        title=LIMA_TITLE,
    )
    conflicted = assign(round_, gangnam, judge)
    scored = assign(round_, lima, judge)

    # 1. Sign in through the real pages: password, then a TOTP code.
    _sign_in_judge(page, judge)

    # 2. The dashboard, from the main navigation, then the round.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My reviews").click()
    page.wait_for_url("**/en/judging/")
    main = page.locator("main")
    expect(main.locator(".round-list li")).to_have_count(1)
    expect(main).to_contain_text("0 of 2 reviews submitted")
    check_accessibility(page, "judging-dashboard")
    main.get_by_role("link", name="First round").click()
    page.wait_for_url(f"**/en/judging/rounds/{round_.pk}/")
    expect(main.locator("tbody tr")).to_have_count(2)
    expect(main.locator("#progress-text")).to_contain_text("0 of 2 reviews submitted")
    check_accessibility(page, "judging-round")
    # On a 320 px screen the assignments table scrolls in its own region, not the page.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region = page.locator(".table-scroll[role=region]")
    assert region.evaluate("element => getComputedStyle(element).overflowX") == "auto"
    page.set_viewport_size({"width": 1366, "height": 900})

    # 3. The first entry: declare a conflict of interest.
    main.locator("tbody").get_by_role("link", name=GANGNAM_TITLE).click()
    page.wait_for_url(f"**/en/judging/assignments/{conflicted.pk}/")
    main.get_by_role("link", name="Declare a conflict of interest").click()
    page.wait_for_url(f"**/en/judging/assignments/{conflicted.pk}/conflict/")
    check_accessibility(page, "judging-conflict")
    page.fill("#id_reason", "I advised the district on this project in 2029.")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/en/judging/rounds/{round_.pk}/")
    expect(main.locator(".messages")).to_contain_text("Your conflict of interest has been recorded.")
    gangnam_row = main.locator("tbody tr").filter(has_text=GANGNAM_TITLE)
    expect(gangnam_row.locator(".status")).to_have_text("Recused")
    expect(gangnam_row.get_by_role("link")).to_have_count(0)  # no longer a link to the entry
    expect(main.locator("#progress-text")).to_contain_text("0 of 1 reviews submitted")
    check_accessibility(page, "judging-round-after-conflict")
    assert Assignment.objects.get(pk=conflicted.pk).state == AssignmentState.RECUSED
    response = page.goto(f"/en/judging/assignments/{conflicted.pk}/")
    assert response is not None
    assert response.status == 404
    expect(main.locator("h1")).to_have_text("Page not found")
    response = page.goto(f"/en/judging/assignments/{conflicted.pk}/conflict/")
    assert response is not None
    assert response.status == 404

    # 4. The second entry: score it by keyboard and mouse, autosave, reload.
    page.goto(f"/en/judging/rounds/{round_.pk}/")
    main.locator("tbody").get_by_role("link", name=LIMA_TITLE).click()
    page.wait_for_url(f"**/en/judging/assignments/{scored.pk}/")
    expect(main.locator("h1")).to_contain_text(LIMA_TITLE)
    expect(main.locator(".facts")).to_contain_text(LIMA[0])  # not blind: the applicant is named
    check_accessibility(page, "judging-assignment")

    status = main.locator("[data-autosave-status]")
    value_name, implementation_name = f"score_{value.pk}", f"score_{implementation.pk}"
    # Keyboard: Tab reaches the first criterion's radio group; Space picks 0, arrows move to 3.
    _tab_to(page, value_name)
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"#id_{value_name}_3")).to_be_checked()
    expect(page.locator(f"#id_{value_name}_3")).to_be_focused()
    # Mouse: the second criterion, by its label.
    page.locator(f"label[for=id_{implementation_name}_7]").click()
    expect(page.locator(f"#id_{implementation_name}_7")).to_be_checked()
    page.fill(f"#id_comment_{value.pk}", "Clear public value for the poorer districts.")
    expect(status).to_contain_text("All changes saved at", timeout=20000)
    wait_until(lambda: Review.objects.filter(assignment=scored, scores__comment__startswith="Clear public").exists())

    page.reload()
    expect(page.locator(f"#id_{value_name}_3")).to_be_checked()
    expect(page.locator(f"#id_{implementation_name}_7")).to_be_checked()
    expect(page.locator(f"#id_comment_{value.pk}")).to_have_value("Clear public value for the poorer districts.")
    expect(status).to_have_text("")

    # Complete the review; Tab reaches the submit button, and Enter submits.
    page.fill("#id_overall_comment", "A modest budget, well used; the sensors are already installed.")
    page.locator("#id_recommendation_yes").check()
    # Let the autosave of these answer first: a submit that overtakes an autosave
    # is refused as an edit conflict (see test_submit_right_after_typing_is_not_refused).
    page.locator("main h1").click()  # focus back at the top of the page, then keyboard only
    expect(status).to_contain_text("All changes saved at", timeout=20000)
    wait_until(lambda: Review.objects.filter(assignment=scored, recommendation="yes").exists())
    _tab_to(page, "intent", "submit")
    expect(main.get_by_role("button", name="Submit review")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/judging/rounds/{round_.pk}/")
    expect(main.locator(".messages")).to_contain_text("Your review has been submitted. Thank you.")
    expect(main.locator("#progress-text")).to_contain_text("1 of 1 reviews submitted (100%)")
    expect(main.locator("tbody tr").filter(has_text=LIMA_TITLE).locator(".status")).to_have_text("Submitted")
    check_accessibility(page, "judging-round-done")
    review = Review.objects.get(assignment=scored)
    assert review.state == ReviewState.SUBMITTED
    assert review.recommendation == "yes"
    assert review.overall_comment == "A modest budget, well used; the sensors are already installed."
    assert {row.criterion_id: row.score for row in review.scores.all()} == {value.pk: 3, implementation.pk: 7}
    assert not Review.objects.filter(assignment=conflicted).exists()

    # 5. The round turns blind, and a third entry is assigned: no page names an applicant.
    Round.objects.filter(pk=round_.pk).update(blind=True)
    busan = submit_entry(
        project,
        email="smart@busan.example",
        name_en=BUSAN[0],
        name_native=BUSAN[1],
        city="Busan",
        title=BUSAN_TITLE,
    )
    blind = assign(round_, busan, judge)
    page.goto("/en/judging/")
    expect(main).to_contain_text("1 of 2 reviews submitted")
    _assert_anonymous(page, "dashboard")
    check_accessibility(page, "judging-dashboard-blind")
    page.goto(f"/en/judging/rounds/{round_.pk}/")
    expect(main.locator(".facts")).to_contain_text("Blind: the applicant's identity is hidden")
    _assert_anonymous(page, "round")
    check_accessibility(page, "judging-round-blind")
    page.goto(f"/en/judging/assignments/{scored.pk}/")  # submitted: locked, still readable
    expect(main.locator(".scoring")).to_contain_text("(Seoul time). It is locked")
    expect(page.locator(f"#id_{value_name}_3")).to_be_checked()
    expect(page.locator(f"#id_{value_name}_3")).to_be_disabled()
    expect(main.get_by_role("button", name="Submit review")).to_have_count(0)
    _assert_anonymous(page, "submitted assignment")
    check_accessibility(page, "judging-assignment-locked-blind")
    page.goto(f"/en/judging/assignments/{blind.pk}/")
    expect(main.locator("h1")).to_contain_text(BUSAN_TITLE)
    expect(main.locator(".facts")).to_contain_text("The applicant's identity is hidden from you in this round.")
    expect(main.get_by_role("button", name="Submit review")).to_be_enabled()
    _assert_anonymous(page, "blind assignment")
    check_accessibility(page, "judging-assignment-blind")
    assert re.search(r"SSCP-2030-P-\d{4}", main.locator("h1").inner_text())


def test_submit_right_after_typing_is_not_refused(page: Any, project: Any) -> None:
    """A judge types the last comment and clicks "Submit review" at once: leaving the
    textarea starts an autosave, and the submit must not be refused because of it."""
    value, implementation = add_criteria(project)
    round_ = make_round(project)
    judge = make_judge(JUDGE_EMAIL, country="DE")
    lima = submit_entry(
        project, email="alcaldia@lima.example", name_en=LIMA[0], name_native=LIMA[1], country="PE", title=LIMA_TITLE
    )
    assignment = assign(round_, lima, judge)
    _sign_in_judge(page, judge)
    page.goto(f"/en/judging/assignments/{assignment.pk}/")
    main = page.locator("main")
    page.locator(f"#id_score_{value.pk}_4").check()
    page.locator(f"#id_score_{implementation.pk}_9").check()
    page.locator("#id_recommendation_strong_yes").check()
    expect(main.locator("[data-autosave-status]")).to_contain_text("All changes saved at", timeout=20000)

    # The form's own POST is held until the autosave has been answered, as a slower
    # network may do; then it goes on.
    held: list[Any] = []

    def hold_form_posts(route: Any) -> None:
        if route.request.headers.get("x-requested-with") == "fetch":
            route.continue_()
        else:
            held.append(route)

    page.route(f"**/en/judging/assignments/{assignment.pk}/review/", hold_form_posts)
    page.fill("#id_overall_comment", "Excellent, and ready to scale.")
    with page.expect_response(lambda response: response.request.headers.get("x-requested-with") == "fetch") as saved:
        main.get_by_role("button", name="Submit review").click(no_wait_after=True)
    assert saved.value.status == 200
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1, "the form was not submitted"
    held[0].continue_()
    page.wait_for_load_state()
    expect(main.locator(".messages")).to_contain_text("Your review has been submitted. Thank you.")
    assert page.url.endswith(f"/en/judging/rounds/{round_.pk}/")
    review = Review.objects.get(assignment=assignment)
    assert review.state == ReviewState.SUBMITTED
    assert review.overall_comment == "Excellent, and ready to scale."


def test_judge_accepts_the_declaration_by_keyboard_before_the_first_entry(page: Any, project: Any) -> None:
    """The seeded declaration, in Korean: the first entry of the cycle leads to it; accepted by keyboard, the
    judge is back on the entry. No sideways scrolling at 320 px."""
    from judging.models import Declaration
    from prize_portal.privacy.services.texts import texts_seed
    from tests.factories import answer_consents

    texts_seed()
    add_criteria(project)
    round_ = make_round(project)
    judge = make_judge(JUDGE_EMAIL, country="DE")
    answer_consents(judge)  # the seeded consent items a judge is asked (the declaration is not one of them)
    lima = submit_entry(
        project, email="alcaldia@lima.example", name_en=LIMA[0], name_native=LIMA[1], country="PE", title=LIMA_TITLE
    )
    assignment = assign(round_, lima, judge)
    _sign_in_judge(page, judge)
    page.goto(f"/ko/judging/assignments/{assignment.pk}/")
    page.wait_for_url(f"**/ko/judging/cycles/{round_.cycle_id}/declaration/**")
    main = page.locator("main")
    expect(main.locator("h1")).to_contain_text("심사위원")
    check_accessibility(page, "judge-declaration-ko")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_accessibility(page, "judge-declaration-ko-320")
    page.set_viewport_size({"width": 1366, "height": 900})
    _tab_to(page, "accept")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ko/judging/assignments/{assignment.pk}/")
    expect(main).to_contain_text(LIMA_TITLE)
    declaration = Declaration.objects.get(judge=judge)
    assert (declaration.cycle_id, declaration.language) == (round_.cycle_id, "ko")
