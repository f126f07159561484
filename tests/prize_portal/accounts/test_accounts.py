from __future__ import annotations

import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, ROLE_PERMISSIONS, Role
from prize_portal.accounts.rules import user_roles
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from tests.factories import PASSWORD, give_totp, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_up(client: Client, email: str, language: str = "en") -> Any:
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_role_groups_exist_with_their_permissions() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= set(GROUP_NAMES.values())
    staff = Group.objects.get(name=GROUP_NAMES[Role.STAFF])
    codenames = set(staff.permissions.values_list("codename", flat=True))
    assert {"add_cycle", "change_category", "delete_question", "view_outboxmessage"} <= codenames
    chair = Group.objects.get(name=GROUP_NAMES[Role.CHAIR])
    assert set(chair.permissions.values_list("codename", flat=True)) == {
        spec.split(".")[1] for spec in ROLE_PERMISSIONS[Role.CHAIR]
    }


def test_sign_up_in_korean_queues_korean_verification_through_outbox(client: Client) -> None:
    response = _sign_up(client, "new.city@example.org", language="ko")
    assert response.status_code == 302
    user = User.objects.get(email="new.city@example.org")
    assert user.language == "ko"
    assert user_roles(user) == {Role.APPLICANT}
    assert not EmailAddress.objects.get(user=user).verified
    message = OutboxMessage.objects.get(to_email="new.city@example.org")
    assert message.template == "account/email/email_confirmation_signup"
    assert message.language == "ko"
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1
    assert "이메일" in mail.outbox[0].subject


def test_sign_in_before_verification_is_refused_then_allowed(client: Client) -> None:
    _sign_up(client, "verify.me@example.org")
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "verify.me@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link is not None
    path = link.group(0).split("testserver", 1)[1]
    client.post(path)
    assert EmailAddress.objects.get(email="verify.me@example.org").verified
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "verify.me@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_login_redirects_to_users_language_and_sets_cookie(client: Client, settings: Any) -> None:
    make_user(email="korean@example.org", language="ko")
    response = client.post("/en/accounts/login/", {"login": "korean@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ko/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ko"


def test_login_by_emailed_code(client: Client) -> None:
    make_user(email="code@example.org")
    mail.outbox.clear()
    response = client.post("/en/accounts/login/code/", {"email": "code@example.org"})
    assert response.status_code == 302
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.MULTILINE)
    assert code is not None
    response = client.post(response["Location"], {"code": code.group(1)})
    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_password_reset_mail_goes_through_outbox(client: Client) -> None:
    make_user(email="forgot@example.org", language="ko")
    client.post("/en/accounts/password/reset/", {"email": "forgot@example.org"})
    message = OutboxMessage.objects.get(to_email="forgot@example.org")
    assert message.template == "account/email/password_reset_key"
    assert message.language == "ko"
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize("role", [Role.JUDGE, Role.CHAIR, Role.STAFF])
def test_role_without_totp_is_sent_to_set_it_up(client: Client, role: Role) -> None:
    user = make_user(role, email=f"{role.value}@example.org")
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/en/"
    for path in ["/en/", "/en/about/", "/en/accounts/profile/", "/en/admin/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/en/accounts/2fa/totp/activate/", path
    # The sign-in a moment ago is proof enough: no second password (test_mfa.py).
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()


def test_role_with_totp_opens_pages(client: Client) -> None:
    staff = make_user(Role.STAFF)
    give_totp(staff)
    client.force_login(staff)
    assert client.get("/en/").status_code == 200
    assert client.get("/en/admin/").status_code == 200


def test_applicant_needs_no_totp(client: Client) -> None:
    client.force_login(make_user(Role.APPLICANT))
    assert client.get("/en/accounts/profile/").status_code == 200


def test_admin_login_goes_through_allauth(client: Client) -> None:
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_admin_refuses_signed_in_non_staff(client: Client) -> None:
    client.force_login(make_user(Role.APPLICANT))
    assert client.get("/en/admin/login/").status_code == 403


def test_staff_with_totp_must_give_code_at_login(client: Client) -> None:
    staff = make_user(Role.STAFF, email="staff@example.org")
    give_totp(staff)
    response = client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/en/admin/").status_code == 302  # not signed in yet


def test_set_language_remembers_choice_on_profile(client: Client, settings: Any) -> None:
    user = make_user(email="switch@example.org", language="en")
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "ko", "next": "/en/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/ko/about/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ko"
    user.refresh_from_db()
    assert user.language == "ko"


def test_set_language_unknown_code_changes_nothing(client: Client) -> None:
    user = make_user(email="stay@example.org", language="en")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/en/"})
    user.refresh_from_db()
    assert user.language == "en"


def test_profile_saves_name_and_language(client: Client) -> None:
    user = make_user(email="profile@example.org")
    client.force_login(user)
    response = client.post("/en/accounts/profile/", {"name": "  Kim Ji-woo ", "language": "ko"})
    assert response.status_code == 302
    assert response["Location"] == "/ko/accounts/profile/"
    user.refresh_from_db()
    assert (user.name, user.language) == ("Kim Ji-woo", "ko")


def test_profile_rejects_unknown_language_with_message(client: Client) -> None:
    user = make_user(email="bad-lang@example.org")
    client.force_login(user)
    response = client.post("/en/accounts/profile/", {"name": "X", "language": "xx"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    user.refresh_from_db()
    assert (user.name, user.language) == ("", "en")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.APPLICANT, set()),
        (Role.JUDGE, {"accounts.use_judge_pages"}),
        (Role.CHAIR, {"accounts.use_judge_pages", "accounts.read_rankings"}),
        (Role.STAFF, {"accounts.use_staff_pages", "accounts.read_rankings"}),
    ],
)
def test_role_capabilities_come_from_rules(role: Role, allowed: set[str]) -> None:
    user = make_user(role)
    capabilities = {"accounts.use_staff_pages", "accounts.use_judge_pages", "accounts.read_rankings"}
    assert {perm for perm in capabilities if user.has_perm(perm)} == allowed


def test_profile_language_choices_are_named_in_themselves(client: Client) -> None:
    client.force_login(make_user(email="names@example.org"))
    html = client.get("/en/accounts/profile/").content.decode()
    assert '<option value="ko" lang="ko">한국어</option>' in html
    assert '<option value="ja" lang="ja">日本語</option>' in html


@pytest.mark.django_db
def test_sign_in_tab_order_goes_from_the_password_label_to_its_input(client: Client) -> None:
    """The "Forgot your password?" link follows the password input, so Tab from
    the e-mail field lands in the password field, not on the link."""
    html = client.get("/en/accounts/login/").content.decode()
    label = html.index('<label for="id_password"')
    field = html.index('id="id_password"', label + 1)
    reset = html.index("/en/accounts/password/reset/")
    assert label < field < reset
    assert "<a " not in html[label:field]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/accounts/login/", "/en/accounts/signup/", "/ko/accounts/password/reset/"])
def test_account_page_titles_are_one_line(client: Client, path: str) -> None:
    html = client.get(path).content.decode()
    title = html[html.index("<title>") + len("<title>") : html.index("</title>")]
    assert "\n" not in title
    assert title == " ".join(title.split())
    assert title.endswith(" · Seoul Smart City Prize") or title.endswith(" · 서울스마트시티상")
