"""The applicant's whole journey in a browser: sign up, organisation, a Korean
draft with an English summary, uploads with progress, nothing lost on reload,
submit, receipt over SMTP, and the entry's PDF with its Korean title."""

from __future__ import annotations

import re
import subprocess
from email.header import decode_header, make_header
from typing import Any

import pytest

from categories.enums import ApplicantType, QuestionKind
from categories.models import Criterion, Question, QuestionChoice
from submissions.models import Entry
from tests.browser.helpers import check_accessibility, sign_in
from tests.factories import PDF_BYTES, CategoryFactory, CycleFactory, TrackFactory, make_jpeg
from tests.services import message_text, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

EMAIL = "smart.office@busan.example"
PASSWORD = "Busan-Smart-2026!"
TITLE_KO = "모두를 위한 안전한 밤길"


@pytest.fixture
def open_project(db: Any) -> Any:
    cycle = CycleFactory(year=2031)
    category = CategoryFactory(
        cycle=cycle,
        code="project",
        reference_letter="P",
        name_en="Project",
        name_ko="프로젝트",
        applicant_types=[ApplicantType.CITY],
        entry_limit=2,
    )
    TrackFactory(category=category, code="human-centricity", name_en="Human-CentriCity", name_ko="휴먼센트리시티")
    design = Criterion.objects.create(category=category, code="design", name_en="Design", name_ko="설계", weight=20)
    Question.objects.create(
        category=category,
        criterion=design,
        code="design",
        kind=QuestionKind.LONG_TEXT,
        label_en="How is the project designed?",
        label_ko="프로젝트는 어떻게 설계되었습니까?",
        word_limit=50,
    )
    fields = Question.objects.create(
        category=category,
        code="fields",
        kind=QuestionKind.MULTIPLE_CHOICE,
        label_en="Fields",
        label_ko="분야",
    )
    QuestionChoice.objects.create(question=fields, code="safety", label_en="Safety", label_ko="안전")
    QuestionChoice.objects.create(question=fields, code="mobility", label_en="Mobility", label_ko="교통")
    Question.objects.create(
        category=category,
        code="documents",
        kind=QuestionKind.FILE,
        label_en="Supporting documents",
        label_ko="증빙 자료",
        required=False,
    )
    return category


def _upload(page: Any, name: str, content: bytes, mime: str) -> None:
    page.set_input_files("#file-documents", files=[{"name": name, "mimeType": mime, "buffer": content}])
    page.locator("[data-attachments=documents] a", has_text=name).wait_for()


