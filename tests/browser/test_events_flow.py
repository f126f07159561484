"""After the award, in a browser and in Korean: the winner answers the
invitation with two delegates (adding the second row without JavaScript's
help), a delegate confirms their details from their own link with their
needs and consent and gives her passport details, and staff see the answers,
issue her visa letter (its PDF read back with pdftotext: her name and its
code; the code verified), give a booth place from the keyboard and schedule
her presentation; the winner uploads the slides and the public programme
shows it. Every page passes axe and reflows at 320 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.enums import InvitationStatus
from events.links import delegate_token
from events.models import Delegate, Invitation, PassportDetails, Presentation, VisaLetter
from prize_portal.accounts.roles import Role
from prize_portal.outbox.models import OutboxMessage
from tests.browser.helpers import check_accessibility, check_reflow, sign_in
from tests.browser.test_results_flow import _sign_in_with_totp
from tests.events.services.test_letters import pdf_text
from tests.factories import PASSWORD, PDF_BYTES, add_signatories, answer_consents, give_totp, make_user
from tests.factories.events import invited_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_delegate(page: Any, number: int, values: dict[str, str]) -> None:
    row = page.get_by_role("group", name=f"참가 대표 {number}")
    for label, value in values.items():
        row.get_by_label(label).fill(value)


def test_a_winner_answers_a_delegate_confirms_and_staff_give_a_booth_place(
    page: Any, project: Any, privacy_texts: Any, tmp_path: Path
) -> None:
    invited = invited_world(project)
    add_signatories(invited.world.cycle)
    owner = invited.gangnam.owner
    owner.language = "ko"
    owner.save(update_fields=["language"])
    answer_consents(owner)

    page.goto("/ko/accounts/login/?next=/ko/events/")
    sign_in(page, owner.email, PASSWORD)
    page.wait_for_url("**/ko/events/")
    check_accessibility(page, "events-mine-ko")
    page.get_by_role("link", name="서울스마트시티상 시상식").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("서울스마트시티상 시상식")
    check_accessibility(page, "events-invitation-ko")
    check_reflow(page, "events-invitation-ko")

    page.get_by_label("예, 참석하겠습니다").check()
    _fill_delegate(
        page, 1, {"이름": "조은희", "직함": "구청장", "조직": "강남구", "이메일 주소": "cho@gangnam.example"}
    )
    page.get_by_role("group", name="참가 대표 1").get_by_label("수상 성과 발표자").check()
    page.get_by_role("button", name="참가 대표 추가").click()
    # The typed row is still there, and a second one to fill.
    expect(page.get_by_role("group", name="참가 대표 1").get_by_label("이름")).to_have_value("조은희")
    _fill_delegate(
        page, 2, {"이름": "Kim Minji", "직함": "Director", "조직": "Gangnam", "이메일 주소": "kim@gangnam.example"}
    )
    page.get_by_role("group", name="참가 대표 2").get_by_label("참가 대표에게 보낼 이메일 언어").select_option("en")
    page.get_by_role("button", name="답변 보내기").click()
    expect(page.locator(".message--success")).to_be_visible()
    check_accessibility(page, "events-invitation-answered-ko")
    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    assert invitation.status == InvitationStatus.ATTENDING
    assert sorted(invitation.delegates.values_list("name", "presents")) == [("Kim Minji", False), ("조은희", True)]
    page.context.clear_cookies()  # signed out: the delegate has no account

    sent = OutboxMessage.objects.get(template="events/email/delegate_link", to_email="cho@gangnam.example")
    assert sent.context["delegate_link"] == "[redacted]"  # sent: the outbox keeps no copy of the key
    cho = Delegate.objects.get(email="cho@gangnam.example")
    page.goto(f"/ko/events/delegate/{delegate_token(cho)}/")
    check_accessibility(page, "events-delegate-ko")
    check_reflow(page, "events-delegate-ko")
    page.get_by_label("접근성 또는 식사 관련 요청 사항").fill("휠체어 접근이 필요합니다.")
    page.get_by_role("button", name="내 정보 확정").click()
    expect(page.locator(".error-summary")).to_be_visible()  # needs without the consent: refused, text kept
    expect(page.get_by_label("접근성 또는 식사 관련 요청 사항")).to_have_value("휠체어 접근이 필요합니다.")
    check_accessibility(page, "events-delegate-refused-ko")
    page.check("#id_needs_consent")
    page.check("#id_name_public")  # she agrees to be named in the public programme
    page.get_by_role("button", name="내 정보 확정").click()
    expect(page.locator(".message--success")).to_be_visible()
    cho = Delegate.objects.get(email="cho@gangnam.example")
    assert cho.confirmed_at is not None
    assert cho.needs == "휠체어 접근이 필요합니다."
    # Her passport details, for the visa letter.
    page.fill("#id_full_name", "CHO EUN HEE")
    page.select_option("#id_nationality", "KR")
    page.fill("#id_passport_number", "M12345678")
    for field, day in (("date_of_birth", "1962-03-14"), ("stay_from", "2030-10-04"), ("stay_to", "2030-10-09")):
        page.fill(f"#id_{field}", day)
    page.locator("button[name=save_passport]").click()
    expect(page.locator(".message--success")).to_be_visible()
    check_accessibility(page, "events-delegate-passport-ko")
    assert PassportDetails.objects.filter(delegate=cho).exists()

    staff = make_user(Role.STAFF, email="secretariat@example.org", language="ko")
    secret = give_totp(staff)
    answer_consents(staff)
    url = f"/ko/staff/events/{invited.event.pk}/"
    _sign_in_with_totp(page, staff.email, secret, url)
    expect(page.get_by_role("table", name="수상 응모작 및 답변")).to_contain_text("조은희")
    check_accessibility(page, "events-staff-event-ko")
    check_reflow(page, "events-staff-event-ko")
    page.locator(f"form[action$='/letters/{cho.pk}/'] button").click()  # issue her visa letter
    letter = VisaLetter.objects.get()
    expect(page.locator(".message--success")).to_contain_text(letter.certificate.code)
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name=letter.certificate.code).click()
    text = " ".join(pdf_text(Path(download.value.path()).read_bytes(), tmp_path).split())
    assert "CHO EUN HEE" in text
    assert letter.certificate.code in text
    page.goto(f"/ko/verify/{letter.certificate.code}/")
    expect(page.locator("main")).to_contain_text("C. E. H.")
    check_accessibility(page, "events-letter-verify-ko")
    page.goto(url)
    select = page.locator(f"#booth-{invitation.pk}")
    select.focus()
    select.select_option("3")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert Invitation.objects.get(pk=invitation.pk).booth_place == 3
    page.goto("/ko/staff/events/")
    check_accessibility(page, "events-staff-events-ko")
    check_reflow(page, "events-staff-events-ko")

    # Staff schedule her presentation: 12:20 to 12:40 Seoul time, in the winners' presentations.
    page.goto(url)
    page.locator(f"#invitation-{invitation.pk} details.schedule summary").click()
    page.fill(f"#starts-{invitation.pk}", "2030-10-06T12:20")
    page.fill(f"#ends-{invitation.pk}", "2030-10-06T12:40")
    page.locator(f"form[action$='/presentations/{invitation.pk}/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    talk = Presentation.objects.get()
    assert timezone.localtime(talk.starts_at).strftime("%H:%M") == "12:20"
    page.context.clear_cookies()

    # The winner uploads the slides.
    page.goto(f"/ko/accounts/login/?next=/ko/events/invitations/{invitation.pk}/")
    sign_in(page, owner.email, PASSWORD)
    page.wait_for_url(f"**/ko/events/invitations/{invitation.pk}/")
    check_accessibility(page, "events-invitation-presentation-ko")
    page.set_input_files(
        "#slides_slides", files=[{"name": "gangnam.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.fill("#slides_video_url", "https://video.example/gangnam")
    page.locator("form[action$='/slides/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    talk.refresh_from_db()
    assert talk.slides_name == "gangnam.pdf"

    # The public programme shows it, to anyone.
    page.context.clear_cookies()
    page.goto(f"/ko/programme/{invited.event.pk}/")
    expect(page.locator("main")).to_contain_text("Gangnam District")
    expect(page.locator("main")).to_contain_text("조은희")
    check_accessibility(page, "events-programme-ko")
    check_reflow(page, "events-programme-ko")


def test_a_nominee_enrols_and_after_completion_downloads_and_verifies_the_certificate(
    page: Any, project: Any, privacy_texts: Any, tmp_path: Path
) -> None:
    from events.models import Nomination
    from events.services.courses import nomination_create
    from tests.factories.events import make_course

    invited = invited_world(project)
    course = make_course(invited.world.cycle)
    nomination = nomination_create(
        course_id=course.pk,
        organisation_id=invited.gangnam.organisation.pk,
        actor=invited.gangnam.owner,
        name="박지원",
        email="park@gangnam.example",
        language="ko",
    )
    park = make_user(email="park@gangnam.example", language="ko")
    answer_consents(park)  # as at sign-up; the nominee's own items are asked when accepting

    url = f"/ko/events/nominations/{nomination.token}/"
    page.goto(f"/ko/accounts/login/?next={url}")
    sign_in(page, park.email, PASSWORD)
    page.wait_for_url(f"**{url}")
    check_accessibility(page, "events-nomination-ko")
    check_reflow(page, "events-nomination-ko")
    page.fill("#id_position", "스마트도시과장")
    page.fill("#id_department", "스마트도시국")
    for box in page.locator("input[type=checkbox][name^=consent__]:not([disabled])").all():
        box.check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Nomination.objects.get().status == "waiting"
    page.context.clear_cookies()

    staff = make_user(Role.STAFF, email="secretariat@example.org", language="ko")
    secret = give_totp(staff)
    answer_consents(staff)
    staff_url = f"/ko/staff/events/courses/{course.pk}/"
    _sign_in_with_totp(page, staff.email, secret, staff_url)
    check_accessibility(page, "events-staff-course-ko")
    check_reflow(page, "events-staff-course-ko")
    page.locator(f"form[action$='/courses/{course.pk}/confirm/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    row = page.locator(f"#nomination-{nomination.pk}")
    row.locator("button[name=attended]").click()
    expect(page.locator(".message--success")).to_be_visible()
    page.locator(f"#nomination-{nomination.pk} button[name=complete]").click()
    expect(page.locator(".message--success")).to_be_visible()
    certificate = Nomination.objects.get().certificate
    assert certificate is not None
    page.context.clear_cookies()

    page.goto(f"/ko/accounts/login/?next={url}")
    sign_in(page, park.email, PASSWORD)
    page.wait_for_url(f"**{url}")
    check_accessibility(page, "events-nomination-completed-ko")
    with page.expect_download() as download:
        page.get_by_role("link", name=certificate.code).click()
    text = " ".join(pdf_text(Path(download.value.path()).read_bytes(), tmp_path).split())
    assert "박지원" in text
    assert certificate.code in text
    page.locator(f"a[href$='/verify/{certificate.code}/']").click()
    expect(page.locator("main")).to_contain_text("박지원")
    check_accessibility(page, "events-course-certificate-verify-ko")
