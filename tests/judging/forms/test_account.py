"""The account forms name languages and countries in the active language,
and build those names for each form, not once when the module loads."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from judging.forms.account import JudgeProfileForm, StandingConflictForm, reading_language_choices
from judging.models import JudgeProfile

pytestmark = pytest.mark.django_db


def _labels(field: Any) -> dict[str, str]:
    return {str(value): str(label) for value, label in field.choices}


def _profile_form(judge: Any) -> JudgeProfileForm:
    return JudgeProfileForm(instance=JudgeProfile.objects.get(user=judge))


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ja", {"ja": "日本語", "en": "英語", "ko": "韓国語", "fr": "フランス語"}),
        ("ko", {"ja": "일본어", "en": "영어", "ko": "한국어", "fr": "프랑스어"}),
        ("fr", {"ja": "Japonais", "en": "Anglais", "ko": "Coréen", "fr": "Français"}),
    ],
)
def test_reading_languages_are_named_in_the_active_language(judge: Any, language: str, names: dict[str, str]) -> None:
    with translation.override(language):
        labels = _labels(_profile_form(judge).fields["languages"])
    assert {code: labels[code] for code in names} == names
    assert not {"English", "Japanese", "Korean"} & set(labels.values())


def test_reading_languages_are_named_anew_for_each_form(judge: Any) -> None:
    with translation.override("en"):
        english = _labels(_profile_form(judge).fields["languages"])
    with translation.override("ja"):
        japanese = _labels(_profile_form(judge).fields["languages"])
    with translation.override("en"):
        english_again = _labels(_profile_form(judge).fields["languages"])
    assert (english["ko"], japanese["ko"], english_again["ko"]) == ("Korean", "韓国語", "Korean")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Arabic", "Bengali", "Dutch", "English"]),
        ("es", ["Alemán", "Árabe", "Bengalí", "Chino simplificado"]),  # Á with A, not after Z
        ("fr", ["Allemand", "Anglais", "Arabe", "Bengali"]),
        ("ja", ["アラビア語", "イタリア語", "インドネシア語", "ウクライナ語"]),  # the kana's own order
        ("ko", ["네덜란드어", "독일어", "러시아어"]),  # Hangul's order
    ],
)
def test_reading_languages_are_sorted_by_their_name_in_the_active_language(language: str, expected: list[str]) -> None:
    with translation.override(language):
        names = [name for _code, name in reading_language_choices()]
    assert names[: len(expected)] == expected
    assert len(names) == len(set(names))


def test_reading_languages_keep_a_saved_language_that_is_not_on_offer(judge: Any) -> None:
    profile = JudgeProfile.objects.get(user=judge)
    profile.languages = ["ko", "sw"]
    with translation.override("ja"):
        labels = _labels(JudgeProfileForm(instance=profile).fields["languages"])
    assert labels["sw"] == "スワヒリ語"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ja", {"": "国を選択", "KR": "韓国", "JP": "日本", "FR": "フランス"}),
        ("zh-hans", {"": "选择国家", "KR": "韩国", "JP": "日本", "FR": "法国"}),
        ("es", {"": "Elija un país", "KR": "Corea del Sur", "JP": "Japón", "FR": "Francia"}),
    ],
)
def test_standing_conflict_countries_are_named_in_the_active_language(language: str, names: dict[str, str]) -> None:
    with translation.override(language):
        labels = _labels(StandingConflictForm().fields["country"])
    assert {code: labels[code] for code in names} == names
    assert "South Korea" not in labels.values()


def test_standing_conflict_countries_are_named_anew_for_each_form() -> None:
    with translation.override("en"):
        english = _labels(StandingConflictForm().fields["country"])
    with translation.override("ja"):
        japanese = _labels(StandingConflictForm().fields["country"])
    with translation.override("en"):
        english_again = _labels(StandingConflictForm().fields["country"])
    assert (english["KR"], japanese["KR"], english_again["KR"]) == ("South Korea", "韓国", "South Korea")
    assert (english[""], japanese[""]) == ("Choose a country", "国を選択")


def test_standing_conflict_countries_are_sorted_as_every_country_menu(judge: Any) -> None:
    with translation.override("fr"):
        conflict = list(_labels(StandingConflictForm().fields["country"]).items())[1:]
        profile = list(_labels(_profile_form(judge).fields["country"]).items())[1:]
    assert conflict == profile
    assert [name for _code, name in conflict[:3]] == ["Afghanistan", "Afrique du Sud", "Albanie"]


def test_standing_conflict_form_takes_a_country_chosen_in_another_language() -> None:
    data = {"kind": "country", "country": "KR", "reason": "Conseiller du ministère."}
    with translation.override("fr"):
        form = StandingConflictForm(data)
        assert form.is_valid(), form.errors
    assert form.service_arguments()["country"] == "KR"


def test_profile_form_countries_are_named_anew_for_each_form(judge: Any) -> None:
    with translation.override("ja"):
        japanese = _labels(_profile_form(judge).fields["country"])
    with translation.override("ko"):
        korean = _labels(_profile_form(judge).fields["country"])
    assert (japanese["KR"], korean["KR"]) == ("韓国", "대한민국")
