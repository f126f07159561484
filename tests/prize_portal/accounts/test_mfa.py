from __future__ import annotations

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from prize_portal.accounts.roles import Role
from tests.factories import PASSWORD, give_totp, make_user

pytestmark = pytest.mark.django_db


def test_totp_secret_is_encrypted_at_rest_and_still_works(client: Client) -> None:
    staff = make_user(Role.STAFF, email="crypto@example.org")
    secret = give_totp(staff)
    stored = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP).data["secret"]
    assert secret not in stored
    assert stored.startswith("gAAAA")  # a Fernet token
    client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_admin_never_shows_authenticator_secrets(client: Client) -> None:
    judge = make_user(Role.JUDGE)
    secret = give_totp(judge)
    staff = make_user(Role.STAFF)
    give_totp(staff)
    client.force_login(staff)
    authenticator = Authenticator.objects.get(user=judge)
    html = client.get(f"/en/admin/mfa/authenticator/{authenticator.pk}/change/").content.decode()
    assert judge.email in html
    assert secret not in html
    assert authenticator.data["secret"] not in html


def test_is_staff_without_staff_group_still_needs_totp(client: Client) -> None:
    user = make_user(Role.APPLICANT, email="flagged@example.org")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_mfa_warning_is_not_repeated(client: Client) -> None:
    client.force_login(make_user(Role.JUDGE))
    client.get("/en/")
    client.get("/en/about/")
    page = client.get("/en/accounts/2fa/", follow=True)
    assert page.content.decode().count("Your role needs two-factor authentication.") == 1


def test_staff_gives_role_in_admin_through_service(client: Client) -> None:
    staff = make_user(Role.STAFF)
    give_totp(staff)
    expert = make_user(Role.APPLICANT, email="expert@example.org")
    client.force_login(staff)
    response = client.post(
        "/en/admin/accounts/user/", {"action": "grant_staff", "_selected_action": [expert.pk]}, follow=True
    )
    assert "1 user now has the role Staff." in response.content.decode()
    expert.refresh_from_db()
    assert expert.is_staff
    assert set(expert.groups.values_list("name", flat=True)) == {"Applicants", "Staff"}


def test_first_sign_in_goes_to_authenticator_set_up_without_asking_the_password_again(client: Client) -> None:
    judge = make_user(Role.JUDGE, email="new.judge@example.org")
    response = client.post("/en/accounts/login/", {"login": judge.email, "password": PASSWORD}, follow=True)
    assert [url for url, _status in response.redirect_chain][-1] == "/en/accounts/2fa/totp/activate/"
    html = response.content.decode()
    assert 'name="code"' in html
    assert 'name="password"' not in html


def test_setting_up_without_a_recent_sign_in_asks_for_the_password(client: Client) -> None:
    judge = make_user(Role.JUDGE, email="idle.judge@example.org")
    client.force_login(judge)  # a session with no record of a recent sign-in
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/reauthenticate/")


def test_changing_an_existing_authenticator_still_asks_for_the_password(client: Client) -> None:
    judge = make_user(Role.JUDGE, email="set.judge@example.org")
    secret = give_totp(judge)
    client.post("/en/accounts/login/", {"login": judge.email, "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(secret).now()})
    response = client.get("/en/accounts/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/reauthenticate/")
