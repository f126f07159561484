"""Ceremony day in a browser: the winners page is 404 before publication;
staff publish (after the preview) and generate the certificates; the public
reads the winners in Korean and English; the winner downloads the
certificate from the dashboard; the verification page confirms it."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from judging.models import Certificate, Publication
from prize_portal.accounts.roles import Role
from tests.browser.helpers import ARTIFACTS, check_accessibility, sign_in
from tests.browser.test_results_flow import _sign_in_with_totp, _sign_out
from tests.factories import PASSWORD, decide_cycle, give_totp, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "secretariat@example.org"
WINNER = "Gobierno de la Ciudad de México"
RTL_NAME = "بلدية دبي <b>bold</b>"


def test_publish_winners_then_download_and_verify_the_certificate(page: Any, project: Any) -> None:
    staff = make_user(Role.STAFF, email=STAFF_EMAIL, name="Secretariat")
    secret = give_totp(staff)
    decided = decide_cycle(project, staff, winners=2, others=1, names=[WINNER, RTL_NAME])
    winner = decided.winners[0]

    # Before publication the public sees nothing: the page is the site's 404.
    response = page.goto("/en/winners/2030/")
    assert response is not None
    assert response.status == 404
    assert response.headers["x-robots-tag"] == "noindex"
    check_accessibility(page, "winners-before-publication")

    _sign_in_with_totp(page, STAFF_EMAIL, secret, "/en/staff/results/2030/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Results of the Seoul Smart City Prize 2030")
    expect(page.get_by_test_id("publication-state")).to_have_text("Not published")
    expect(page.get_by_role("table", name="Awards to be announced")).to_contain_text(WINNER)
    check_accessibility(page, "publication-preview")
    page.get_by_role("button", name="Publish the results").click()
    expect(page.locator(".message--success")).to_contain_text("The results are published")
    expect(page.get_by_test_id("publication-state")).to_contain_text("Public since")
    assert Publication.objects.get().effective_at is not None
    results_mail = [message for message in mail.outbox if "results" in message.subject]
    assert sorted(message.to[0] for message in results_mail) == sorted(
        entry.owner.email for entry in (*decided.winners, *decided.others)
    )

    page.get_by_role("button", name="Generate all certificates").click()
    expect(page.locator(".message--success")).to_contain_text("2 certificates are being generated")
    expect(page.get_by_role("table", name="Certificates of this edition")).to_contain_text("Ready")
    check_accessibility(page, "publication-published")
    _sign_out(page)

    # The public: the winners in Korean, then in English.
    page.goto("/ko/winners/2030/")
    expect(page.locator("main")).to_contain_text("대상")
    expect(page.locator("main")).to_contain_text("Project 0 수상.")  # the Korean citation
    expect(page.locator("main")).to_contain_text(WINNER)
    expect(page.locator("main")).to_contain_text(RTL_NAME)  # HTML in a name is text
    check_accessibility(page, "winners-ko")
    page.goto("/en/winners/2030/")
    expect(page.locator("main")).to_contain_text("Gold")
    expect(page.locator("main")).to_contain_text("For Project 0.")
    check_accessibility(page, "winners-en")

    # The winner downloads the certificate from the dashboard.
    page.goto("/en/accounts/login/?next=/en/entries/")
    sign_in(page, winner.owner.email, PASSWORD)
    page.wait_for_url("**/en/entries/")
    check_accessibility(page, "dashboard-with-certificate")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Award certificate (PDF)").first.click()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "downloaded-certificate.pdf"
    download_info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    certificate = Certificate.objects.get(entry=winner)
    assert WINNER in text
    assert "대상" in text  # the Korean line
    assert certificate.code in text
    _page_image(pdf)

    # Anyone can verify it with the code printed on it.
    page.goto(f"/en/verify/{certificate.code}/")
    expect(page.locator("main")).to_contain_text(WINNER)
    expect(page.locator("main")).to_contain_text("Gold")
    check_accessibility(page, "verify-valid")
    page.goto("/en/verify/ZZZZ-ZZZZ-ZZZZ/")
    expect(page.locator("main")).to_contain_text("No certificate")
    check_accessibility(page, "verify-unknown")


def _page_image(pdf: Path) -> None:
    """The downloaded certificate's page as an image, kept with the test artefacts."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        capture_output=True,
    )
