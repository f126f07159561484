"""A person's own time zone: their profile's choice, else their country's
main zone (from the IANA table shipped by tzdata), else Seoul's; e-mails
give a moment in Seoul time and, where it differs, in that zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from prize_portal.site.zones import both_times_text, country_zone, person_zone, zone_choices, zone_label
from tests.factories import answer_consents, make_user

SEOUL_NINE = datetime(2030, 10, 6, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))


def test_a_country_has_its_main_zone() -> None:
    assert country_zone("FR") == "Europe/Paris"
    assert country_zone("mx") == "America/Mexico_City"
    assert country_zone("US") == "America/New_York"  # several zones: the first the table lists
    assert country_zone("ZZ") is None


def test_the_profile_choice_wins_then_the_country_then_seoul() -> None:
    assert person_zone("Asia/Tokyo", "FR") == "Asia/Tokyo"
    assert person_zone("", "FR") == "Europe/Paris"
    assert person_zone("Mars/Olympus", "FR") == "Europe/Paris"  # not a zone: ignored
    assert person_zone("", None) == "Asia/Seoul"


def test_both_times_in_the_recipients_language() -> None:
    with translation.override("en"):
        assert both_times_text(SEOUL_NINE, "Asia/Seoul") == "Oct. 6, 2030, 9 a.m. (Seoul time)"
        paris = both_times_text(SEOUL_NINE, "Europe/Paris")
    assert paris == "Oct. 6, 2030, 9 a.m. (Seoul time), that is Oct. 6, 2030, 2 a.m. in Paris"
    assert zone_label("America/Mexico_City") == "Mexico City"


def test_the_choices_hold_real_zones_only() -> None:
    names = [name for name, _label in zone_choices()]
    assert "Asia/Seoul" in names
    assert "America/Mexico_City" in names
    assert not [name for name in names if name.startswith(("Etc/", "SystemV/")) or "/" not in name]


@pytest.mark.django_db
def test_the_profile_saves_a_time_zone_and_refuses_an_unknown_one(client: Client) -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    client.force_login(user)
    data = {"name": "Kim", "language": "en", "time_zone": "Europe/Paris"}
    assert client.post(reverse("profile"), data).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "Europe/Paris"
    response = client.post(reverse("profile"), {**data, "time_zone": "Mars/Olympus"})
    assert response.status_code == 200  # a clear error, nothing saved
    user.refresh_from_db()
    assert user.time_zone == "Europe/Paris"
