"""From results to awards in a browser: staff read a scored round's ranking and
its charts, advance the top 2 of a category to the final round, the chair
decides a Gold and locks the decisions, and the audit trail shows each step."""

from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
from playwright.sync_api import expect

from categories.models import AwardLevel, Category
from judging import services
from judging.engine import ranking
from judging.enums import RoundEntryVia, RoundKind
from judging.models import Award, RoundEntry
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.browser.helpers import check_accessibility, fresh_code_window, sign_in
from tests.factories import PASSWORD, add_criteria, assign, give_totp, make_judge, make_round, make_user, submit_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "secretariat@example.org"
CHAIR_EMAIL = "chair@committee.example"
# The same criteria as tests.factories.add_criteria, for the ranking engine.
SPECS = [ranking.CriterionSpec("value", 2, 0, 5), ranking.CriterionSpec("implementation", 1, 1, 10)]
# Entry index -> (value, implementation) from each of the three judges: a clear order 0, 1, 2, 3.
SCORES = {
    0: [(5, 10), (5, 9), (4, 10)],
    1: [(4, 8), (4, 7), (3, 8)],
    2: [(3, 5), (2, 6), (3, 5)],
    3: [(1, 3), (2, 2), (1, 2)],
}
ENTRIES = [
    ("mayor@gangnam.example", "Gangnam District", "KR", "Smart crosswalks for older people"),
    ("alcaldia@lima.example", "Lima Metropolitan", "PE", "Neighbourhood air sensors"),
    ("smart@busan.example", "Busan Metropolitan City", "KR", "Flood warnings by text message"),
    ("city@nairobi.example", "Nairobi City County", "KE", "Open data for street traders"),
]
CITATION = "Safer crossings for older people, built with them, street by street."


def _sign_in_with_totp(page: Any, email: str, secret: str, next_url: str, *, used: str = "") -> str:
    """The real sign-in pages: e-mail and password, then a TOTP code (never ``used`` again); the code typed."""
    page.goto(f"/en/accounts/login/?next={next_url}")
    sign_in(page, email, PASSWORD)
    page.wait_for_url("**/2fa/authenticate/**")
    totp = pyotp.TOTP(secret)
    while totp.now() == used:  # a code is accepted once: wait for the next one
        time.sleep(1)
    fresh_code_window(totp)
    code = totp.now()
    page.fill("#id_code", code)
    page.click("main button[type=submit]")
    page.wait_for_url(f"**{next_url}")
    return code


def _sign_out(page: Any) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign out").click()
    page.wait_for_url("**/accounts/logout/")
    page.click("main button[type=submit]")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()


def _review(round_: Any, entry: Any, judge: Any, criteria: list[Any], value: int, implementation: int) -> None:
    assignment = assign(round_, entry, judge)
    services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores={criteria[0].pk: value, criteria[1].pk: implementation},
        overall_comment="Read with care.",
        recommendation="yes" if value >= 3 else "undecided",
    )


def _expected_order(entries: list[Any], judges: list[Any]) -> list[int]:
    """The calibrated order the ranking engine gives on the same scores (entry ids)."""
    scores = []
    for index, reviews in SCORES.items():
        for judge, (value, implementation) in zip(judges, reviews, strict=True):
            entry_id, judge_id = str(entries[index].pk), str(judge.pk)
            scores += [
                ranking.Score(entry_id, judge_id, "value", value),
                ranking.Score(entry_id, judge_id, "implementation", implementation),
            ]
    result = ranking.rank(scores, SPECS, method=ranking.Method.CALIBRATED)
    return [int(row.entry) for row in result.results]


