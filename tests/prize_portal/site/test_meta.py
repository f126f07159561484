"""What a public page's head says for search and sharing
(prize_portal/site/meta.py, templates/site/_meta.html): descriptions from the
page's content, titles in the page's language, the prize's share card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import translation
from PIL import Image

from categories.models import Category, Cycle
from prize_portal.site.meta import ShareImage, absolute, page_meta_for, summary
from tests.factories import CategoryFactory, CycleFactory
from tests.prize_portal.site.heads import Head, read_head

SITE_URL = "https://prize.example.org"
DEFAULT_IMAGE = f"{SITE_URL}/static/img/share-default.png"


@pytest.fixture(autouse=True)
def _site_url(settings: Any) -> None:
    settings.SITE_URL = SITE_URL


def _head(client: Client, path: str) -> Head:
    response = client.get(path)
    assert response.status_code == 200
    return read_head(response.content.decode())


# --- Descriptions --------------------------------------------------------------------


def test_summary_keeps_a_short_text_as_plain_text() -> None:
    assert summary("  Cities that <b>walk</b>\n together  ") == "Cities that walk together"


def test_summary_cuts_a_long_text_at_a_word() -> None:
    text = "Smart cities for everyone, " * 10
    cut = summary(text)
    assert len(cut) <= 160
    assert cut == "Smart cities for everyone, " * 5 + "Smart cities for…"  # a whole word, then the ellipsis


def test_summary_cuts_text_without_spaces_at_the_length() -> None:
    text = "약자와동행하는도시" * 30
    cut = summary(text)
    assert len(cut) == 160
    assert cut == text[:159] + "…"


# --- The meta object ---------------------------------------------------------------------


def test_the_meta_names_the_page_in_every_language_on_site_url() -> None:
    with translation.override("ja"):
        meta = page_meta_for("about", title="Title", description="Description")
    assert meta.url == f"{SITE_URL}/ja/about/"
    assert [(alternate.code, alternate.url) for alternate in meta.alternates] == [
        (code, f"{SITE_URL}/{code}/about/") for code in ("en", "ko", "ja", "zh-hans", "es", "fr")
    ]
    assert meta.default_url == f"{SITE_URL}/about/"
    assert meta.locale == "ja_JP"
    assert meta.locale_alternates == ("en_GB", "ko_KR", "zh_CN", "es_ES", "fr_FR")


def test_without_a_photo_the_meta_shows_the_prize_card() -> None:
    meta = page_meta_for("home", title="Title", description="Description")
    assert (meta.image.url, meta.image.width, meta.image.height) == (DEFAULT_IMAGE, 1200, 630)
    assert meta.image.alt.startswith("The Seoul Smart City Prize logo")


def test_a_photo_given_is_the_share_image() -> None:
    photo = ShareImage(url=f"{SITE_URL}/en/winners/2030/photos/1/", alt="Photo from “Clean buses” by Lima")
    assert page_meta_for("home", title="Title", description="Description", image=photo).image == photo


def test_an_address_already_absolute_stays_as_it_is() -> None:
    assert absolute("https://cdn.example.net/static/img/share-default.png") == (
        "https://cdn.example.net/static/img/share-default.png"
    )
    assert absolute("/static/img/share-default.png") == DEFAULT_IMAGE


def test_the_share_card_is_a_1200_by_630_png() -> None:
    found = finders.find("img/share-default.png")
    assert isinstance(found, str)
    with Image.open(Path(found)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert image.convert("RGB").getpixel((20, 20)) == (246, 244, 238)  # the card's calm background


# --- Pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_home_page_is_shared_with_the_prize_name_and_card_in_korean(client: Client) -> None:
    head = _head(client, "/ko/")
    assert head.value("og:title") == "서울스마트시티상"
    assert head.value("description") == head.value("og:description")
    assert head.value("description").startswith("포용적이고 혁신적인 스마트시티")
    assert head.value("og:image") == DEFAULT_IMAGE
    assert (head.value("og:image:width"), head.value("og:image:height")) == ("1200", "630")
    assert head.value("og:locale") == "ko_KR"
    assert [link["href"] for link in head.rel("canonical")] == [f"{SITE_URL}/ko/"]


@pytest.mark.django_db
def test_the_about_page_title_names_the_prize(client: Client) -> None:
    head = _head(client, "/fr/about/")
    assert head.value("og:title") == "À propos du prix · Prix Seoul Smart City"
    assert head.value("twitter:title") == head.value("og:title")
    assert head.value("description").startswith("Le Prix Seoul Smart City")


@pytest.mark.django_db
def test_the_cycle_page_is_described_by_its_tagline_in_the_page_language(client: Client) -> None:
    CycleFactory(year=2030, tagline_en="Cities that walk together", tagline_ko="약자와 동행하는 도시")
    head = _head(client, "/ko/cycles/2030/")
    assert head.value("og:title") == "2030 서울스마트시티상"
    assert head.value("description") == "약자와 동행하는 도시"
    english = _head(client, "/en/cycles/2030/")
    assert english.value("og:title") == "Seoul Smart City Prize 2030"
    assert english.value("description") == "Cities that walk together"


@pytest.mark.django_db
def test_a_long_description_is_cut_to_160_characters(client: Client) -> None:
    CycleFactory(year=2030, description_en="An edition for cities that listen. " * 20)
    description = _head(client, "/en/cycles/2030/").value("description")
    assert description == "An edition for cities that listen. " * 4 + "An edition for…"


@pytest.mark.django_db
def test_a_cycle_without_text_has_the_generic_description(client: Client) -> None:
    cycle = CycleFactory(year=2030)
    assert (cycle.tagline, cycle.description) == ("", "")
    head = _head(client, "/en/cycles/2030/")
    assert head.value("description") == (
        "The categories and dates of Seoul Smart City Prize 2030: who may apply and how entries are judged."
    )


@pytest.mark.django_db
def test_the_category_page_is_described_by_its_summary(client: Client) -> None:
    category = CategoryFactory(cycle=CycleFactory(year=2030), code="project", name_en="Project")
    Category.objects.filter(pk=category.pk).update(summary_en="Projects that make <em>cities</em> inclusive.")
    head = _head(client, "/en/cycles/2030/categories/project/")
    assert head.value("og:title") == "Project · Seoul Smart City Prize 2030"
    assert head.value("description") == "Projects that make cities inclusive."
    assert head.value("og:url") == f"{SITE_URL}/en/cycles/2030/categories/project/"


@pytest.mark.django_db
def test_a_category_without_text_has_the_generic_description(client: Client) -> None:
    CategoryFactory(cycle=CycleFactory(year=2030), code="special", name_en="Special")
    head = _head(client, "/en/cycles/2030/categories/special/")
    assert head.value("description") == (
        "The Special category of Seoul Smart City Prize 2030: who may take part and how entries are judged."
    )


@pytest.mark.django_db
def test_the_winners_index_title_names_the_prize(client: Client) -> None:
    assert _head(client, "/en/winners/").value("og:title") == "Winners · Seoul Smart City Prize"
    assert _head(client, "/ko/winners/").value("og:title") == "수상자 · 서울스마트시티상"
    assert "<title>Winners · Seoul Smart City Prize</title>" in client.get("/en/winners/").content.decode()


@pytest.mark.django_db
def test_a_page_carries_the_head_once(client: Client) -> None:
    """base.html's include and the winners pages' own head never both appear."""
    for path in ("/en/", "/en/about/", "/en/winners/"):
        head = _head(client, path)
        assert len(head.rel("canonical")) == 1, path
        assert len(head.values("og:title")) == 1, path


@pytest.mark.django_db
def test_the_about_page_takes_one_query(client: Client, django_assert_num_queries: Any) -> None:
    Cycle.objects.all().delete()
    CycleFactory(year=2030, tagline_en="Cities that walk together")
    with django_assert_num_queries(1):  # the current edition, for the link to its page
        assert client.get("/en/about/").status_code == 200
