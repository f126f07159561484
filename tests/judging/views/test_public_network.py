"""The network of winners: every organisation that won in a public edition,
by country, with its awards across editions; embargoed and withdrawn
editions never show; one query however many winners."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from judging.models import Award, Publication
from tests.factories import publish_results
from tests.factories.winners import World, give, make_world, project_winner

pytestmark = pytest.mark.django_db

PAGE = "/en/winners/by-country/"


@pytest.fixture
def world(project: Any) -> World:
    return make_world(project)


def _main(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def _win(world: World, email: str, country: str, name: str, title: str) -> Award:
    entry = project_winner(world, email, country=country, name_en=name, title=title)
    return give(world, entry, world.gold)


def test_winners_are_listed_by_country_then_name_with_links_to_their_award(client: Client, world: World) -> None:
    lima = _win(world, "lima@city.example", "PE", "Lima", "Clean buses")
    seoul = _win(world, "seoul@city.example", "KR", "Seoul", "Digital companions")
    busan = _win(world, "busan@city.example", "KR", "Busan", "Harbour data")
    publish_results(world.cycle)

    html = _main(client.get(PAGE).content.decode())

    # Peru before South Korea in English; Busan before Seoul.
    assert (
        html.index(">Peru<")
        < html.index(">South Korea<")
        < html.index('lang="en">Busan<')
        < html.index('lang="en">Seoul<')
    )
    for award in (lima, seoul, busan):
        assert f'href="/en/winners/2030/#winner-{award.pk}"' in html
    assert 'Gold</span>, <time datetime="2030">2030</time>' in html


def test_countries_follow_the_visitors_language(client: Client, world: World) -> None:
    _win(world, "lima@city.example", "PE", "Lima", "Clean buses")
    _win(world, "seoul@city.example", "KR", "Seoul", "Digital companions")
    publish_results(world.cycle)
    html = _main(client.get("/ko/winners/by-country/").content.decode())
    assert html.index(">대한민국<") < html.index(">페루<")  # sorted by the Korean names


def test_nothing_of_an_embargoed_or_withdrawn_edition_shows(client: Client, world: World) -> None:
    _win(world, "lima@city.example", "PE", "Lima", "Clean buses")
    publication = publish_results(world.cycle, visible_from=timezone.now() + timedelta(hours=1))
    assert "Clean buses" not in client.get(PAGE).content.decode()
    assert "No results have been published yet." in client.get(PAGE).content.decode()
    Publication.objects.filter(pk=publication.pk).update(visible_from=timezone.now() - timedelta(hours=1))
    assert "Clean buses" in client.get(PAGE).content.decode()
    Publication.objects.filter(pk=publication.pk).update(withdrawn_at=timezone.now(), withdraw_reason="A mistake.")
    assert "Clean buses" not in client.get(PAGE).content.decode()


def test_an_organisation_is_one_record_across_editions(client: Client, world: World) -> None:
    first = _win(world, "lima@city.example", "PE", "Lima", "Clean buses")
    publish_results(world.cycle)
    from tests.factories.winners import second_edition_award

    again = second_edition_award(first.entry.organisation, title="Quiet streets")
    html = _main(client.get(PAGE).content.decode())
    assert html.count("network__name") == 1
    assert html.index("Quiet streets") < html.index("Clean buses")  # newest first
    assert f"#winner-{again.pk}" in html


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_takes_the_same_queries_for_one_and_three_winners(
    client: Client, world: World, count: int, django_assert_num_queries: Any
) -> None:
    for number in range(count):
        _win(world, f"city{number}@city.example", ["PE", "KR", "FR"][number], f"City {number}", f"Plan {number}")
    publish_results(world.cycle)
    client.get(PAGE)
    with django_assert_num_queries(1):
        response = client.get(PAGE)
    assert _main(response.content.decode()).count("network__name") == count
