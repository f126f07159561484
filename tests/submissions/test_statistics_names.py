"""The intake page in the page's language: country names, their order among
equals, and dates written the language's way."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django_countries import countries

from submissions.statistics import DayRow, IntakeRow, day_chart, intake_by_country
from tests.factories import SEOUL, sign_in_staff, submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    sign_in_staff(client)
    return client


@pytest.fixture
def intake(project: Any) -> None:
    """One submitted entry from Korea and one from Japan (a tie), a draft from France."""
    submit_entry(project, email="seoul@example.org", now=datetime(2030, 5, 26, 10, 0, tzinfo=SEOUL))
    submit_entry(
        project,
        email="osaka@example.org",
        name_en="Osaka Tech",
        country="JP",
        type="corporation",
        now=datetime(2030, 5, 29, 10, 0, tzinfo=SEOUL),
    )
    submit_entry(project, email="lyon@example.org", name_en="Lyon", country="FR", submit=False)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Japan", "South Korea", "France"]),
        ("fr", ["Corée du Sud", "Japon", "France"]),  # the tie in French order: C before J
        ("es", ["Corea del Sur", "Japón", "Francia"]),
    ],
)
def test_intake_by_country_names_and_orders_ties_in_the_active_language(
    intake: Any, project: Any, language: str, expected: list[str]
) -> None:
    with translation.override(language):
        rows = intake_by_country(cycle=project.cycle)
    assert [row.label for row in rows] == expected
    assert [(row.submitted, row.drafts) for row in rows] == [(1, 0), (1, 0), (0, 1)]


def test_intake_by_country_ties_set_accents_aside(project: Any) -> None:
    for email, country in (("madrid@example.org", "ES"), ("cairo@example.org", "EG")):
        submit_entry(project, email=email, name_en=email.split("@")[0].title(), country=country)
    with translation.override("fr"):
        rows = intake_by_country(cycle=project.cycle)
    assert [row.label for row in rows] == ["Égypte", "Espagne"]  # É with E, not after Z


def test_intake_by_country_orders_ties_as_the_country_menu_of_the_language(intake: Any, project: Any) -> None:
    with translation.override("ja"):
        rows = intake_by_country(cycle=project.cycle)
        menu = [name for _code, name in countries]
    assert rows[2] == IntakeRow(label="フランス", submitted=0, drafts=1)
    assert [row.label for row in rows[:2]] == sorted(["日本", "韓国"], key=menu.index)


def test_day_chart_labels_the_days_the_active_language_s_way() -> None:
    days = [DayRow(day=date(2030, 5, 28), submitted=3, drafts=0), DayRow(day=date(2030, 5, 29), submitted=1, drafts=0)]
    labels = {}
    for language in ("ja", "ko", "fr"):
        with translation.override(language):
            labels[language] = [label.text for label in day_chart(days).x_labels]
    assert labels == {"ja": ["5月28日", "5月29日"], "ko": ["5월 28일", "5월 29일"], "fr": ["28 mai", "29 mai"]}


@pytest.mark.parametrize(
    ("language", "names", "day"),
    [
        ("ja", ["日本", "韓国", "フランス"], "2030年5月29日"),
        ("ko", ["일본", "대한민국", "프랑스"], "2030년 5월 29일"),
        ("zh-hans", ["日本", "韩国", "法国"], "2030年5月29日"),
    ],
)
def test_intake_page_names_countries_and_dates_in_its_language(
    staff_client: Client, intake: Any, language: str, names: list[str], day: str
) -> None:
    html = staff_client.get(f"/{language}/staff/intake/").content.decode()

    for name in names:
        assert f'<th scope="row">{name}</th>' in html
    for english in ("Japan", "South Korea", "France"):
        assert f'<th scope="row">{english}</th>' not in html
    assert f'<time datetime="2030-05-29">{day}</time>' in html
    assert "May 29" not in html


def test_intake_page_names_follow_the_language_of_each_request(staff_client: Client, intake: Any) -> None:
    pages = [staff_client.get(f"/{language}/staff/intake/").content.decode() for language in ("en", "ja", "en")]
    assert ['<th scope="row">South Korea</th>' in html for html in pages] == [True, False, True]
    assert ['<th scope="row">韓国</th>' in html for html in pages] == [False, True, False]
