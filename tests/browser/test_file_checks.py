"""An applicant uploads hostile PDFs in French: the page says each file is
being checked, then shows what the check found, without a reload — a cleaned
file as a link with what was removed, a refused one with why and a Remove
button; the review says what still holds the submit back."""

from __future__ import annotations

from typing import Any

import pytest

from submissions.enums import AttachmentStatus
from submissions.models import Attachment, Entry
from tests.browser.helpers import check_accessibility, sign_in
from tests.factories import PASSWORD
from tests.factories.submissions import demo_edition_draft, scripted_pdf
from tests.services import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "ville.numerique@lyon.example"


@pytest.fixture
def draft() -> Entry:
    return demo_edition_draft(
        EMAIL, language="fr", name_en="City of Lyon", name_native="Ville de Lyon", country="FR", city="Lyon"
    )


def test_uploads_are_checked_and_the_page_says_what_was_found(browser: Any, live_server: Any, draft: Entry) -> None:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto("/fr/accounts/login/")
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_load_state()
    page.goto(f"/fr/entries/{draft.pk}/edit/files/")
    files = page.locator("input[type=file]").first
    listed = page.locator("ul[data-attachments]").first

    files.set_input_files(files=[{"name": "rapport.pdf", "mimeType": "application/pdf", "buffer": scripted_pdf()}])
    cleaned = listed.locator("li", has=page.locator("a", has_text="rapport.pdf"))
    cleaned.wait_for()  # a link only once the check is done
    assert "Par sécurité, nous avons retiré des scripts de ce PDF." in cleaned.inner_text()
    said = page.locator("[data-upload-status]")
    assert "Par sécurité" in (said.text_content() or "")

    html = b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n"
    files.set_input_files(files=[{"name": "budget.pdf", "mimeType": "application/pdf", "buffer": html}])
    refused = listed.locator("li", has_text="budget.pdf")
    refused.locator(".error-text", has_text="pas un PDF lisible").wait_for()
    assert refused.locator("a").count() == 0
    alarm = page.locator("[data-upload-alert]")
    assert "budget.pdf a été refusé" in (alarm.text_content() or "")
    check_accessibility(page, "file-checks-fr")
    assert wait_until(lambda: Attachment.objects.filter(status=AttachmentStatus.REFUSED).count() == 1)

    page.goto(f"/fr/entries/{draft.pk}/review/")
    assert "budget.pdf (Refusé)" in page.locator("main").inner_text()
    page.locator("main button[type=submit]").last.click()
    page.wait_for_load_state()
    assert (
        "« budget.pdf » a été refusé : retirez-le et téléversez un autre fichier." in page.locator("main").inner_text()
    )
    check_accessibility(page, "file-checks-review-fr")

    page.goto(f"/fr/entries/{draft.pk}/edit/files/")
    page.locator("li", has_text="budget.pdf").get_by_role("button", name="Supprimer budget.pdf").click()
    page.wait_for_load_state()
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["rapport.pdf"]
    context.close()
