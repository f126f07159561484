"""The seeded 2026 edition speaks all six languages, in the glossary's words,
and an edition seeded before (English and Korean only) is completed without
touching what staff wrote."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Model
from modeltranslation.translator import translator

from categories import seed
from categories.models import AwardLevel, Category, Cycle, Question, RubricLevel, Track
from categories.seed.glossary import forbidden_variants
from categories.services import seed_prize_2026_fill_translations

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NEW_LANGUAGES = ["ja", "zh_hans", "es", "fr"]


def _models() -> list[type[Model]]:
    return [model for model in translator.get_registered_models() if model._meta.app_label == "categories"]


def _fields(model: type[Model]) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def _texts() -> Iterator[tuple[str, str, str]]:
    """(language, where, text) of every translation field of every seeded object."""
    for model in _models():
        for obj in model.objects.all():
            for name in _fields(model):
                for language in LANGUAGES:
                    value = getattr(obj, f"{name}_{language.replace('-', '_')}")
                    yield language, f"{model.__name__} {obj.pk} {name}_{language}", value or ""


def _snapshot() -> dict[str, str]:
    return {where: text for _language, where, text in _texts()}


@pytest.fixture
def seeded() -> None:
    call_command("seed_prize", stdout=io.StringIO())


def test_the_seed_covers_the_site_languages() -> None:
    assert list(seed.LANGUAGES) == LANGUAGES


def test_t_wants_every_language_and_no_empty_one() -> None:
    with pytest.raises(TypeError):
        seed.t(en="Gold", ko="금상")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="fr"):
        seed.t(en="Gold", ko="금상", ja="金賞", zh_hans="金奖", es="Oro", fr=" ")


def test_every_translatable_field_of_every_seeded_object_is_filled_in_six_languages(seeded: None) -> None:
    seeded_models = [model for model in _models() if model.objects.exists()]
    assert {model.__name__ for model in seeded_models} >= {
        "Cycle",
        "Category",
        "Track",
        "Criterion",
        "RubricLevel",
        "Question",
        "QuestionChoice",
        "AwardLevel",
    }
    empty = [where for _language, where, text in _texts() if not text.strip()]
    assert empty == []


def test_languages_say_different_things_only_where_names_stay_latin(seeded: None) -> None:
    """A translation is not a copy of the English (track names excepted)."""
    copies = [
        where
        for language, where, text in _texts()
        if language in ("ja", "zh-hans") and re.fullmatch(r"[\x00-\x7f]+", text)
    ]
    assert all(where.startswith("Track ") and " name_" in where for where in copies), copies


def test_award_levels_carry_the_glossary_names(seeded: None) -> None:
    words = {"gold": "Gold", "silver": "Silver", "bronze": "Bronze", "special-mention": "Special Mention"}
    for level in AwardLevel.objects.all():
        for language in LANGUAGES:
            name = getattr(level, f"name_{language.replace('-', '_')}")
            assert name == seed.GLOSSARY[words[level.code]][language], (level.code, language)


def test_the_cycle_name_is_the_prize_official_name(seeded: None) -> None:
    cycle = Cycle.objects.get(year=2026)
    for language in LANGUAGES:
        name = getattr(cycle, f"name_{language.replace('-', '_')}")
        assert seed.GLOSSARY["prize name"][language] in name, language
        assert "2026" in name


def test_no_seeded_text_uses_a_variant_the_glossary_forbids(seeded: None) -> None:
    found = [
        (where, variants) for language, where, text in _texts() if (variants := forbidden_variants(language, text))
    ]
    assert found == []


def test_the_glossary_itself_uses_no_forbidden_variant() -> None:
    for term, words in seed.GLOSSARY.items():
        for language, word in words.items():
            assert not forbidden_variants(language, word), (term, language)


def test_forbidden_variants_are_found() -> None:
    assert forbidden_variants("fr", "Le juge a noté la candidature.") == ["juge"]
    assert forbidden_variants("fr", "Le jugement est rendu.") == []  # whole words only
    assert forbidden_variants("ja", "審査員が採点します。") == ["審査員"]
    assert forbidden_variants("ja", "審査委員会が採点します。") == []


def test_french_texts_follow_french_typography(seeded: None) -> None:
    for language, where, text in _texts():
        if language == "fr":
            assert not re.search(r" [:;?!»]|« ", text), where  # no-break spaces there
            assert "'" not in text, where  # typographic apostrophe


def _blank_new_languages() -> None:
    """What a database seeded before the four new languages looks like."""
    for model in _models():
        blank = {f"{name}_{language}": "" for name in _fields(model) for language in NEW_LANGUAGES}
        model.objects.update(**blank)


def test_fill_completes_an_edition_seeded_in_english_and_korean(seeded: None) -> None:
    complete = _snapshot()
    _blank_new_languages()
    fill = seed_prize_2026_fill_translations()
    assert fill.left_edited == 0
    assert _snapshot() == complete
    assert fill.filled_total == sum(1 for where in complete if where.endswith(("_ja", "_zh-hans", "_es", "_fr")))
    assert fill.filled["cycles"] == 4 * 4  # name, tagline, description, ceremony place
    assert fill.filled["award_levels"] == 4 * 2 * 4


def test_fill_never_overwrites_and_leaves_edited_or_emptied_texts_alone(seeded: None) -> None:
    _blank_new_languages()
    project = Category.objects.get(code="project")
    Category.objects.filter(pk=project.pk).update(name_ja="事務局が編集した部門名", name_ko="프로젝트 부문")
    budget = Question.objects.get(category=project, code="budget-total")
    Question.objects.filter(pk=budget.pk).update(label_en="Total budget (euros)")
    Track.objects.filter(code="human-centricity").update(description_en="", description_ko="")
    fill = seed_prize_2026_fill_translations()

    project.refresh_from_db()
    assert (project.name_ja, project.name_ko) == ("事務局が編集した部門名", "프로젝트 부문")
    assert project.name_fr == "Projet"
    budget.refresh_from_db()
    assert [budget.label_ja, budget.label_zh_hans, budget.label_es, budget.label_fr] == ["", "", "", ""]
    assert budget.help_text_ja == "米ドルに換算した金額を数字のみで入力してください。"  # its English is unedited
    assert fill.left_edited == 4
    track = Track.objects.get(code="human-centricity")
    assert (track.description_en, track.description_ja) == ("", "")
    assert track.summary_ja


def test_fill_twice_changes_nothing_the_second_time(seeded: None) -> None:
    _blank_new_languages()
    assert seed_prize_2026_fill_translations().filled_total > 0
    after_first = _snapshot()
    second = seed_prize_2026_fill_translations()
    assert (second.filled_total, second.filled) == (0, {})
    assert _snapshot() == after_first


def test_fill_skips_objects_staff_deleted_or_recoded(seeded: None) -> None:
    _blank_new_languages()
    Category.objects.filter(code="leadership").update(code="leaders")
    RubricLevel.objects.filter(score=5).delete()
    counts = {model: model.objects.count() for model in _models()}
    seed_prize_2026_fill_translations()
    assert {model: model.objects.count() for model in _models()} == counts
    assert Category.objects.get(code="leaders").name_ja == ""
    assert Category.objects.get(code="special").name_ja == "特別賞部門"


def test_fill_without_the_2026_edition_does_nothing() -> None:
    fill = seed_prize_2026_fill_translations()
    assert (fill.filled_total, fill.left_edited) == (0, 0)
    assert not Cycle.objects.exists()


def test_seed_prize_on_an_existing_edition_fills_and_says_how_many(seeded: None) -> None:
    _blank_new_languages()
    Question.objects.filter(code="budget-total").update(label_en="Total budget (euros)")
    out = io.StringIO()
    call_command("seed_prize", stdout=out)
    output = out.getvalue()
    match = re.match(r"The 2026 edition exists already; filled (\d+) empty translation fields \(", output)
    assert match, output
    assert int(match.group(1)) > 1000
    assert "cycles" in output
    # three categories ask budget-total: 3 questions, 4 new languages each
    assert "12 empty translation fields left empty: their English text was edited in admin" in output
    out = io.StringIO()
    call_command("seed_prize", stdout=out)
    assert out.getvalue().startswith("The 2026 edition exists already; nothing changed.\n")


def test_fill_keeps_conditions_and_never_puts_back_one_staff_removed(seeded: None) -> None:
    """The deploy job fills on every start: a condition staff removed stays removed."""
    _blank_new_languages()
    Question.objects.filter(category__code="project", code="budget-source").update(shown_if=None, shown_if_values=[])
    seed_prize_2026_fill_translations()
    removed = Question.objects.get(category__code="project", code="budget-source")
    kept = Question.objects.get(category__code="special", code="budget-source")
    assert (removed.shown_if, removed.shown_if_values) == (None, [])
    assert (kept.shown_if.code, kept.shown_if_values) == ("funding", ["co-funded"])
    assert (removed.label_ja, kept.label_fr) == ("財源の内訳", "Origine du budget")
    funding = Question.objects.get(category__code="project", code="funding")
    assert funding.choices.get(code="co-funded").label_zh_hans == "与合作伙伴共同出资"


def test_fill_completes_a_question_whose_trigger_staff_deleted(seeded: None) -> None:
    """Its condition's values are left behind (admin asks staff to clear them); the fill still fills its texts."""
    _blank_new_languages()
    Question.objects.filter(category__code="project", code="funding").delete()
    seed_prize_2026_fill_translations()
    source = Question.objects.get(category__code="project", code="budget-source")
    assert (source.shown_if, source.shown_if_values) == (None, ["co-funded"])
    assert source.label_es == "Origen del presupuesto"
