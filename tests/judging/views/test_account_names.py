"""The judge's profile page names languages and countries in the page's
language: the menus to choose from and the standing conflicts declared."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from judging.enums import ConflictKind
from judging.services import conflict_declare_standing

pytestmark = pytest.mark.django_db


def _profile_html(judge: Any, language: str) -> str:
    client = Client()
    client.force_login(judge)
    with translation.override(language):
        url = reverse("judging:profile")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _checkboxes(html: str, name: str) -> dict[str, str]:
    """Value and label text of each checkbox called ``name``."""
    found = re.findall(
        rf'<label[^>]*><input type="checkbox" name="{name}" value="([^"]+)"[^>]*>\s*([^<]+)</label>', html
    )
    return {value: label.strip() for value, label in found}


def _options(html: str, name: str) -> dict[str, str]:
    """Value and text of each option of the menu called ``name``."""
    menu = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert menu, f"no menu {name}"
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', menu.group(1)))


def _standing(html: str) -> list[str]:
    """The 'With' cell of each standing conflict."""
    table = re.search(r'<table aria-labelledby="standing-title">(.*?)</table>', html, re.S)
    assert table, "no standing conflicts"
    return [cells[1].strip() for cells in re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table.group(1), re.S)]


@pytest.mark.parametrize(
    ("language", "languages", "countries"),
    [
        ("ja", {"ja": "日本語", "en": "英語", "ko": "韓国語"}, {"KR": "韓国", "JP": "日本", "DE": "ドイツ"}),
        (
            "es",
            {"ja": "Japonés", "en": "Inglés", "ko": "Coreano"},
            {"KR": "Corea del Sur", "JP": "Japón", "DE": "Alemania"},
        ),
    ],
)
def test_profile_page_names_languages_and_countries_in_its_language(
    judge: Any, language: str, languages: dict[str, str], countries: dict[str, str]
) -> None:
    html = _profile_html(judge, language)

    read = _checkboxes(html, "languages")
    assert {code: read[code] for code in languages} == languages
    assert not {"English", "Japanese", "Korean"} & set(read.values())
    for menu in ("country", "conflict-country"):
        names = _options(html, menu)
        assert {code: names[code] for code in countries} == countries, menu
        assert "South Korea" not in names.values()


def test_profile_page_menus_follow_the_language_of_each_request(judge: Any) -> None:
    english, japanese, english_again = (_profile_html(judge, language) for language in ("en", "ja", "en"))

    assert [_checkboxes(html, "languages")["ko"] for html in (english, japanese, english_again)] == [
        "Korean",
        "韓国語",
        "Korean",
    ]
    assert [_options(html, "conflict-country")["KR"] for html in (english, japanese, english_again)] == [
        "South Korea",
        "韓国",
        "South Korea",
    ]


def test_profile_page_names_the_country_of_a_standing_conflict_in_its_language(judge: Any) -> None:
    conflict_declare_standing(judge=judge, kind=ConflictKind.COUNTRY, country="KR", reason="I advise the ministry.")

    assert _standing(_profile_html(judge, "ja")) == ["韓国"]
    assert _standing(_profile_html(judge, "fr")) == ["Corée du Sud"]