def test_applicant_journey_from_sign_up_to_entry_pdf(
    page: Any, smtp_settings: Any, open_project: Any, tmp_path: Any
) -> None:
    smtp = smtp_settings
    # Sign up in Korean and confirm the address from the e-mail.
    page.goto("/ko/accounts/signup/")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")
    wait_until(lambda: len(smtp.messages) == 1)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message_text(smtp.messages[0]))
    assert link is not None
    page.goto(link.group(0))
    page.click("main button[type=submit]")
    page.goto("/ko/accounts/login/")
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_url("**/ko/")

    # The organisation.
    page.goto("/ko/entries/")
    check_accessibility(page, "intake-dashboard-empty")
    page.click("main a.button")
    page.wait_for_url("**/entries/organisations/new/")
    check_accessibility(page, "intake-organisation")
    page.select_option("#id_type", ApplicantType.CITY)
    page.fill("#id_name_native", "부산광역시")
    page.fill("#id_name_en", "Busan Metropolitan City")
    page.select_option("#id_country", "KR")
    page.fill("#id_city", "Busan")
    page.fill("#id_contact_name", "Park Min-ji")
    page.click("main button[type=submit]")

    # Start an entry in Korean.
    page.wait_for_url("**/entries/new/")
    check_accessibility(page, "intake-start")
    page.check("input[name=category]")
    page.check("input[name=track]")
    page.select_option("#id_language", "ko")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/entries/\d+/edit/about/$"))
    entry = Entry.objects.get()
    check_accessibility(page, "intake-form-first-step")
    page.click(".form-view a")  # every question on one page
    page.wait_for_url(re.compile(r".*/entries/\d+/edit/$"))
    check_accessibility(page, "intake-form")

    # Write: autosave keeps it; the English summary is for the judges.
    page.fill("#id_title_en", "Safe night streets for everyone")
    page.fill("#id_summary_en", "Smart lighting and safe-return services for women and older people.")
    page.fill("#id_title_original", TITLE_KO)
    page.fill("#id_summary_original", "여성과 노인을 위한 스마트 조명과 안심 귀가 서비스.")
    page.fill("#id_answer-design", "센서 기반 조명 <script>alert(1)</script>")
    page.check("#id_answer-fields_0")
    page.locator("#id_title_en").focus()  # leaving the last field saves it
    page.locator("[data-autosave-status]", has_text=re.compile(r"\d:\d\d")).wait_for()
    wait_until(lambda: Entry.objects.get().answers.count() == 2)

    # Upload a PDF and an image; the progress bar shows, then the file is listed.
    _upload(page, "사업계획서.pdf", PDF_BYTES, "application/pdf")
    assert page.locator("[data-progress-for=file-documents] progress").get_attribute("value") == "100"
    _upload(page, "현장사진.jpg", make_jpeg(), "image/jpeg")
    # Screen readers hear how each upload ended, politely; a refusal at once.
    said = page.locator("[data-upload-status]").text_content() or ""
    assert "현장사진.jpg" in said
    assert said == page.locator("#file-documents-progress-text").text_content()
    fake = {"name": "가짜.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a PDF at all"}
    page.set_input_files("#file-documents", files=[fake])
    page.wait_for_function("() => document.querySelector('[data-upload-alert]').textContent.includes('가짜.pdf')")
    assert page.locator("[data-upload-status]").text_content() == ""
    check_accessibility(page, "intake-form-uploaded")

    # Reload: nothing lost.
    page.reload()
    assert page.input_value("#id_title_original") == TITLE_KO
    assert page.input_value("#id_answer-design") == "센서 기반 조명 <script>alert(1)</script>"
    assert page.is_checked("#id_answer-fields_0")
    assert page.locator("[data-attachments=documents] li").count() == 2

    # Review, then submit.
    page.click("main button[name=action][value=review]")
    page.wait_for_url(f"**/entries/{entry.pk}/review/")
    assert TITLE_KO in page.locator("main").inner_text()
    check_accessibility(page, "intake-review")
    page.click("main .review-submit button[type=submit]")
    page.wait_for_url(f"**/entries/{entry.pk}/")
    entry.refresh_from_db()
    assert entry.reference == "SSCP-2031-P-0001"
    assert entry.reference in page.locator("main").inner_text()
    check_accessibility(page, "intake-submitted")

    # The receipt arrives over SMTP in the applicant's language.
    wait_until(lambda: len(smtp.messages) == 2)
    receipt = smtp.messages[1]
    assert receipt["To"] == EMAIL
    assert "SSCP-2031-P-0001" in message_text(receipt)
    assert "응모작 접수 완료: SSCP-2031-P-0001" in str(make_header(decode_header(receipt["Subject"])))

    # The PDF of the entry, with its Korean title.
    page.reload()
    with page.expect_download() as download:
        page.click(f"a[href$='/entries/{entry.pk}/versions/1.pdf']")
    path = tmp_path / "entry.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    assert TITLE_KO in text.decode()
    assert "SSCP-2031-P-0001" in text.decode()

    # The dashboard shows the state and the history.
    page.goto("/ko/entries/")
    check_accessibility(page, "intake-dashboard")
    assert "SSCP-2031-P-0001" in page.locator("main").inner_text()
