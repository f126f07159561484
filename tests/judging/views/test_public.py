"""The public winners pages: past editions, an edition's winners and its
committee, their photos, the embargo, the cache and what sharing shows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from judging.models import Award, JudgeProfile, Publication
from judging.selectors.winners import publication_live
from judging.services import judge_profile_update
from prize_portal.privacy.enums import ConsentSource
from prize_portal.privacy.models import Consent
from prize_portal.privacy.services.consents import consents_record
from prize_portal.site.page_cache import clear_local_pages
from submissions.services import entry_save_draft, entry_start, entry_submit
from tests.factories import (
    CategoryFactory,
    CycleFactory,
    TrackFactory,
    assign,
    make_jpeg,
    make_judge,
    make_organisation,
    make_round,
    make_user,
    publish_results,
    submit_entry,
)
from tests.factories.winners import (
    World,
    add_photo,
    finalist,
    give,
    leader_winner,
    make_winner,
    make_world,
    project_winner,
)

# Judges' profiles are published with their consent to the "judge-profile" item.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

SITE_URL = "https://prize.example"
LANGUAGES = ["en", "ko", "ja", "zh-hans", "es", "fr"]


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> None:
    settings.SITE_URL = SITE_URL
    cache.clear()
    clear_local_pages()


@pytest.fixture
def world(project: Any) -> World:
    return make_world(project)


@pytest.fixture
def winner(world: World) -> Award:
    return make_winner(world)


def _edition_url(language: str = "en", year: int = 2030) -> str:
    return f"/{language}/winners/{year}/"


def _main(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def _text_order(html: str, *needles: str) -> list[int]:
    return [html.index(needle) for needle in needles]


# --- Embargo ------------------------------------------------------------------


def _not_public_urls(award: Award) -> list[str]:
    return [
        _edition_url(),
        "/en/winners/2030/committee/",
        f"/en/winners/2030/photos/{award.pk}/",
        f"/en/winners/2030/photos/{award.pk}/thumbnail/",
    ]


def _assert_hidden(client: Client, award: Award) -> None:
    for url in _not_public_urls(award):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Cache-Control"] == "private, no-store", url
        assert response["X-Robots-Tag"] == "noindex", url
        assert "Page not found" in response.content.decode(), url  # the site's own 404 page
        assert "Digital inclusion" not in response.content.decode()
    assert "Seoul Smart City Prize 2030" not in client.get("/en/winners/").content.decode()


def test_without_a_publication_nothing_is_public(client: Client, winner: Award) -> None:
    _assert_hidden(client, winner)


def test_before_the_embargo_ends_nothing_is_public(client: Client, winner: Award) -> None:
    publish_results(winner.cycle, visible_from=timezone.now() + timedelta(hours=2))
    _assert_hidden(client, winner)


def test_the_embargo_ends_exactly_at_visible_from(world: World) -> None:
    moment = timezone.now() + timedelta(days=1)
    publish_results(world.cycle, visible_from=moment)
    with pytest.raises(Http404):
        publication_live(year=2030, now=moment - timedelta(microseconds=1))
    assert publication_live(year=2030, now=moment).cycle == world.cycle
    assert publication_live(year=2030, now=moment + timedelta(days=400)).cycle == world.cycle


def test_after_the_embargo_the_edition_is_public(client: Client, winner: Award) -> None:
    publish_results(winner.cycle)
    for url in _not_public_urls(winner):
        assert client.get(url).status_code == 200, url
    response = client.get(_edition_url())
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in response["Vary"]
    assert "X-Robots-Tag" not in response
    assert "Digital inclusion for older people." in response.content.decode()


def test_a_withdrawn_edition_is_404_even_when_its_pages_are_cached(client: Client, winner: Award) -> None:
    publication = publish_results(winner.cycle)
    assert client.get(_edition_url()).status_code == 200  # now in the cache
    assert client.get("/en/winners/2030/committee/").status_code == 200
    Publication.objects.filter(pk=publication.pk).update(
        withdrawn_at=timezone.now(), withdraw_reason="Wrong citation", version=2
    )
    _assert_hidden(client, winner)


def test_a_withdrawal_without_a_new_version_is_still_404(client: Client, winner: Award) -> None:
    publication = publish_results(winner.cycle)
    client.get(_edition_url())
    # The check of the publication comes before the cache, whatever the version says.
    Publication.objects.filter(pk=publication.pk).update(withdrawn_at=timezone.now(), withdraw_reason="Error")
    assert client.get(_edition_url()).status_code == 404


def test_an_unknown_year_is_404(client: Client, db: Any) -> None:
    response = client.get(_edition_url(year=2099))
    assert (response.status_code, response["X-Robots-Tag"]) == (404, "noindex")


# --- Cache --------------------------------------------------------------------


def test_a_cached_edition_page_takes_at_most_two_queries(
    client: Client, winner: Award, django_assert_max_num_queries: Any
) -> None:
    publish_results(winner.cycle)
    first = client.get(_edition_url()).content.decode()
    with django_assert_max_num_queries(2):
        second = client.get(_edition_url()).content.decode()
    assert _main(second) == _main(first)
    client.get("/en/winners/2030/committee/")
    with django_assert_max_num_queries(2):
        assert client.get("/en/winners/2030/committee/").status_code == 200


def test_a_new_version_shows_the_new_content(client: Client, winner: Award) -> None:
    publication = publish_results(winner.cycle)
    assert "Digital inclusion for older people." in client.get(_edition_url()).content.decode()
    Award.objects.filter(pk=winner.pk).update(citation_en="Tablets and tutors for every older resident.")
    # Still the cached page of version 1 ...
    assert "Digital inclusion for older people." in client.get(_edition_url()).content.decode()
    Publication.objects.filter(pk=publication.pk).update(version=2)
    page = client.get(_edition_url()).content.decode()
    # ... and version 2 is rendered afresh.
    assert "Tablets and tutors for every older resident." in page
    assert "Digital inclusion for older people." not in page


def test_the_cache_is_per_language(client: Client, winner: Award) -> None:
    publish_results(winner.cycle)
    english = client.get(_edition_url("en")).content.decode()
    korean = client.get(_edition_url("ko")).content.decode()
    assert "Digital inclusion for older people." in english
    assert "어르신 디지털 포용." in korean
    assert "어르신 디지털 포용." not in english


def test_the_cached_content_holds_nothing_of_the_visitor(client: Client, winner: Award) -> None:
    publish_results(winner.cycle)
    client.force_login(winner.entry.owner)
    signed_in = client.get(_edition_url())
    assert "Sign out" in signed_in.content.decode()
    assert signed_in["Cache-Control"] == "private, max-age=60"
    client.logout()
    first = client.get(_edition_url())  # the content cached above, the whole page cached now
    again = client.get(_edition_url())
    for response in (first, again):
        html = response.content.decode()
        assert "Sign out" not in html
        assert "Sign in" in html
        # No CSRF token nor cookie: the page is the same for every visitor, and a
        # proxy may keep it (the language links replace the language form here).
        assert "csrfmiddlewaretoken" not in html
        assert "csrftoken" not in response.cookies
        assert response["Cache-Control"] == "public, max-age=60"
    assert first.content == again.content


# --- Content ------------------------------------------------------------------


def test_winners_are_grouped_by_category_and_track_then_level_and_reference(
    client: Client, world: World, winner: Award
) -> None:
    # Leadership comes first by its category's order and Tech-InnovaCity
    # before Human-CentriCity by the tracks' order; in a track Gold before
    # Silver, then by reference; special mentions last.
    tech_silver = give(world, project_winner(world, "a@lima.example", title="Clean buses"), world.silver)
    human_silver_b = give(world, project_winner(world, "b@quito.example", track=1, title="Bus lanes"), world.silver)
    human_silver_a = give(world, project_winner(world, "c@bogota.example", track=1, title="Air sensors"), world.silver)
    human_gold = give(world, project_winner(world, "d@nairobi.example", track=1, title="Open data"), world.gold)
    leader = give(world, leader_winner(world, "e@mayor.example", title="Listening mayor"), world.gold)
    special = give(world, project_winner(world, "f@busan.example", title="Flood texts"), world.special, special=True)
    tech, human = winner.entry.track, human_gold.entry.track
    assert (tech.code, human.code, tech_silver.entry.track) == ("tech-innovacity", "human-centricity", tech)
    assert human_silver_b.entry.reference < human_silver_a.entry.reference
    publish_results(world.cycle)
    html = _main(client.get(_edition_url()).content.decode())
    positions = _text_order(
        html,
        ">Leadership</h2>",
        "Listening mayor",
        f">{tech.name}</h3>",
        "Digital companions",
        "Clean buses",
        f">{human.name}</h3>",
        "Open data",
        "Bus lanes",
        "Air sensors",
        ">Special mentions</h2>",
        "Flood texts",
    )
    assert positions == sorted(positions)
    # Headings follow one another: h2 category, h3 track, h4 winner; h3 winner without tracks.
    assert f'<h3 id="winner-{leader.pk}"' in html
    assert f'<h4 id="winner-{human_gold.pk}"' in html
    assert f'<h3 id="winner-{special.pk}"' in html
    assert html.count("<h1") == 1


def test_a_winner_shows_level_titles_organisation_place_photo_citation_and_summary(
    client: Client, winner: Award
) -> None:
    publish_results(winner.cycle)
    html = client.get(_edition_url()).content.decode()
    assert '<bdi lang="en">Digital companions</bdi></h4>' in html
    assert '<bdi lang="ko">디지털 동반자</bdi>' in html
    assert '<span lang="en">Gold</span>' in html
    assert '<bdi lang="en">Gangnam District</bdi>' in html
    assert "(<bdi>강남구</bdi>)" in html
    assert "<bdi>Seoul</bdi>, South Korea" in html
    assert (
        '<blockquote class="winner__citation" lang="en"><p>Digital inclusion for older people.</p></blockquote>' in html
    )
    assert '<div class="winner__summary" lang="en"><p>Tablets and tutors.</p></div>' in html
    thumbnail = f'src="/en/winners/2030/photos/{winner.pk}/thumbnail/"'
    assert thumbnail in html
    assert 'alt="Photo from “Digital companions” by Gangnam District"' in html


def test_a_korean_page_shows_the_korean_citation_and_falls_back_to_english(
    client: Client, world: World, winner: Award
) -> None:
    english_only = give(world, project_winner(world, "a@lima.example", title="Clean buses"), world.silver)
    publish_results(world.cycle)
    html = client.get(_edition_url("ko")).content.decode()
    assert '<blockquote class="winner__citation" lang="ko"><p>어르신 디지털 포용.</p></blockquote>' in html
    assert (
        f'<blockquote class="winner__citation" lang="en"><p>{english_only.citation_en}</p></blockquote>'  # type: ignore[attr-defined]
        in html
    )
    assert '<span lang="ko">대상</span>' in html
    assert '<span lang="en">Silver</span>' in html  # not translated: marked as English
    assert '<html lang="ko"' in html


def test_html_in_names_is_shown_as_text(client: Client, world: World) -> None:
    entry = project_winner(
        world, "x@evil.example", name_en="<script>alert(1)</script> City", title='<img src=x onerror="alert(2)">'
    )
    give(world, entry, world.gold, en="<b>Bold</b> work")
    publish_results(world.cycle)
    html = client.get(_edition_url()).content.decode()
    assert '<bdi lang="en">&lt;script&gt;alert(1)&lt;/script&gt; City</bdi>' in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; work" in html


def test_right_to_left_names_are_isolated(client: Client, world: World) -> None:
    entry = project_winner(
        world, "mayor@dubai.example", name_en="Dubai Municipality", name_native="بلدية دبي", city="دبي"
    )
    give(world, entry, world.gold)
    publish_results(world.cycle)
    html = client.get(_edition_url()).content.decode()
    assert "(<bdi>بلدية دبي</bdi>)" in html
    assert "<bdi>دبي</bdi>, South Korea" in html


def test_the_photo_is_the_first_image_that_does_not_identify_the_applicant(client: Client, world: World) -> None:
    entry = submit_entry(world.project, email="mayor@lima.example", name_en="Lima", submit=False)
    add_photo(entry, identifying=True)
    shown = add_photo(entry)
    add_photo(entry)
    award = give(world, finalist(entry, world), world.gold)
    publish_results(world.cycle)
    response = client.get(f"/en/winners/2030/photos/{award.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    with shown.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()  # type: ignore[attr-defined]
    thumbnail = client.get(f"/en/winners/2030/photos/{award.pk}/thumbnail/")
    assert (thumbnail.status_code, thumbnail["Content-Type"]) == (200, "image/webp")


def test_a_winner_without_a_public_image_has_no_photo(client: Client, world: World) -> None:
    entry = submit_entry(world.project, email="mayor@lima.example", name_en="Lima", submit=False)
    add_photo(entry, identifying=True)
    award = give(world, finalist(entry, world), world.gold)
    publish_results(world.cycle)
    html = client.get(_edition_url()).content.decode()
    assert "<img" not in html.split('id="main"')[1]
    assert f'<meta property="og:image" content="{SITE_URL}/static/img/share-default.png">' in html  # the prize's card
    assert "/photos/" not in html
    assert client.get(f"/en/winners/2030/photos/{award.pk}/").status_code == 404


def test_a_photo_of_another_edition_is_404(client: Client, world: World, winner: Award) -> None:
    publish_results(world.cycle)
    other = CycleFactory(year=2031)
    publish_results(other)
    assert client.get(f"/en/winners/2031/photos/{winner.pk}/").status_code == 404


# --- Sharing and languages ----------------------------------------------------------


def test_the_edition_page_has_sharing_metadata(client: Client, winner: Award) -> None:
    publish_results(winner.cycle)
    html = client.get(_edition_url("ko")).content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="2030 서울스마트시티상 수상자">' in html
    assert f'<meta property="og:url" content="{SITE_URL}/ko/winners/2030/">' in html
    assert f'<link rel="canonical" href="{SITE_URL}/ko/winners/2030/">' in html
    assert '<meta property="og:locale" content="ko_KR">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html
    assert f'<meta property="og:image" content="{SITE_URL}/ko/winners/2030/photos/{winner.pk}/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert (
        'property="og:description" content="2030 서울스마트시티상 수상 1건과 위원회의 선정 사유를 소개합니다."' in html
    )
    assert "<title>2030 서울스마트시티상 수상자 · " in html


def test_every_page_links_its_six_languages(client: Client, winner: Award) -> None:
    publish_results(winner.cycle)
    for path in ("/{lang}/winners/", "/{lang}/winners/2030/", "/{lang}/winners/2030/committee/"):
        html = client.get(path.format(lang="fr")).content.decode()
        for language in LANGUAGES:
            expected = f'<link rel="alternate" hreflang="{language}" href="{SITE_URL}{path.format(lang=language)}">'
            assert expected in html
        # As in the sitemap: the address without a language, which sends each visitor on to theirs.
        default = path.removeprefix("/{lang}")
        assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}{default}">' in html
        assert '<html lang="fr"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_edition_page_opens_in_every_language(client: Client, winner: Award, language: str) -> None:
    publish_results(winner.cycle)
    response = client.get(_edition_url(language))
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


# --- Index ----------------------------------------------------------------------


def test_the_index_lists_live_editions_newest_first_with_their_winners(
    client: Client, world: World, winner: Award
) -> None:
    give(world, project_winner(world, "a@lima.example", title="Clean buses"), world.silver)
    publish_results(world.cycle)
    publish_results(CycleFactory(year=2031, name_en="Seoul Smart City Prize 2031"))
    publish_results(
        CycleFactory(year=2032, name_en="Seoul Smart City Prize 2032"),
        visible_from=timezone.now() + timedelta(days=1),
    )
    response = client.get("/en/winners/")
    html = response.content.decode()
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Seoul Smart City Prize 2032" not in html
    positions = _text_order(html, "Seoul Smart City Prize 2031", "Seoul Smart City Prize 2030")
    assert positions == sorted(positions)
    assert '<a href="/en/winners/2030/" lang="en">Seoul Smart City Prize 2030</a>' in html
    assert "2 winners" in html
    assert "0 winners" in html


def test_the_index_takes_one_query(client: Client, world: World, winner: Award, django_assert_num_queries: Any) -> None:
    publish_results(world.cycle)
    with django_assert_num_queries(1):
        client.get("/en/winners/")


# --- Committee ----------------------------------------------------------------------


@pytest.fixture
def committee(world: World, winner: Award) -> dict[str, Any]:
    """Judges of the 2030 first round (one without consent), one of another
    edition and one without any assignment."""
    first_round = make_round(world.project, name_en="First round")
    entry = winner.entry
    members = {
        "shown": make_judge(
            "ana@univ.example", name="Ana Lopez", organisation="Univ. of Lima", country="PE", languages=["ko"]
        ),
        "private": make_judge("ben@univ.example", name="Ben Private", languages=["ko"]),
        "elsewhere": make_judge("cy@univ.example", name="Cy Elsewhere"),
        "idle": make_judge("di@univ.example", name="Di Idle"),
    }
    photo = SimpleUploadedFile("ana.jpg", make_jpeg((300, 300)), content_type="image/jpeg")
    judge_profile_update(
        user=members["shown"], publish_consent=True, bio="Urbanist.\nTeaches <i>data</i>.", photo=photo
    )
    judge_profile_update(
        user=members["private"], photo=SimpleUploadedFile("b.jpg", make_jpeg((300, 300)), content_type="image/jpeg")
    )
    for name in ("elsewhere", "idle"):
        judge_profile_update(user=members[name], publish_consent=True)
    for name in ("shown", "private"):
        assign(first_round, entry, members[name])
    # Another edition's round, open now.
    other_cycle = CycleFactory(year=2029)
    category = CategoryFactory(cycle=other_cycle, code="project", reference_letter="P", applicant_types=["city"])
    TrackFactory(category=category, code="one")
    user = make_user(email="mayor@other.example")
    other_entry = entry_start(
        user=user, organisation=make_organisation(user), category=category, track=category.tracks.get()
    )
    entry_save_draft(
        entry_id=other_entry.pk,
        user=user,
        version=other_entry.version,
        fields={"title_en": "Other", "summary_en": "Other."},
    )
    entry_submit(entry_id=other_entry.pk, user=user)
    assign(make_round(category), other_entry, members["elsewhere"])
    return members


def test_the_committee_shows_only_consenting_judges_of_the_edition(
    client: Client, world: World, committee: dict[str, Any]
) -> None:
    publish_results(world.cycle)
    html = client.get("/en/winners/2030/committee/").content.decode()
    assert '<h2 class="member__name"><bdi>Ana Lopez</bdi></h2>' in html
    assert "<bdi>Univ. of Lima</bdi>, Peru" in html
    assert "<p>Urbanist.<br>Teaches &lt;i&gt;data&lt;/i&gt;.</p>" in html
    for hidden in ("Ben Private", "Cy Elsewhere", "Di Idle", "Chair Person", "ana@univ.example"):
        assert hidden not in html
    shown = committee["shown"]
    assert f'src="/en/winners/2030/committee/photos/{shown.pk}/"' in html
    assert 'alt="Photo of Ana Lopez"' in html
    assert client.get(f"/en/winners/2030/committee/photos/{shown.pk}/").status_code == 200
    private = committee["private"]
    assert client.get(f"/en/winners/2030/committee/photos/{private.pk}/").status_code == 404


def test_withdrawing_the_consent_removes_the_profile_at_once(
    client: Client,
    world: World,
    committee: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    publish_results(world.cycle)
    shown = committee["shown"]
    assert "Ana Lopez" in client.get("/en/winners/2030/committee/").content.decode()  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        consents_record(user=shown, answers={"judge-profile": False}, source=ConsentSource.CONSENTS_PAGE)

    assert JudgeProfile.objects.get(user=shown).publish_consent is False
    assert "Ana Lopez" not in client.get("/en/winners/2030/committee/").content.decode()
    assert client.get(f"/en/winners/2030/committee/photos/{shown.pk}/").status_code == 404
    answers = Consent.objects.filter(user=shown, code="judge-profile").order_by("created_at", "pk")
    assert list(answers.values_list("given", flat=True)) == [
        True,
        False,
    ]


def test_a_chair_who_judged_comes_first(client: Client, world: World, committee: dict[str, Any], winner: Award) -> None:
    judge_profile_update(user=world.chair, publish_consent=True)
    assign(make_round(world.project, name_en="Second round"), winner.entry, world.chair)
    publish_results(world.cycle)
    html = client.get("/en/winners/2030/committee/").content.decode()
    positions = _text_order(html, "<bdi>Chair Person</bdi>", "Committee chair</p>", "<bdi>Ana Lopez</bdi>")
    assert positions == sorted(positions)


def test_committee_photos_are_404_before_the_publication(
    client: Client, world: World, committee: dict[str, Any]
) -> None:
    publish_results(world.cycle, visible_from=timezone.now() + timedelta(hours=1))
    response = client.get(f"/en/winners/2030/committee/photos/{committee['shown'].pk}/")
    assert (response.status_code, response["Cache-Control"]) == (404, "private, no-store")


# --- Query counts ------------------------------------------------------------------


def _queries(client: Client, url: str) -> int:
    cache.clear()
    clear_local_pages()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_awards(
    client: Client, world: World, winner: Award, committee: dict[str, Any]
) -> None:
    publication = publish_results(world.cycle)
    urls = [_edition_url(), "/en/winners/2030/committee/", "/en/winners/"]
    one = [_queries(client, url) for url in urls]
    # Published decisions stand: more awards come with a withdrawal and a new publication.
    Publication.objects.filter(pk=publication.pk).update(withdrawn_at=timezone.now(), withdraw_reason="More awards")
    give(world, project_winner(world, "a@lima.example", title="Clean buses", photo=True), world.silver)
    give(world, leader_winner(world, "e@mayor.example", title="Listening mayor"), world.gold)
    give(world, project_winner(world, "f@busan.example", title="Flood texts", photo=True), world.special, special=True)
    judge = make_judge("eve@univ.example", name="Eve Added", languages=["ko"])
    judge_profile_update(user=judge, publish_consent=True)
    assign(make_round(world.project, name_en="Third round"), winner.entry, judge)
    assert Award.objects.count() == 4
    Publication.objects.filter(pk=publication.pk).update(withdrawn_at=None, withdraw_reason="", version=2)
    three = [_queries(client, url) for url in urls]
    assert one == three == [4, 3, 1]  # uncached: the live check, the publication with its cycle, the content


def test_an_edition_name_without_a_translation_is_marked_english_on_the_winners_page(
    client: Client, winner: Award
) -> None:
    cycle = winner.cycle
    type(cycle).objects.filter(pk=cycle.pk).update(
        name_ko="", ceremony_at=cycle.applications_close_at + timedelta(days=90), ceremony_place_en="Seoul"
    )
    publish_results(cycle)
    html = _main(client.get(_edition_url("ko")).content.decode())
    assert f'<h1><span lang="en">{cycle.name_en}</span> 수상자</h1>' in html
    assert '<span lang="en">Seoul</span>' in html
