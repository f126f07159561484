"""The public winners pages in a real browser: 404 before the publication,
then the index, an edition (English and Korean) and its committee with zero
axe-core violations, photos that load, and keyboard use."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from judging.models import Publication
from judging.services import judge_profile_update
from tests.browser.helpers import check_accessibility, check_reflow
from tests.factories import assign, make_jpeg, make_judge, make_round, publish_results
from tests.factories.winners import give, leader_winner, make_winner, make_world, project_winner
from tests.services import wait_until

# The committee page shows the judge who agreed (an answer to a privacy text).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("privacy_texts")]


@pytest.fixture
def world(project: Any) -> Any:
    return make_world(project)


@pytest.fixture
def winner(world: Any) -> Any:
    return make_winner(world)


@pytest.fixture
def edition(world: Any, winner: Any) -> Any:
    """The 2030 edition with winners in both tracks, a leader (a right-to-left
    name among them), a special mention and one published committee member."""
    cache.clear()
    give(world, project_winner(world, "a@lima.example", track=1, title="Clean buses", photo=True), world.silver)
    dubai = project_winner(
        world, "b@dubai.example", track=1, title="Shaded streets", name_en="Dubai Municipality", name_native="بلدية دبي"
    )
    give(world, dubai, world.gold)
    give(world, leader_winner(world, "c@mayor.example", title="Listening mayor"), world.gold)
    give(world, project_winner(world, "d@busan.example", title="Flood texts"), world.special, special=True)
    judge = make_judge(
        "ana@univ.example", name="Ana Lopez", organisation="Univ. of Lima", country="PE", languages=["ko"]
    )
    photo = SimpleUploadedFile("ana.jpg", make_jpeg((300, 300)), content_type="image/jpeg")
    judge_profile_update(user=judge, publish_consent=True, bio="Urbanist and teacher.", photo=photo)
    assign(make_round(world.project, name_en="First round"), winner.entry, judge)
    return world


def _wait_for_photos(page: Any) -> None:
    """Bring every (lazy) photo into view and wait until each has loaded."""
    for image in page.locator("main img").all():
        image.scroll_into_view_if_needed()
    # Polled from here: page.wait_for_function needs eval, which our CSP refuses.
    loaded = "() => [...document.querySelectorAll('main img')].every(img => img.complete && img.naturalWidth > 0)"
    wait_until(lambda: page.evaluate(loaded), timeout=15)


def test_winners_pages_are_404_before_publication_then_accessible(page: Any, edition: Any) -> None:
    publication = publish_results(edition.cycle, visible_from=timezone.now() + timedelta(hours=1))
    for path in ("/en/winners/2030/", "/en/winners/2030/committee/"):
        response = page.goto(path)
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
    check_accessibility(page, "winners-embargoed-en")

    Publication.objects.filter(pk=publication.pk).update(visible_from=timezone.now() - timedelta(minutes=1))
    assert page.goto("/en/winners/").status == 200
    assert page.locator("main h2 a").first.inner_text() == "Seoul Smart City Prize 2030"
    check_accessibility(page, "winners-index-en")

    page.locator("main h2 a").first.click()
    page.wait_for_url("**/en/winners/2030/")
    assert page.locator("h1").count() == 1
    assert page.locator("main article.winner").count() == 5
    assert page.locator("main img").count() == 2
    _wait_for_photos(page)
    assert page.locator("bdi", has_text="بلدية دبي").count() == 1
    check_accessibility(page, "winners-edition-en")

    assert page.goto("/ko/winners/2030/").status == 200
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("blockquote[lang=ko]").inner_text() == "어르신 디지털 포용."
    check_accessibility(page, "winners-edition-ko")

    page.goto("/en/winners/2030/committee/")
    assert page.locator("main h2").all_inner_texts() == ["Ana Lopez"]
    _wait_for_photos(page)
    check_accessibility(page, "winners-committee-en")

    # The network of winners, in Korean: a country's winners link to their award.
    page.goto("/ko/winners/")
    page.get_by_role("link", name="국가별 수상 도시").click()
    page.wait_for_url("**/ko/winners/by-country/")
    assert page.locator("main h3").count() == 5
    check_accessibility(page, "winners-network-ko")
    check_reflow(page, "winners-network-ko")
    page.locator("main .network__awards a").first.click()
    page.wait_for_url("**/ko/winners/2030/#winner-*")


def test_the_edition_page_works_by_keyboard(page: Any, edition: Any) -> None:
    publish_results(edition.cycle)
    page.goto("/en/winners/2030/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Winners"  # the breadcrumb
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Meet the committee that chose the winners"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/winners/2030/committee/")