def _tab_to(page: Any, target: Any, limit: int = 60) -> None:
    """Press Tab until ``target`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target} in {limit} presses")


def test_staff_advance_the_top_two_the_chair_decides_a_gold_and_the_trail_shows_it(
    page: Any,
    project: Any,
) -> None:
    # The data: a category with two criteria, four entries reviewed by three judges.
    Category.objects.filter(pk=project.pk).update(award_count=1)
    criteria = add_criteria(project)
    scored = make_round(project, name_en="First round")
    final = make_round(project, kind=RoundKind.FINAL, name_en="Final round", advances_from=scored)
    gold = AwardLevel.objects.create(cycle=project.cycle, code="gold", name_en="Gold")
    gold.categories.add(project)
    judges = [
        make_judge("hara@judges-a.example", name="Hara Kim"),
        make_judge("lena@judges-b.example", name="Lena Park"),
        make_judge("mo@judges-c.example", name="Mo Lee"),
    ]
    entries = [
        submit_entry(project, email=email, name_en=name, country=country, title=title)
        for email, name, country, title in ENTRIES
    ]
    for index, reviews in SCORES.items():
        for judge, (value, implementation) in zip(judges, reviews, strict=True):
            _review(scored, entries[index], judge, criteria, value, implementation)
    Entry.objects.filter(pk__in=[entry.pk for entry in entries]).update(status=EntryStatus.IN_REVIEW)
    staff = make_user(Role.STAFF, email=STAFF_EMAIL)
    staff_secret = give_totp(staff)
    chair = make_judge(CHAIR_EMAIL, role=Role.CHAIR, name="Chair Choi")

    expected = _expected_order(entries, judges)
    by_id = {entry.pk: entry for entry in entries}
    assert expected == [entry.pk for entry in entries]  # the scores were chosen for a clear order
    top, second = by_id[expected[0]], by_id[expected[1]]

    # 1. Staff sign in (password and TOTP) and read the results: the ranking and three charts.
    results_url = f"/en/results/rounds/{scored.pk}/"
    staff_code = _sign_in_with_totp(page, STAFF_EMAIL, staff_secret, results_url)
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Results")
    rows = main.locator("table.results-table tbody tr")
    expect(rows).to_have_count(4)
    assert [int(row.get_attribute("data-entry")) for row in rows.all()] == expected
    for position, entry_id in enumerate(expected, start=1):
        row = rows.nth(position - 1)
        expect(row.locator("td").first).to_have_text(str(position))
        expect(row.locator("th")).to_have_text(f"{by_id[entry_id].reference} {by_id[entry_id].title_en}")
    charts = main.locator("figure.chart-figure")
    expect(charts).to_have_count(3)
    for index in range(3):
        figure = charts.nth(index)
        svg = figure.locator("svg[role=img]")
        expect(svg).to_have_count(1)
        caption = figure.locator("figcaption")
        expect(caption).not_to_be_empty()
        assert svg.get_attribute("aria-labelledby") == caption.get_attribute("id")
    expect(main.get_by_role("img", name="Each judge's review totals", exact=False)).to_be_visible()
    # The numbers of the first picture, opened by keyboard.
    details = main.locator("details.chart-data").first
    summary = details.locator("summary")
    table = details.locator("table")
    expect(table).to_be_hidden()
    main.locator("h1").click()  # focus back at the top of the page, then keyboard only
    _tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(3)  # one row per judge
    check_accessibility(page, "results")
    # On a phone the charts keep their size (labels of 12 px, not 5) and scroll in their own region.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    chart = main.locator(".chart-scroll svg").first
    assert chart.bounding_box()["width"] >= 700
    label_size = chart.locator(".chart-label").first.evaluate("node => node.getBoundingClientRect().height")
    assert label_size >= 11
    check_accessibility(page, "results-320")
    page.set_viewport_size({"width": 1280, "height": 800})

    # 2. Advance the top 2 of the category to the final round: preview, then confirm.
    page.goto(f"/en/results/rounds/{scored.pk}/advance/")
    expect(main.locator("h1")).to_have_text("Advance the best entries")
    form = main.locator("form.advance-form")
    form.get_by_label("Category").select_option(label=project.name_en)
    form.get_by_label("The best N entries by calibrated score").check()
    form.get_by_label("Number of entries (N)").fill("2")
    form.get_by_label("Advance to").select_option(label="Final round")
    form.get_by_label("E-mail the applicants their result").check()
    form.get_by_role("button", name="Preview").click()
    page.wait_for_url(f"**/en/results/rounds/{scored.pk}/advance/?**")
    preview = main.locator("section", has=page.locator("#preview-heading"))
    expect(preview.locator("h2")).to_have_text(f"Preview: {project.name_en} to Final round")
    advancing = preview.locator(".advance-table--advancing tbody .reference")
    staying = preview.locator(".advance-table--staying tbody .reference")
    expect(advancing).to_have_text([top.reference, second.reference])
    expect(staying).to_have_text([by_id[entry_id].reference for entry_id in expected[2:]])
    assert Entry.objects.filter(pk__in=by_id, status=EntryStatus.IN_REVIEW).count() == 4  # a preview changes nothing
    check_accessibility(page, "results-advance-preview")
    preview.get_by_role("button", name="Confirm: advance 2 entries").click()
    page.wait_for_url(f"**{results_url}")
    expect(main.locator(".messages")).to_contain_text("2 entries advanced to Final round; 2 closed for the cycle.")
    assert set(RoundEntry.objects.filter(round=final).values_list("entry_id", "via")) == {
        (top.pk, RoundEntryVia.ADVANCEMENT),
        (second.pk, RoundEntryVia.ADVANCEMENT),
    }
    statuses = dict(Entry.objects.filter(pk__in=by_id).values_list("pk", "status"))
    assert [statuses[entry_id] for entry_id in expected] == [
        EntryStatus.FINALIST,
        EntryStatus.FINALIST,
        EntryStatus.NOT_SELECTED,
        EntryStatus.NOT_SELECTED,
    ]

    # 3. The chair signs in, decides a Gold for the top entry and locks the decisions.
    _sign_out(page)
    decisions_url = f"/en/results/rounds/{final.pk}/decisions/"
    _sign_in_with_totp(page, CHAIR_EMAIL, chair.totp_secret, decisions_url)
    expect(main.locator("h1")).to_have_text("Award decisions")
    decision_rows = main.locator("table tbody tr")
    expect(decision_rows).to_have_count(2)
    top_row = decision_rows.filter(has_text=top.reference)
    expect(top_row).to_contain_text("Not decided")
    check_accessibility(page, "results-decisions")
    top_row.get_by_role("link", name=f"Decide on {top.reference}").click()
    page.wait_for_url(f"**{decisions_url}{top.pk}/")
    expect(main.locator("h1")).to_have_text(f"Decision on {top.reference}")
    check_accessibility(page, "results-decide")
    main.get_by_label("Award level").select_option(label="Gold")
    main.get_by_label("Citation in English").fill(CITATION)
    main.get_by_role("button", name="Save the decision").click()
    page.wait_for_url(f"**{decisions_url}")
    expect(main.locator(".messages")).to_contain_text(f"The decision on {top.reference} has been saved.")
    top_row = main.locator("table tbody tr").filter(has_text=top.reference)
    expect(top_row.locator("td").nth(1)).to_have_text("Gold")
    expect(top_row).to_contain_text(CITATION)
    expect(top_row).to_contain_text("Decided, not locked")
    main.get_by_role("button", name="Lock every decision").click()
    page.wait_for_url(f"**{decisions_url}")
    expect(main.locator(".messages")).to_contain_text("1 decision locked.")
    expect(main.locator("table tbody tr").filter(has_text=top.reference)).to_contain_text("Locked")
    check_accessibility(page, "results-decisions-locked")
    award = Award.objects.get(entry=top)
    assert (award.level_id, award.citation_en, award.is_locked) == (gold.pk, CITATION, True)

    # 4. Staff again: the audit trail in the administration shows each step.
    _sign_out(page)
    audit_url = "/en/admin/audit/auditevent/"
    _sign_in_with_totp(page, STAFF_EMAIL, staff_secret, audit_url, used=staff_code)
    expect(page.locator("#changelist-filter")).to_be_visible()
    for action, count in [("round.advance", 1), ("entry.status", 4), ("award.decide", 1), ("award.lock", 1)]:
        assert AuditEvent.objects.filter(action=action).count() == count, action
        page.locator("#changelist-filter").get_by_role("link", name=action, exact=True).click()
        page.wait_for_url(f"**{audit_url}?action={action}")
        listed = page.locator("#result_list tbody tr")
        expect(listed).to_have_count(count)
        for index in range(count):
            expect(listed.nth(index)).to_contain_text(action)
        if action == "award.decide":
            expect(listed.first).to_contain_text("Chair Choi")  # who, by name
            expect(listed.first).to_contain_text(f"Gold · {top.reference}")
        page.goto(audit_url)
    page.goto(f"{audit_url}?action=entry.status")
    check_accessibility(page, "results-audit")
