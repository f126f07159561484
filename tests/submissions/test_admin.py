from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from prize_portal.accounts.roles import Role
from submissions.services import entry_start
from tests.factories import give_totp, make_organisation, make_user
from tests.submissions.conftest import BEFORE_DEADLINE

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(staff)
    client.force_login(staff)
    return client


@pytest.mark.parametrize("count", [1, 3])
def test_admin_entry_list_query_count_does_not_grow(
    staff_client: Client, project: Any, django_assert_max_num_queries: Any, count: int
) -> None:
    for index in range(count):
        user = make_user(email=f"city{index}@example.org")
        organisation = make_organisation(user, name_en=f"City {index}")
        entry_start(
            user=user, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
        )
    staff_client.get("/en/admin/submissions/entry/")
    with django_assert_max_num_queries(14):
        response = staff_client.get("/en/admin/submissions/entry/")
    assert response.status_code == 200
    assert response.content.decode().count("City ") >= count


def test_admin_entries_read_only_for_staff(
    staff_client: Client, project: Any, applicant: Any, organisation: Any
) -> None:
    entry = entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    page = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/")
    assert page.status_code == 200
    assert 'name="title_en"' not in page.content.decode()  # shown, not editable
    assert staff_client.post(f"/en/admin/submissions/entry/{entry.pk}/delete/").status_code == 403


def test_applicant_cannot_open_intake_admin(client: Client, applicant: Any) -> None:
    client.force_login(applicant)
    response = client.get("/en/admin/submissions/entry/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    assert client.get(response["Location"]).status_code == 403  # allauth's guard: signed in, not staff
