from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from categories.enums import CycleStatus
from categories.models import Category
from tests.factories import CategoryFactory, CycleFactory, TrackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> None:
    call_command("seed_prize")


def test_home_in_english_shows_2026_categories_and_tracks(client: Client, seeded: None) -> None:
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    for text in [
        "Seoul Smart City Prize 2026",
        "Project",
        "Leadership",
        "Special",
        "Human-CentriCity",
        "Tech-InnovaCity",
        "May 29, 2026, 11:59 p.m. (Seoul time)",
    ]:
        assert text in html, text


def test_home_in_korean_shows_2026_categories_and_tracks(client: Client, seeded: None) -> None:
    html = client.get("/ko/").content.decode()
    assert '<html lang="ko"' in html
    for text in ["2026 서울스마트시티상", "프로젝트", "리더십", "휴먼-센트리시티", "테크-이노바시티"]:
        assert text in html, text


def test_home_root_redirects_to_language_from_cookie(client: Client, settings: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ko/"


@pytest.mark.parametrize("header", ["xx", "xx-YY,zz;q=0.8", ""])
def test_home_root_unknown_language_falls_back_to_english(client: Client, header: str) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response["Location"] == "/en/"


def test_unknown_language_prefix_answers_translated_404(client: Client) -> None:
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_open_cycle_shows_countdown(client: Client) -> None:
    cycle = CycleFactory()
    html = client.get(f"/en/cycles/{cycle.year}/").content.decode()
    assert "Applications are open." in html
    assert "12 days, 5 hours left" in html or "12 days, 4 hours left" in html
    assert f'data-countdown="{cycle.applications_close_at.isoformat()}"' in html


def test_draft_cycle_is_404(client: Client) -> None:
    cycle = CycleFactory(status=CycleStatus.DRAFT)
    assert client.get(f"/en/cycles/{cycle.year}/").status_code == 404


@pytest.mark.parametrize("path", ["/en/cycles/1999/", "/ko/cycles/2026/categories/nope/"])
def test_broken_cycle_or_category_link_is_translated_404(client: Client, seeded: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert ("페이지를 찾을 수 없습니다" if path.startswith("/ko/") else "Page not found") in html
    assert "Traceback" not in html


def test_category_page_shows_eligibility_criteria_and_awards(client: Client, seeded: None) -> None:
    html = client.get("/en/cycles/2026/categories/leadership/").content.decode()
    assert "Individual" in html
    assert "Each organisation may submit 1 entry in this category." in html
    assert "Problem recognition and innovation" in html
    assert "2 awards in this category." in html


def _cycle_with(categories: int) -> Any:
    cycle = CycleFactory()
    for _ in range(categories):
        category = CategoryFactory(cycle=cycle)
        TrackFactory(category=category)
        TrackFactory(category=category)
    return cycle


@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_grow(client: Client, django_assert_num_queries: Any, count: int) -> None:
    _cycle_with(count)
    with django_assert_num_queries(4):
        assert client.get("/en/").status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_cycle_page_query_count_does_not_grow(client: Client, django_assert_num_queries: Any, count: int) -> None:
    cycle = _cycle_with(count)
    with django_assert_num_queries(3):
        assert client.get(f"/en/cycles/{cycle.year}/").status_code == 200


def test_untranslated_content_is_marked_english_on_japanese_page(client: Client, seeded: None) -> None:
    html = client.get("/ja/cycles/2026/categories/project/").content.decode()
    assert '<html lang="ja"' in html
    assert '<h1 lang="ja">プロジェクト部門</h1>' in html  # the seed's Japanese
    Category.objects.filter(code="project").update(name_ja="")
    html = client.get("/ja/cycles/2026/categories/project/").content.decode()
    assert '<h1 lang="en">Project</h1>' in html  # no Japanese: English fallback, marked so
    html = client.get("/ko/cycles/2026/categories/project/").content.decode()
    assert '<h1 lang="ko">프로젝트</h1>' in html


def test_server_error_page_in_page_language(client: Client) -> None:
    from django.test import RequestFactory
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ko"):
        response = server_error(RequestFactory().get("/ko/"))
    html = response.content.decode()
    assert '<html lang="ko">' in html
    assert "Something went wrong" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_category_page_query_count_does_not_grow(client: Client, django_assert_num_queries: Any, count: int) -> None:
    from categories.models import AwardLevel
    from tests.factories import CriterionFactory

    category = CategoryFactory()
    for index in range(count):
        TrackFactory(category=category)
        CriterionFactory(category=category)
        level = AwardLevel.objects.create(cycle=category.cycle, code=f"level-{index}", name_en=f"Level {index}")
        level.categories.add(category)
    with django_assert_num_queries(4):
        response = client.get(f"/en/cycles/{category.cycle.year}/categories/{category.code}/")
    assert response.status_code == 200
    assert response.content.decode().count('<li lang="en">Level ') == count


def test_pages_answer_head_requests(client: Client) -> None:
    assert client.head("/healthz").status_code == 200
    assert client.head("/en/").status_code == 200
