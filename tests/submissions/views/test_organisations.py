"""An organisation's profile on the applicant pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from categories.enums import ApplicantType
from submissions.models import Organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_organisation_create_makes_the_user_owner(client: Client, open_project: Any) -> None:
    user = make_user(email="new@example.org")
    client.force_login(user)
    response = client.post(
        reverse("submissions:organisation_create"),
        {
            "type": ApplicantType.CITY,
            "name_native": "부산광역시",
            "name_en": "Busan Metropolitan City",
            "country": "KR",
            "city": "Busan",
            "contact_name": "Lee",
            "website": "",
            "contact_phone": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:entry_start")
    organisation = Organisation.objects.get(name_en="Busan Metropolitan City")
    assert organisation.memberships.get().user == user
