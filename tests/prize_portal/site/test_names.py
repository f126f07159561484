"""Menus of languages and countries name them in the page's language, sorted
as a reader of that language expects, and are built per form."""

from __future__ import annotations

import pytest
from django.utils import translation

from prize_portal.site.names import country_choices, language_choices, name_order


def test_name_order_sets_accents_voicing_and_case_aside_except_to_break_ties() -> None:
    assert sorted(["Zulu", "Árabe", "arabe", "Alemán"], key=name_order) == ["Alemán", "arabe", "Árabe", "Zulu"]
    assert sorted(["トルコ語", "ドイツ語", "タイ語"], key=name_order) == ["タイ語", "ドイツ語", "トルコ語"]


def test_language_choices_are_named_in_the_active_language() -> None:
    with translation.override("ja"):
        assert dict(language_choices(["ko", "en"])) == {"ko": "韓国語", "en": "英語"}
    with translation.override("fr"):
        assert language_choices(["ko", "en", "de"]) == [("de", "Allemand"), ("en", "Anglais"), ("ko", "Coréen")]


def test_country_choices_start_empty_and_follow_the_active_language() -> None:
    with translation.override("es"):
        choices = dict(country_choices("Elija un país"))
    assert choices[""] == "Elija un país"
    assert choices["KR"] == "Corea del Sur"


def test_country_menus_follow_each_alphabet() -> None:
    """Collation (pyuca) puts Hangul and kana in their own order, not English's."""
    with translation.override("ko"):
        korean = [name for _code, name in country_choices("")[1:4]]
    with translation.override("ja"):
        japanese = [name for _code, name in country_choices("")[1:3]]
    assert korean == sorted(korean, key=name_order)
    assert korean[0].startswith("가")
    assert japanese[0].startswith("ア")


@pytest.mark.parametrize(
    ("language", "names"),
    [("ko", ["힌디어", "몽골어", "말레이어"]), ("zh-hans", ["印地语", "蒙古语", "马来语"])],
)
def test_languages_django_misnames_are_named_as_they_are_called(language: str, names: list[str]) -> None:
    with translation.override(language):
        assert [name for _code, name in language_choices(["hi", "mn", "ms"])] == sorted(names, key=name_order)
