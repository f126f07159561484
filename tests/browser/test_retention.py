"""Removing an edition's personal data in a browser: staff read the dry run
(in Korean too), confirm from the keyboard, and the progress bar follows the
run as its batches are taken."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from judging.models import RetentionRun
from judging.services.retention import retention_run_batch
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from tests.browser.helpers import check_accessibility, check_reflow
from tests.browser.test_results_flow import _sign_in_with_totp
from tests.factories import give_totp, make_user, submit_entry
from tests.judging.views.test_retention import _past

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "secretariat@example.org"


def test_staff_check_the_dry_run_confirm_and_follow_the_progress(page: Any, project: Any, monkeypatch: Any) -> None:
    entries = [
        submit_entry(project, email=f"city{number}@example.org", name_en=f"City {number}", title=f"Plan {number}")
        for number in range(3)
    ]
    emails = [entry.owner.email for entry in entries]
    _past(project.cycle)
    staff = make_user(Role.STAFF, email=STAFF_EMAIL, name="Secretariat")
    secret = give_totp(staff)
    # The worker is held back: the test takes the batches itself, while the page polls.
    monkeypatch.setattr("judging.services.retention.queue_task_on_commit", lambda *args, **kwargs: None)

    _sign_in_with_totp(page, STAFF_EMAIL, secret, "/ko/staff/retention/2030/")
    check_accessibility(page, "retention-dry-run-ko")
    check_reflow(page, "retention-dry-run-ko")
    page.goto("/en/staff/retention/")
    expect(page.get_by_role("table", name="Editions and their personal data")).to_contain_text("Due: check the dry run")
    check_accessibility(page, "retention-cycles")
    page.get_by_role("link", name="Seoul Smart City Prize 2030").click()
    table = page.get_by_role("table", name="Entries emptied")
    for entry in entries:
        expect(table).to_contain_text(entry.reference)
    check_accessibility(page, "retention-dry-run")

    page.get_by_role("button", name="Remove this personal data").click()  # not ticked: refused
    expect(page.locator(".message--error")).to_contain_text("Tick the box")
    assert not RetentionRun.objects.exists()
    page.focus("#id_understood")
    page.keyboard.press("Space")
    page.focus("main button.button--danger")
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_contain_text("The removal has started")
    bar = page.locator("#retention-progress")
    run = RetentionRun.objects.get()
    expect(bar).to_have_attribute("max", str(run.total))
    expect(bar).to_have_attribute("value", "0")
    check_accessibility(page, "retention-running")
    check_reflow(page, "retention-running")

    retention_run_batch(run_id=run.pk, batch_size=3)
    expect(bar).to_have_attribute("value", "3")  # the page polls: the bar moves by itself
    while retention_run_batch(run_id=run.pk, batch_size=3):
        pass
    expect(bar).to_have_attribute("value", str(run.total))
    expect(page.get_by_test_id("retention-state")).to_contain_text("Finished on")
    check_accessibility(page, "retention-finished")
    assert not User.objects.filter(email__in=emails).exists()
